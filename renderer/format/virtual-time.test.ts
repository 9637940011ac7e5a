import { describe, expect, it } from 'vitest'
import { instant, span, timeOfDay } from './virtual-time'

describe('virtual times', () => {
  it('shows the time of day in UTC and the whole instant', () => {
    const ms = Date.UTC(2025, 0, 1, 9, 5, 7, 250)
    expect(timeOfDay(ms)).toBe('09:05:07')
    expect(instant(ms)).toBe('2025-01-01T09:05:07.250Z')
  })

  it.each([
    [850, '850ms'],
    [45_000, '45s'],
    [130_000, '2m10s'],
    [120_000, '2m'],
    [3_900_000, '1h5m'],
    [7_200_000, '2h'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(span(ms)).toBe(text)
  })
})
