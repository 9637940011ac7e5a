import { describe, expect, it } from 'vitest'
import { createRng, seedState } from '../runtime/rng'
import type { Rng } from '../runtime/rng'
import { numFeasibleNodesToFind } from './schedule-one'
import { selectHost } from './select-host'

/** An Rng that answers the given draws in order and records each bound asked. */
function scripted(answers: number[]): Rng & { asked: number[] } {
  const asked: number[] = []
  const base = createRng(seedState('1'))
  return {
    ...base,
    asked,
    int: (n: number) => {
      asked.push(n)
      return answers.shift() ?? 0
    },
  }
}

describe('selectHost (schedule_one.go)', () => {
  it('takes the highest score without drawing when it is alone', () => {
    const rng = scripted([])
    expect(selectHost([{ name: 'a', totalScore: 1 }, { name: 'b', totalScore: 3 }, { name: 'c', totalScore: 2 }], 3, rng).name).toBe('b')
    expect(rng.asked).toEqual([])
  })

  it('reservoir-samples the ties: the k-th tied node replaces the choice when rand.Intn(k) is 0', () => {
    const nodes = [{ name: 'a', totalScore: 5 }, { name: 'b', totalScore: 5 }, { name: 'c', totalScore: 5 }]
    const keepFirst = scripted([1, 1])
    expect(selectHost(nodes, 3, keepFirst).name).toBe('a')
    expect(keepFirst.asked).toEqual([2, 3])
    const takeLast = scripted([1, 0])
    expect(selectHost(nodes, 3, takeLast).name).not.toBe('a')
  })

  it('reports the top three', () => {
    const r = selectHost([1, 7, 3, 9, 5].map((s, i) => ({ name: `n${i}`, totalScore: s })), 3, scripted([]))
    expect(r.top.map((t) => t.totalScore)).toEqual([9, 7, 5])
  })
})

describe('numFeasibleNodesToFind (percentageOfNodesToScore unset)', () => {
  it.each([
    { nodes: 10, want: 10 },
    { nodes: 99, want: 99 },
    { nodes: 100, want: 100 },
    { nodes: 1000, want: 420 }, // 50 - 1000/125 = 42%
    { nodes: 5000, want: 500 }, // 50 - 40 = 10%
    { nodes: 6000, want: 300 }, // 50 - 48 = 2% -> at least 5%
    { nodes: 150, want: 100 }, // 49% of 150 = 73 -> at least 100
  ])('$nodes nodes: look for $want feasible', ({ nodes, want }) => {
    expect(numFeasibleNodesToFind(nodes)).toBe(want)
  })
})
