// What the cluster map and ownership graph stores share: a refetch asked for by each delta, run at most once per
// `minIntervalMs` (the clock ticks many times a second at 100x; one fetch per tick would only queue up).

export interface RefreshThrottle {
  /** Fetches soon: at once when the last fetch is old enough, else when it is. Repeated asks coalesce. */
  schedule(): void
  /** Forgets a pending fetch. */
  cancel(): void
  /** Fetches now (and counts it as the last fetch). */
  now(): Promise<void>
}

export function refreshThrottle(fetch: () => Promise<void>, minIntervalMs: number): RefreshThrottle {
  let timer: ReturnType<typeof setTimeout> | null = null
  let last = 0
  const now = (): Promise<void> => {
    last = Date.now()
    return fetch()
  }
  return {
    schedule() {
      if (timer) return
      timer = setTimeout(() => {
        timer = null
        void now()
      }, Math.max(0, last + minIntervalMs - Date.now()))
    },
    cancel() {
      if (timer) clearTimeout(timer)
      timer = null
    },
    now,
  }
}
