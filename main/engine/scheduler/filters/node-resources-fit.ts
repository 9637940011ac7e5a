// NodeResourcesFit plugin: the pod's requests plus what is already requested on the node must fit in the
// node's allocatable, and the node's pod count must stay within `pods`. Every shortfall is reported, in
// fitsRequest's order: `Too many pods`, `Insufficient cpu`, `Insufficient memory` (noderesources/fit.go).
import { bytes, milliCpu, parseQuantity } from '../../../gostd/quantity'
import { podRequests } from '../node-info'
import type { Filter } from './filter'

export const nodeResourcesFit: Filter = (pod, { node, podCount, requested }) => {
  const allocatable = node.status?.allocatable ?? {}
  const reasons: string[] = []
  if (podCount + 1 > parseQuantity(allocatable.pods ?? '110')) reasons.push('Too many pods')
  const want = podRequests(pod)
  if (want.milliCpu > 0 && requested.milliCpu + want.milliCpu > milliCpu(allocatable.cpu)) reasons.push('Insufficient cpu')
  if (want.memory > 0 && requested.memory + want.memory > bytes(allocatable.memory)) reasons.push('Insufficient memory')
  return reasons.length > 0 ? { reasons, unresolvable: false } : null
}
