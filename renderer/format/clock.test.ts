import { describe, expect, it } from 'vitest'
import { formatClock, formatSpeed } from './clock'

describe('formatClock', () => {
  const nowMs = Date.parse('2025-01-01T09:05:07Z')

  it.each([
    ['en', { time: '09:05:07', date: 'Wed, Jan 1, 2025' }],
    ['ko', { time: '09:05:07', date: '2025년 1월 1일 (수)' }],
  ])('%s shows UTC time of day and date', (locale, expected) => {
    expect(formatClock(nowMs, locale)).toEqual(expected)
  })

  it('is 24-hour and does not move with the machine time zone', () => {
    expect(formatClock(Date.parse('2025-06-30T23:59:59Z'), 'en')).toEqual({ time: '23:59:59', date: 'Mon, Jun 30, 2025' })
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
