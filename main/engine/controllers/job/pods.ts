// What the Job controller reads of a pod (kubernetes v1.32 pkg/controller/job/job_controller.go and
// pkg/controller/controller_utils.go): active, ready, terminating, failed as the Job counts it, and when it
// finished (backoff_utils.go getFinishedTime).

import { JOB_TRACKING_FINALIZER } from '../../api/batch/labels'
import type { Job } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'

/** controller.FilterActivePods' test: not Succeeded, not Failed, not being deleted. */
export function isActive(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp
}

/** podutil.IsPodReady. */
export function isReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}

/** controller.CountTerminatingPods' test: being deleted and not yet ended. */
export function isTerminating(pod: Pod): boolean {
  const phase = pod.status?.phase
  return !!pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed'
}

export function hasTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)
}

/** onlyReplaceFailedPods: podReplacementPolicy Failed (always so with a podFailurePolicy). */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec.podReplacementPolicy === 'Failed' || !!job.spec.podFailurePolicy
}

/**
 * isPodFailed: Failed, or (unless only failed pods are replaced) deleted before it succeeded, which counts
 * orphans that never reach Failed.
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true
  if (onlyReplaceFailedPods(job)) return false
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded'
}

/**
 * getFinishedTime, in ms: the latest container finishedAt, else when Ready turned False on a pod that ended,
 * else the deletion timestamp, else the creation timestamp.
 */
export function finishedTimeMs(pod: Pod): number {
  const status = pod.status ?? {}
  let latest: number | undefined
  for (const c of [...(status.containerStatuses ?? []), ...(status.initContainerStatuses ?? [])]) {
    const at = c.state?.terminated?.finishedAt
    if (!at) continue
    const t = Date.parse(at)
    if (latest === undefined || t > latest) latest = t
  }
  if (latest !== undefined) return latest
  const phase = status.phase
  if (phase === 'Failed' || phase === 'Succeeded') {
    const ready = (status.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'False')
    if (ready?.lastTransitionTime) return Date.parse(ready.lastTransitionTime)
  }
  if (pod.metadata.deletionTimestamp) return Date.parse(pod.metadata.deletionTimestamp)
  return Date.parse(pod.metadata.creationTimestamp ?? '')
}

/** Sum of the restarts of a running or pending pod's containers (pastBackoffLimitOnFailure). */
export function restartsWhileActive(pod: Pod): number {
  const phase = pod.status?.phase
  if (phase !== 'Running' && phase !== 'Pending') return 0
  const status = pod.status ?? {}
  return [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])].reduce((n, c) => n + c.restartCount, 0)
}
