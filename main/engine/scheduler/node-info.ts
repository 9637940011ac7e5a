// What the scheduler knows of a node (framework.NodeInfo): the node, how many pods are bound to it, and the
// sums of their requests, both as declared and with the scoring defaults for pods that declare none.

import { bytes, milliCpu, parseQuantity } from '../../gostd/quantity'
import type { Node } from '../api/nodes/types'
import type { Container, Pod } from '../api/pods/types'

export interface Requests {
  milliCpu: number
  memory: number
}

export interface NodeInfo {
  node: Node
  podCount: number
  requested: Requests
  /** Requests with schedutil's defaults (100m CPU, 200Mi) for containers that declare none: for scoring only. */
  nonZeroRequested: Requests
}

const DEFAULT_MILLI_CPU = 100
const DEFAULT_MEMORY = 200 * 1024 * 1024

function sum(list: Container[], nonZero: boolean): Requests {
  return list.reduce(
    (acc, c) => {
      const r = c.resources?.requests ?? {}
      return {
        milliCpu: acc.milliCpu + (nonZero && r.cpu === undefined ? DEFAULT_MILLI_CPU : milliCpu(r.cpu)),
        memory: acc.memory + (nonZero && r.memory === undefined ? DEFAULT_MEMORY : bytes(r.memory)),
      }
    },
    { milliCpu: 0, memory: 0 },
  )
}

function requests(pod: Pod, nonZero: boolean): Requests {
  // The larger of the app containers' sum and the largest init container: they never run at the same time.
  const app = sum(pod.spec.containers, nonZero)
  for (const init of pod.spec.initContainers ?? []) {
    const r = sum([init], nonZero)
    app.milliCpu = Math.max(app.milliCpu, r.milliCpu)
    app.memory = Math.max(app.memory, r.memory)
  }
  return app
}

// Informer objects are shared and never changed (a write makes a new object), so what is derived from one
// object is computed once: the scheduler asks for each pod's requests and each node's allocatable once per node
// per decision, and parsing quantities dominated a decision among 5,000 nodes.
function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>()
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V
    const value = compute(key)
    cache.set(key, value)
    return value
  }
}

export const podRequests: (pod: Pod) => Readonly<Requests> = memo((pod: Pod) => Object.freeze(requests(pod, false)))
export const nonZeroRequests: (pod: Pod) => Readonly<Requests> = memo((pod: Pod) => Object.freeze(requests(pod, true)))

export interface Allocatable extends Requests {
  pods: number
}

/** The node's allocatable CPU (millicores), memory (bytes) and pods (110 when unset). */
export const allocatableOf: (node: Node) => Readonly<Allocatable> = memo((node: Node) => {
  const a = node.status?.allocatable ?? {}
  return Object.freeze({ milliCpu: milliCpu(a.cpu), memory: bytes(a.memory), pods: parseQuantity(a.pods ?? '110') })
})

export function addRequests(a: Requests, b: Requests, sign = 1): Requests {
  return { milliCpu: a.milliCpu + sign * b.milliCpu, memory: a.memory + sign * b.memory }
}
