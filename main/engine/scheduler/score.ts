// Scoring among the nodes that fit (NodeResourcesFit LeastAllocated + NodeResourcesBalancedAllocation, the
// default profile's resource scorers). Pods without requests count as 100m CPU and 200Mi memory for scoring
// (schedutil.DefaultMilliCPURequest / DefaultMemoryRequest), so best-effort pods still spread out.

import { bytes, milliCpu } from '../../gostd/quantity'
import type { Pod } from '../api/pods/types'
import { addRequests, nonZeroRequests, type NodeInfo } from './node-info'

const MAX_NODE_SCORE = 100

export function score(pod: Pod, info: NodeInfo): number {
  const allocCpu = milliCpu(info.node.status?.allocatable?.cpu)
  const allocMem = bytes(info.node.status?.allocatable?.memory)
  const used = addRequests(info.nonZeroRequested, nonZeroRequests(pod))
  const cpuFrac = allocCpu > 0 ? Math.min(1, used.milliCpu / allocCpu) : 1
  const memFrac = allocMem > 0 ? Math.min(1, used.memory / allocMem) : 1
  const leastAllocated = Math.floor((((1 - cpuFrac) + (1 - memFrac)) / 2) * MAX_NODE_SCORE)
  const balanced = Math.floor((1 - Math.abs(cpuFrac - memFrac) / 2) * MAX_NODE_SCORE)
  return leastAllocated + balanced
}
