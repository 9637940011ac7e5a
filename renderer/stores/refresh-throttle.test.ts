import { afterEach, describe, expect, it, vi } from 'vitest'
import { refreshThrottle } from './refresh-throttle'

afterEach(() => vi.useRealTimers())

describe('refreshThrottle', () => {
  it('coalesces a burst of asks into one fetch, and waits out the interval after a fetch', async () => {
    vi.useFakeTimers()
    const fetch = vi.fn(async () => {})
    const throttle = refreshThrottle(fetch, 500)
    await throttle.now()
    for (let i = 0; i < 10; i++) throttle.schedule()
    await vi.advanceTimersByTimeAsync(499)
    expect(fetch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('forgets a pending fetch when cancelled', async () => {
    vi.useFakeTimers()
    const fetch = vi.fn(async () => {})
    const throttle = refreshThrottle(fetch, 500)
    throttle.schedule()
    throttle.cancel()
    await vi.advanceTimersByTimeAsync(1000)
    expect(fetch).not.toHaveBeenCalled()
  })
})
