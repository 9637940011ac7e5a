// Runs the registered controllers inside a transaction (controller-runtime's manager, single-threaded): every
// queued key until nothing is left at the current instant, one key per controller per round, in registration
// order. A failing sync is recorded (SyncErrors) and retried after its back-off on the virtual clock; only the
// cluster file failing under it (damaged rows, SQLite errors) ends the transaction.

import type { SharedInformerFactory } from '../client/informers'
import { isClusterFileError } from '../store/open/errors'
import type { Controller } from './controller'
import { RateLimitingQueue, type DelayedAdder } from './rate-limiting-queue'
import { SyncErrors } from './sync-errors'

/**
 * A key synced this many times at one instant is in a loop (two controllers fighting over it), not working:
 * it is reported and retried after back-off, which lets the instant end. Counted per key, so the bound does not
 * grow with the cluster: a node change may rightly requeue 150,000 pods, each once.
 */
export const MAX_SYNCS_PER_KEY_PER_INSTANT = 1000

/** The error recorded for a key that hit MAX_SYNCS_PER_KEY_PER_INSTANT. */
export class ControllerDidNotSettle extends Error {
  readonly reason = 'ControllerDidNotSettle' as const
  constructor(controller: string, key: string) {
    super(`${controller} synced ${key} ${MAX_SYNCS_PER_KEY_PER_INSTANT} times at one instant: a sync keeps making work for itself`)
    this.name = 'ControllerDidNotSettle'
  }
}

/** Errors the controllers must not swallow: the file itself is failing, and the transaction with it. */
function isFileFailure(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return isClusterFileError(e) || (typeof code === 'string' && code.startsWith('SQLITE_'))
}

interface Entry {
  controller: Controller
  queue: RateLimitingQueue
}

export class ControllerManager {
  readonly errors = new SyncErrors()
  private readonly entries: Entry[] = []
  private readonly byName = new Map<string, Entry>()

  /** `now` is the virtual time in ms. */
  constructor(
    private readonly informers: SharedInformerFactory,
    private readonly delayed: DelayedAdder,
    private readonly now: () => number,
  ) {}

  register(controller: Controller): void {
    if (this.byName.has(controller.name)) throw new Error(`a controller named ${controller.name} is already registered`)
    const entry = { controller, queue: new RateLimitingQueue(controller.name, this.delayed) }
    this.entries.push(entry)
    this.byName.set(controller.name, entry)
    controller.register(this.informers, entry.queue)
  }

  /** The controllers' names, which are their queues' names, in registration order. */
  names(): string[] {
    return this.entries.map((e) => e.controller.name)
  }

  enqueue(queue: string, key: string): void {
    const entry = this.byName.get(queue)
    if (!entry) throw new Error(`no controller owns queue ${queue}`)
    entry.queue.add(key)
  }

  /** Runs every queued key until nothing is left to do at the current instant. */
  settle(): void {
    const synced = new Map<string, number>()
    for (;;) {
      let worked = false
      for (const entry of this.entries) {
        const key = entry.queue.take()
        if (key === undefined) continue
        worked = true
        const id = `${entry.controller.name}\u0000${key}`
        const times = (synced.get(id) ?? 0) + 1
        synced.set(id, times)
        if (times > MAX_SYNCS_PER_KEY_PER_INSTANT) this.failed(entry, key, new ControllerDidNotSettle(entry.controller.name, key))
        else this.run(entry, key)
      }
      if (!worked) return
    }
  }

  /** Drops queued keys (a rolled-back transaction) and every controller's handler-fed memory. */
  clear(): void {
    for (const e of this.entries) e.queue.clear()
    this.reset()
  }

  /** Every controller drops its handler-fed memory (another process committed). */
  reset(): void {
    for (const e of this.entries) e.controller.reset?.()
  }

  private run(entry: Entry, key: string): void {
    try {
      entry.controller.sync(key)
    } catch (e) {
      if (isFileFailure(e)) throw e
      this.failed(entry, key, e)
      return
    }
    entry.queue.forget(key)
    this.errors.succeeded(entry.controller.name, key)
  }

  private failed(entry: Entry, key: string, error: unknown): void {
    const delay = entry.queue.addRateLimited(key)
    this.errors.record(entry.controller.name, key, error, this.now(), delay)
  }
}
