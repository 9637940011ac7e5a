// The instants and spans a Kubernetes object can carry, so that no number from a manifest turns into a time
// the cluster cannot store or print. metav1.Time marshals through Go's Time.MarshalJSON, which refuses years
// past 9999; a time.Duration is an int64 of nanoseconds, about 292 years.

/** The last instant metav1.Time can carry, 9999-12-31T23:59:59Z, in ms since the epoch (a safe integer). */
export const LAST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59)

/** The longest time.Duration (math.MaxInt64 ns) in whole seconds: 9223372036 s, about 292 years. */
export const MAX_DURATION_SECONDS = 9_223_372_036

/**
 * `nowMs` + `seconds` as an instant an object can carry, in ms: `seconds` (an int64 from the API, maybe huge)
 * saturates at time.Duration's range (Go's `time.Second * time.Duration(n)` would wrap around instead), and
 * the sum at LAST_INSTANT_MS.
 */
export function instantAfterSeconds(nowMs: number, seconds: number): number {
  const span = Math.min(Math.max(seconds, -MAX_DURATION_SECONDS), MAX_DURATION_SECONDS) * 1000
  return Math.min(Math.round(nowMs + span), LAST_INSTANT_MS)
}

/** `atMs` if the cluster's clock can reach it (a whole ms, no later than LAST_INSTANT_MS), else undefined: never. */
export function reachable(atMs: number): number | undefined {
  return Number.isFinite(atMs) && atMs <= LAST_INSTANT_MS ? Math.ceil(atMs) : undefined
}
