// rolloutRecreate (kubernetes v1.32 pkg/controller/deployment/recreate.go): every old ReplicaSet down to 0, wait
// until no old pod is left running, then the new ReplicaSet (created only now) up to replicas.

import type { Deployment, ReplicaSet } from '../../api/apps/types'
import type { Pod } from '../../api/pods/types'
import type { SyncContext } from './context'
import { getAllReplicaSetsAndSyncRevision } from './new-replica-set'
import { syncRolloutStatus } from './progress'
import { deploymentComplete, filterActiveReplicaSets, getActualReplicaCountForReplicaSets } from './replicas'
import { cleanupDeployment, scaleAndRecord } from './sync'

/** oldPodsRunning: an old ReplicaSet still counts pods, or an old pod is not Succeeded/Failed. `podMap` is by ReplicaSet uid. */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podMap: ReadonlyMap<string, Pod[]>): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')) return true
  }
  return false
}

/** rolloutRecreate. Throws ApiError. */
export function rolloutRecreate(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[], podMap: ReadonlyMap<string, Pod[]>): void {
  let [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false)
  let allRSs = [...oldRSs, newRS]
  let scaledDown = false
  for (const rs of filterActiveReplicaSets(oldRSs)) if (scaleAndRecord(ctx, rs, 0, d)[0]) scaledDown = true
  if (scaledDown) return syncRolloutStatus(ctx, allRSs, newRS, d)
  if (oldPodsRunning(newRS, oldRSs, podMap)) return syncRolloutStatus(ctx, allRSs, newRS, d)
  if (!newRS) {
    ;[newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true)
    allRSs = [...oldRSs, newRS]
  }
  if (newRS) scaleAndRecord(ctx, newRS, d.spec.replicas ?? 0, d)
  if (deploymentComplete(d, d.status ?? {})) cleanupDeployment(ctx, oldRSs, d)
  syncRolloutStatus(ctx, allRSs, newRS, d)
}
