// The scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go), on the virtual clock:
// - activeQ: pods ready to be tried, highest priority first, then the oldest (PrioritySort);
// - backoffQ: pods waiting out their back-off (1 s doubling per attempt up to 10 s), flushed on the queue's
//   1-second ticks;
// - unschedulablePods: pods that fit nowhere, moved by a cluster event one of the plugins that rejected them
//   says could help (queueing hints), or by the 30-second flush once they have waited longer than
//   podMaxInUnschedulablePodsDuration (5 min).
// The queue lives in memory, like upstream's: a restarted scheduler (another process's commit, a rollback)
// starts again from the pods waiting for it, trying each again when its stored timer fires or a cluster event
// comes.

import type { Pod } from '../api/pods/types'
import type { ClusterEvent, FilterPlugin } from './framework'
import { podPriority } from './node-info'

export const POD_INITIAL_BACKOFF_MS = 1_000
export const POD_MAX_BACKOFF_MS = 10_000
export const POD_MAX_IN_UNSCHEDULABLE_PODS_MS = 5 * 60_000
const FLUSH_UNSCHEDULABLE_PERIOD_MS = 30_000
const FLUSH_BACKOFF_PERIOD_MS = 1_000

type Where = 'active' | 'backoff' | 'unschedulable'

interface QueuedPodInfo {
  key: string
  pod: Pod
  where: Where
  /** When the pod was added to activeQ or last failed (ms): PrioritySort's tie-break and the flush's clock. */
  timestamp: number
  /** Tie-break among pods of one priority and instant: the order they came. */
  seq: number
  attempts: number
  unschedulablePlugins: Set<string>
  /** Known only from the pods a restarted scheduler found waiting: any timer or event retries it. */
  restored: boolean
  /** Which push into activeQ's heap is current (older heap entries are stale). */
  token: number
}

/** activeQ's binary heap, by PrioritySort; entries whose token is stale are skipped when they surface. */
class ActiveHeap {
  private readonly h: Array<{ info: QueuedPodInfo; token: number }> = []

  push(info: QueuedPodInfo): void {
    this.h.push({ info, token: info.token })
    let i = this.h.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.less(i, parent)) break
      this.swap(i, parent)
      i = parent
    }
  }

  /** The head still active, or undefined; stale entries on top are dropped. */
  peek(): QueuedPodInfo | undefined {
    for (;;) {
      const top = this.h[0]
      if (!top) return undefined
      if (top.info.where === 'active' && top.info.token === top.token) return top.info
      this.popTop()
    }
  }

  popTop(): void {
    const last = this.h.pop()
    if (this.h.length === 0 || !last) return
    this.h[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < this.h.length && this.less(l, m)) m = l
      if (r < this.h.length && this.less(r, m)) m = r
      if (m === i) return
      this.swap(i, m)
      i = m
    }
  }

  clear(): void {
    this.h.length = 0
  }

  private less(i: number, j: number): boolean {
    return morePressing((this.h[i] as { info: QueuedPodInfo }).info, (this.h[j] as { info: QueuedPodInfo }).info)
  }

  private swap(i: number, j: number): void {
    const t = this.h[i] as { info: QueuedPodInfo; token: number }
    this.h[i] = this.h[j] as { info: QueuedPodInfo; token: number }
    this.h[j] = t
  }
}

/** calculateBackoffDuration: 0 before any attempt, then 1 s doubling up to 10 s. */
export function backoffDuration(attempts: number): number {
  if (attempts === 0) return 0
  let d = POD_INITIAL_BACKOFF_MS
  for (let i = 1; i < attempts; i++) {
    if (d > POD_MAX_BACKOFF_MS - d) return POD_MAX_BACKOFF_MS
    d += d
  }
  return d
}

/** The first tick of a periodic flush (every `period` ms of virtual time) at or after `ms`. */
const tickAtOrAfter = (ms: number, period: number) => Math.ceil(ms / period) * period

export interface QueueTimers {
  /** Looks at the pod `key` again at virtual time `atMs`. */
  wakeAt(key: string, atMs: number): void
  /** Marks that the active queue has work now. */
  wake(key: string): void
}

export class SchedulingQueue {
  private readonly pods = new Map<string, QueuedPodInfo>()
  private readonly active = new ActiveHeap()
  private readonly unschedulable = new Set<string>()
  private seq = 0
  private tokens = 0

  constructor(
    private readonly timers: QueueTimers,
    private readonly now: () => number,
    private readonly plugins: readonly FilterPlugin[],
  ) {}

  has(key: string): boolean {
    return this.pods.has(key)
  }

  clear(): void {
    this.pods.clear()
    this.active.clear()
    this.unschedulable.clear()
  }

