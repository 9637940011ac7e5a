// NodeResourcesFit plugin, Filter: the pod's requests plus what is already requested on the node must fit in
// the node's allocatable, and the node's pod count must stay within `pods`. Every shortfall is reported, in
// fitsRequest's order: `Too many pods`, `Insufficient cpu`, `Insufficient memory`,
// `Insufficient ephemeral-storage` (pkg/scheduler/framework/plugins/noderesources/fit.go).
import type { Pod } from '../../api/pods/types'
import { reject, type FilterPlugin } from '../framework'
import { allocatableOf, podRequests, type NodeInfo } from '../node-info'

export const NODE_RESOURCES_FIT = 'NodeResourcesFit'

/** fitsRequest: the reasons `pod` does not fit `info` (empty when it fits). */
export function insufficientResources(pod: Pod, info: NodeInfo): string[] {
  const allocatable = allocatableOf(info.node)
  const reasons: string[] = []
  if (info.podCount + 1 > allocatable.pods) reasons.push('Too many pods')
  const want = podRequests(pod)
  const { requested } = info
  if (want.milliCpu > 0 && want.milliCpu > allocatable.milliCpu - requested.milliCpu) reasons.push('Insufficient cpu')
  if (want.memory > 0 && want.memory > allocatable.memory - requested.memory) reasons.push('Insufficient memory')
  if (want.ephemeralStorage > 0 && want.ephemeralStorage > allocatable.ephemeralStorage - requested.ephemeralStorage) {
    reasons.push('Insufficient ephemeral-storage')
  }
  return reasons
}

export const nodeResourcesFitFilter: FilterPlugin = {
  name: NODE_RESOURCES_FIT,
  filter(state, info) {
    const reasons = insufficientResources(state.pod, info)
    if (reasons.length === 0) return null
    // What fitsRequest compared the requests with, kept for "why Pending" (two subtractions, no extra look-up).
    const allocatable = allocatableOf(info.node)
    const free = { milliCpu: allocatable.milliCpu - info.requested.milliCpu, memory: allocatable.memory - info.requested.memory }
    return { ...reject(NODE_RESOURCES_FIT, 'Unschedulable', ...reasons), free }
  },
  // isSchedulableAfterPodEvent / isSchedulableAfterNodeChange: an assigned pod deleted frees room; a node added
  // or changed where the pod's requests now fit.
  hint(event, pod) {
    if (event.kind === 'AssignedPodDelete') return true
    if (event.kind === 'NodeAdd' || event.kind === 'NodeUpdate') {
      const a = allocatableOf(event.node)
      const want = podRequests(pod)
      return want.milliCpu <= a.milliCpu && want.memory <= a.memory && want.ephemeralStorage <= a.ephemeralStorage
    }
    return false
  },
}
