// What the scheduler knows of a node (framework.NodeInfo): the node, how many pods are bound to it, and the
// sums of their requests, both as declared and with the scoring defaults for pods that declare none.

import { bytes, milliCpu } from '../../gostd/quantity'
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

export const podRequests = (pod: Pod): Requests => requests(pod, false)
export const nonZeroRequests = (pod: Pod): Requests => requests(pod, true)

export function addRequests(a: Requests, b: Requests, sign = 1): Requests {
  return { milliCpu: a.milliCpu + sign * b.milliCpu, memory: a.memory + sign * b.memory }
}
