// Keys typed after a Tab wait for its completion, as bash's readline reads them only once the completion is on the
// line: `kubectl desc` Tab `pod myn` Tab Enter, typed faster than the engine answers, must read `kubectl describe
// pod mynginx` and not `kubectl descpod mynribe`. While a Tab is pending (or keys held behind one are replayed),
// every key is held in order; a Tab among them completes in its turn, on the line as it is by then. The keys typed
// while a line was ending replay the same way at the next prompt, an Enter among them running its line.

/** A Tab key in the queue (its completion is asked for when its turn comes). */
export const TAB = Symbol('Tab')

export type Key = string | typeof TAB

export class KeyQueue {
  private readonly held: Key[] = []
  private draining = false

  /**
   * `deliver` hands typed data on (to readline, or to a running line); `tab` completes the line (it may deliver
   * the completion itself); `settle` lets the page react to a key before the next (an Enter ends readline's line
   * only in a later task): by default one macrotask.
   */
  constructor(
    private readonly deliver: (data: string) => void,
    private readonly tab: () => Promise<void>,
    private readonly settle: () => Promise<void> = () => new Promise((done) => setTimeout(done, 0)),
  ) {}

  /** Keys are held: a Tab's completion is pending, or keys behind one are being replayed. */
  get busy(): boolean {
    return this.draining
  }

  /** A typed key or text: delivered now unless keys are held, in which case it waits its turn. */
  key(key: Key): void {
    if (!this.draining && key !== TAB) return this.deliver(key)
    this.held.push(key)
    if (!this.draining) void this.drain()
  }

  /**
   * Type-ahead for a new prompt, before any key held now: text runs as pasted text, each Enter on its own as the
   * key it was (pasted, readline would take it for a newline in the line), with `settle` between them so that a
   * line it ends has started before the keys typed after it arrive.
   */
  replay(typed: string): void {
    const keys = typed.split(/(\r)/).filter((k) => k !== '')
    if (keys.length === 0) return
    this.held.unshift(...keys)
    if (!this.draining) void this.drain()
  }

  private async drain(): Promise<void> {
    this.draining = true
    try {
      while (this.held.length > 0) {
        const key = this.held.shift()!
        if (key === TAB) {
          try {
            await this.tab()
          } catch {
            // A completion that failed completes nothing; the keys after it still go on, in order.
          }
        } else {
          this.deliver(key)
        }
        await this.settle()
      }
    } finally {
      this.draining = false
    }
  }
}
