// kubectl run from a terminal while another process runs the cluster's clock (see clock-owner.ts). kubectl's
// `delete` waits for the objects to go by advancing the clock (main/kubectl/wait/wait.ts); a served cluster's clock
// is not the terminal's to move, so here each of those advances waits, on the wall clock, until the owner's
// clock has moved as far, reading the file as it goes, as the real kubectl waits while the cluster runs.

import type { ClockState } from '../kube'
import type { ClockOwner, Engine } from '../engine'
import { ownerName } from '../door/clock-owner'

/** Wall ms between looks at the file. */
const POLL_MS = 100
/** Wall ms one kubectl run may wait in all, however far it asks the clock to move. */
export const MAX_SERVED_WAIT_MS = 10 * 60_000

export interface WaitOptions {
  /** Blocks for `ms` of wall time. Default: Atomics.wait (kubectl runs synchronously). */
  sleep?: (ms: number) => void
  /** Wall time in ms (monotonic). Default performance.now. */
  now?: () => number
}

export interface FollowingEngine {
  /** `engine`, whose advance waits for the owner's clock instead of moving it. */
  engine: Engine
  /** Why a wait was cut short (a line for stderr), or undefined. */
  cutShort(): string | undefined
}

const blockFor = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/**
 * Wraps `engine` for a kubectl run while `owner` runs the clock. advance(ms) returns once the owner's clock
 * is ms further on, or after ms of wall time at the clock's speed (the owner may be slower than it says), at once
 * when the clock is paused (nothing would come of waiting), and at once after MAX_SERVED_WAIT_MS in all.
 * Every other call goes to `engine` unchanged.
 */
export function followServedClock(engine: Engine, owner: ClockOwner, options: WaitOptions = {}): FollowingEngine {
  const sleep = options.sleep ?? blockFor
  const now = options.now ?? (() => performance.now())
  const began = now()
  let reason: string | undefined

  const advance = (milliseconds: number): ClockState => {
    const start = engine.clock()
    if (start.paused) {
      reason = `not waiting for the deletion to finish: the cluster's clock is paused in ${ownerName(owner)}`
      return start
    }
    if (now() - began >= MAX_SERVED_WAIT_MS) {
      reason = `stopped waiting for the deletion after ${MAX_SERVED_WAIT_MS / 60_000} minutes; the cluster's clock runs in ${ownerName(owner)}`
      return start
    }
    const target = start.nowMs + milliseconds
    const stepBegan = now()
    for (;;) {
      sleep(POLL_MS)
      const clock = engine.clock()
      if (clock.nowMs >= target || clock.paused || now() - stepBegan >= milliseconds / start.speed + POLL_MS) return clock
    }
  }

  const wrapped = new Proxy(engine, {
    get(target, property, receiver) {
      if (property === 'advance') return advance
      const value = Reflect.get(target, property, receiver) as unknown
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
  return { engine: wrapped, cutShort: () => reason }
}
