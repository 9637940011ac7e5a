// PodTopologySpread plugin, Score (weight 2; plugins/podtopologyspread/scoring.go): for the ScheduleAnyway
// constraints (the pod's own, or the system defaults spreading one owner's pods over hostnames and zones), a
// node scores sum(count * log(domains + 2) + maxSkew - 1) over its domains; fewer matching pods is better, so
// normalization inverts: 100 * (max + min - score) / max. Nodes lacking a key of the pod's own constraints are
// ignored (score 0).
import { MAX_NODE_SCORE, type CycleState, type ScorePlugin } from '../framework'
import type { NodeInfo } from '../node-info'
import {
  constraintsFor,
  countMatching,
  hasAllTopologyKeys,
  HOSTNAME,
  nodeIncluded,
  ownConstraints,
  type SpreadConstraint,
} from '../filters/spread-constraints'

const STATE = 'PodTopologySpread/preScore'

interface PreScoreState {
  constraints: SpreadConstraint[]
  ignored: Set<string>
  /** Per constraint: matching pods per topology value, for the values of the feasible nodes. */
  counts: Array<Map<string, number>>
  weights: number[]
}

const stateOf = (state: CycleState) => state.read<PreScoreState>(STATE)

export const podTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preScore(state, feasible) {
    if (feasible.length === 0 || state.snapshot.nodes.length === 0) return false
    const constraints = constraintsFor(state, 'ScheduleAnyway')
    if (constraints.length === 0) return false
    // Only the pod's own constraints require every key on a node: zone-less nodes still spread by hostname.
    const requireAll = ownConstraints(state.pod).length > 0
    const s: PreScoreState = { constraints, ignored: new Set(), counts: constraints.map(() => new Map()), weights: [] }
    const sizes = constraints.map(() => 0)
    // The values score() will read: those of feasible nodes that carry the key. A value reached only because a
    // node lacks the key ('' for zone-less nodes) sizes the domains but is never scored (score skips such nodes),
    // so its count across every node of the cluster (5,000 nodes at each attempt) is not made.
    const scored = constraints.map(() => new Set<string>())
    for (const { node } of feasible) {
      if (requireAll && !hasAllTopologyKeys(node, constraints)) {
        s.ignored.add(node.metadata.name ?? '')
        continue
      }
      constraints.forEach((c, i) => {
        if (c.topologyKey === HOSTNAME) return
        const labels = node.metadata.labels ?? {}
        const value = labels[c.topologyKey] ?? ''
        const m = s.counts[i] as Map<string, number>
        if (!m.has(value)) {
          m.set(value, 0)
          sizes[i] = (sizes[i] ?? 0) + 1
        }
        if (Object.hasOwn(labels, c.topologyKey)) scored[i]?.add(value)
      })
    }
    s.weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? feasible.length - s.ignored.size : (sizes[i] ?? 0)) + 2))
    const namespace = state.pod.metadata.namespace ?? ''
    // Hostname counts are made per node in score(); here only the domains of the other keys are summed.
    const counted = constraints.flatMap((c, i) => (c.topologyKey !== HOSTNAME && (scored[i]?.size ?? 0) > 0 ? [i] : []))
    if (counted.length > 0) {
      for (const info of state.snapshot.nodes) {
        const node = info.node
        for (const i of counted) {
          const c = constraints[i] as SpreadConstraint
          if (!nodeIncluded(c, state.pod, node)) continue
          const value = node.metadata.labels?.[c.topologyKey] ?? ''
          if (!scored[i]?.has(value)) continue
          const m = s.counts[i] as Map<string, number>
          m.set(value, (m.get(value) ?? 0) + countMatching(info, c.selector, namespace))
        }
      }
    }
    state.write(STATE, s)
    return true
  },
  score(state, info: NodeInfo) {
    const s = stateOf(state)
    if (!s || s.ignored.has(info.node.metadata.name ?? '')) return 0
    const labels = info.node.metadata.labels ?? {}
    const namespace = state.pod.metadata.namespace ?? ''
    let score = 0
    s.constraints.forEach((c, i) => {
      if (!Object.hasOwn(labels, c.topologyKey)) return
      const cnt = c.topologyKey === HOSTNAME ? countMatching(info, c.selector, namespace) : (s.counts[i]?.get(labels[c.topologyKey] ?? '') ?? 0)
      score += cnt * (s.weights[i] ?? 0) + (c.maxSkew - 1)
    })
    return Math.round(score)
  },
  normalize(state, scores, feasible) {
    const s = stateOf(state)
    if (!s) return
    let min = Number.MAX_SAFE_INTEGER
    let max = 0
    const ignored = feasible.map((info) => s.ignored.has(info.node.metadata.name ?? ''))
    scores.forEach((score, i) => {
      if (ignored[i]) return
      min = Math.min(min, score)
      max = Math.max(max, score)
    })
    for (let i = 0; i < scores.length; i++) {
      if (ignored[i]) scores[i] = 0
      else if (max === 0) scores[i] = MAX_NODE_SCORE
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - (scores[i] ?? 0))) / max)
    }
  },
}
