// What the scheduler knows of a node: the node and the pods already bound to it, with their summed requests
// (framework.NodeInfo).

import type { KubeObject } from '../../contract'
import { bytes, milliCpu } from '../api/quantity'
import type { Pod } from '../api/pods/types'

export interface Node extends KubeObject {
  spec: { unschedulable?: boolean; taints?: Array<{ key: string; value?: string; effect: string }>; podCIDR?: string }
  status: {
    allocatable: Record<string, string>
    conditions: Array<{ type: string; status: string }>
    addresses: Array<{ type: string; address: string }>
    images?: Array<{ names: string[]; sizeBytes: number }>
  }
}

export interface Requests {
  milliCpu: number
  memory: number
}

export interface NodeInfo {
  node: Node
  pods: Pod[]
  requested: Requests
}

/** A pod's requests: the larger of the sum over containers and the largest init container (as the scheduler sums them). */
export function podRequests(pod: Pod): Requests {
  const sum = (list: Pod['spec']['containers']) =>
    list.reduce(
      (acc, c) => ({
        milliCpu: acc.milliCpu + milliCpu(c.resources?.requests?.cpu),
        memory: acc.memory + bytes(c.resources?.requests?.memory),
      }),
      { milliCpu: 0, memory: 0 },
    )
  const app = sum(pod.spec.containers)
  for (const init of pod.spec.initContainers ?? []) {
    const r = sum([init])
    app.milliCpu = Math.max(app.milliCpu, r.milliCpu)
    app.memory = Math.max(app.memory, r.memory)
  }
  return app
}

export function nodeInfos(nodes: Node[], pods: Pod[]): NodeInfo[] {
  return nodes.map((node) => {
    const bound = pods.filter(
      (p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    )
    const requested = bound.map(podRequests).reduce((a, r) => ({ milliCpu: a.milliCpu + r.milliCpu, memory: a.memory + r.memory }), {
      milliCpu: 0,
      memory: 0,
    })
    return { node, pods: bound, requested }
  })
}
