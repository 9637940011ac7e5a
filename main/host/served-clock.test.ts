// kubectl's waits on a clock another process runs end, whatever that process does (issue 6 item 6).

import { describe, expect, it } from 'vitest'
import type { ClockState } from '../kube'
import type { Engine } from '../engine/engine'
import { followServedClock, MAX_SERVED_WAIT_MS } from './served-clock'

const OWNER = { door: 'web' as const, pid: 1234, hostname: 'h' }

/** An engine whose clock stands still, running at `speed`, that must never be advanced itself. */
function stuckEngine(speed: number): Engine {
  const clock: ClockState = { now: '2025-01-01T00:00:00Z', nowMs: 0, mode: 'manual', paused: false, speed }
  return { clock: () => clock, advance: () => expect.unreachable('the served clock is not the terminal\'s to move') } as unknown as Engine
}

describe('waiting on a served clock', () => {
  it('a clock that does not move ends each wait after the wall time its speed promises (1000 ms at 2x: 500 ms and one look)', () => {
    let wall = 0
    const following = followServedClock(stuckEngine(2), OWNER, { now: () => wall, sleep: (ms) => (wall += ms) })
    following.engine.advance(1_000)
    expect(wall).toBe(600)
    expect(following.cutShort()).toBeUndefined()
  })

  it(`stops waiting at once after ${MAX_SERVED_WAIT_MS / 60_000} minutes in all, and says so`, () => {
    let wall = 0
    const following = followServedClock(stuckEngine(1), OWNER, { now: () => wall, sleep: (ms) => (wall += ms) })
    for (let i = 0; i < 1_000; i++) following.engine.advance(1_000)
    expect(wall).toBeLessThanOrEqual(MAX_SERVED_WAIT_MS + 1_100)
    expect(following.cutShort()).toBe("stopped waiting for the deletion after 10 minutes; the cluster's clock runs in Podlab (podlab serve, pid 1234)")
  })
})
