// client-go's work queue, reduced to what a single-threaded engine needs: a key is queued at most once at a
// time, and keys come out in the order they went in, so a run is deterministic.

export class WorkQueue {
  private readonly order: string[] = []
  private readonly queued = new Set<string>()

  add(key: string): void {
    if (this.queued.has(key)) return
    this.queued.add(key)
    this.order.push(key)
  }

  take(): string | undefined {
    const key = this.order.shift()
    if (key !== undefined) this.queued.delete(key)
    return key
  }

  get length(): number {
    return this.order.length
  }

  clear(): void {
    this.order.length = 0
    this.queued.clear()
  }
}
