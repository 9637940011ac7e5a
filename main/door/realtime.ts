// The app's real-time mode: wall time drives the virtual clock at the cluster's speed (0.25x-100x), unless
// paused. This is host code on purpose: the engine itself never reads the wall clock.

import type { Engine } from '../engine'

const TICK_MS = 100
/** A laptop that slept for an hour must not fast-forward the class's cluster by an hour. */
const MAX_WALL_STEP_MS = 1_000

export interface RealtimeOptions {
  /** Wall time in ms (monotonic). Default performance.now. */
  now?: () => number
  /** Where a failing tick is reported. Default console.error. */
  report?: (line: string) => void
  /** Ms between ticks. Default 100. */
  tickMs?: number
}

/**
 * Ticks `engine.advance(wall ms elapsed x speed)` every `tickMs` until the returned function is called. A tick
 * that fails changes nothing (it is one transaction); the failure is reported once, not ten times a second,
 * until a tick succeeds again (then that is said too).
 */
export function startRealtime(engine: Engine, options: RealtimeOptions = {}): () => void {
  const now = options.now ?? (() => performance.now())
  const report = options.report ?? ((line: string) => console.error(line))
  let last = now()
  let failing: string | undefined
  const timer = setInterval(() => {
    const wall = now()
    const elapsed = Math.min(wall - last, MAX_WALL_STEP_MS)
    last = wall
    try {
      const clock = engine.clock()
      if (clock.paused || elapsed <= 0) return
      // A tick, not a command: the commands table replays without it (see AdvanceOptions.tick).
      engine.advance(elapsed * clock.speed, { tick: true })
      if (failing !== undefined) report('podlab: the clock runs again')
      failing = undefined
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      if (message !== failing) report(`podlab: the clock could not advance: ${message}`)
      failing = message
    }
  }, options.tickMs ?? TICK_MS)
  return () => clearInterval(timer)
}
