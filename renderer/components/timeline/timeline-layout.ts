// The rows of the cluster timeline: pods grouped by their controller or their node, each group a header row
// followed by its pods in the order they were created. Pure, so the virtualisation maths is tested alone.

import type { ClusterTimeline } from '../../../main/kube'

export type GroupBy = 'owner' | 'node'

/** A drawn row: a group's header, or a pod (its index in the timeline's pods). */
export type TimelineRow = { kind: 'group'; label: string; namespace: string; count: number } | { kind: 'pod'; pod: number }

export interface TimelineLayout {
  rows: TimelineRow[]
  /** Per pod index: the indices of its intervals in the timeline, in time order. */
  intervalsOf: number[][]
}

/** Where a pod without a controller, or not yet on a node, is grouped; the view names these in its language. */
export const NO_GROUP = ''

/** The namespaces the cluster runs itself in (kind's): their groups come after the learner's own. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'])

/**
 * Groups `timeline`'s pods by `groupBy`: by controller within a namespace (`namespace` on the group), or by node.
 * Groups come in order: the learner's namespaces before the cluster's own, then by namespace and name, the
 * ungrouped last; pods by creation within a group.
 */
export function layoutRows(timeline: Pick<ClusterTimeline, 'pods' | 'intervals'>, groupBy: GroupBy): TimelineLayout {
  const groups = new Map<string, { label: string; namespace: string; pods: number[] }>()
  timeline.pods.forEach((pod, i) => {
    const label = groupBy === 'owner' ? pod.owner : pod.node
    const namespace = groupBy === 'owner' ? pod.namespace : ''
    const key = `${namespace}\u0000${label}`
    const group = groups.get(key)
    if (group) group.pods.push(i)
    else groups.set(key, { label, namespace, pods: [i] })
  })
  const rank = (g: { label: string; namespace: string }) => [SYSTEM_NAMESPACES.has(g.namespace) ? 1 : 0, g.namespace, g.label === NO_GROUP ? 1 : 0, g.label] as const
  const ordered = [...groups.values()].sort((a, b) => {
    const ra = rank(a)
    const rb = rank(b)
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] as string | number) < (rb[i] as string | number) ? -1 : 1
    return 0
  })
  const rows: TimelineRow[] = []
  for (const g of ordered) {
    rows.push({ kind: 'group', label: g.label, namespace: g.namespace, count: g.pods.length })
    for (const pod of g.pods) rows.push({ kind: 'pod', pod })
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
