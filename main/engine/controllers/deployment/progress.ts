// syncRolloutStatus, getReplicaFailures and requeueStuckDeployment (kubernetes v1.32 pkg/controller/deployment/
// progress.go): the Progressing condition (`ReplicaSet "x" is progressing.`, `... has successfully
// progressed.`, `... has timed out progressing.`), ReplicaFailure promoted from the ReplicaSets, and a check
// queued for when the progress deadline would pass.

import type { Deployment, DeploymentCondition, ReplicaSet } from '../../api/apps/types'
import { parseTime } from '../../runtime/clock'
import { getDeploymentCondition, newDeploymentCondition, REASONS, removeDeploymentCondition, replicaSetToDeploymentCondition, setDeploymentCondition } from './conditions'
import { keyOfDeployment, nowTime, type SyncContext } from './context'
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, hasProgressDeadline } from './replicas'
import { calculateStatus, cleanStatus, writeStatus } from './status'
import { semanticEqual } from '../../api/semantic-equal'

function replicaFailures(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const failures = (rs: ReplicaSet | undefined) => (rs?.status?.conditions ?? []).filter((c) => c.type === 'ReplicaFailure').map(replicaSetToDeploymentCondition)
  const fromNew = failures(newRS)
  return fromNew.length > 0 ? fromNew : allRSs.flatMap(failures)
}

/** requeueStuckDeployment: look again when lastUpdateTime + progressDeadlineSeconds comes (plus a second). */
function requeueStuckDeployment(ctx: SyncContext, d: Deployment, newStatus: ReturnType<typeof calculateStatus>): void {
  const current = getDeploymentCondition(d.status, 'Progressing')
  if (!hasProgressDeadline(d) || !current) return
  if (deploymentComplete(d, newStatus) || current.reason === REASONS.timedOut) return
  const afterMs = (parseTime(current.lastUpdateTime ?? '') ?? 0) + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - ctx.now()
  if (afterMs < 1000) ctx.queue.addRateLimited(keyOfDeployment(d))
  else ctx.queue.addAfter(keyOfDeployment(d), afterMs + 1000)
}

/** syncRolloutStatus. Throws ApiError. */
export function syncRolloutStatus(ctx: SyncContext, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const newStatus = calculateStatus(ctx, allRSs, newRS, d)
  if (!hasProgressDeadline(d)) removeDeploymentCondition(newStatus, 'Progressing')
  const current = getDeploymentCondition(d.status, 'Progressing')
  const isCompleteDeployment = (newStatus.replicas ?? 0) === (newStatus.updatedReplicas ?? 0) && current?.reason === REASONS.newRSAvailable
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const name = newRS ? `ReplicaSet "${newRS.metadata.name ?? ''}"` : `Deployment "${d.metadata.name ?? ''}"`
    if (deploymentComplete(d, newStatus)) {
      setDeploymentCondition(newStatus, newDeploymentCondition('Progressing', 'True', REASONS.newRSAvailable, `${name} has successfully progressed.`, nowTime(ctx)))
    } else if (deploymentProgressing(d, newStatus)) {
      const condition = newDeploymentCondition('Progressing', 'True', REASONS.replicaSetUpdated, `${name} is progressing.`, nowTime(ctx))
      // Progress moves lastUpdateTime even when the reason stays: replace the condition, keeping lastTransitionTime while True.
      if (current) {
        if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime
        removeDeploymentCondition(newStatus, 'Progressing')
      }
      setDeploymentCondition(newStatus, condition)
    } else if (deploymentTimedOut(d, newStatus, ctx.now())) {
      setDeploymentCondition(newStatus, newDeploymentCondition('Progressing', 'False', REASONS.timedOut, `${name} has timed out progressing.`, nowTime(ctx)))
    }
  }
  const failures = replicaFailures(allRSs, newRS)
  if (failures[0]) setDeploymentCondition(newStatus, failures[0])
  else removeDeploymentCondition(newStatus, 'ReplicaFailure')
  if (semanticEqual(cleanStatus(d.status ?? {}), cleanStatus(newStatus))) {
    requeueStuckDeployment(ctx, d, newStatus)
    return
  }
  writeStatus(ctx, d, newStatus)
}
