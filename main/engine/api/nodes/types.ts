// core/v1 Node, typed as far as the engine reads it (scheduler, kubelet, printers). Every part is optional
// as in the API's JSON; unknown fields stay on the object.

import type { KubeObject } from '../../../kube'

export interface Taint {
  key: string
  value?: string
  effect: string
  /** When the node lifecycle controller added it (RFC 3339); only its NoExecute taints carry one upstream. */
  timeAdded?: string
}

export interface Node extends KubeObject {
  spec?: {
    unschedulable?: boolean
    taints?: Taint[]
    podCIDR?: string
    podCIDRs?: string[]
    [field: string]: unknown
  }
  status?: {
    allocatable?: Record<string, string>
    capacity?: Record<string, string>
    conditions?: NodeCondition[]
    addresses?: Array<{ type: string; address: string }>
    nodeInfo?: { kubeletVersion?: string; osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string }
    [field: string]: unknown
  }
}

/** The node's InternalIP (status.hostIP of every pod on it). */
export function nodeInternalIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address
}

/** v1.NodeCondition: times are RFC 3339 strings as the API carries them. */
export interface NodeCondition {
  type: string
  status: string
  lastHeartbeatTime?: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}
