// podutil.UpdatePodCondition (pkg/api/v1/pod/util.go): a condition replaces the one of its type in place, or is
// appended; its lastTransitionTime moves only when its status changes.

import type { PodCondition, PodStatus } from '../../api/pods/types'

/** Sets `condition` (its lastTransitionTime is `now`, RFC 3339, unless the status stays) on `status`. */
export function updatePodCondition(status: PodStatus, condition: Omit<PodCondition, 'lastTransitionTime' | 'lastProbeTime'>, now: string): PodStatus {
  const conditions = [...(status.conditions ?? [])]
  const at = conditions.findIndex((c) => c.type === condition.type)
  const old = at < 0 ? undefined : conditions[at]
  const next: PodCondition = {
    type: condition.type,
    status: condition.status,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === condition.status ? old.lastTransitionTime : now,
    ...(condition.reason !== undefined ? { reason: condition.reason } : {}),
    ...(condition.message !== undefined ? { message: condition.message } : {}),
  }
  if (at < 0) conditions.push(next)
  else conditions[at] = next
  return { ...status, conditions }
}
