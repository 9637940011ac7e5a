// The cluster's recorded history as the doors hand it out: pages of changes (the lifecycle history table) and
// each pod's STATUS over virtual time (the whole cluster over time). Pure shapes shared by the engine, the
// contract and the renderer.

/** A history row's change, as a watch event names it. */
export type HistoryChange = 'ADDED' | 'MODIFIED' | 'DELETED'

/** Most rows one history page holds (the engine refuses more; the contract bounds its `limit` by it). */
export const MAX_HISTORY_PAGE = 500

/** What a history page keeps; every field narrows (all given ones must hold). Times are virtual ms. */
export interface HistoryFilter {
  /** The plural resource (`pods`, `events`, `deployments` ...), exactly. */
  resource?: string
  /** The namespace, exactly ('' for cluster-scoped objects). */
  namespace?: string
  /** A part of the object's name (an Event's: of its own name or its involvedObject's), any case. */
  name?: string
  /** An Event's reason, exactly (`BackOff`, `Killing` ...): keeps Events only. */
  reason?: string
  /** An Event's type: keeps Events only. */
  eventType?: 'Normal' | 'Warning'
  change?: HistoryChange
  /** Inclusive bounds on the row's virtual time. */
  fromMs?: number
  toMs?: number
}

/** One history row, without its body (history.version gives that). */
export interface HistoryEntry {
  resourceVersion: number
  /** Virtual ms. */
  at: number
  change: HistoryChange
  resource: string
  kind: string
  namespace: string
  name: string
  uid: string
  /** Events only: their reason, type, message and the object they are about. */
  reason?: string
  eventType?: string
  message?: string
  involved?: { kind: string; namespace: string; name: string }
  /** Pods only: the STATUS column `kubectl get pods` showed for this version (Running, CrashLoopBackOff ...). */
  status?: string
}

/**
 * A page of history, newest first. `older` / `newer` are the cursors for the next page each way (a
 * resourceVersion, exclusive), null when there is nothing more that way at the time of the read; rows written
 * later never shift a page, since a cursor is a resourceVersion, not an offset.
 */
export interface HistoryPage {
  entries: HistoryEntry[]
  older: number | null
  newer: number | null
}

/** The STATUS groups the cluster timeline colours by; the index is the interval's status code. */
export const POD_STATUS_GROUPS = ['Pending', 'Waiting', 'Running', 'Succeeded', 'Failed', 'CrashLoopBackOff', 'Terminating'] as const
export type PodStatusGroup = (typeof POD_STATUS_GROUPS)[number]

/** A pod of the cluster timeline: a row. `owner` is its controller (`ReplicaSet/web-5d4f`), '' when none. */
export interface TimelinePod {
  uid: string
  namespace: string
  name: string
  owner: string
  /** '' until scheduled. */
  node: string
}

/**
 * Every pod's STATUS over virtual time: `intervals` are `[podIndex, fromMs, toMs, statusCode, labelIndex]`
 * (statusCode indexes POD_STATUS_GROUPS; labelIndex indexes `labels`, the STATUS text kubectl showed). An
 * interval still open at `now` ends at `now`. `truncated` says pods or intervals past the bounds were left out.
 */
export interface ClusterTimeline {
  now: number
  from: number
  to: number
  pods: TimelinePod[]
  labels: string[]
  intervals: Array<[number, number, number, number, number]>
  truncated: boolean
}
