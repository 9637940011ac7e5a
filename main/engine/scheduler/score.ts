// Scoring among the nodes that fit (NodeResourcesFit LeastAllocated + NodeResourcesBalancedAllocation, the
// default profile's resource scorers). Pods without requests count as 100m CPU and 200Mi memory for scoring
// (schedutil.DefaultMilliCPURequest / DefaultMemoryRequest), so best-effort pods still spread out.

import { bytes, milliCpu } from '../api/quantity'
import type { Pod } from '../api/pods/types'
import type { NodeInfo } from './node-info'

const DEFAULT_MILLI_CPU = 100
const DEFAULT_MEMORY = 200 * 1024 * 1024
const MAX_NODE_SCORE = 100

function nonZero(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0
  let memory = 0
  for (const c of pod.spec.containers) {
    const r = c.resources?.requests ?? {}
    cpu += r.cpu === undefined ? DEFAULT_MILLI_CPU : milliCpu(r.cpu)
    memory += r.memory === undefined ? DEFAULT_MEMORY : bytes(r.memory)
  }
  return { cpu, memory }
}

export function score(pod: Pod, info: NodeInfo): number {
  const allocCpu = milliCpu(info.node.status.allocatable.cpu)
  const allocMem = bytes(info.node.status.allocatable.memory)
  const used = [...info.pods, pod].map(nonZero).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }))
  const cpuFrac = allocCpu > 0 ? Math.min(1, used.cpu / allocCpu) : 1
  const memFrac = allocMem > 0 ? Math.min(1, used.memory / allocMem) : 1
  const leastAllocated = Math.floor((((1 - cpuFrac) + (1 - memFrac)) / 2) * MAX_NODE_SCORE)
  const balanced = Math.floor((1 - Math.abs(cpuFrac - memFrac) / 2) * MAX_NODE_SCORE)
  return leastAllocated + balanced
}
