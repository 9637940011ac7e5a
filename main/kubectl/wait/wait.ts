// kubectl's wait for deletion (pkg/cmd/wait, used by delete's --wait). The real kubectl blocks after its last
// line until a GET finds each object gone (or a watch says DELETED), while wall time - and so the cluster - moves
// on. Podlab's clock only moves when a door moves it: in manual mode (the `podlab` CLI) the wait runs the virtual
// clock forward in 1 s steps, checking after each, for at most the largest grace period + 30 s, and then returns
// whether or not the objects are gone (the real kubectl would go on waiting up to --timeout, a week by default). A
// grace period of more than an hour is waited for in longer steps (at most 3600 looks), and never for more than that
// week. In real-time mode (the app, `serve`) the clock runs by itself, so the wait returns at once.

import type { Engine, ResourceRef } from '../../engine'

/** One object a DELETE was accepted for. */
export interface Deleted {
  ref: ResourceRef
  namespace: string | undefined
  name: string
  uid: string | undefined
  /** Seconds the object may take to go: its deletionGracePeriodSeconds, else what was asked, else 0. */
  grace: number
}

/** How long one wait may run the virtual clock past the largest grace period, in seconds. */
export const WAIT_SLACK_SECONDS = 30
/** delete.go: "if we requested to wait forever, set it to a week" (--timeout=0, the default), in seconds. */
const WAIT_TIMEOUT_SECONDS = 168 * 3600
/** The most times one wait looks (and advances the clock): a grace period of 2^63 s must not take 2^63 steps. */
const MAX_LOOKS = 3600

/**
 * IsDeleted for each object: gone when its GET is NotFound or finds another object (a new UID) of that name. Runs
 * the virtual clock in manual mode only (see the file comment); never throws for a failed GET (that ends the wait).
 */
export function waitForDeletion(engine: Engine, deleted: Deleted[]): void {
  if (deleted.length === 0 || engine.clock().mode !== 'manual') return
  const gone = (d: Deleted): boolean => {
    try {
      const current = engine.get(d.ref.resource, d.namespace, d.name)
      return d.uid !== undefined && current.metadata.uid !== d.uid
    } catch {
      // NotFound is the answer waited for; any other failure ends the wait too (the DELETEs were done).
      return true
    }
  }
  const limitMs = Math.min(Math.max(...deleted.map((d) => d.grace)) + WAIT_SLACK_SECONDS, WAIT_TIMEOUT_SECONDS) * 1000
  // Whole seconds between looks; more than one when the wait is long, so that it never takes more than MAX_LOOKS.
  const stepMs = Math.max(1, Math.ceil(limitMs / MAX_LOOKS / 1000)) * 1000
  for (let waited = 0; !deleted.every(gone) && waited < limitMs; waited += stepMs) engine.advance(Math.min(stepMs, limitMs - waited))
}
