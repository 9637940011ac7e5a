// What a controller is (controller-runtime's Reconciler plus its watches): a name (also its queue's, stored in
// the timers table), `register`, which asks the shared informers for what it watches and adds handlers that only
// enqueue keys, and `sync(key)`, which reads the listers and writes through the in-engine client
// (client/client.ts) to bring `key` one step closer to what it should be. The framework runs it: FIFO per queue,
// controllers in registration order, a throw requeued with back-off and reported, never rolled back into the
// user's command.

import type { SharedInformerFactory } from '../client/informers'
import type { RateLimitingQueue } from './rate-limiting-queue'

export interface Controller {
  readonly name: string
  /** Picks informers and adds their handlers (which only call queue.add / addAfter). Called once. */
  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void
  /** Brings the world for `key` one step closer; running it twice does no harm. A throw is retried with back-off. */
  sync(key: string): void
  /** Drops in-memory state fed by handlers, after a rollback or another process's commit (caches re-list). */
  reset?(): void
}
