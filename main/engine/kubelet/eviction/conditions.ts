// What node pressure looks like on the Node: the kubelet's MemoryPressure / DiskPressure conditions
// (pkg/kubelet/nodestatus/setters.go MemoryPressureCondition, DiskPressureCondition) with the node events it
// records when they change, and the NoSchedule taints the node lifecycle controller puts on for them
// (TaintNodesByCondition: node.kubernetes.io/memory-pressure, node.kubernetes.io/disk-pressure).

import type { Node, NodeCondition as Condition, Taint } from '../../api/nodes/types'
import { rfc3339 } from '../../runtime/clock'
import type { PressureCondition } from './thresholds'

interface Words {
  reason: string
  message: string
  /** The node event recorded when the condition turns to this status. */
  event: string
}

const WORDS: Readonly<Record<PressureCondition, { True: Words; False: Words; taint: string }>> = {
  MemoryPressure: {
    True: { reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available', event: 'NodeHasInsufficientMemory' },
    False: { reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
    taint: 'node.kubernetes.io/memory-pressure',
  },
  DiskPressure: {
    True: { reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure', event: 'NodeHasDiskPressure' },
    False: { reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
    taint: 'node.kubernetes.io/disk-pressure',
  },
}

export const PRESSURE_CONDITIONS: readonly PressureCondition[] = ['MemoryPressure', 'DiskPressure']

/** Whether the node's condition `type` is True now. */
export function conditionIsTrue(node: Node, type: PressureCondition): boolean {
  return node.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false
}

/**
 * The node's conditions with `type` set to `pressure` as of `nowMs` (ms): heartbeat now, transition now when the
 * status changes. Returns the node event to record when it changed, else undefined.
 */
export function withPressure(node: Node, type: PressureCondition, pressure: boolean, nowMs: number): { conditions: Condition[]; event?: string } {
  const words = WORDS[type][pressure ? 'True' : 'False']
  const status = pressure ? 'True' : 'False'
  const now = rfc3339(nowMs)
  const conditions = [...((node.status?.conditions ?? []) as Condition[])]
  const at = conditions.findIndex((c) => c.type === type)
  const old = at < 0 ? undefined : conditions[at]
  const changed = old?.status !== status
  const next: Condition = {
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: changed ? now : (old?.lastTransitionTime ?? now),
    reason: words.reason,
    message: words.message,
  }
  if (at < 0) conditions.unshift(next)
  else conditions[at] = next
  return changed ? { conditions, event: words.event } : { conditions }
}

/** The node's taints with the NoSchedule taint of `type` present or not, as `pressure` says. */
export function withPressureTaint(taints: readonly Taint[], type: PressureCondition, pressure: boolean): Taint[] {
  const key = WORDS[type].taint
  const others = taints.filter((t) => !(t.key === key && t.effect === 'NoSchedule'))
  return pressure ? [...others, { key, effect: 'NoSchedule' }] : others
}
