import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import { firstPendingIndexes, formatIndexes, generateNameWithIndex, parseIndexes, withIndexes } from './indexed'

// indexed_job_utils_test.go: TestCalculateSucceededIndexes / TestFirstPendingIndexes / podGenerateNameWithIndex.
describe('completed indexes (orderedIntervals)', () => {
  it.each([
    ['', 5, ''],
    ['0', 5, '0'],
    ['0,1', 5, '0,1'],
    ['0-2', 5, '0-2'],
    ['0-2,4', 5, '0-2,4'],
    ['1,3-7', 5, '1,3,4'],
    ['1-3,5-9', 4, '1-3'],
  ])('%s below %d reads back as %s', (text, completions, want) => {
    expect(formatIndexes(parseIndexes(text, completions))).toBe(want)
  })

  it('adds new indexes in order, merging neighbours', () => {
    expect(formatIndexes(withIndexes(parseIndexes('1,5', 10), [0, 2, 6, 7, 9]))).toBe('0-2,5-7,9')
  })
})

const activeWithIndex = (ix: number) => ({ metadata: { annotations: { 'batch.kubernetes.io/job-completion-index': String(ix) } } }) as unknown as Pod

describe('firstPendingIndexes', () => {
  it.each([
    ['cnt greater than completions', 5, [], [], 3, [0, 1, 2]],
    ['cnt less than completions', 2, [], [], 5, [0, 1]],
    ['first pods active', 3, [0, 1], [], 10, [2, 3, 4]],
    ['last pods active or succeeded', 6, [6], '4,5,7-9', 10, [0, 1, 2, 3]],
    ['mixed', 5, [3, 5, 7], '0,1,6,10-13', 15, [2, 4, 8, 9, 14]],
  ] as const)('%s', (_name, count, active, succeeded, completions, want) => {
    const intervals = parseIndexes(typeof succeeded === 'string' ? succeeded : '', completions)
    expect(firstPendingIndexes(intervals, active.map(activeWithIndex), count, completions)).toEqual(want)
  })
})

describe('podGenerateNameWithIndex', () => {
  it.each([
    ['short', 0, 'short-0-'],
    ['a'.repeat(55), 1, `${'a'.repeat(55)}-1-`],
    ['a'.repeat(56), 1, `${'a'.repeat(55)}-1-`],
    ['a'.repeat(63), 100, `${'a'.repeat(53)}-100-`],
  ])('%s index %d -> %s', (name, index, want) => {
    expect(generateNameWithIndex(name, index)).toBe(want)
  })
})
