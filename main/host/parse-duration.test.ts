import { describe, expect, it } from 'vitest'
import { parseDuration } from './parse-duration'

describe('parseDuration (Go time.ParseDuration syntax)', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1_500],
    ['500ms', 500],
    ['2m30s', 150_000],
    ['0', 0],
  ])('%s = %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms))

  it.each(['', '30', 'soon', '5 m', '-5s', '1d'])('refuses %j with a sentence', (text) => {
    const result = parseDuration(text)
    expect(result).toBeInstanceOf(Error)
    expect((result as Error).message).toMatch(/duration/)
  })
})
