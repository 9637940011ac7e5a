import type { Pod } from '../../api/pods/types'
import type { NodeInfo } from '../node-info'

export interface FilterResult {
  /** The reason texts the scheduler counts in FailedScheduling, e.g. `Insufficient cpu`. */
  reasons: string[]
  /** UnschedulableAndUnresolvable: preemption cannot help (taints, selectors), so preemption says so. */
  unresolvable: boolean
}

/** One filter plugin: null when the pod fits the node. */
export type Filter = (pod: Pod, info: NodeInfo) => FilterResult | null
