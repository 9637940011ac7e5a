// The World's shared informers (client-go SharedInformerFactory): one informer per resource, created on first
// ask, loaded from the store on first use, then fed every World.write inside the transaction (so a controller
// reads its own writes at once). Kept correct across:
// - another process's commit: World.catchUp replays the history rows after the resourceVersion the caches
//   reflect, in order, without calling handlers (that process's controllers already reacted in its transaction);
// - a rolled-back transaction: informers it touched or loaded are dropped and load again on next use.

import type { KubeObject } from '../../../kube'
import type { ObjectStore, StoredEvent } from '../../store/object-store'
import { Informer, keyOf, type Lister, type ResourceEventHandler } from './informer'

type Registration = { resource: string; handler: ResourceEventHandler<KubeObject> }

export class SharedInformerFactory {
  private readonly informers = new Map<string, Informer>()
  /** Every handler, in the order added: controllers hear a change in their registration order. */
  private readonly registrations: Registration[] = []
  /** Resources with typed handlers: loaded before their first write, so update() can hand over the old object. */
  private readonly watched = new Set<string>()
  /** The resourceVersion every loaded informer reflects (undefined while none is loaded). */
  private syncedRv: number | undefined
  /** syncedRv at the last catch-up (which starts every transaction): where a rollback returns to. */
  private committedRv: number | undefined
  private readonly touched = new Set<Informer>()

  constructor(private readonly store: ObjectStore) {}

  informer<T extends KubeObject = KubeObject>(resource: string): Informer<T> {
    let informer = this.informers.get(resource)
    if (!informer) {
      informer = new Informer(
        resource,
        () => {
          const resourceVersion = this.store.resourceVersion()
          return { resourceVersion, objects: this.store.list(resource) }
        },
        (handler) => {
          this.watched.add(resource)
          this.registrations.push({ resource, handler })
        },
        (loaded, resourceVersion) => this.loaded(loaded, resourceVersion),
      )
      this.informers.set(resource, informer)
    }
    return informer as unknown as Informer<T>
  }

  /** The lister of `resource` when its informer is loaded (its objects are in memory), else undefined. */
  cached<T extends KubeObject = KubeObject>(resource: string): Lister<T> | undefined {
    const informer = this.informers.get(resource)
    return informer?.loaded ? (informer.lister() as unknown as Lister<T>) : undefined
  }

  /** Before `resource` is written: loads its informer when a handler watches it. */
  beforeWrite(resource: string): void {
    if (this.watched.has(resource)) this.informers.get(resource)?.load()
  }

  /** A write of this process: updates the cache, then calls the handlers in order. */
  observe(event: StoredEvent): void {
    const informer = this.informers.get(event.resource)
    const old = informer?.apply(event.type, event.object)
    if (informer?.loaded) this.touched.add(informer)
    if (this.syncedRv !== undefined) this.syncedRv = event.resourceVersion
    for (const r of this.registrations) {
      if (r.resource === event.resource) {
        if (event.type === 'DELETED') r.handler.delete?.(event.object)
        else if (event.type === 'ADDED' || !old) r.handler.add?.(event.object)
        else r.handler.update?.(old, event.object)
      }
    }
  }

  /**
   * Another process committed: replays the history after syncedRv into the loaded informers (a catch-up costs
   * what changed). Every write has its history row, one resourceVersion after the other; should rows be missing
   * (a history trimmed some day), the informers are dropped and list the store again on next use.
   */
  catchUp(): void {
    if (this.syncedRv === undefined) return
    const from = this.syncedRv
    const events = this.store.since(from)
    const whole = events.length === this.store.resourceVersion() - from && events.every((e, i) => e.resourceVersion === from + i + 1)
    if (!whole) return this.dropAll()
    for (const e of events) this.informers.get(e.resource)?.apply(e.type, e.object)
    this.syncedRv = events.at(-1)?.resourceVersion ?? this.syncedRv
  }

  /** Everything cached is committed: called at each catch-up, which runs outside a transaction or first in one. */
  markCommitted(): void {
    this.committedRv = this.syncedRv
    this.touched.clear()
  }

  /** The transaction rolled back: informers holding what it wrote are dropped. */
  rolledBack(): void {
    for (const informer of this.touched) informer.drop()
    this.touched.clear()
    const anyLoaded = [...this.informers.values()].some((i) => i.loaded)
    this.syncedRv = anyLoaded ? this.committedRv : undefined
  }

  private dropAll(): void {
    for (const informer of this.informers.values()) informer.drop()
    this.touched.clear()
    this.syncedRv = undefined
  }

  private loaded(informer: Informer, resourceVersion: number): void {
    // Loaded since the last commit: may hold this transaction's writes, dropped if it rolls back.
    this.touched.add(informer)
    // Otherwise the store was read after every change syncedRv counts (replaying from it again does no harm).
    if (this.syncedRv === undefined) this.syncedRv = resourceVersion
  }
}

export { keyOf }
