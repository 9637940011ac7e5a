// trackJobStatusAndRemoveFinalizers, flushUncountedAndRemoveFinalizers, enactJobFinished and recordJobFinished
// (kubernetes v1.32 pkg/controller/job/job_controller.go): a finished pod is first written into
// status.uncountedTerminatedPods, then its tracking finalizer is removed, then it moves into succeeded/failed;
// the terminal condition (Complete after SuccessCriteriaMet, Failed after FailureTarget) comes once nothing is
// uncounted and no pod is terminating.

import { JOB_TRACKING_FINALIZER } from '../../api/batch/labels'
import type { Job, JobCondition, JobStatus } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'
import { isApiError } from '../../api/errors'
import { involved } from '../../events/recorder'
import { rfc3339 } from '../../runtime/clock'
import { ensureCondition, newCondition } from './conditions'
import { isIndexed, type JobControllerDeps, type SyncContext } from './context'
import { completionIndex, formatIndexes, hasIndex, totalIndexes, UNKNOWN_INDEX, withIndexes } from './indexed'
import { matchPodFailurePolicy } from './pod-failure-policy'
import { hasTrackingFinalizer, isPodFailed } from './pods'

/** MaxUncountedPods: at most this many pods enter uncountedTerminatedPods per sync. */
const MAX_UNCOUNTED_PODS = 500

/** Writes the Job's status as this sync leaves it and releases the pods it counted. Throws an ApiError to be retried. */
export function trackJobStatusAndRemoveFinalizers(deps: JobControllerDeps, ctx: SyncContext, needsStatusUpdate: boolean): void {
  let needsFlush = needsStatusUpdate
  const job = ctx.job
  const status = job.status as JobStatus
  const uncounted = (status.uncountedTerminatedPods ??= {})
  const indexed = isIndexed(job)
  const completions = job.spec.completions ?? 0
  const pods = indexed ? [...ctx.pods].sort((a, b) => completionIndex(a) - completionIndex(b)) : ctx.pods
  const withFinalizer = new Set(pods.filter((p) => hasTrackingFinalizer(p) && !ctx.expectedRmFinalizers.has(p.metadata.uid ?? '')).map((p) => p.metadata.uid ?? ''))
  if (cleanUncountedWithoutFinalizers(status, withFinalizer)) needsFlush = true

  const toRelease: Pod[] = []
  const newSucceededIndexes: number[] = []
  let reachedMax = false
  for (const pod of pods) {
    const uid = pod.metadata.uid ?? ''
    if (!hasTrackingFinalizer(pod) || ctx.expectedRmFinalizers.has(uid)) continue
    const failed = isPodFailed(pod, job)
    if (!canRemoveFinalizer(ctx, pod, failed)) continue
    toRelease.push(pod)
    if (pod.status?.phase === 'Succeeded' && !ctx.uncountedFailed.has(uid)) {
      if (indexed) {
        const ix = completionIndex(pod)
        if (ix !== UNKNOWN_INDEX && ix < completions && !hasIndex(ctx.prevSucceededIndexes, ix)) {
          newSucceededIndexes.push(ix)
          needsFlush = true
        }
      } else if (!ctx.uncountedSucceeded.has(uid)) {
        needsFlush = true
        uncounted.succeeded = [...(uncounted.succeeded ?? []), uid]
      }
    } else if (failed || (ctx.finishedCondition && ctx.finishedCondition.type !== 'SuccessCriteriaMet')) {
      // A finishing Job counts every pod that did not succeed as failed.
      const ix = completionIndex(pod)
      if (!ctx.uncountedFailed.has(uid) && (!indexed || (ix !== UNKNOWN_INDEX && ix < completions))) {
        if (matchPodFailurePolicy(job, pod).countFailed) {
          needsFlush = true
          uncounted.failed = [...(uncounted.failed ?? []), uid]
        }
      }
    }
    if (newSucceededIndexes.length + (uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) >= MAX_UNCOUNTED_PODS) {
      reachedMax = true
      break
    }
  }
  if (indexed) {
    ctx.succeededIndexes = withIndexes(ctx.succeededIndexes, newSucceededIndexes)
    const text = formatIndexes(ctx.succeededIndexes)
    if (text !== (status.completedIndexes ?? '')) needsFlush = true
    status.succeeded = totalIndexes(ctx.succeededIndexes)
    status.completedIndexes = text
  }
  const now = rfc3339(deps.now())
  const cond = ctx.finishedCondition
  if (cond?.type === 'FailureTarget') {
    // The interim FailureTarget is written before the finalizers go; Failed follows once all is counted.
    status.conditions = [...(status.conditions ?? []), cond]
    needsFlush = true
    ctx.finishedCondition = newCondition('Failed', 'True', cond.reason ?? '', cond.message ?? '', now)
  } else if (cond?.type === 'SuccessCriteriaMet') {
    if (!(status.conditions ?? []).some((c) => c.type === 'SuccessCriteriaMet')) {
      status.conditions = [...(status.conditions ?? []), cond]
      needsFlush = true
    }
    ctx.finishedCondition = newCondition('Complete', 'True', cond.reason ?? '', cond.message ?? '', now)
  }

  needsFlush = flushAndRemoveFinalizers(deps, ctx, toRelease, withFinalizer, needsFlush)
  const finished = !reachedMax && enactJobFinished(ctx, now)
  if (finished) needsFlush = true
  if (needsFlush) {
    ctx.job = writeStatus(deps, ctx.job)
    if (finished && ctx.finishedCondition) recordJobFinished(deps, ctx.job, ctx.finishedCondition)
  }
}

