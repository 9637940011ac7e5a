// One resource's shared informer (client-go tools/cache SharedIndexInformer + ThreadSafeStore + Lister), reduced
// to a single-threaded engine: the objects of the resource in memory by key, kept in the store's order, with the
// standard indexes. The factory feeds it the World's writes at once (inside the transaction) and keeps it
// current across other processes' commits and rollbacks. Cached objects are shared: never change one.

import type { KubeObject } from '../../../kube'
import type { Selector } from '../../labels'
import { shared } from './freeze'
import { INDEXERS, type IndexName } from './indexers'
import { SortedKeys } from './sorted-keys'

/** What a lister needs of a label selector (labels.Selector from parseSelector / selectorFromLabelSelector). */
export type LabelMatcher = Pick<Selector, 'matches'>

/** Informer handlers (cache.ResourceEventHandlerFuncs). They only enqueue keys: never write, never block. */
export interface ResourceEventHandler<T> {
  add?(object: T): void
  update?(old: T, object: T): void
  delete?(object: T): void
}

/** Reads from the informer's memory (no SQL, no JSON.parse); every list is in the store's (namespace, name) order. */
export interface Lister<T> {
  get(namespace: string, name: string): T | undefined
  list(namespace?: string, selector?: LabelMatcher): T[]
  byIndex(indexName: IndexName, value: string): T[]
}

/** The cache key of an object: namespace, NUL, name ('' namespace for cluster-scoped objects). */
export const cacheKey = (namespace: string, name: string) => `${namespace}\u0000${name}`
export const keyOf = (o: KubeObject) => cacheKey(o.metadata.namespace ?? '', o.metadata.name ?? '')

class Cache {
  readonly items = new Map<string, KubeObject>()
  readonly all = new SortedKeys()
  readonly indexes = new Map<string, Map<string, SortedKeys>>(Object.keys(INDEXERS).map((n) => [n, new Map()]))

  put(object: KubeObject): KubeObject | undefined {
    const key = keyOf(object)
    const old = this.items.get(key)
    this.items.set(key, shared(object))
    if (!old) this.all.add(key)
    this.reindex(key, old, object)
    return old
  }

  remove(object: KubeObject): KubeObject | undefined {
    const key = keyOf(object)
    const old = this.items.get(key)
    if (!old) return undefined
    this.items.delete(key)
    this.all.delete(key)
    this.reindex(key, old, undefined)
    return old
  }

  /** Moves `key` only between the buckets whose membership changed, keeping each bucket's order. */
  private reindex(key: string, old: KubeObject | undefined, now: KubeObject | undefined): void {
    for (const [name, index] of Object.entries(INDEXERS)) {
      const buckets = this.indexes.get(name) as Map<string, SortedKeys>
      const before = old ? index(old) : []
      const after = now ? index(now) : []
      for (const v of before) {
        if (after.includes(v)) continue
        const bucket = buckets.get(v)
        bucket?.delete(key)
        if (bucket?.size === 0) buckets.delete(v)
      }
      for (const v of after) {
        if (before.includes(v)) continue
        let bucket = buckets.get(v)
        if (!bucket) buckets.set(v, (bucket = new SortedKeys()))
        bucket.add(key)
      }
    }
  }
}

export class Informer<T extends KubeObject = KubeObject> {
  private cache: Cache | null = null

  /**
   * `list` reads every object of the resource from the store (called once, on first use) and the resourceVersion
   * read just before (another process may commit in between: replaying from there is harmless); `addHandler` files a
   * handler with the factory, which calls handlers of every resource in the order they were added.
   */
  constructor(
    readonly resource: string,
    private readonly list: () => { resourceVersion: number; objects: KubeObject[] },
    private readonly addHandler: (handler: ResourceEventHandler<KubeObject>) => void,
    private readonly onLoad: (informer: Informer, resourceVersion: number) => void,
  ) {}

  addEventHandler(handler: ResourceEventHandler<T>): void {
    this.addHandler(handler as ResourceEventHandler<KubeObject>)
  }

  lister(): Lister<T> {
    return {
      get: (namespace, name) => this.load().items.get(cacheKey(namespace, name)) as T | undefined,
      list: (namespace, selector) => {
        const cache = this.load()
        const keys = namespace === undefined ? cache.all : cache.indexes.get('namespace')?.get(namespace)
        const objects = this.objects(cache, keys)
        return selector ? objects.filter((o) => selector.matches(o.metadata.labels)) : objects
      },
      byIndex: (indexName, value) => {
        const cache = this.load()
        return this.objects(cache, cache.indexes.get(indexName)?.get(value))
      },
    }
  }

  get loaded(): boolean {
    return this.cache !== null
  }

  /** Applies a change (from this process's write or another's history row); returns the object it replaced. */
  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject): KubeObject | undefined {
    if (!this.cache) return undefined
    return type === 'DELETED' ? this.cache.remove(object) : this.cache.put(object)
  }

  /** Forgets the cache; the next read lists the store again. */
  drop(): void {
    this.cache = null
  }

  /** Lists the store now unless already loaded. */
  load(): Cache {
    if (this.cache) return this.cache
    const cache = new Cache()
    const { resourceVersion, objects } = this.list()
    for (const object of objects) cache.put(object)
    this.cache = cache
    this.onLoad(this as Informer, resourceVersion)
    return cache
  }

  private objects(cache: Cache, keys: SortedKeys | undefined): T[] {
    return (keys?.all() ?? []).map((k) => cache.items.get(k) as T)
  }
}
