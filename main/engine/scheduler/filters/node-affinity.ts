// NodeAffinity plugin, PreFilter and Filter: the pod's nodeSelector and required node affinity
// (`node(s) didn't match Pod's node affinity/selector`). PreFilter narrows the nodes to those named by
// matchFields metadata.name In when every term names some (`pod affinity terms conflict` when none is left).
import { reject, type FilterPlugin } from '../framework'
import { affinityOf, requiredNodeAffinity } from './required-node-affinity'

export const NODE_AFFINITY = 'NodeAffinity'
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector"

/** The node names PreFilter allows (PreFilterResult.NodeNames), or undefined for all. */
export const PREFILTER_NODE_NAMES = 'NodeAffinity/nodeNames'

export const nodeAffinityFilter: FilterPlugin = {
  name: NODE_AFFINITY,
  preFilter(state) {
    if (requiredNodeAffinity(state.pod).none) return 'skip'
    const terms = affinityOf(state.pod)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
    if (terms.length === 0) return null
    let names: Set<string> | undefined
    for (const t of terms) {
      let termNames: Set<string> | undefined
      for (const r of t.matchFields ?? []) {
        if (r.key !== 'metadata.name' || r.operator !== 'In') continue
        const s = new Set(r.values ?? [])
        termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s
      }
      // A term without a node name allows every node: the terms are ORed.
      if (!termNames) return null
      names = new Set([...(names ?? []), ...termNames])
    }
    if (names && names.size === 0) return reject(NODE_AFFINITY, 'UnschedulableAndUnresolvable', 'pod affinity terms conflict')
    state.write(PREFILTER_NODE_NAMES, names)
    return null
  },
  filter(state, { node }) {
    if (requiredNodeAffinity(state.pod).matches(node)) return null
    return reject(NODE_AFFINITY, 'UnschedulableAndUnresolvable', ERR_REASON_POD)
  },
  // isSchedulableAfterNodeChange: a node added, or relabelled, that now matches (and did not before).
  hint(event, pod) {
    if (event.kind !== 'NodeAdd' && event.kind !== 'NodeUpdate') return false
    const required = requiredNodeAffinity(pod)
    if (!required.matches(event.node)) return false
    return event.kind === 'NodeAdd' || !required.matches(event.old)
  },
}
