// syncJob (kubernetes v1.32 pkg/controller/job/job_controller.go), one step for one Job: count the finished
// pods, decide whether the Job failed (podFailurePolicy FailJob, backoffLimit, activeDeadlineSeconds) or
// succeeded (SuccessCriteriaMet, then Complete), otherwise create or delete pods (manage-job.ts), then write
// the status and release the counted pods' finalizers (track-status.ts). Gates as 1.32 has them on:
// JobPodReplacementPolicy and JobManagedBy (so the terminal condition waits for terminating pods behind
// FailureTarget / SuccessCriteriaMet), JobSuccessPolicy, PodIndexLabel.

import type { Job } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'
import { involved } from '../../events/recorder'
import { rfc3339 } from '../../runtime/clock'
import { backoffRecord } from './backoff'
import {
  findCondition,
  isFinished,
  MESSAGE_BACKOFF_LIMIT,
  MESSAGE_COMPLETIONS_REACHED,
  MESSAGE_DEADLINE,
  newCondition,
  ensureCondition,
  REASON_BACKOFF_LIMIT_EXCEEDED,
  REASON_COMPLETIONS_REACHED,
  REASON_DEADLINE_EXCEEDED,
  REASON_POD_FAILURE_POLICY,
} from './conditions'
import { isIndexed, isSuspended, type JobControllerDeps, type SyncContext } from './context'
import { deleteJobPods } from './delete-pods'
import { completionIndex, succeededIndexes, UNKNOWN_INDEX } from './indexed'
import { manageJob } from './manage-job'
import { failJobMessage, matchPodFailurePolicy } from './pod-failure-policy'
import { hasTrackingFinalizer, isActive, isPodFailed, isReady, isTerminating, restartsWhileActive } from './pods'
import { trackJobStatusAndRemoveFinalizers } from './track-status'

export type { JobControllerDeps }