  /** A pod that waits for this scheduler was added or changed. */
  addOrUpdate(key: string, pod: Pod, restored = false): void {
    const info = this.pods.get(key)
    if (!info) {
      const info: QueuedPodInfo = {
        key,
        pod,
        where: 'unschedulable',
        timestamp: this.now(),
        seq: this.seq++,
        attempts: 0,
        unschedulablePlugins: new Set(),
        restored,
        token: 0,
      }
      this.pods.set(key, info)
      if (restored) this.unschedulable.add(key)
      else this.activate(info)
      return
    }
    const old = info.pod
    info.pod = pod
    // isPodUpdated: a change beyond status (and the bookkeeping metadata) may make the pod schedulable.
    if (info.where === 'unschedulable' && specChanged(old, pod)) this.move(info)
  }

  delete(key: string): void {
    const info = this.pods.get(key)
    if (info) info.where = 'backoff'
    this.pods.delete(key)
    this.unschedulable.delete(key)
  }

  /** The next pod to try (activeQ's head), counting the attempt; undefined when activeQ is empty. */
  pop(): QueuedPodInfo | undefined {
    const best = this.active.peek()
    if (!best) return undefined
    this.active.popTop()
    this.pods.delete(best.key)
    best.attempts++
    return best
  }

  /** The key of a pod waiting in activeQ, if any (after a pop). */
  activeKey(): string | undefined {
    return this.active.peek()?.key
  }

  /** AddUnschedulableIfNotPresent: the attempt failed; `plugins` rejected the pod. */
  addUnschedulable(info: QueuedPodInfo, pod: Pod, plugins: Set<string>): void {
    const now = this.now()
    const entry: QueuedPodInfo = { ...info, pod, where: 'unschedulable', timestamp: now, unschedulablePlugins: plugins, restored: false }
    this.pods.set(info.key, entry)
    this.unschedulable.add(info.key)
    // flushUnschedulablePodsLeftover runs every 30 s and moves pods that waited longer than 5 min.
    this.timers.wakeAt(info.key, tickAtOrAfter(now + POD_MAX_IN_UNSCHEDULABLE_PODS_MS + 1, FLUSH_UNSCHEDULABLE_PERIOD_MS))
  }

  /** A stored timer for `key` fired: move the pod on if its back-off or its time in unschedulablePods is over. */
  timerFired(key: string): void {
    const info = this.pods.get(key)
    if (!info) return
    const now = this.now()
    if (info.where === 'backoff' && now >= this.backoffExpiry(info)) this.activate(info)
    else if (info.where === 'unschedulable' && (info.restored || now - info.timestamp > POD_MAX_IN_UNSCHEDULABLE_PODS_MS)) this.move(info)
  }

  /** MoveAllToActiveOrBackoffQueue for `event`: the unschedulable pods a rejecting plugin's hint says may now fit. */
  clusterEvent(event: ClusterEvent): void {
    for (const key of [...this.unschedulable]) {
      const info = this.pods.get(key)
      if (info && this.worthRequeuing(info, event)) this.move(info)
    }
  }

  private worthRequeuing(info: QueuedPodInfo, event: ClusterEvent): boolean {
    if (info.restored || info.unschedulablePlugins.size === 0) return true
    return this.plugins.some((p) => info.unschedulablePlugins.has(p.name) && p.hint?.(event, info.pod))
  }

  private backoffExpiry(info: QueuedPodInfo): number {
    return info.timestamp + backoffDuration(info.attempts)
  }

  /** To activeQ, or to backoffQ while the pod is still backing off (flushed on the next 1-second tick after). */
  private move(info: QueuedPodInfo): void {
    const expiry = this.backoffExpiry(info)
    this.unschedulable.delete(info.key)
    if (!info.restored && expiry > this.now()) {
      info.where = 'backoff'
      this.timers.wakeAt(info.key, tickAtOrAfter(expiry, FLUSH_BACKOFF_PERIOD_MS))
      return
    }
    this.activate(info)
  }

  private activate(info: QueuedPodInfo): void {
    this.unschedulable.delete(info.key)
    info.where = 'active'
    info.restored = false
    info.token = ++this.tokens
    this.active.push(info)
    this.timers.wake(info.key)
  }
}

/** PrioritySort.Less: higher priority first, then the earlier timestamp. */
function morePressing(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  const pa = podPriority(a.pod)
  const pb = podPriority(b.pod)
  if (pa !== pb) return pa > pb
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp
  return a.seq < b.seq
}

/** isPodUpdated: the pods differ beyond status, resourceVersion, generation and managedFields. */
function specChanged(a: Pod, b: Pod): boolean {
  const strip = (p: Pod) => {
    const { resourceVersion: _rv, generation: _g, managedFields: _m, ...meta } = p.metadata as Record<string, unknown>
    return JSON.stringify({ metadata: meta, spec: p.spec })
  }
  return strip(a) !== strip(b)
}

export type { QueuedPodInfo }
