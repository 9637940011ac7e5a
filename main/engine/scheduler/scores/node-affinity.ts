// NodeAffinity plugin, Score (weight 2): the sum of the weights of the preferred node affinity terms the node
// matches, normalized by the highest; skipped for pods without preferred terms.
import { defaultNormalizeScore, type ScorePlugin } from '../framework'
import { affinityOf, preferredTermMatches } from '../filters/required-node-affinity'

const preferred = (state: Parameters<ScorePlugin['score']>[0]) =>
  affinityOf(state.pod)?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []

export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  preScore: (state) => preferred(state).length > 0,
  score(state, { node }) {
    return preferred(state).reduce((sum, t) => (t.weight !== 0 && preferredTermMatches(t.preference, node) ? sum + t.weight : sum), 0)
  },
  normalize(_state, scores) {
    defaultNormalizeScore(scores, false)
  },
}
