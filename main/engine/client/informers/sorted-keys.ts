// A set of cache keys kept in the store's order, so listers hand out objects in the order `ObjectStore.list`
// does (ORDER BY namespace, name): the scheduler's tie-break draws from that order, and the goldens pin it.
// Keys are `namespace \0 name`, which sort exactly so (names never hold a NUL, and it sorts before any
// character a name may have).

export class SortedKeys {
  private readonly keys: string[] = []

  get size(): number {
    return this.keys.length
  }

  /** The keys in order; the caller must not change the array. */
  all(): readonly string[] {
    return this.keys
  }

  add(key: string): void {
    const at = this.search(key)
    if (this.keys[at] !== key) this.keys.splice(at, 0, key)
  }

  delete(key: string): void {
    const at = this.search(key)
    if (this.keys[at] === key) this.keys.splice(at, 1)
  }

  /** The first position whose key is not less than `key` (binary search). */
  private search(key: string): number {
    let lo = 0
    let hi = this.keys.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.keys[mid] as string) < key) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}
