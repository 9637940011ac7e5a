import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatClock, formatSpeed } from './clock'

describe('formatClock', () => {
  const nowMs = Date.parse('2025-01-01T09:05:07Z')

  it.each([
    ['en', { time: '09:05:07', date: 'Wed, Jan 1, 2025' }],
    ['ko', { time: '09:05:07', date: '2025년 1월 1일 (수)' }],
  ])('%s shows UTC time of day and date', (locale, expected) => {
    expect(formatClock(nowMs, locale)).toEqual(expected)
  })

  describe('with the machine in another time zone', () => {
    afterEach(() => {
      vi.unstubAllEnvs()
    })

    it.each([
      ['Asia/Seoul', 9],
      ['America/Los_Angeles', 16],
    ])('is 24-hour and does not move with the machine time zone (%s)', (zone, epochLocalHour) => {
      // Node applies an assignment to process.env.TZ at once; check that it did, or this test could not fail.
      vi.stubEnv('TZ', zone)
      expect(new Date(0).getHours()).toBe(epochLocalHour)
      // Local time would be 08:59:59 on July 1 in Seoul, 16:59:59 in Los Angeles.
      expect(formatClock(Date.parse('2025-06-30T23:59:59Z'), 'en')).toEqual({ time: '23:59:59', date: 'Mon, Jun 30, 2025' })
    })
  })
})

describe('formatSpeed', () => {
  it.each([
    [0.25, '0.25x'],
    [1, '1x'],
    [100, '100x'],
  ])('%s -> %s', (speed, text) => {
    expect(formatSpeed(speed)).toBe(text)
  })
})
