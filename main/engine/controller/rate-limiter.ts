// client-go's workqueue.ItemExponentialFailureRateLimiter (util/workqueue/default_rate_limiters.go): each failure
// of a key doubles its delay, from 5 ms up to 1000 s; Forget on success starts the key afresh. Counted per
// process in memory, as upstream counts per controller instance.

/** DefaultItemBasedRateLimiter's base delay, in ms. */
export const BASE_DELAY_MS = 5
/** DefaultItemBasedRateLimiter's cap, in ms (1000 s). */
export const MAX_DELAY_MS = 1000 * 1000

export class ItemExponentialFailureRateLimiter {
  private readonly failures = new Map<string, number>()

  constructor(
    private readonly baseDelayMs = BASE_DELAY_MS,
    private readonly maxDelayMs = MAX_DELAY_MS,
  ) {}

  /** The delay in ms before `key` should be retried, counting this failure: base * 2^(failures before). */
  when(key: string): number {
    const exp = this.failures.get(key) ?? 0
    this.failures.set(key, exp + 1)
    // Past 2^62 the float would overflow to Infinity before the cap applies; upstream guards the same way.
    if (exp > 62) return this.maxDelayMs
    return Math.min(this.baseDelayMs * 2 ** exp, this.maxDelayMs)
  }

  /** How many times `key` has failed since it last succeeded. */
  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0
  }

  /** Stops tracking `key` (its sync succeeded). */
  forget(key: string): void {
    this.failures.delete(key)
  }
}
