// manageJob (kubernetes v1.32 pkg/controller/job/job_controller.go): creates or deletes pods so that as many
// run as parallelism and the remaining completions allow, after the failure back-off; a suspended Job's pods
// are deleted. Creation goes through PodControl (SuccessfulCreate events) with the tracking finalizer; an
// Indexed Job's pods get their index as annotation, label, hostname and JOB_COMPLETION_INDEX.

import { JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER } from '../../api/batch/labels'
import type { PodTemplateSpec } from '../../api/apps/types'
import type { Job } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'
import { isApiError } from '../../api/errors'
import { remainingBackoffMs } from './backoff'
import { isIndexed, isSuspended, type JobControllerDeps, type SyncContext } from './context'
import { completionIndex, firstPendingIndexes, generateNameWithIndex, UNKNOWN_INDEX } from './indexed'
import { isReady, onlyReplaceFailedPods } from './pods'
import { deleteJobPods } from './delete-pods'

/** MaxPodCreateDeletePerSync. */
const MAX_POD_CREATE_DELETE_PER_SYNC = 500
const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX'

/** Returns the number of active pods after this sync's creations and deletions. Throws the first failed create. */
export function manageJob(deps: JobControllerDeps, ctx: SyncContext): number {
  const job = ctx.job
  let active = ctx.activePods.length
  const parallelism = job.spec.parallelism ?? 1

  if (isSuspended(job)) return active - removePods(deps, ctx, activePodsForRemoval(job, ctx.activePods, active))

  const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0
  let wantActive: number
  if (job.spec.completions == null) wantActive = ctx.succeeded > 0 ? active : parallelism
  else wantActive = Math.max(0, Math.min(job.spec.completions - ctx.succeeded, parallelism))

  const toDelete = activePodsForRemoval(job, ctx.activePods, Math.max(0, active - wantActive)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC)
  // Deleting takes precedence over creating in one sync.
  if (toDelete.length > 0) return active - removePods(deps, ctx, toDelete)

  let diff = wantActive - terminating - active
  if (diff <= 0) return active
  const wait = remainingBackoffMs(ctx.backoff, deps.now())
  if (wait > 0) {
    deps.enqueueAfter(ctx.key, wait)
    // Upstream returns 0 here: status.active reads 0 while the Job backs off, whatever still runs.
    return 0
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC)
  let indexes: number[] = []
  if (isIndexed(job)) {
    indexes = firstPendingIndexes(ctx.succeededIndexes, ctx.activePods, diff, job.spec.completions ?? 0)
    diff = indexes.length
  }
  if (diff === 0) return active
  deps.expectations.expectCreations(ctx.key, diff)
  const template = podTemplate(job)
  let firstError: unknown
  for (let i = 0; i < diff; i++) {
    const index = indexes[i] ?? UNKNOWN_INDEX
    try {
      if (index === UNKNOWN_INDEX) deps.podControl.createPods(job.metadata.namespace ?? '', template, job)
      else deps.podControl.createPods(job.metadata.namespace ?? '', indexedTemplate(template, job, index), job, generateNameWithIndex(job.metadata.name ?? '', index))
      active++
    } catch (e) {
      // The informer will not see this pod.
      deps.expectations.creationObserved(ctx.key)
      if (isApiError(e) && (e.details.causes ?? []).some((c) => c.reason === 'NamespaceTerminating')) continue
      firstError ??= e
      // Slow start: once a create fails, the rest of the batch is not attempted and not expected.
      for (let skipped = i + 1; skipped < diff; skipped++) deps.expectations.creationObserved(ctx.key)
      break
    }
  }
  if (firstError) throw firstError
  return active
}

/** Deletes pods the Job no longer wants (their finalizers first); returns how many went. Throws the first failure. */
function removePods(deps: JobControllerDeps, ctx: SyncContext, pods: readonly Pod[]): number {
  deps.expectations.expectDeletions(ctx.key, pods.length)
  const { removed, removedReady, error } = deleteJobPods(deps, ctx, pods, true)
  ctx.terminating += removed
  ctx.ready -= removedReady
  if (error) throw error
  return removed
}

/** The Job's template with the tracking finalizer, and for an Indexed Job the JOB_COMPLETION_INDEX variable. */
function podTemplate(job: Job): PodTemplateSpec {
  const template = structuredClone(job.spec.template)
  const finalizers = template.metadata?.finalizers ?? []
  template.metadata = { ...template.metadata, finalizers: finalizers.includes(JOB_TRACKING_FINALIZER) ? finalizers : [...finalizers, JOB_TRACKING_FINALIZER] }
  if (isIndexed(job)) {
    for (const c of [...(template.spec.initContainers ?? []), ...template.spec.containers] as Array<{ env?: Array<{ name: string }> }>) {
      const env = (c.env ??= [])
      if (!env.some((v) => v.name === COMPLETION_INDEX_ENV)) {
        env.push({ name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX}']` } } } as { name: string })
      }
    }
  }
  return template
}

/** addCompletionIndexAnnotation and -Label (PodIndexLabel is on in 1.32), and the hostname `<job>-<index>`. */
function indexedTemplate(base: PodTemplateSpec, job: Job, index: number): PodTemplateSpec {
  const template = structuredClone(base)
  const metadata = (template.metadata ??= {})
  metadata.annotations = { ...metadata.annotations, [JOB_COMPLETION_INDEX]: String(index) }
  metadata.labels = { ...metadata.labels, [JOB_COMPLETION_INDEX]: String(index) }
  template.spec.hostname = `${job.metadata.name ?? ''}-${index}`
  return template
}

/**
 * activePodsForRemoval: for an Indexed Job first the pods of a repeated or out-of-range index, then (as
 * controller.ActivePods ranks them) the least advanced: unscheduled, pending, not ready, most restarted, newest.
 */
export function activePodsForRemoval(job: Job, pods: readonly Pod[], rmAtLeast: number): Pod[] {
  const rm: Pod[] = []
  let left = [...pods]
  if (isIndexed(job)) {
    const completions = job.spec.completions ?? 0
    const seen = new Set<number>()
    left = []
    for (const p of [...pods].sort((a, b) => completionIndex(a) - completionIndex(b))) {
      const ix = completionIndex(p)
      if (ix === UNKNOWN_INDEX || ix >= completions || seen.has(ix)) rm.push(p)
      else {
        seen.add(ix)
        left.push(p)
      }
    }
  }
  if (rm.length < rmAtLeast) rm.push(...left.sort(lessAdvancedFirst).slice(0, rmAtLeast - rm.length))
  return rm
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }
const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => Math.max(n, c.restartCount), 0)

function lessAdvancedFirst(a: Pod, b: Pod): number {
  const scheduled = Number(!!a.spec.nodeName) - Number(!!b.spec.nodeName)
  if (scheduled) return scheduled
  const phase = (PHASE_RANK[a.status?.phase ?? ''] ?? 0) - (PHASE_RANK[b.status?.phase ?? ''] ?? 0)
  if (phase) return phase
  const ready = Number(isReady(a)) - Number(isReady(b))
  if (ready) return ready
  const restart = restarts(b) - restarts(a)
  if (restart) return restart
  return Date.parse(b.metadata.creationTimestamp ?? '') - Date.parse(a.metadata.creationTimestamp ?? '')
}
