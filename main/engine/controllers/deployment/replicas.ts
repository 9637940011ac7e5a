// The Deployment controller's arithmetic (kubernetes v1.32 pkg/controller/deployment/util/deployment_util.go):
// maxSurge rounds up and maxUnavailable down (ResolveFenceposts, both 0 -> maxUnavailable 1), how far a new
// ReplicaSet may grow (NewRSNewReplicas), saturation, proportional scaling (GetProportion), completion and
// progress, and the ReplicaSet lists (new, old, active) with upstream's sort orders.

import type { Deployment, DeploymentStatus, PodTemplateSpec, ReplicaSet } from '../../api/apps/types'
import { scaledValueFromIntOrPercent } from '../../api/apps/deployment/intstr'
import { parseTime } from '../../runtime/clock'
import { desiredReplicasAnnotation, maxReplicasAnnotation, revisionOf } from './annotations'
import { getDeploymentCondition, REASONS } from './conditions'
import { semanticEqual } from '../../api/semantic-equal'

export const POD_TEMPLATE_HASH = 'pod-template-hash'
const MAX_INT32 = 2147483647

const replicasOf = (rs: ReplicaSet): number => rs.spec.replicas ?? 0
const desiredOf = (d: Deployment): number => d.spec.replicas ?? 0

export const isRollingUpdate = (d: Deployment): boolean => d.spec.strategy?.type === 'RollingUpdate'
export const hasProgressDeadline = (d: Deployment): boolean => d.spec.progressDeadlineSeconds != null && d.spec.progressDeadlineSeconds !== MAX_INT32
export const hasRevisionHistoryLimit = (d: Deployment): boolean => d.spec.revisionHistoryLimit != null && d.spec.revisionHistoryLimit !== MAX_INT32

/** ResolveFenceposts: [surge, unavailable] for `desired` replicas. Throws an Error for an IntOrString that is neither. */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): [number, number] {
  const surge = scaledValueFromIntOrPercent(maxSurge ?? 0, desired, true)
  let unavailable = scaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false)
  // Rounding maxUnavailable down may leave both at 0: then one pod may be unavailable (surge might not work due to quota).
  if (surge === 0 && unavailable === 0) unavailable = 1
  return [surge, unavailable]
}

/** MaxUnavailable: at most spec.replicas; 0 for Recreate or no replicas. */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || desiredOf(d) === 0) return 0
  const r = d.spec.strategy?.rollingUpdate
  const [, unavailable] = resolveFenceposts(r?.maxSurge, r?.maxUnavailable, desiredOf(d))
  return Math.min(unavailable, desiredOf(d))
}

/** MaxSurge: 0 for Recreate. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0
  const r = d.spec.strategy?.rollingUpdate
  return resolveFenceposts(r?.maxSurge, r?.maxUnavailable, desiredOf(d))[0]
}

export const getReplicaCountForReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): number => rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0)
export const getActualReplicaCountForReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): number => rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0)
export const getReadyReplicaCountForReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): number => rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0)
export const getAvailableReplicaCountForReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): number => rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0)

/** NewRSNewReplicas: how many replicas the new ReplicaSet may have now. Throws for an unknown strategy type. */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  switch (d.spec.strategy?.type) {
    case 'RollingUpdate': {
      const surge = scaledValueFromIntOrPercent(d.spec.strategy.rollingUpdate?.maxSurge, desiredOf(d), true)
      const current = getReplicaCountForReplicaSets(allRSs)
      const maxTotal = desiredOf(d) + surge
      if (current >= maxTotal) return replicasOf(newRS)
      return replicasOf(newRS) + Math.min(maxTotal - current, desiredOf(d) - replicasOf(newRS))
    }
    case 'Recreate':
      return desiredOf(d)
    default:
      throw new Error(`deployment type ${d.spec.strategy?.type ?? ''} isn't supported`)
  }
}

/** IsSaturated: the new ReplicaSet has all the Deployment's replicas, desired and available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false
  const desired = desiredReplicasAnnotation(rs)
  if (desired === undefined) return false
  return replicasOf(rs) === desiredOf(d) && desired === desiredOf(d) && (rs.status?.availableReplicas ?? 0) === desiredOf(d)
}

/** integer.RoundToInt32: math.Round, half away from zero. */
const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x))

