// client-go's ControllerExpectations (pkg/controller/controller_utils.go): a controller that creates or deletes
// in bulk records how many it asked for, and waits to sync that key again until its informer has seen them all,
// or until the expectation is 5 minutes old (on the virtual clock), in case a watch event was missed.

/** ExpectationsTimeout: 5 minutes, in ms. */
export const EXPECTATIONS_TTL_MS = 5 * 60 * 1000

interface Expectation {
  add: number
  del: number
  /** When it was set, in ms of virtual time. */
  timestampMs: number
}

export class ControllerExpectations {
  private readonly store = new Map<string, Expectation>()

  /** `now` gives the virtual time in ms (the World's clock). */
  constructor(private readonly now: () => number) {}

  /** The outstanding adds and deletes for `key`, or undefined when none were set. */
  get(key: string): { add: number; del: number } | undefined {
    const e = this.store.get(key)
    return e && { add: e.add, del: e.del }
  }

  /**
   * True when the controller may sync `key`: nothing expected, every expected add and delete observed, or
   * the expectation older than EXPECTATIONS_TTL_MS.
   */
  satisfiedExpectations(key: string): boolean {
    const e = this.store.get(key)
    if (!e) return true
    if (e.add <= 0 && e.del <= 0) return true
    return this.now() - e.timestampMs > EXPECTATIONS_TTL_MS
  }

  setExpectations(key: string, add: number, del: number): void {
    this.store.set(key, { add, del, timestampMs: this.now() })
  }

  expectCreations(key: string, adds: number): void {
    this.setExpectations(key, adds, 0)
  }

  expectDeletions(key: string, dels: number): void {
    this.setExpectations(key, 0, dels)
  }

  /** Counts `add` more creations and `del` more deletions (RaiseExpectations); the timestamp stays. */
  raiseExpectations(key: string, add: number, del: number): void {
    const e = this.store.get(key)
    if (e) Object.assign(e, { add: e.add + add, del: e.del + del })
  }

  lowerExpectations(key: string, add: number, del: number): void {
    this.raiseExpectations(key, -add, -del)
  }

  /** The informer saw one of the creations (or a create call failed and will not produce one). */
  creationObserved(key: string): void {
    this.lowerExpectations(key, 1, 0)
  }

  deletionObserved(key: string): void {
    this.lowerExpectations(key, 0, 1)
  }

  deleteExpectations(key: string): void {
    this.store.delete(key)
  }

  /** Forgets everything (after a rolled-back transaction, whose creations never happened). */
  clear(): void {
    this.store.clear()
  }
}
