// time.Parse(time.RFC3339, ...) against what the real kubectl 1.32.5 prints for `logs --since-time=VALUE`
// (recorded by hand from kubectl.1.32: its error is `error: ` + Go's ParseError text).
import { describe, expect, it } from 'vitest'
import { parseRfc3339 } from './parse-rfc3339'

describe('parseRfc3339 (Go time.Parse with RFC3339)', () => {
  it.each([
    ['2025-01-01T00:00:00Z', Date.UTC(2025, 0, 1)],
    ['2025-01-01T10:20:30+02:00', Date.UTC(2025, 0, 1, 8, 20, 30)],
    ['2025-01-01T10:20:30-00:30', Date.UTC(2025, 0, 1, 10, 50, 30)],
    ['2025-01-01T10:20:30.123456789Z', Date.UTC(2025, 0, 1, 10, 20, 30, 123)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2025-01-01T1:00:00Z', Date.UTC(2025, 0, 1, 1)],
  ])('%s', (text, ms) => {
    expect(parseRfc3339(text)).toEqual({ ms })
  })

  it.each([
    ['2025-01-01', 'parsing time "2025-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    ['2025-01-01T10:00', 'parsing time "2025-01-01T10:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as ":"'],
    ['2025-13-01T00:00:00Z', 'parsing time "2025-13-01T00:00:00Z": month out of range'],
    ['2025-01-01T25:00:00Z', 'parsing time "2025-01-01T25:00:00Z": hour out of range'],
    ['2025-01-01T00:00:00', 'parsing time "2025-01-01T00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"'],
    ['2025-01-01T00:00:00+0100', 'parsing time "2025-01-01T00:00:00+0100" as "2006-01-02T15:04:05Z07:00": cannot parse "+0100" as "Z07:00"'],
    ['x', 'parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"'],
    ['2025-01-01T00:00:00Zjunk', 'parsing time "2025-01-01T00:00:00Zjunk": extra text: "junk"'],
    ['2025-02-30T00:00:00Z', 'parsing time "2025-02-30T00:00:00Z": day out of range'],
    ['2025-01-01t00:00:00z', 'parsing time "2025-01-01t00:00:00z" as "2006-01-02T15:04:05Z07:00": cannot parse "t00:00:00z" as "T"'],
  ])('%s: %s', (text, error) => {
    expect(parseRfc3339(text)).toEqual({ error })
  })
})