/** getReplicaSetFraction: the replicas `rs` gains (or loses) when the Deployment is scaled to its size. */
function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (desiredOf(d) === 0) return -replicasOf(rs)
  const deploymentMaxReplicas = desiredOf(d) + maxSurge(d)
  let before = maxReplicasAnnotation(rs)
  if (before === undefined || before === 0) {
    // Someone scaled the ReplicaSet by hand: fall back on the Deployment's current size.
    before = d.status?.replicas ?? 0
    if (before === 0) before = deploymentMaxReplicas
  }
  return roundHalfAway((replicasOf(rs) * deploymentMaxReplicas) / before) - replicasOf(rs)
}

/** GetProportion: `rs`'s share of `toAdd` replicas (negative to remove), `added` being handed out already. */
export function getProportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (!rs || replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0
  const fraction = replicaSetFraction(rs, d)
  const allowed = toAdd - added
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  const n = desiredOf(d)
  return (s.updatedReplicas ?? 0) === n && (s.replicas ?? 0) === n && (s.availableReplicas ?? 0) === n && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than the stored status says. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {}
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0)
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
}

/** DeploymentTimedOut at `nowMs`: the Progressing condition's lastUpdateTime plus the deadline is past. */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false
  const c = getDeploymentCondition(s, 'Progressing')
  if (!c || c.reason === REASONS.newRSAvailable) return false
  if (c.reason === REASONS.timedOut) return true
  const from = parseTime(c.lastUpdateTime ?? '') ?? 0
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < nowMs
}

/** EqualIgnoreHash: the templates are semantically equal but for the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const strip = (t: PodTemplateSpec) => {
    const labels = { ...t.metadata?.labels }
    delete labels[POD_TEMPLATE_HASH]
    return { ...t, metadata: { ...t.metadata, labels } }
  }
  return semanticEqual(strip(a), strip(b))
}

const creationMs = (rs: ReplicaSet): number => parseTime(rs.metadata.creationTimestamp ?? '') ?? 0

/** controller.ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const d = creationMs(a) - creationMs(b)
  if (d !== 0) return d
  const an = a.metadata.name ?? ''
  const bn = b.metadata.name ?? ''
  return an < bn ? -1 : an > bn ? 1 : 0
}

/** ReplicaSetsBySizeOlder: larger first, older first among equals (who is scaled down first). */
export const bySizeOlder = (a: ReplicaSet, b: ReplicaSet): number => replicasOf(b) - replicasOf(a) || byCreationTimestamp(a, b)
/** ReplicaSetsBySizeNewer: larger first, newer first among equals (who is scaled up first). */
export const bySizeNewer = (a: ReplicaSet, b: ReplicaSet): number => replicasOf(b) - replicasOf(a) || byCreationTimestamp(b, a)
/** ReplicaSetsByRevision: lowest revision first (the first cleaned up), then by creation. */
export const byRevision = (a: ReplicaSet, b: ReplicaSet): number => (revisionOf(a) ?? 0) - (revisionOf(b) ?? 0) || byCreationTimestamp(a, b)

export const filterActiveReplicaSets = (rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] => rss.filter((rs): rs is ReplicaSet => !!rs && replicasOf(rs) > 0)

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template))
}

/** FindOldReplicaSets: [old ones with replicas, all old ones]. */
export function findOldReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): [ReplicaSet[], ReplicaSet[]] {
  const newRS = findNewReplicaSet(d, rsList)
  const all = rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid)
  return [all.filter((rs) => replicasOf(rs) !== 0), all]
}

/** FindActiveOrLatest: the only active ReplicaSet, the newest when none is active, undefined when several are. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined
  oldRSs.sort((a, b) => byCreationTimestamp(b, a))
  const active = filterActiveReplicaSets([...oldRSs, newRS])
  if (active.length === 0) return newRS ?? oldRSs[0]
  return active.length === 1 ? active[0] : undefined
}
