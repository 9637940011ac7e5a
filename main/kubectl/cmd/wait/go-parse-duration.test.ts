import { describe, expect, it } from 'vitest'
import { parseGoDuration } from './go-parse-duration'

describe("Go's time.ParseDuration, as --timeout reads it", () => {
  it.each([
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['1.5s', 1500],
    ['500ms', 500],
    ['0', 0],
    ['-1s', -1000],
    ['2h', 7_200_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toEqual({ ms })
  })

  it.each([
    ['x', 'time: invalid duration "x"'],
    ['30', 'time: missing unit in duration "30"'],
    ['3d', 'time: unknown unit "d" in duration "3d"'],
    ['', 'time: invalid duration ""'],
  ])('%j is refused with Go\'s words', (text, error) => {
    expect(parseGoDuration(text)).toEqual({ error })
  })
})
