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

  it('a negative duration is refused with a sentence saying the clock only goes forward; a + sign is Go\'s too', () => {
    expect((parseDuration('-5s') as Error).message).toBe('the clock only goes forward: "-5s" would move it back; give a positive duration, such as 30s')
    expect(parseDuration('+5s')).toBe(5_000)
  })

  it.each(['', '30', 'soon', '5 m', '-5s', '-x', '1d'])('refuses %j with a sentence', (text) => {
    const result = parseDuration(text)
    expect(result).toBeInstanceOf(Error)
    expect((result as Error).message).toMatch(/duration/)
  })
})
