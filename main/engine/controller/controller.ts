// What a controller is (controller-runtime's Reconciler plus its watches): a name (also its queue's, stored in
// the timers table), `register`, which asks the shared informers for what it watches and adds handlers that only
// enqueue keys, and `sync(key)`, which reads the listers and writes through the World (or the client) to bring
// `key` one step closer to what it should be. The framework runs it: FIFO per queue, controllers in registration
// order, a throw requeued with back-off and reported, never rolled back into the user's command.

import type { SharedInformerFactory } from '../client/informers'
import type { StoredEvent } from '../store/object-store'
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

/**
 * The earlier shape (the kubelets still use it): a handler mapping each raw write to keys. `adapt` runs it on
 * the framework unchanged; a migration is `register` adding `informers.informer('pods').addEventHandler(...)`.
 */
export interface EventMappingController {
  readonly queue: string
  /** The keys this change makes dirty. Must not write. */
  keysFor(event: StoredEvent): string[]
  sync(key: string): void
  reset?(): void
}

export function isEventMapping(c: Controller | EventMappingController): c is EventMappingController {
  return 'keysFor' in c
}

/** An EventMappingController as a Controller: every write goes through keysFor into its queue. */
export function adapt(c: EventMappingController): Controller {
  return {
    name: c.queue,
    register: (informers, queue) => informers.onEvent((event) => {
      for (const key of c.keysFor(event)) queue.add(key)
    }),
    sync: (key) => c.sync(key),
    reset: () => c.reset?.(),
  }
}
