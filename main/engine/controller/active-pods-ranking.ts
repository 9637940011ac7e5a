// Which pods a controller deletes first when it scales down (kubernetes v1.32 pkg/controller/controller_utils.go
// ActivePodsWithRanks.Less, with the 1.32 defaults of its feature gates: PodDeletionCost and LogarithmicScaleDown
// on). Smaller sorts first, and the first ones are deleted.

import type { Pod } from '../api/pods/types'
import { parseTime } from '../runtime/clock'
import { isPodReady, podReadyCondition } from './pod-util'

/** core.PodDeletionCost. */
export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost'

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 }
const MIN_INT32 = -2147483648
const MAX_INT32 = 2147483647

/** GetDeletionCostFromPodAnnotations: the int32 cost, 0 when absent or not a canonical int32 ("+1", "007"). */
export function deletionCost(pod: Pod): number {
  const value = pod.metadata.annotations?.[POD_DELETION_COST]
  if (value === undefined || !/^(0|[1-9][0-9]*|-[0-9]+)$/.test(value)) return 0
  const n = Number(value)
  return Number.isInteger(n) && n >= MIN_INT32 && n <= MAX_INT32 ? n : 0
}

/** metav1.Time in ms; a missing or zero time is undefined (Go's IsZero). */
const time = (t: string | null | undefined): number | undefined => parseTime(t)

/** afterOrZero: t1 after t2, a zero time counting as after any other. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined
  return t1 > t2
}

/** logarithmicRankDiff: floor(log2) of each age in nanoseconds (-1 when not positive), subtracted. */
function logarithmicRankDiff(t1: number, t2: number, nowMs: number): number {
  const rank = (t: number) => {
    const ns = (nowMs - t) * 1e6
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1
  }
  return rank(t1) - rank(t2)
}

/** The newer of two times sorts first: by log2 age bucket when both are set, ties broken by uid. */
function newerFirst(t1: number | undefined, t2: number | undefined, nowMs: number, a: Pod, b: Pod): boolean {
  if (t1 === undefined || t2 === undefined) return afterOrZero(t1, t2)
  const diff = logarithmicRankDiff(t1, t2, nowMs)
  if (diff === 0) return (a.metadata.uid ?? '') < (b.metadata.uid ?? '')
  return diff < 0
}

function readyTime(pod: Pod): number | undefined {
  const c = podReadyCondition(pod)
  return c?.status === 'True' ? time(c.lastTransitionTime) : undefined
}

/** maxContainerRestarts: the highest restart count of the regular containers, and of the sidecars. */
function maxContainerRestarts(pod: Pod): [regular: number, sidecar: number] {
  const regular = Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0))
  const sidecars = new Set((pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name))
  const sidecar = Math.max(0, ...(pod.status?.initContainerStatuses ?? []).filter((c) => sidecars.has(c.name)).map((c) => c.restartCount ?? 0))
  return [regular, sidecar]
}

/**
 * ActivePodsWithRanks.Less: `a` (rank `rankA`, the number of related active pods on its node) is deleted before
 * `b`. `nowMs` is the virtual time in ms.
 */
export function lessActivePodWithRank(a: Pod, rankA: number, b: Pod, rankB: number, nowMs: number): boolean {
  const [nodeA, nodeB] = [a.spec.nodeName ?? '', b.spec.nodeName ?? '']
  // 1. Unassigned < assigned.
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === ''
  // 2. Pending < Unknown < Running.
  const [phaseA, phaseB] = [PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0, PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0]
  if (phaseA !== phaseB) return phaseA < phaseB
  // 3. Not ready < ready.
  const [readyA, readyB] = [isPodReady(a), isPodReady(b)]
  if (readyA !== readyB) return !readyA
  // 4. Lower pod-deletion-cost < higher.
  const [costA, costB] = [deletionCost(a), deletionCost(b)]
  if (costA !== costB) return costA < costB
  // 5. Doubled up (more related pods on its node) < not doubled up.
  if (rankA !== rankB) return rankA > rankB
  // 6. Ready for less time < more time.
  if (readyA && readyB) {
    const [ta, tb] = [readyTime(a), readyTime(b)]
    if (ta !== tb) return newerFirst(ta, tb, nowMs, a, b)
  }
  // 7. More container restarts < fewer.
  const [[regA, sideA], [regB, sideB]] = [maxContainerRestarts(a), maxContainerRestarts(b)]
  if (regA !== regB) return regA > regB
  if (sideA !== sideB) return sideA > sideB
  // 8. Newer (or no) creation time < older.
  const [ca, cb] = [time(a.metadata.creationTimestamp), time(b.metadata.creationTimestamp)]
  if (ca !== cb) return newerFirst(ca, cb, nowMs, a, b)
  return false
}

/** `pods` sorted by ActivePodsWithRanks (ranks[i] belongs to pods[i]); equal pods keep their order. */
export function sortActivePodsWithRanks(pods: readonly Pod[], ranks: readonly number[], nowMs: number): Pod[] {
  const indexed = pods.map((pod, i) => ({ pod, rank: ranks[i] ?? 0 }))
  indexed.sort((x, y) => (lessActivePodWithRank(x.pod, x.rank, y.pod, y.rank, nowMs) ? -1 : lessActivePodWithRank(y.pod, y.rank, x.pod, x.rank, nowMs) ? 1 : 0))
  return indexed.map((x) => x.pod)
}
