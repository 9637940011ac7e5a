// Everything one transaction works with: the store, the clock, the seeded generator, the timers and the
// controllers' queues. Writes go through here so that each one is recorded, fanned out to the controllers'
// informer handlers (which only enqueue keys), and held back from outside watchers until commit.

import type { KubeObject, WatchEventType } from '../contract'
import { createRng, type Rng } from './client/rng'
import type { VirtualClock } from './client/clock'
import { Timers } from './client/timers'
import { WorkQueue } from './client/work-queue'
import type { DB } from './store/cluster-file'
import { ObjectStore, type StoredEvent } from './store/object-store'
import { NodeState } from './store/node-state'

/** A reconciler in the Kubernetes style: handlers name dirty keys; `sync` re-reads state and acts. */
export interface Controller {
  readonly queue: string
  /** Informer handler: the keys this change makes dirty. Must not write. */
  keysFor(event: StoredEvent): string[]
  /** Brings the world for `key` one step closer to what it should be. Running it twice does no harm. */
  sync(key: string): void
  /** Drops in-memory caches after a rolled-back transaction (they may hold what was never committed). */
  reset?(): void
}

/** A sync loop that has not settled after this many keys is a bug (two controllers fighting), not work. */
const MAX_SYNCS_PER_SETTLE = 100_000

export class World {
  readonly store: ObjectStore
  readonly timers: Timers
  readonly nodeState: NodeState
  rng: Rng
  private readonly controllers: Controller[] = []
  private readonly queues = new Map<string, WorkQueue>()
  private pending: StoredEvent[] = []
  /** The generator state the file holds, to skip writing it again unchanged. */
  private storedRngState = ''
  /**
   * PRAGMA data_version when this process last caught up with the file (it moves on others' commits). None at
   * first: what the constructors read (clock, generator) came from separate statements, between which another
   * process may have committed, so the first catch-up re-reads everything in one snapshot.
   */
  private dataVersion: number | undefined

  constructor(
    readonly db: DB,
    readonly clock: VirtualClock,
  ) {
    this.store = new ObjectStore(db)
    this.timers = new Timers(db)
    this.nodeState = new NodeState(db)
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
    if (version === this.dataVersion) return false
    this.dataVersion = version
    this.forgetMemory()
    return true
  }

  now(): number {
    return this.clock.now()
  }

  register(controller: Controller): void {
    this.controllers.push(controller)
    this.queues.set(controller.queue, new WorkQueue())
  }

  /** Records a change; returns the object as stored (with its new resourceVersion). */
  write(type: WatchEventType, resource: string, object: KubeObject): KubeObject {
    const event = this.store.write(type, resource, object, this.now())
    this.pending.push(event)
    for (const c of this.controllers) for (const key of c.keysFor(event)) this.queues.get(c.queue)?.add(key)
    return event.object
  }

  enqueue(queue: string, key: string): void {
    const q = this.queues.get(queue)
    if (!q) throw new Error(`no controller owns queue ${queue}`)
    q.add(key)
  }

  /** Asks `queue` to look at `key` again `delayMs` from now (client-go AddAfter). */
  after(queue: string, key: string, delayMs: number): void {
    this.timers.add(this.now() + Math.max(0, delayMs), queue, key)
  }

  /** Runs every queued key until nothing is left to do at the current instant. */
  settle(): void {
    let budget = MAX_SYNCS_PER_SETTLE
    for (;;) {
      let worked = false
      for (const c of this.controllers) {
        const key = this.queues.get(c.queue)?.take()
        if (key === undefined) continue
        worked = true
        c.sync(key)
        if (--budget === 0) throw new Error('controllers did not settle: a sync keeps making work for itself')
      }
      if (!worked) return
    }
  }

  /** Fires the timers due at or before `ms` in order, settling at each instant, then stops the clock at `ms`. */
  runUntil(ms: number): void {
    for (;;) {
      const due = this.timers.nextDue()
      if (due === undefined || due > ms) break
      if (due > this.now()) this.clock.set(due)
      for (const t of this.timers.takeDue(due)) this.enqueue(t.queue, t.key)
      this.settle()
    }
    if (ms > this.now()) this.clock.set(ms)
  }

  /** Called at the end of a successful transaction: persists the generator and hands over the events. */
  commit(): StoredEvent[] {
    // Most transactions (a real-time clock tick) draw nothing: only a generator that moved is written.
    const state = this.rng.state()
    if (state !== this.storedRngState) {
      this.store.setMeta('rng', state)
      this.storedRngState = state
    }
    const events = this.pending
    this.pending = []
    return events
  }

  /** Called after a rolled-back transaction: forgets everything that was not committed. */
  rollback(): void {
    this.pending = []
    for (const q of this.queues.values()) q.clear()
    this.forgetMemory()
  }

  private forgetMemory(): void {
    for (const c of this.controllers) c.reset?.()
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
