import { describe, expect, it } from 'vitest'
import { ItemExponentialFailureRateLimiter } from './rate-limiter'

describe('ItemExponentialFailureRateLimiter (client-go DefaultItemBasedRateLimiter)', () => {
  it('delays a failing key 5 ms, 10 ms, 20 ms ... doubling up to 1000 s, per key', () => {
    const limiter = new ItemExponentialFailureRateLimiter()
    const delays = Array.from({ length: 20 }, () => limiter.when('a'))
    expect(delays.slice(0, 5)).toEqual([5, 10, 20, 40, 80])
    expect(delays[17]).toBe(5 * 2 ** 17) // 655.36 s
    expect(delays[18]).toBe(1_000_000)
    expect(delays[19]).toBe(1_000_000)
    expect(limiter.when('b')).toBe(5)
    expect(limiter.numRequeues('a')).toBe(20)
  })

  it('starts again at 5 ms after Forget, and stays at the cap however many failures (no overflow to Infinity)', () => {
    const limiter = new ItemExponentialFailureRateLimiter()
    for (let i = 0; i < 2000; i++) expect(limiter.when('k')).toBeLessThanOrEqual(1_000_000)
    expect(limiter.when('k')).toBe(1_000_000)
    limiter.forget('k')
    expect(limiter.numRequeues('k')).toBe(0)
    expect(limiter.when('k')).toBe(5)
  })
})