/** cleanUncountedPodsWithoutFinalizers: uncounted pods whose finalizer is gone move into the counters. */
function cleanUncountedWithoutFinalizers(status: JobStatus, withFinalizer: ReadonlySet<string>): boolean {
  const uncounted = (status.uncountedTerminatedPods ??= {})
  let updated = false
  const succeeded = (uncounted.succeeded ?? []).filter((uid) => withFinalizer.has(uid))
  if (succeeded.length !== (uncounted.succeeded ?? []).length) {
    updated = true
    status.succeeded = (status.succeeded ?? 0) + (uncounted.succeeded ?? []).length - succeeded.length
    uncounted.succeeded = succeeded
  }
  const failed = (uncounted.failed ?? []).filter((uid) => withFinalizer.has(uid))
  if (failed.length !== (uncounted.failed ?? []).length) {
    updated = true
    status.failed = (status.failed ?? 0) + (uncounted.failed ?? []).length - failed.length
    uncounted.failed = failed
  }
  return updated
}

/** canRemoveFinalizer: the Job is going or finishing, the pod succeeded, or it failed. */
function canRemoveFinalizer(ctx: SyncContext, pod: Pod, failed: boolean): boolean {
  return !!ctx.job.metadata.deletionTimestamp || !!ctx.finishedCondition || pod.status?.phase === 'Succeeded' || failed
}

/**
 * flushUncountedAndRemoveFinalizers: writes the uncounted pods first (so a crash cannot lose them), then
 * removes the finalizers, then moves what was released into the counters. Returns whether the status still
 * needs writing.
 */
function flushAndRemoveFinalizers(deps: JobControllerDeps, ctx: SyncContext, toRelease: readonly Pod[], withFinalizer: Set<string>, needsFlush: boolean): boolean {
  if (needsFlush) {
    ctx.job = writeStatus(deps, ctx.job)
    needsFlush = false
  }
  const namespace = ctx.job.metadata.namespace ?? ''
  deps.finalizerExpectations.expectRemoval(ctx.key, toRelease.map((p) => p.metadata.uid ?? ''))
  let error: unknown
  for (const pod of toRelease) {
    const uid = pod.metadata.uid ?? ''
    try {
      deps.client.patch('pods', namespace, pod.metadata.name ?? '', 'strategic', { metadata: { '$deleteFromPrimitiveList/finalizers': [JOB_TRACKING_FINALIZER] } })
      withFinalizer.delete(uid)
    } catch (e) {
      if (isApiError(e) && e.reason === 'NotFound') withFinalizer.delete(uid)
      else error ??= e
      deps.finalizerExpectations.removalObserved(ctx.key, uid)
    }
  }
  if (cleanUncountedWithoutFinalizers(ctx.job.status as JobStatus, withFinalizer)) needsFlush = true
  if (error) {
    if (needsFlush) ctx.job = writeStatus(deps, ctx.job)
    throw error
  }
  return needsFlush
}

/** enactJobFinished: the terminal condition (and completionTime), once nothing is uncounted or terminating. */
function enactJobFinished(ctx: SyncContext, now: string): boolean {
  const cond = ctx.finishedCondition
  if (!cond) return false
  const status = ctx.job.status as JobStatus
  const uncounted = status.uncountedTerminatedPods ?? {}
  if ((uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) > 0) return false
  if (ctx.terminating > 0) return false
  ;[status.conditions] = ensureCondition(status.conditions ?? [], cond.type, cond.status, cond.reason ?? '', cond.message ?? '', now)
  if (cond.type === 'Complete') status.completionTime = cond.lastTransitionTime
  return true
}

/** recordJobFinished's events: Normal Completed "Job completed", or a Warning with the failure's reason and message. */
function recordJobFinished(deps: JobControllerDeps, job: Job, cond: JobCondition): void {
  const source = { component: 'job-controller' }
  if (cond.type === 'Complete') {
    const completions = job.spec.completions
    if (completions != null && (job.status?.succeeded ?? 0) > completions) {
      deps.events.legacy(involved(job), 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached', source)
    }
    deps.events.legacy(involved(job), 'Normal', 'Completed', 'Job completed', source)
  } else {
    deps.events.legacy(involved(job), 'Warning', cond.reason ?? '', cond.message ?? '', source)
  }
}

/** UpdateStatus of the Job as the sync has it; returns the stored Job with the sync's status. */
function writeStatus(deps: JobControllerDeps, job: Job): Job {
  const stored = deps.client.updateStatus({ ...job, status: wireStatus(job.status as JobStatus) })
  return { ...stored, status: structuredClone(stored.status) } as Job
}

/** The status as batch/v1 serializes it: zero counters and empty uid lists are omitted (omitempty). */
function wireStatus(status: JobStatus): JobStatus {
  const out: JobStatus = { ...status }
  for (const k of ['active', 'succeeded', 'failed'] as const) if (!out[k]) delete out[k]
  const uncounted = { ...out.uncountedTerminatedPods }
  if (!uncounted.succeeded?.length) delete uncounted.succeeded
  if (!uncounted.failed?.length) delete uncounted.failed
  out.uncountedTerminatedPods = uncounted
  return out
}
