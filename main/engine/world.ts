// Everything one transaction works with: the store, the clock, the seeded generator, the timers and the
// controllers (controller/). Writes go through here so that each one is recorded, fed to the shared informers
// and their handlers (which only enqueue keys), and held back from outside watchers until commit.

import type { KubeObject, WatchEventType } from '../kube'
import { createRng, type Rng } from './runtime/rng'
import type { VirtualClock } from './runtime/clock'
import { SharedInformerFactory } from './client/informers'
import { Timers } from './runtime/timers'
import type { Controller } from './controller/controller'
import { ControllerManager } from './controller/manager'
import type { SyncErrors } from './controller/sync-errors'
import type { DB } from './store/cluster-file'
import { ObjectStore, type StoredEvent } from './store/object-store'
import type { HistoryOptions } from './store/history/writer'
import { NodeState } from './store/node-state'

export class World {
  readonly store: ObjectStore
  readonly timers: Timers
  readonly nodeState: NodeState
  /** The shared informers: every resource's objects in memory, fed by write() (see client/informers). */
  readonly informers: SharedInformerFactory
  rng: Rng
  private readonly controllers: ControllerManager
  private pending: StoredEvent[] = []
  /**
   * Whether this transaction's events are kept for commit() to hand to watchers. With nobody watching (a CLI
   * command) they are not kept: an advance over 150,000 starting pods would otherwise hold every version of
   * every object it wrote until the end.
   */
  keepEvents = true
  /** The generator state the file holds, to skip writing it again unchanged. */
  private storedRngState = ''
  /**
   * PRAGMA data_version when this process last caught up with the file (it moves on others' commits). None at
   * first: what the constructors read (clock, generator) came from separate statements, between which another
   * process may have committed, so the first catch-up re-reads everything in one snapshot.
   */
  private dataVersion: number | undefined

  /** `options.history`: how history rows are encoded (store/history/writer.ts). */
  constructor(
    readonly db: DB,
    readonly clock: VirtualClock,
    options: { history?: HistoryOptions } = {},
  ) {
    this.store = new ObjectStore(db, options)
    this.timers = new Timers(db)
    this.nodeState = new NodeState(db)
    this.informers = new SharedInformerFactory(this.store)
    this.controllers = new ControllerManager(this.informers, this, () => this.now())
    this.rng = this.storedRng()
  }

  /**
   * Catches up with commits another process made to the same file (the app and `podlab kubectl` share the
   * user's cluster file): the generator, the clock and every controller cache are re-read. Writers call it
   * inside their IMMEDIATE transaction, where no other commit can slip in between the catch-up and the write.
   * Returns true when another process had committed since the last catch-up.
   */
  catchUp(): boolean {
    const version = this.db.pragma('data_version', { simple: true }) as number
    const theirs = version !== this.dataVersion
    if (theirs) {
      this.dataVersion = version
      this.store.forget()
      this.informers.catchUp()
      this.forgetMemory()
    }
    this.informers.markCommitted()
    return theirs
  }

  /** What the controllers' failing syncs left (per key), and the hook that hears each failure once. */
  get errors(): SyncErrors {
    return this.controllers.errors
  }

  /** The controllers' queue names, in registration order (the timers table may name only these). */
  queueNames(): string[] {
    return this.controllers.names()
  }

  now(): number {
    return this.clock.now()
  }

  /** Adds a controller (controller/controller.ts); they run in registration order. */
  register(controller: Controller): void {
    this.controllers.register(controller)
  }

  /**
   * Records a change; returns the object as stored (with its new resourceVersion). Only the API server (api/)
   * calls it: every component writes through the in-engine client (controller/writes-through-client.test.ts).
   */
  write(type: WatchEventType, resource: string, object: KubeObject): KubeObject {
    this.informers.beforeWrite(resource)
    const event = this.store.write(type, resource, object, this.now())
    if (this.keepEvents) this.pending.push(event)
    this.informers.observe(event)
    return event.object
  }

  /**
   * The object the API server reads: from the resource's informer when it is loaded (memory, as the apiserver
   * serves reads from its watch cache), else from the store (SQL and a checked decode). Both see this
   * transaction's writes. The object is shared: copy before changing it.
   */
  get<T extends KubeObject = KubeObject>(resource: string, namespace: string, name: string): T | undefined {
    const cached = this.informers.cached<T>(resource)
    return cached ? cached.get(namespace, name) : this.store.get<T>(resource, namespace, name)
  }

  /** The objects of `resource` (in `namespace` when given), in (namespace, name) order, read as get() reads. */
  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): T[] {
    const cached = this.informers.cached<T>(resource)
    return cached ? cached.list(namespace) : this.store.list<T>(resource, namespace)
  }

  enqueue(queue: string, key: string): void {
    this.controllers.enqueue(queue, key)
  }

  /** Asks `queue` to look at `key` again `delayMs` from now (client-go AddAfter). */
  after(queue: string, key: string, delayMs: number): void {
    this.timers.add(this.now() + Math.max(0, delayMs), queue, key)
  }

  /**
   * Runs every queued key until nothing is left to do at the current instant. A failing sync is retried after
   * its back-off and recorded in `errors`; only a failing cluster file throws (see ControllerManager).
   */
  settle(): void {
    this.controllers.settle()
  }

  /**
   * Fires the timers due at or before `ms` (virtual ms) in order, settling at each instant, then stops the clock
   * at `ms`, and returns true. With `maxWrites`, it returns false instead at the first instant that would start
   * after that many writes (resourceVersions) were made, the clock left at the last instant run: the caller
   * commits and calls again, and the instants run are the same as in one call.
   */
  runUntil(ms: number, maxWrites = Infinity): boolean {
    const start = this.store.resourceVersion()
    for (;;) {
      const due = this.timers.nextDue()
      if (due === undefined || due > ms) break
      if (this.store.resourceVersion() - start >= maxWrites) return false
      if (due > this.now()) this.clock.set(due)
      for (const t of this.timers.takeDue(due)) this.enqueue(t.queue, t.key)
      this.settle()
    }
    if (ms > this.now()) this.clock.set(ms)
    return true
  }

  /** Called at the end of a successful transaction: persists the generator and hands over the events. */
  commit(): StoredEvent[] {
    // Most transactions (a real-time clock tick) draw nothing: only a generator that moved is written.
    const state = this.rng.state()
    if (state !== this.storedRngState) {
      this.store.setMeta('rng', state)
      this.storedRngState = state
    }
    // node_state's values and the resourceVersion counter of this transaction reach the file now, before SQLite's COMMIT.
    this.nodeState.flush()
    this.store.flush()
    const events = this.pending
    this.pending = []
    // The informers count their state committed at the next catch-up (the start of every transaction), not
    // here: SQLite's COMMIT comes after this call and may still fail.
    return events
  }

  /** Called after a rolled-back transaction: forgets everything that was not committed. */
  rollback(): void {
    this.pending = []
    this.store.forget()
    this.store.forgetHistory()
    this.nodeState.clear()
    this.informers.rolledBack()
    this.controllers.clear()
    this.rng = this.storedRng()
    this.clock.reload()
  }

  private forgetMemory(): void {
    this.store.forgetHistory()
    this.nodeState.clear()
    this.controllers.reset()
    this.rng = this.storedRng()
    this.clock.reload()
  }

  private storedRng(): Rng {
    const state = this.store.meta('rng')
    if (!state) throw new Error('the cluster file has no generator state')
    this.storedRngState = state
    return createRng(state)
  }
}
