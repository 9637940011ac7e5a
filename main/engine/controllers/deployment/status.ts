// calculateStatus and syncDeploymentStatus (kubernetes v1.32 pkg/controller/deployment/sync.go): the counts over
// every ReplicaSet, the Available condition (`Deployment has minimum availability.`), written through the status
// subresource only when something changed. Zero counts are left out, as the v1 JSON's omitempty leaves them.

import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/apps/types'
import { newDeploymentCondition, REASONS, setDeploymentCondition } from './conditions'
import { nowTime, type SyncContext } from './context'
import {
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
} from './replicas'
import { semanticEqual } from '../../api/semantic-equal'

/** A status as Go's JSON writes it: fields in struct order, zero counts omitted. */
export function cleanStatus(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {}
  for (const f of ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) {
    if (s[f]) out[f] = s[f]
  }
  if (s.conditions && s.conditions.length > 0) out.conditions = s.conditions
  if (s.collisionCount != null) out.collisionCount = s.collisionCount
  return out
}

/** calculateStatus. `newRS` may be undefined (not created yet). */
export function calculateStatus(ctx: SyncContext, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): DeploymentStatus {
  const available = getAvailableReplicaCountForReplicaSets(allRSs)
  const unavailable = Math.max(0, getReplicaCountForReplicaSets(allRSs) - available)
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    conditions: [...(d.status?.conditions ?? [])],
    collisionCount: d.status?.collisionCount,
  }
  if (available >= (d.spec.replicas ?? 0) - maxUnavailable(d)) {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'True', REASONS.minimumReplicasAvailable, 'Deployment has minimum availability.', nowTime(ctx)))
  } else {
    setDeploymentCondition(status, newDeploymentCondition('Available', 'False', REASONS.minimumReplicasUnavailable, 'Deployment does not have minimum availability.', nowTime(ctx)))
  }
  return cleanStatus(status)
}

/**
 * UpdateStatus of the working copy `d` (its status and annotations); `d` then carries what was stored and the
 * new resourceVersion, so a later write in the same sync does not conflict. Throws ApiError.
 */
export function updateDeploymentStatus(ctx: SyncContext, d: Deployment): void {
  const written = ctx.client.updateStatus<Deployment>({ ...d, status: cleanStatus(d.status ?? {}) })
  d.status = written.status
  d.metadata = { ...d.metadata, resourceVersion: written.metadata.resourceVersion, annotations: written.metadata.annotations }
}

/** Sets `status` on `d` and writes it when it differs from `d`'s (reflect.DeepEqual). Throws ApiError. */
export function writeStatus(ctx: SyncContext, d: Deployment, status: DeploymentStatus): void {
  if (semanticEqual(cleanStatus(d.status ?? {}), cleanStatus(status))) return
  d.status = status
  updateDeploymentStatus(ctx, d)
}

/** syncDeploymentStatus. */
export function syncDeploymentStatus(ctx: SyncContext, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  writeStatus(ctx, d, calculateStatus(ctx, allRSs, newRS, d))
}
