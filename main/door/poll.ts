// A host that shows a cluster file (the app, `podlab serve`) also shows what other processes write to it: a
// `podlab kubectl apply` in a terminal reaches the open page within a second, whether the clock runs or not.
// Host code: it reads the wall clock (a timer) so that the engine need not.

import type { HostEngine } from '../engine'

/** Wall ms between looks at the file; a look at an unchanged file costs one PRAGMA data_version. */
export const POLL_INTERVAL_MS = 250

/**
 * Calls `engine.poll()` every `intervalMs` until the returned function is called; the engine's watchers (each
 * Session) then push what changed. A failing look is reported once until one succeeds again.
 */
export function startPolling(engine: HostEngine, intervalMs = POLL_INTERVAL_MS, report: (line: string) => void = (l) => console.error(l)): () => void {
  let failing: string | undefined
  const timer = setInterval(() => {
    try {
      engine.poll()
      failing = undefined
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      if (message !== failing) report(`podlab: could not read the cluster file for other processes' changes: ${message}`)
      failing = message
    }
  }, intervalMs)
  return () => clearInterval(timer)
}
