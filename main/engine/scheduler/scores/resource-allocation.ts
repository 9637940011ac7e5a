// resourceAllocationScorer (plugins/noderesources/resource_allocation.go): per resource (cpu, memory), the
// node's allocatable and what it would have requested with the pod. NodeResourcesFit counts the scoring
// defaults (100m, 200Mi) for containers without requests; BalancedAllocation counts the requests as declared.
import type { Pod } from '../../api/pods/types'
import { addRequests, allocatableOf, nonZeroRequests, podRequests, type NodeInfo } from '../node-info'

export interface Fractions {
  /** [cpu, memory] requested including the pod, in millicores and bytes. */
  requested: [number, number]
  allocatable: [number, number]
}

export function allocation(pod: Pod, info: NodeInfo, useRequested: boolean): Fractions {
  const a = allocatableOf(info.node)
  const used = useRequested ? addRequests(info.requested, podRequests(pod)) : addRequests(info.nonZeroRequested, nonZeroRequests(pod))
  return { requested: [used.milliCpu, used.memory], allocatable: [a.milliCpu, a.memory] }
}
