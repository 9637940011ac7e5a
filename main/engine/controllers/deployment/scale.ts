// The proportional part of sync.go scale() (kubernetes v1.32 pkg/controller/deployment/sync.go), pure: when a
// rolling Deployment with several active ReplicaSets is resized, replicas + maxSurge are shared out in
// proportion to each ReplicaSet's size (GetProportion), leftovers to the first one, never below 0.

import type { Deployment, ReplicaSet } from '../../api/apps/types'
import { bySizeNewer, bySizeOlder, getProportion, getReplicaCountForReplicaSets, maxSurge } from './replicas'

export interface ProportionalScale {
  /** `up`, `down`, or '' when the total is already right. */
  operation: 'up' | 'down' | ''
  /** Each active ReplicaSet with its new size, in the order upstream scales them. */
  sizes: Array<{ rs: ReplicaSet; size: number }>
}

/** The new sizes of `active` (the Deployment's ReplicaSets with replicas) for `d`'s replicas. */
export function proportionalScale(d: Deployment, active: ReplicaSet[]): ProportionalScale {
  const desired = d.spec.replicas ?? 0
  const allowed = desired > 0 ? desired + maxSurge(d) : 0
  const toAdd = allowed - getReplicaCountForReplicaSets(active)
  const sorted = [...active]
  let operation: ProportionalScale['operation'] = ''
  if (toAdd > 0) {
    sorted.sort(bySizeNewer)
    operation = 'up'
  } else if (toAdd < 0) {
    sorted.sort(bySizeOlder)
    operation = 'down'
  }
  let added = 0
  const sizes = sorted.map((rs) => {
    if (toAdd === 0) return { rs, size: rs.spec.replicas ?? 0 }
    const proportion = getProportion(rs, d, toAdd, added)
    added += proportion
    return { rs, size: (rs.spec.replicas ?? 0) + proportion }
  })
  const first = sizes[0]
  if (first && toAdd !== 0) first.size = Math.max(0, first.size + toAdd - added)
  return { operation, sizes }
}
