// InterPodAffinity plugin, Score (weight 2; plugins/interpodaffinity/scoring.go): per topology pair, the
// incoming pod's preferred terms matched by existing pods (+/- weight), and the existing pods' required
// affinity (hardPodAffinityWeight 1) and preferred terms matched by the incoming pod; a node scores the sum
// over its pairs, normalized between the lowest and the highest.
import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework'
import { hasPodAffinity, mergedTerms, podAffinityTerms, termMatches, type AffinityTerm } from '../filters/affinity-terms'

const HARD_POD_AFFINITY_WEIGHT = 1
const STATE = 'InterPodAffinity/preScore'

/** topologyKey -> value -> score */
type TopologyScore = Map<string, Map<string, number>>

function processTerm(m: TopologyScore, term: AffinityTerm, weight: number, pod: Pod, nsLabels: Record<string, string> | undefined, node: Node, sign: number): void {
  if (!termMatches(term, pod, nsLabels)) return
  const labels = node.metadata.labels ?? {}
  if (!Object.hasOwn(labels, term.topologyKey)) return
  let values = m.get(term.topologyKey)
  if (!values) m.set(term.topologyKey, (values = new Map()))
  const v = labels[term.topologyKey] ?? ''
  values.set(v, (values.get(v) ?? 0) + weight * sign)
}

export const interPodAffinityScore: ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  preScore(state) {
    const pod = state.pod
    const own = podAffinityTerms(pod)
    const preferredAffinity = mergedTerms(own.preferredAffinity, state.snapshot)
    const preferredAnti = mergedTerms(own.preferredAntiAffinity, state.snapshot)
    const hasConstraints = preferredAffinity.length + preferredAnti.length > 0
    const nsLabels = state.snapshot.namespaceLabels(pod.metadata.namespace ?? '')
    const scores: TopologyScore = new Map()
    for (const { node, pods, podsWithAffinity } of state.snapshot.nodes) {
      if ((!hasConstraints && podsWithAffinity.length === 0) || Object.keys(node.metadata.labels ?? {}).length === 0) continue
      // Without preferred terms of its own, only the existing pods' terms can score the pod.
      for (const existing of hasConstraints ? pods : podsWithAffinity) {
        for (const t of preferredAffinity) processTerm(scores, t, t.weight, existing, undefined, node, 1)
        for (const t of preferredAnti) processTerm(scores, t, t.weight, existing, undefined, node, -1)
        if (!hasPodAffinity(existing)) continue
        const theirs = podAffinityTerms(existing)
        for (const t of theirs.requiredAffinity) processTerm(scores, t, HARD_POD_AFFINITY_WEIGHT, pod, nsLabels, node, 1)
        for (const t of theirs.preferredAffinity) processTerm(scores, t, t.weight, pod, nsLabels, node, 1)
        for (const t of theirs.preferredAntiAffinity) processTerm(scores, t, t.weight, pod, nsLabels, node, -1)
      }
    }
    if (scores.size === 0) return false
    state.write(STATE, scores)
    return true
  },
  score(state, { node }) {
    const scores = state.read<TopologyScore>(STATE)
    const labels = node.metadata.labels ?? {}
    let score = 0
    for (const [key, values] of scores ?? []) if (Object.hasOwn(labels, key)) score += values.get(labels[key] ?? '') ?? 0
    return score
  },
  normalize(_state, scores) {
    const min = Math.min(...scores)
    const diff = Math.max(...scores) - min
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc((MAX_NODE_SCORE * ((scores[i] ?? 0) - min)) / diff) : 0
  },
}
