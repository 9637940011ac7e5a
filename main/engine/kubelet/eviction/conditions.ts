// What node pressure looks like on the Node: the kubelet's node status setters (pkg/kubelet/nodestatus/
// setters.go MemoryPressureCondition, DiskPressureCondition) ask the eviction manager IsUnderMemoryPressure /
// IsUnderDiskPressure on every status update and write the condition True with these words, recording the node
// event when it changes (kubelet/node-heartbeat.ts posts them). The eviction manager itself writes nothing on the
// Node; the node.kubernetes.io/memory-pressure and disk-pressure NoSchedule taints are the node lifecycle
// controller's (doNoScheduleTaintingPass, TaintNodesByCondition: controllers/nodelifecycle/taints.ts).

import type { Node } from '../../api/nodes/types'
import type { ConditionSetting } from '../node-status'
import type { PressureCondition } from './thresholds'

/** The setters' words for a condition under pressure (their False twins are node-status.ts HEALTHY). */
const UNDER_PRESSURE: Readonly<Record<PressureCondition, ConditionSetting>> = {
  MemoryPressure: {
    type: 'MemoryPressure',
    status: 'True',
    reason: 'KubeletHasInsufficientMemory',
    message: 'kubelet has insufficient memory available',
    event: 'NodeHasInsufficientMemory',
  },
  DiskPressure: { type: 'DiskPressure', status: 'True', reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure', event: 'NodeHasDiskPressure' },
}

export const PRESSURE_CONDITIONS: readonly PressureCondition[] = ['MemoryPressure', 'DiskPressure']

/** Whether the node's condition `type` is True now. */
export function conditionIsTrue(node: Node, type: PressureCondition): boolean {
  return node.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false
}

/** The setters' settings for the conditions `underPressure` says are True (the others stay healthy). */
export function pressureSettings(underPressure: (type: PressureCondition) => boolean): ConditionSetting[] {
  return PRESSURE_CONDITIONS.filter(underPressure).map((type) => UNDER_PRESSURE[type])
}
