// The whole cluster over time (issue 11 item 4): each pod's STATUS as intervals of virtual time, computed in
// one pass over the pod rows of `history` and then kept up to date from where the pass stopped, so the UI's
// refresh as the clock runs reads only the rows written since. It only reads history.

import { POD_STATUS_GROUPS, type ClusterTimeline, type HistoryChange, type TimelinePod } from '../../kube'
import type { Pod } from '../api/pods/types'
import { podCells } from '../printers/pod-table'
import type { DB } from '../store/cluster-file'
import { decodeStored } from '../store/stored-object'
import { ENCODED_COLUMNS, HistoryTexts, type EncodedRow, type RecentTexts } from '../store/history/texts'
import { podStatusGroup } from './pod-status-group'

/** Most pods and intervals one answer holds; past them it is `truncated` (the oldest are kept). */
export const MAX_TIMELINE_PODS = 20_000
export const MAX_TIMELINE_INTERVALS = 400_000

interface Row extends EncodedRow {
  at_ms: number
  type: HistoryChange
}

interface Open {
  from: number
  code: number
  label: number
}

type Interval = [number, number, number, number, number]

export class ClusterTimelineBuilder {
  private lastResourceVersion = 0
  private readonly pods: TimelinePod[] = []
  private readonly podIndex = new Map<string, number>()
  private readonly labels: string[] = []
  private readonly labelIndex = new Map<string, number>()
  /** Closed intervals, in the order they closed. */
  private readonly closed: Interval[] = []
  /** The open interval of each pod still there, by pod index. */
  private readonly open = new Map<number, Open>()

  private readonly texts: HistoryTexts
  /** Each pod's newest text read so far: its next row is a patch against it. */
  private readonly recent: RecentTexts = new Map()

  constructor(private readonly db: DB) {
    this.texts = new HistoryTexts(db)
  }

  /**
   * Reads the pod rows written since the last call (all of them the first time), in resourceVersion order, and
   * moves each pod's intervals on: a version whose STATUS differs closes the open interval at its time and
   * opens the next; DELETED closes it for good. Throws ClusterFileDamaged for a pod row Podlab never wrote.
   */
  catchUp(): void {
    const rows = this.db
      .prepare<[number], Row>(
        `SELECT resource_version, at_ms, type, resource, namespace, name, uid, body, ${ENCODED_COLUMNS} FROM history INDEXED BY history_resource
           WHERE resource = 'pods' AND resource_version > ? ORDER BY resource_version`,
      )
      .all(this.lastResourceVersion)
    for (const row of rows) {
      this.take(row)
      this.lastResourceVersion = row.resource_version
    }
  }

  /**
   * Every pod with some time in [fromMs, toMs] and its intervals there (not clipped), the open ones ending at
   * `nowMs`. Times are virtual ms.
   */
  snapshot(nowMs: number, fromMs: number, toMs: number): ClusterTimeline {
    // Each pod's intervals, in time order (a pod's closed ones closed in order; its open one is last).
    const byPod = new Map<number, Interval[]>()
    const add = (interval: Interval) => {
      if (interval[2] < fromMs || interval[1] > toMs) return
      const list = byPod.get(interval[0])
      if (list) list.push(interval)
      else byPod.set(interval[0], [interval])
    }
    for (const interval of this.closed) add(interval)
    for (const [pod, o] of this.open) add([pod, o.from, Math.max(o.from, nowMs), o.code, o.label])
    // Rows in the order the pods were first seen (created).
    const order = [...byPod.keys()].sort((a, b) => a - b)
    const pods: TimelinePod[] = []
    const intervals: Interval[] = []
    let truncated = order.length > MAX_TIMELINE_PODS
    for (const pod of order.slice(0, MAX_TIMELINE_PODS)) {
      const list = byPod.get(pod) as Interval[]
      if (intervals.length + list.length > MAX_TIMELINE_INTERVALS) {
        truncated = true
        break
      }
      const row = pods.length
      pods.push({ ...(this.pods[pod] as TimelinePod) })
      for (const [, from, to, code, label] of list) intervals.push([row, from, to, code, label])
    }
    return { now: nowMs, from: fromMs, to: toMs, pods, labels: [...this.labels], intervals, truncated }
  }

  private take(row: Row): void {
    let pod = this.podIndex.get(row.uid)
    const body = this.texts.text(row, this.recent)
    if (row.type === 'DELETED') this.recent.delete(row.uid)
    const stored = decodeStored<Pod>(this.db.name, { table: 'history', resource: 'pods', namespace: row.namespace, name: row.name, uid: row.uid, body })
    if (pod === undefined) {
      if (row.type === 'DELETED') return
      pod = this.pods.length
      this.podIndex.set(row.uid, pod)
      this.pods.push({ uid: row.uid, namespace: row.namespace, name: row.name, owner: '', node: '' })
    }
    const info = this.pods[pod] as TimelinePod
    const controller = stored.metadata.ownerReferences?.find((o) => o.controller === true)
    info.owner = controller ? `${controller.kind}/${controller.name}` : ''
    info.node = stored.spec.nodeName ?? ''
    const current = this.open.get(pod)
    if (row.type === 'DELETED') {
      if (current) this.close(pod, current, row.at_ms)
      this.open.delete(pod)
      return
    }
    const status = podCells(stored, row.at_ms)[2] as string
    const code = POD_STATUS_GROUPS.indexOf(podStatusGroup(status))
    const label = this.label(status)
    if (current && current.code === code && current.label === label) return
    if (current) this.close(pod, current, row.at_ms)
    this.open.set(pod, { from: row.at_ms, code, label })
  }

  /** Ends `o` at `atMs`; an interval of no time (two writes in one instant) leaves nothing. */
  private close(pod: number, o: Open, atMs: number): void {
    if (atMs > o.from) this.closed.push([pod, o.from, atMs, o.code, o.label])
  }

  private label(status: string): number {
    let i = this.labelIndex.get(status)
    if (i === undefined) {
      i = this.labels.length
      this.labels.push(status)
      this.labelIndex.set(status, i)
    }
    return i
  }
}
