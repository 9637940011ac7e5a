// The rows of the cluster timeline: pods grouped by their controller or their node, each group a header row
// followed by its pods in the order they were created. Pure, so the virtualisation maths is tested alone.

import type { ClusterTimeline } from '../../../main/kube'

export type GroupBy = 'owner' | 'node'

/** A drawn row: a group's header, or a pod (its index in the timeline's pods). */
export type TimelineRow = { kind: 'group'; label: string; count: number } | { kind: 'pod'; pod: number }

export interface TimelineLayout {
  rows: TimelineRow[]
  /** Per pod index: the indices of its intervals in the timeline, in time order. */
  intervalsOf: number[][]
}

/** Where a pod without a controller, or not yet on a node, is grouped; the view names these in its language. */
export const NO_GROUP = ''

/** Groups `timeline`'s pods by `groupBy`; groups sorted by name (the ungrouped last), pods by creation within. */
export function layoutRows(timeline: Pick<ClusterTimeline, 'pods' | 'intervals'>, groupBy: GroupBy): TimelineLayout {
  const groups = new Map<string, number[]>()
  timeline.pods.forEach((pod, i) => {
    const key = groupBy === 'owner' ? pod.owner : pod.node
    const list = groups.get(key)
    if (list) list.push(i)
    else groups.set(key, [i])
  })
  const keys = [...groups.keys()].sort((a, b) => (a === NO_GROUP ? 1 : b === NO_GROUP ? -1 : a < b ? -1 : a > b ? 1 : 0))
  const rows: TimelineRow[] = []
  for (const key of keys) {
    const pods = groups.get(key) as number[]
    rows.push({ kind: 'group', label: key, count: pods.length })
    for (const pod of pods) rows.push({ kind: 'pod', pod })
  }
  const intervalsOf: number[][] = timeline.pods.map(() => [])
  timeline.intervals.forEach((interval, i) => intervalsOf[interval[0]]?.push(i))
  return { rows, intervalsOf }
}

/** The rows a viewport shows: [first, end) of `count` rows of `rowHeight` px scrolled by `scrollTop` px, plus `overscan` each side. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan = 2): { first: number; end: number } {
  if (count === 0 || rowHeight <= 0 || viewportHeight <= 0) return { first: 0, end: 0 }
  const first = Math.max(0, Math.floor(Math.max(0, scrollTop) / rowHeight) - overscan)
  const end = Math.min(count, Math.ceil((Math.max(0, scrollTop) + viewportHeight) / rowHeight) + overscan)
  return { first: Math.min(first, end), end }
}

/** The row under a point `y` px below the top of the rows (scrolled by `scrollTop`), or -1. */
export function rowAt(y: number, scrollTop: number, rowHeight: number, count: number): number {
  const row = Math.floor((y + scrollTop) / rowHeight)
  return y < 0 || row < 0 || row >= count ? -1 : row
}

/**
 * The first of a row's intervals (`ids`, in time order, non-overlapping) that ends at or after `fromMs`: where a
 * draw of the visible time starts, by binary search, so a pod with thousands of restarts costs a few steps.
 */
export function firstVisibleInterval(ids: number[], intervals: ClusterTimeline['intervals'], fromMs: number): number {
  let lo = 0
  let hi = ids.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((intervals[ids[mid] as number] as ClusterTimeline['intervals'][number])[2] < fromMs) lo = mid + 1
    else hi = mid
  }
  return lo
}
