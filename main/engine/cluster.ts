// The Engine behind every door. Each call that changes anything is one SQLite transaction: the change,
// every controller's reaction at that instant, the clock and the PRNG state commit together or not at all.
// Outside watchers hear about a change only after it has committed.

import type { ClockState, ClusterInfo, KubeObject, Table, WatchEvent } from '../contract'
import { ApiServer } from './api/server'
import type { VirtualClock } from './client/clock'
import type { CreateOptions, DeleteOptions, Engine, ListResult, ResourceRef } from './engine'
import { buildTable } from './printers'
import { RESOURCES } from './resources'
import type { StoredEvent } from './store/object-store'
import type { World } from './world'

type WatchHandler = (event: WatchEvent, resourceVersion: string) => void

export class Cluster implements Engine {
  private readonly api: ApiServer
  private readonly watchers = new Set<WatchHandler>()
  private readonly clockListeners = new Set<(clock: ClockState) => void>()
  private closed = false

  constructor(
    private readonly world: World,
    private readonly clockRef: VirtualClock,
  ) {
    this.api = new ApiServer(world)
  }

  info(): ClusterInfo {
    this.world.catchUp()
    return {
      name: this.world.store.meta('cluster_name') ?? '',
      seed: this.world.store.meta('seed') ?? '',
      resourceVersion: String(this.world.store.resourceVersion()),
      clock: this.clockRef.state(),
    }
  }

  resources(): ResourceRef[] {
    return RESOURCES
  }

  create(object: unknown, options?: CreateOptions): KubeObject {
    return this.transact(() => this.api.create(object, options))
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject {
    return this.api.get(resource, namespace, name)
  }

  list(resource: string, namespace?: string): ListResult {
    return { items: this.api.list(resource, namespace), resourceVersion: String(this.world.store.resourceVersion()) }
  }

  update(object: unknown, options?: CreateOptions): KubeObject {
    return this.transact(() => this.api.update(object, options))
  }

  delete(resource: string, namespace: string | undefined, name: string, options?: DeleteOptions): KubeObject {
    return this.transact(() => this.api.delete(resource, namespace, name, options))
  }

  table(resource: string, namespace: string | undefined, options: { wide?: boolean } = {}): Table {
    this.world.catchUp()
    const { items, resourceVersion } = this.list(resource, namespace)
    // The API server always fills the wide cells and leaves hiding priority-1 columns to the client.
    return buildTable(resource, items, this.world.now(), resourceVersion, options.wide ?? true)
  }

  watch(fromResourceVersion: string | undefined, handler: WatchHandler): () => void {
    if (fromResourceVersion === undefined) {
      for (const ref of RESOURCES) {
        for (const object of this.world.store.list(ref.resource)) handler({ type: 'ADDED', object }, object.metadata.resourceVersion ?? '0')
      }
    } else {
      for (const e of this.world.store.since(Number(fromResourceVersion))) handler({ type: e.type, object: e.object }, String(e.resourceVersion))
    }
    this.watchers.add(handler)
    return () => this.watchers.delete(handler)
  }

  clock(): ClockState {
    this.world.catchUp()
    return this.clockRef.state()
  }

  advance(milliseconds: number): ClockState {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) throw new RangeError(`cannot advance the clock by ${milliseconds} ms`)
    this.transact(() => this.world.runUntil(this.world.now() + Math.round(milliseconds)))
    return this.clockChanged()
  }

  pause(): ClockState {
    this.transact(() => this.clockRef.setPaused(true))
    return this.clockChanged()
  }

  resume(): ClockState {
    this.transact(() => this.clockRef.setPaused(false))
    return this.clockChanged()
  }

  setSpeed(speed: number): ClockState {
    this.transact(() => this.clockRef.setSpeed(speed))
    return this.clockChanged()
  }

  onClock(listener: (clock: ClockState) => void): () => void {
    this.clockListeners.add(listener)
    return () => this.clockListeners.delete(listener)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.watchers.clear()
    this.clockListeners.clear()
    this.world.db.close()
  }

  /** Runs `change` and everything the controllers do about it now, as one transaction. */
  private transact<T>(change: () => T): T {
    if (this.closed) throw new Error('the cluster file is closed')
    this.world.catchUp()
    let events: StoredEvent[] = []
    let result: T
    try {
      result = this.world.db.transaction(() => {
        const r = change()
        this.world.settle()
        events = this.world.commit()
        return r
      })()
    } catch (e) {
      this.world.rollback()
      throw e
    }
    // The change has committed: a watcher that fails must not make it look failed, nor starve the others.
    for (const e of events) {
      for (const w of this.watchers) {
        try {
          w({ type: e.type, object: e.object }, String(e.resourceVersion))
        } catch {
          // The watcher's own fault; it hears the next event as usual.
        }
      }
    }
    return result
  }

  private clockChanged(): ClockState {
    const state = this.clockRef.state()
    for (const l of this.clockListeners) l(state)
    return state
  }
}
