// What a failing sync leaves behind. Upstream's controllers hand the error to utilruntime.HandleError (a klog
// line) and requeue the key rate-limited; here the error is kept per key, readable by tests and the doors, and
// handed once to a report hook: again only when the key fails with another message, or after it succeeded.

export interface SyncError {
  controller: string
  key: string
  /** The error's one-sentence message. */
  message: string
  error: unknown
  /** Failures in a row so far. */
  failures: number
  /** Virtual time of the latest failure, ms since the epoch. */
  atMs: number
  /** Back-off before the next try, in ms. */
  retryInMs: number
}

export type SyncErrorHook = (error: SyncError) => void

const idOf = (controller: string, key: string) => `${controller}\u0000${key}`

export class SyncErrors {
  private readonly last = new Map<string, SyncError>()
  private readonly hooks = new Set<SyncErrorHook>()

  /** Calls `hook` once for each new failure (see the file comment); returns the unsubscribe function. */
  onReport(hook: SyncErrorHook): () => void {
    this.hooks.add(hook)
    return () => this.hooks.delete(hook)
  }

  /** The latest failure of `key` of `controller` since it last succeeded. */
  lastError(controller: string, key: string): SyncError | undefined {
    return this.last.get(idOf(controller, key))
  }

  /** Every key failing right now. */
  list(): SyncError[] {
    return [...this.last.values()]
  }

  record(controller: string, key: string, error: unknown, atMs: number, retryInMs: number): void {
    const id = idOf(controller, key)
    const before = this.last.get(id)
    const message = error instanceof Error ? error.message : String(error)
    const entry: SyncError = { controller, key, message, error, failures: (before?.failures ?? 0) + 1, atMs, retryInMs }
    this.last.set(id, entry)
    if (before?.message === message) return
    for (const hook of this.hooks) {
      try {
        hook(entry)
      } catch {
        // A broken report hook must not break the controllers it reports on.
      }
    }
  }

  succeeded(controller: string, key: string): void {
    if (this.last.size > 0) this.last.delete(idOf(controller, key))
  }
}
