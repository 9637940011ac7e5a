// rolloutRolling (kubernetes v1.32 pkg/controller/deployment/rolling.go): scale the new ReplicaSet up within
// replicas + maxSurge, then the old ones down keeping replicas - maxUnavailable available (unhealthy old
// replicas first), one step per sync; old ReplicaSets beyond the history limit go once the rollout is complete.

import type { Deployment, ReplicaSet } from '../../api/apps/types'
import type { SyncContext } from './context'
import { getAllReplicaSetsAndSyncRevision } from './new-replica-set'
import { syncRolloutStatus } from './progress'
import { byCreationTimestamp, deploymentComplete, filterActiveReplicaSets, getAvailableReplicaCountForReplicaSets, getReplicaCountForReplicaSets, maxUnavailable, newRSNewReplicas } from './replicas'
import { cleanupDeployment, scaleAndRecord } from './sync'

function reconcileNewReplicaSet(ctx: SyncContext, allRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  const desired = d.spec.replicas ?? 0
  const current = newRS.spec.replicas ?? 0
  if (current === desired) return false
  if (current > desired) return scaleAndRecord(ctx, newRS, desired, d)[0]
  return scaleAndRecord(ctx, newRS, newRSNewReplicas(d, allRSs, newRS), d)[0]
}

/** cleanupUnhealthyReplicas: scales old ReplicaSets down by their unavailable replicas, at most `maxCleanup` in all. */
function cleanupUnhealthyReplicas(ctx: SyncContext, oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): [ReplicaSet[], number] {
  const sorted = [...oldRSs].sort(byCreationTimestamp)
  let total = 0
  for (let i = 0; i < sorted.length; i++) {
    const rs = sorted[i] as ReplicaSet
    if (total >= maxCleanup) break
    const replicas = rs.spec.replicas ?? 0
    const available = rs.status?.availableReplicas ?? 0
    if (replicas === 0 || replicas === available) continue
    const count = Math.min(maxCleanup - total, replicas - available)
    const newCount = replicas - count
    if (newCount > replicas) throw new Error(`when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${replicas} -> ${newCount}`)
    sorted[i] = scaleAndRecord(ctx, rs, newCount, d)[1]
    total += count
  }
  return [sorted, total]
}

/** scaleDownOldReplicaSetsForRollingUpdate: down to replicas - maxUnavailable available, oldest first. */
function scaleDownOldForRollingUpdate(ctx: SyncContext, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): number {
  const minAvailable = (d.spec.replicas ?? 0) - maxUnavailable(d)
  const available = getAvailableReplicaCountForReplicaSets(allRSs)
  if (available <= minAvailable) return 0
  const toScaleDown = available - minAvailable
  let total = 0
  for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
    if (total >= toScaleDown) break
    const replicas = rs.spec.replicas ?? 0
    if (replicas === 0) continue
    const count = Math.min(replicas, toScaleDown - total)
    scaleAndRecord(ctx, rs, replicas - count, d)
    total += count
  }
  return total
}

function reconcileOldReplicaSets(ctx: SyncContext, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): boolean {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return false
  const allPods = getReplicaCountForReplicaSets(allRSs)
  const minAvailable = (d.spec.replicas ?? 0) - maxUnavailable(d)
  const newRSUnavailable = (newRS.spec.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0)
  const maxScaledDown = allPods - minAvailable - newRSUnavailable
  if (maxScaledDown <= 0) return false
  const [cleaned, cleanupCount] = cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown)
  const scaledDown = scaleDownOldForRollingUpdate(ctx, [...cleaned, newRS], cleaned, d)
  return cleanupCount + scaledDown > 0
}

/** rolloutRolling. Throws ApiError. */
export function rolloutRolling(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): void {
  const [created, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true)
  const newRS = created as ReplicaSet
  const allRSs = [...oldRSs, newRS]
  if (reconcileNewReplicaSet(ctx, allRSs, newRS, d)) return syncRolloutStatus(ctx, allRSs, newRS, d)
  if (reconcileOldReplicaSets(ctx, allRSs, filterActiveReplicaSets(oldRSs), newRS, d)) return syncRolloutStatus(ctx, allRSs, newRS, d)
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d)
  syncRolloutStatus(ctx, allRSs, newRS, d)
}