/** Syncs the Job at `key` (`namespace/name`), `job` as the lister has it (undefined once deleted). Throws to be retried. */
export function syncJob(deps: JobControllerDeps, key: string, shared: Job | undefined): void {
  if (!shared) {
    deps.expectations.deleteExpectations(key)
    deps.finalizerExpectations.deleteExpectations(key)
    return
  }
  if (isFinished(shared.status)) return
  const mode = shared.spec.completionMode
  if (mode != null && mode !== 'NonIndexed' && mode !== 'Indexed') return

  const job: Job = structuredClone(shared)
  const status = (job.status ??= {})
  status.uncountedTerminatedPods ??= {}
  const now = rfc3339(deps.now())

  // Expectations first, so a pod created meanwhile cannot sneak in uncounted.
  const satisfied = deps.expectations.satisfiedExpectations(key)
  const pods = deps.podsOf(job)
  const activePods = pods.filter(isActive)
  const uncounted = status.uncountedTerminatedPods
  const ctx: SyncContext = {
    key,
    job,
    pods,
    activePods,
    ready: activePods.filter(isReady).length,
    terminating: pods.filter(isTerminating).length,
    succeeded: 0,
    failed: 0,
    uncountedSucceeded: new Set(uncounted.succeeded ?? []),
    uncountedFailed: new Set(uncounted.failed ?? []),
    expectedRmFinalizers: deps.finalizerExpectations.expectedUids(key),
    backoff: backoffRecord(job, pods),
    prevSucceededIndexes: [],
    succeededIndexes: [],
  }
  let active = activePods.length
  const { newSucceeded, newFailed } = newFinishedPods(ctx)
  ctx.succeeded = (status.succeeded ?? 0) + newSucceeded.length + ctx.uncountedSucceeded.size
  const ignored = newFailed.filter((p) => !matchPodFailurePolicy(job, p).countFailed).length
  ctx.failed = (status.failed ?? 0) + newFailed.length - ignored + ctx.uncountedFailed.size

  if (!status.startTime && !isSuspended(job)) status.startTime = now

  const exceedsBackoffLimit = ctx.failed > (job.spec.backoffLimit ?? 6)
  ctx.finishedCondition = findCondition(status.conditions, 'SuccessCriteriaMet')
  if (ctx.finishedCondition?.status !== 'True') ctx.finishedCondition = undefined
  if (!ctx.finishedCondition) {
    const target = findCondition(status.conditions, 'FailureTarget')
    const message = failJobMessage(job, pods)
    if (target?.status === 'True') ctx.finishedCondition = newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now)
    else if (message !== undefined) ctx.finishedCondition = newCondition('FailureTarget', 'True', REASON_POD_FAILURE_POLICY, message, now)
  }
  if (!ctx.finishedCondition) {
    if (exceedsBackoffLimit || pastBackoffLimitOnFailure(job, pods)) {
      ctx.finishedCondition = newCondition('FailureTarget', 'True', REASON_BACKOFF_LIMIT_EXCEEDED, MESSAGE_BACKOFF_LIMIT, now)
    } else if (pastActiveDeadline(job, deps.now())) {
      ctx.finishedCondition = newCondition('FailureTarget', 'True', REASON_DEADLINE_EXCEEDED, MESSAGE_DEADLINE, now)
    } else if (job.spec.activeDeadlineSeconds != null && !isSuspended(job)) {
      deps.enqueueAfter(key, job.spec.activeDeadlineSeconds * 1000 - (deps.now() - Date.parse(status.startTime ?? now)))
    }
  }

  if (isIndexed(job)) {
    ;[ctx.prevSucceededIndexes, ctx.succeededIndexes] = succeededIndexes(job, pods)
    ctx.succeeded = ctx.succeededIndexes.reduce((n, i) => n + i.last - i.first + 1, 0)
  }

  let manageError: unknown
  let suspendChanged = false
  if (ctx.finishedCondition) {
    // The finishing Job's active pods are deleted keeping their finalizers: the tracking counts them failed.
    const { removed: deleted, removedReady, error } = deleteJobPods(deps, ctx, activePods, false)
    ctx.ready -= removedReady
    manageError = error
    // Not finished yet while pods may still appear or keep finalizers.
    if (deleted !== active || !satisfied) ctx.finishedCondition = undefined
    active -= deleted
    ctx.terminating += deleted
  } else {
    let managed = false
    if (satisfied && !job.metadata.deletionTimestamp) {
      try {
        active = manageJob(deps, ctx)
      } catch (e) {
        manageError = e
        active = ctx.activePods.length
      }
      managed = true
    }
    const completions = job.spec.completions
    const complete = completions == null ? ctx.succeeded > 0 && active === 0 : ctx.succeeded >= completions && active === 0
    if (complete) {
      ctx.finishedCondition = newCondition('SuccessCriteriaMet', 'True', REASON_COMPLETIONS_REACHED, MESSAGE_COMPLETIONS_REACHED, now)
    } else if (managed) {
      const suspended = isSuspended(job)
      const [conditions, changed] = suspended
        ? ensureCondition(status.conditions ?? [], 'Suspended', 'True', 'JobSuspended', 'Job suspended', now)
        : ensureCondition(status.conditions ?? [], 'Suspended', 'False', 'JobResumed', 'Job resumed', now)
      if (changed) {
        status.conditions = conditions
        suspendChanged = true
        deps.events.legacy(involved(job), 'Normal', suspended ? 'Suspended' : 'Resumed', suspended ? 'Job suspended' : 'Job resumed', { component: 'job-controller' })
        // activeDeadlineSeconds counts continuous activity: a resumed Job starts again.
        if (!suspended) status.startTime = now
      }
    }
  }

  const needsStatusUpdate = suspendChanged || active !== (status.active ?? 0) || ctx.ready !== status.ready || ctx.terminating !== status.terminating
  status.active = active
  status.ready = ctx.ready
  status.terminating = ctx.terminating
  trackJobStatusAndRemoveFinalizers(deps, ctx, needsStatusUpdate)
  if (manageError) throw manageError
}

/** getNewFinishedPods: finished pods still holding their finalizer and not yet in uncountedTerminatedPods. */
function newFinishedPods(ctx: SyncContext) {
  const completions = ctx.job.spec.completions ?? 0
  const valid = ctx.pods.filter((p) => {
    const uid = p.metadata.uid ?? ''
    if (!hasTrackingFinalizer(p) || ctx.expectedRmFinalizers.has(uid)) return false
    if (isIndexed(ctx.job)) {
      const ix = completionIndex(p)
      if (ix === UNKNOWN_INDEX || ix >= completions) return false
    }
    return true
  })
  return {
    newSucceeded: valid.filter((p) => p.status?.phase === 'Succeeded' && !ctx.uncountedSucceeded.has(p.metadata.uid ?? '')),
    newFailed: valid.filter((p) => isPodFailed(p, ctx.job) && !ctx.uncountedFailed.has(p.metadata.uid ?? '')),
  }
}

/** pastBackoffLimitOnFailure: with OnFailure, the restarts of running and pending pods count as failures. */
function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false
  const restarts = pods.reduce((n, p) => n + restartsWhileActive(p), 0)
  const limit = job.spec.backoffLimit ?? 6
  return limit === 0 ? restarts > 0 : restarts >= limit
}

/** pastActiveDeadline: a started, unsuspended Job active for activeDeadlineSeconds or longer. */
function pastActiveDeadline(job: Job, nowMs: number): boolean {
  const deadline = job.spec.activeDeadlineSeconds
  const start = job.status?.startTime
  if (deadline == null || !start || isSuspended(job)) return false
  return nowMs - Date.parse(start) >= deadline * 1000
}
