// Deployment conditions (kubernetes v1.32 pkg/controller/deployment/util/deployment_util.go): the reasons, and
// New/Get/Set/RemoveDeploymentCondition with upstream's rule that a condition of the same status and reason is
// left alone and lastTransitionTime moves only when the status changes. Times are RFC 3339 seconds (metav1.Time).

import type { DeploymentCondition, DeploymentStatus, ReplicaSetCondition } from '../../api/apps/types'
import type { ConditionStatus } from '../../api/pods/types'

export const REASONS = {
  /** Progressing: a ReplicaSet was scaled as part of the rollout. */
  replicaSetUpdated: 'ReplicaSetUpdated',
  failedRSCreate: 'ReplicaSetCreateError',
  newReplicaSet: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  /** Available. */
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const

/** NewDeploymentCondition at `now` (RFC 3339), in the v1 field order. */
export function newDeploymentCondition(type: string, status: ConditionStatus, reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message }
}

export function getDeploymentCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/** SetDeploymentCondition (mutates `status`). */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getDeploymentCondition(status, condition.type)
  if (current && current.status === condition.status && current.reason === condition.reason) return
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next]
}

/** RemoveDeploymentCondition (mutates `status`); a status left without conditions has none. */
export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  const kept = (status.conditions ?? []).filter((c) => c.type !== type)
  if (kept.length > 0) status.conditions = kept
  else delete status.conditions
}

/** ReplicaSetToDeploymentCondition: a ReplicaSet's ReplicaFailure promoted to its Deployment. */
export function replicaSetToDeploymentCondition(c: ReplicaSetCondition): DeploymentCondition {
  return { type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message }
}
