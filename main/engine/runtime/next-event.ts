// "Step to the next event" (the app's clock controls): how far the clock must move so that the earliest timer
// fires, and nothing after it. Every scheduled thing in Podlab is a timer (a probe's period, a back-off's end, a
// pull finishing, a grace period, a process's next step), so the earliest timer is the next event.

/**
 * The milliseconds to advance from `nowMs` so the clock lands exactly on `nextDueMs` (both ms since the Unix
 * epoch): 0 when that timer is already due (it fires without the clock moving), undefined when nothing is
 * scheduled. Never throws.
 */
export function stepToNext(nextDueMs: number | undefined, nowMs: number): number | undefined {
  if (nextDueMs === undefined) return undefined
  return Math.max(0, nextDueMs - nowMs)
}
