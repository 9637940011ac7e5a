// NodeResourcesFit plugin, Score with the default LeastAllocated strategy (cpu and memory, weight 1 each):
// per resource (allocatable - requested) * 100 / allocatable, 0 when over; the weighted mean, integer division
// (plugins/noderesources/least_allocated.go).
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework'
import { allocation } from './resource-allocation'

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity)
}

export const leastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(state, info) {
    const { requested, allocatable } = allocation(state.pod, info, false)
    let score = 0
    let weights = 0
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue
      score += leastRequestedScore(requested[i] ?? 0, allocatable[i] ?? 0)
      weights++
    }
    return weights === 0 ? 0 : Math.trunc(score / weights)
  },
}
