// sync, scale, scaleReplicaSet, cleanupDeployment, checkPausedConditions and isScalingEvent (kubernetes v1.32
// pkg/controller/deployment/sync.go): what a paused Deployment or a resize does (scale, proportionally during a
// rollout; no rollout), the ScalingReplicaSet events (`Scaled up replica set x from 1 to 3`), and the cleanup of
// old ReplicaSets beyond revisionHistoryLimit.

import type { Deployment, ReplicaSet } from '../../api/apps/types'
import { isApiError } from '../../api/errors'
import { desiredReplicasAnnotation, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './annotations'
import { getDeploymentCondition, newDeploymentCondition, REASONS, setDeploymentCondition } from './conditions'
import { nowTime, recordEvent, type SyncContext } from './context'
import { getAllReplicaSetsAndSyncRevision } from './new-replica-set'
import { byRevision, filterActiveReplicaSets, findActiveOrLatest, hasProgressDeadline, hasRevisionHistoryLimit, isRollingUpdate, isSaturated, maxSurge } from './replicas'
import { proportionalScale } from './scale'
import { syncDeploymentStatus, updateDeploymentStatus } from './status'

/**
 * scaleReplicaSet: sets `rs`'s replicas to `newScale` and its desired/max annotations; records ScalingReplicaSet
 * when the size changed. Returns [scaled, the ReplicaSet as stored]. Throws ApiError.
 */
function scaleReplicaSet(ctx: SyncContext, rs: ReplicaSet, newScale: number, d: Deployment, operation: string): [boolean, ReplicaSet] {
  const oldScale = rs.spec.replicas ?? 0
  const desired = d.spec.replicas ?? 0
  const max = desired + maxSurge(d)
  const sizeNeedsUpdate = oldScale !== newScale
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return [false, rs]
  const copy = structuredClone(rs) as ReplicaSet
  copy.spec.replicas = newScale
  setReplicasAnnotations(copy, desired, max)
  const updated = ctx.client.update(copy)
  if (sizeNeedsUpdate) recordEvent(ctx, d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${updated.metadata.name ?? ''} from ${oldScale} to ${newScale}`)
  return [sizeNeedsUpdate, updated]
}

/** scaleReplicaSetAndRecordEvent. */
export function scaleAndRecord(ctx: SyncContext, rs: ReplicaSet, newScale: number, d: Deployment): [boolean, ReplicaSet] {
  if ((rs.spec.replicas ?? 0) === newScale) return [false, rs]
  return scaleReplicaSet(ctx, rs, newScale, d, (rs.spec.replicas ?? 0) < newScale ? 'up' : 'down')
}

/** scale: a resize without a rollout; proportional when several ReplicaSets are active. */
function scale(ctx: SyncContext, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs)
  if (activeOrLatest) {
    if ((activeOrLatest.spec.replicas ?? 0) !== (d.spec.replicas ?? 0)) scaleAndRecord(ctx, activeOrLatest, d.spec.replicas ?? 0, d)
    return
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) scaleAndRecord(ctx, old, 0, d)
    return
  }
  if (!isRollingUpdate(d)) return
  const { operation, sizes } = proportionalScale(d, filterActiveReplicaSets([...oldRSs, newRS]))
  for (const { rs, size } of sizes) scaleReplicaSet(ctx, rs, size, d, operation)
}

/** cleanupDeployment: deletes the oldest old ReplicaSets beyond revisionHistoryLimit that are scaled down and settled. */
export function cleanupDeployment(ctx: SyncContext, oldRSs: ReplicaSet[], d: Deployment): void {
  if (!hasRevisionHistoryLimit(d)) return
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp)
  const diff = cleanable.length - (d.spec.revisionHistoryLimit ?? 0)
  if (diff <= 0) return
  cleanable.sort(byRevision)
  for (const rs of cleanable.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec.replicas ?? 0) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue
    try {
      ctx.client.delete('replicasets', rs.metadata.namespace, rs.metadata.name ?? '')
    } catch (e) {
      if (!(isApiError(e) && e.reason === 'NotFound')) throw e
    }
  }
}

/** sync: a paused Deployment or a scaling event. */
export function syncScaling(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false)
  scale(ctx, d, newRS, oldRSs)
  // Clean up the deployment when it's paused (no rollback in flight in apps/v1).
  if (d.spec.paused) cleanupDeployment(ctx, oldRSs, d)
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d)
}

/** syncStatusOnly: a Deployment being deleted only reports. */
export function syncStatusOnly(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): void {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false)
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS, d)
}

/** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed, unless it timed out already. */
export function checkPausedConditions(ctx: SyncContext, d: Deployment): void {
  if (!hasProgressDeadline(d)) return
  const cond = getDeploymentCondition(d.status, 'Progressing')
  if (cond?.reason === REASONS.timedOut) return
  const pausedCondExists = cond?.reason === REASONS.paused
  let condition
  if (d.spec.paused && !pausedCondExists) condition = newDeploymentCondition('Progressing', 'Unknown', REASONS.paused, 'Deployment is paused', nowTime(ctx))
  else if (!d.spec.paused && pausedCondExists) condition = newDeploymentCondition('Progressing', 'Unknown', REASONS.resumed, 'Deployment is resumed', nowTime(ctx))
  if (!condition) return
  d.status = structuredClone(d.status ?? {})
  setDeploymentCondition(d.status, condition)
  updateDeploymentStatus(ctx, d)
}

/** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(ctx: SyncContext, d: Deployment, rsList: ReplicaSet[]): boolean {
  const [newRS, oldRSs] = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false)
  return filterActiveReplicaSets([...oldRSs, newRS]).some((rs) => {
    const desired = desiredReplicasAnnotation(rs)
    return desired !== undefined && desired !== (d.spec.replicas ?? 0)
  })
}
