// PodTopologySpread plugin, PreFilter and Filter (plugins/podtopologyspread/filtering.go): for each
// DoNotSchedule constraint, the matching pods per topology domain over the nodes that carry every constraint's
// key and pass the inclusion policies; a node fails when its domain's count + 1 - the global minimum exceeds
// maxSkew (`node(s) didn't match pod topology spread constraints`), the minimum counting as 0 while there are
// fewer domains than minDomains. A node without a constraint's key fails with `... (missing required label)`.
import { reject, type CycleState, type FilterPlugin } from '../framework'
import { constraintsFor, countMatching, hasAllTopologyKeys, nodeIncluded, ownConstraints, type SpreadConstraint } from './spread-constraints'

export const POD_TOPOLOGY_SPREAD = 'PodTopologySpread'
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints"
const STATE = 'PodTopologySpread/preFilter'

interface PreFilterState {
  constraints: SpreadConstraint[]
  /** Matching pods per `key\0value`. */
  pairCounts: Map<string, number>
  /** Per topology key: how many domains, and the smallest count among them. */
  domains: Map<string, { count: number; min: number }>
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`

function preFilterState(state: CycleState): PreFilterState {
  const pod = state.pod
  const constraints = constraintsFor(state, 'DoNotSchedule')
  const s: PreFilterState = { constraints, pairCounts: new Map(), domains: new Map() }
  if (constraints.length === 0) return s
  const namespace = pod.metadata.namespace ?? ''
  for (const info of state.snapshot.nodes) {
    if (!hasAllTopologyKeys(info.node, constraints)) continue
    for (const c of constraints) {
      if (!nodeIncluded(c, pod, info.node)) continue
      const k = pairKey(c.topologyKey, info.node.metadata.labels?.[c.topologyKey] ?? '')
      s.pairCounts.set(k, (s.pairCounts.get(k) ?? 0) + countMatching(info, c.selector, namespace))
    }
  }
  for (const [k, n] of s.pairCounts) {
    const key = k.slice(0, k.indexOf('\u0000'))
    const d = s.domains.get(key) ?? { count: 0, min: Number.MAX_SAFE_INTEGER }
    s.domains.set(key, { count: d.count + 1, min: Math.min(d.min, n) })
  }
  return s
}

export const podTopologySpreadFilter: FilterPlugin = {
  name: POD_TOPOLOGY_SPREAD,
  preFilter(state) {
    const s = preFilterState(state)
    if (s.constraints.length === 0) return 'skip'
    state.write(STATE, s)
    return null
  },
  filter(state, { node }) {
    const s = state.read<PreFilterState>(STATE) ?? preFilterState(state)
    const podLabels = state.pod.metadata.labels ?? {}
    const labels = node.metadata.labels ?? {}
    for (const c of s.constraints) {
      if (!Object.hasOwn(labels, c.topologyKey)) {
        return reject(POD_TOPOLOGY_SPREAD, 'UnschedulableAndUnresolvable', `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`)
      }
      const domains = s.domains.get(c.topologyKey)
      const minMatch = !domains || domains.count < c.minDomains ? 0 : domains.min
      const self = c.selector.matches(podLabels) ? 1 : 0
      const match = s.pairCounts.get(pairKey(c.topologyKey, labels[c.topologyKey] ?? '')) ?? 0
      if (match + self - minMatch > c.maxSkew) return reject(POD_TOPOLOGY_SPREAD, 'Unschedulable', ERR_REASON_CONSTRAINTS_NOT_MATCH)
    }
    return null
  },
  // isSchedulableAfterPodChange / node changes: a pod the constraints count came or went; a node changed.
  hint(event, pod) {
    if (event.kind === 'NodeAdd' || event.kind === 'NodeUpdate') return true
    const own = ownConstraints(pod)
    if (own.length === 0) return false
    const other = event.pod
    return other.metadata.namespace === pod.metadata.namespace
  },
}
