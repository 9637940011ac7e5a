// NodeResourcesBalancedAllocation plugin (weight 1): (1 - std of the cpu and memory fractions) * 100, with
// two resources std = |f1 - f2| / 2; fractions capped at 1; requests as declared (useRequested).
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework'
import { allocation } from './resource-allocation'

export function balancedResourceScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = []
  for (let i = 0; i < requested.length; i++) {
    const a = allocatable[i] ?? 0
    if (a === 0) continue
    fractions.push(Math.min(1, (requested[i] ?? 0) / a))
  }
  let std = 0
  if (fractions.length === 2) std = Math.abs(((fractions[0] ?? 0) - (fractions[1] ?? 0)) / 2)
  else if (fractions.length > 2) {
    const mean = fractions.reduce((s, f) => s + f, 0) / fractions.length
    std = Math.sqrt(fractions.reduce((s, f) => s + (f - mean) * (f - mean), 0) / fractions.length)
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE)
}

export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(state, info) {
    const { requested, allocatable } = allocation(state.pod, info, true)
    return balancedResourceScore(requested, allocatable)
  },
}
