// The default profile's plugins (pkg/scheduler/apis/config/v1/default_plugins.go), in its order: filters run
// in this order and a node is reported with the first that rejects it; scores are weighted as listed.
import type { FilterPlugin, ScorePlugin } from './framework'
import { interPodAffinityFilter } from './filters/inter-pod-affinity'
import { nodeAffinityFilter } from './filters/node-affinity'
import { nodeName } from './filters/node-name'
import { nodePorts } from './filters/node-ports'
import { nodeResourcesFitFilter } from './filters/node-resources-fit'
import { nodeUnschedulable } from './filters/node-unschedulable'
import { podTopologySpreadFilter } from './filters/pod-topology-spread'
import { taintTolerationFilter } from './filters/taint-toleration'
import { balancedAllocation } from './scores/balanced-allocation'
import { imageLocality } from './scores/image-locality'
import { interPodAffinityScore } from './scores/inter-pod-affinity'
import { leastAllocated } from './scores/least-allocated'
import { nodeAffinityScore } from './scores/node-affinity'
import { podTopologySpreadScore } from './scores/pod-topology-spread'
import { taintTolerationScore } from './scores/taint-toleration'

export const FILTERS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodePorts,
  nodeResourcesFitFilter,
  podTopologySpreadFilter,
  interPodAffinityFilter,
]

export const SCORES: readonly ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  leastAllocated,
  podTopologySpreadScore,
  interPodAffinityScore,
  balancedAllocation,
  imageLocality,
]
