// TaintToleration plugin, Score (weight 3): the number of PreferNoSchedule taints the pod does not tolerate,
// normalized in reverse so the node with the fewest scores 100 (plugins/tainttoleration/taint_toleration.go).
import { defaultNormalizeScore, type ScorePlugin } from '../framework'
import { tolerates } from '../filters/taint-toleration'

export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(state, { node }) {
    const tolerations = (state.pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
    return (node.spec?.taints ?? []).filter((taint) => taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => tolerates(t, taint))).length
  },
  normalize(_state, scores) {
    defaultNormalizeScore(scores, true)
  },
}
