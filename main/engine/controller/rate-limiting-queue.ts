// A controller's queue (client-go's RateLimitingInterface): the FIFO of dirty keys, AddAfter through the cluster
// file's timers (a CLI call ends long before the delay has passed), and per-key back-off on failure.

import { ItemExponentialFailureRateLimiter } from './rate-limiter'
import { WorkQueue } from './work-queue'

/** Where delayed keys wait: the World's stored timers, on the virtual clock. */
export interface DelayedAdder {
  /** Queues `key` of `queue` again `delayMs` ms of virtual time from now. */
  after(queue: string, key: string, delayMs: number): void
}

export class RateLimitingQueue {
  private readonly fifo = new WorkQueue()
  private readonly limiter = new ItemExponentialFailureRateLimiter()

  constructor(
    readonly name: string,
    private readonly delayed: DelayedAdder,
  ) {}

  /** Marks `key` dirty now; a key already waiting keeps its place. */
  add(key: string): void {
    this.fifo.add(key)
  }

  /** Marks `key` dirty `delayMs` ms of virtual time from now (client-go AddAfter). */
  addAfter(key: string, delayMs: number): void {
    this.delayed.after(this.name, key, delayMs)
  }

  /** Retries `key` after its back-off (5 ms, 10 ms, 20 ms ... 1000 s); returns the delay in ms. */
  addRateLimited(key: string): number {
    const delay = this.limiter.when(key)
    this.addAfter(key, delay)
    return delay
  }

  /** Forgets `key`'s failures: its next failure waits 5 ms again. */
  forget(key: string): void {
    this.limiter.forget(key)
  }

  numRequeues(key: string): number {
    return this.limiter.numRequeues(key)
  }

  /** The next dirty key, oldest first, or undefined. */
  take(): string | undefined {
    return this.fifo.take()
  }

  get length(): number {
    return this.fifo.length
  }

  /** Drops the dirty keys (a rolled-back transaction); failure counts stay, as upstream's survive a failed call. */
  clear(): void {
    this.fifo.clear()
  }
}
