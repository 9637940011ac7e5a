// The namespace controller's status conditions (pkg/controller/namespace/deletion/status_condition_utils.go):
// each of the five types is set on every pass, True with what went wrong, else False with its "ok" words.

import type { NamespaceCondition } from '../../resources/namespaces'

const TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const

type ConditionType = (typeof TYPES)[number]

const OK: Record<ConditionType, { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  NamespaceDeletionGroupVersionParsingFailure: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  NamespaceDeletionContentFailure: { reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
}

/** What one pass over the namespace's content found (allGVRDeletionMetadata and the delete errors). */
export interface ContentReport {
  /** `<resource>.<group>` (`pods.`, `deployments.apps`) -> objects left. */
  remaining: Map<string, number>
  /** finalizer -> objects left that carry it. */
  finalizers: Map<string, number>
  /** The errors of deleting content, as Go's err.Error(). */
  errors: string[]
}

/** The True conditions `report` calls for (ProcessContentTotals, makeDeleteContentCondition). */
function failing(report: ContentReport): Map<ConditionType, { reason: string; message: string }> {
  const out = new Map<ConditionType, { reason: string; message: string }>()
  const counts = (m: Map<string, number>, say: (k: string, n: number) => string) =>
    [...m]
      .filter(([, n]) => n > 0)
      .map(([k, n]) => say(k, n))
      .sort()
  const resources = counts(report.remaining, (k, n) => `${k} has ${n} resource instances`)
  if (resources.length > 0) out.set('NamespaceContentRemaining', { reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${resources.join(', ')}` })
  const finalizers = counts(report.finalizers, (k, n) => `${k} in ${n} resource instances`)
  if (finalizers.length > 0) out.set('NamespaceFinalizersRemaining', { reason: 'SomeFinalizerRemain', message: `Some finalizers are remaining: ${finalizers.join(', ')}` })
  if (report.errors.length > 0) {
    const msgs = [...report.errors].sort()
    out.set('NamespaceDeletionContentFailure', {
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(', ')}`,
    })
  }
  return out
}

/**
 * updateConditions: `current` with every type set as `report` says; lastTransitionTime (`now`, RFC 3339) moves
 * only when a status changes. Undefined when nothing changed.
 */
export function updateConditions(current: readonly NamespaceCondition[], report: ContentReport, now: string): NamespaceCondition[] | undefined {
  const next = current.map((c) => ({ ...c }))
  const bad = failing(report)
  let changed = false
  for (const type of TYPES) {
    const want = bad.get(type)
    const wanted: NamespaceCondition = { type, status: want ? 'True' : 'False', lastTransitionTime: now, ...(want ?? OK[type]) }
    const old = next.find((c) => c.type === type)
    if (!old) {
      next.push(wanted)
      changed = true
    } else if (old.status !== wanted.status || old.message !== wanted.message || old.reason !== wanted.reason) {
      if (old.status !== wanted.status) old.lastTransitionTime = now
      Object.assign(old, { status: wanted.status, reason: wanted.reason, message: wanted.message })
      changed = true
    }
  }
  return changed ? next : undefined
}
