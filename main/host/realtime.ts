// The app's real-time mode: wall time drives the virtual clock at the cluster's speed (0.25x-100x), unless
// paused. This is host code on purpose: the engine itself never reads the wall clock.

import type { Engine } from '../engine/engine'

const TICK_MS = 100
/** A laptop that slept for an hour must not fast-forward the class's cluster by an hour. */
const MAX_WALL_STEP_MS = 1_000

export function startRealtime(engine: Engine, now: () => number = () => performance.now()): () => void {
  let last = now()
  const timer = setInterval(() => {
    const wall = now()
    const elapsed = Math.min(wall - last, MAX_WALL_STEP_MS)
    last = wall
    const clock = engine.clock()
    if (clock.paused || elapsed <= 0) return
    try {
      engine.advance(elapsed * clock.speed)
    } catch (e) {
      // A failed tick changes nothing (it is one transaction); say so once and keep the app alive.
      console.error(`podlab: the clock could not advance: ${(e as Error).message}`)
    }
  }, TICK_MS)
  return () => clearInterval(timer)
}
