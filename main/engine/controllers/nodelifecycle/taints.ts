// The node lifecycle controller's taints (pkg/controller/nodelifecycle/node_lifecycle_controller.go, v1.32):
// the NoExecute pair that mirrors the Ready condition (UnreachableTaintTemplate for Unknown,
// NotReadyTaintTemplate for False), the NoSchedule taints each condition maps to
// (nodeConditionToTaintKeyStatusMap) plus node.kubernetes.io/unschedulable for a cordoned node, and
// SwapNodeControllerTaint: added taints get timeAdded now, the others of the pair go.

import type { Node, Taint } from '../../api/nodes/types'
import { rfc3339 } from '../../runtime/clock'

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready'
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable'
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable'

export const UNREACHABLE_NO_EXECUTE = { key: TAINT_UNREACHABLE, effect: 'NoExecute' } as const
export const NOT_READY_NO_EXECUTE = { key: TAINT_NOT_READY, effect: 'NoExecute' } as const

/** condition type -> condition status -> the NoSchedule taint key it calls for. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
}

/** taintKeyToNodeConditionMap's keys, plus the cordon taint: the NoSchedule taints this controller owns. */
const OWNED_NO_SCHEDULE = new Set([...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)), TAINT_UNSCHEDULABLE])

export interface TaintRef {
  key: string
  effect: string
}

const same = (a: TaintRef, b: TaintRef): boolean => a.key === b.key && a.effect === b.effect

export function hasTaint(node: Node, taint: TaintRef): boolean {
  return (node.spec?.taints ?? []).some((t) => same(t, taint))
}

/** doNoScheduleTaintingPass's target: the NoSchedule taints the node's conditions and cordon call for. */
export function wantedNoScheduleTaints(node: Node): TaintRef[] {
  const wanted: TaintRef[] = []
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status]
    if (key) wanted.push({ key, effect: 'NoSchedule' })
  }
  if (node.spec?.unschedulable) wanted.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' })
  return wanted
}

/** What doNoScheduleTaintingPass changes: the owned NoSchedule taints to add and to remove (TaintSetDiff). */
export function noScheduleDiff(node: Node): { add: TaintRef[]; remove: TaintRef[] } {
  const wanted = wantedNoScheduleTaints(node)
  const have = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && OWNED_NO_SCHEDULE.has(t.key))
  return { add: wanted.filter((w) => !have.some((h) => same(h, w))), remove: have.filter((h) => !wanted.some((w) => same(h, w))) }
}

/**
 * The node's taints after SwapNodeControllerTaint: `add` appended (timeAdded `nowMs`, as RFC 3339) unless
 * present, `remove` dropped. Undefined when nothing changes.
 */
export function swapTaints(node: Node, add: readonly TaintRef[], remove: readonly TaintRef[], nowMs: number): Taint[] | undefined {
  const current = node.spec?.taints ?? []
  const kept = current.filter((t) => !remove.some((r) => same(t, r)))
  const added = add.filter((a) => !kept.some((t) => same(t, a))).map((a) => ({ key: a.key, effect: a.effect, timeAdded: rfc3339(nowMs) }))
  if (added.length === 0 && kept.length === current.length) return undefined
  return [...kept, ...added]
}
