// describe.go searchEvents and DescribeEvents (v0.32.5): the events whose involvedObject is the described object
// (a LIST with kubectl's field selector, so the API server picks them), printed oldest last-seen first with
// their ages on the cluster's clock: `2m (x3 over 5m)` for a repeated one.

import type { Engine } from '../../../engine'
import type { KubeObject } from '../../../kube'
import { goSort } from '../../../gostd/sort'
import { since } from './format'
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer'

export interface CoreEvent extends KubeObject {
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string }
  reason?: string
  message?: string
  type?: string
  count?: number
  firstTimestamp?: string | null
  lastTimestamp?: string | null
  eventTime?: string | null
  series?: { count: number; lastObservedTime: string }
  source?: { component?: string }
  reportingComponent?: string
}

/** What an events search names: reference.GetReference of the object (the pod describer drops its kind). */
export interface EventsRef {
  kind?: string
  name: string
  namespace: string
  uid?: string
}

/**
 * The field selector of EventInterface.GetFieldSelector(name, namespace, kind, uid): fields.AndSelectors of one
 * term each, in that order, values escaped (fields.EscapeValue: `\`, `,` and `=`).
 */
export function eventsFieldSelector(ref: EventsRef): string {
  const escape = (v: string) => v.replace(/[\\,=]/g, (c) => `\\${c}`)
  const terms: Array<[string, string | undefined]> = [
    ['involvedObject.name', ref.name],
    ['involvedObject.namespace', ref.namespace],
    ['involvedObject.kind', ref.kind || undefined],
    ['involvedObject.uid', ref.uid || undefined],
  ]
  return terms
    .filter((t): t is [string, string] => t[1] !== undefined)
    .map(([k, v]) => `${k}=${escape(v)}`)
    .join(',')
}

/** searchEvents: LIST events in the ref's namespace (every namespace for a cluster-scoped object). Throws ApiError. */
export function searchEvents(engine: Engine, ref: EventsRef): CoreEvent[] {
  return engine.list('events', ref.namespace || undefined, { fieldSelector: eventsFieldSelector(ref) }).items as CoreEvent[]
}

/**
 * DescribeEvents: `Events:\t<none>`, or the table sorted by lastTimestamp (SortableEvents) with Go's unstable
 * sort.Sort, so that events last seen in the same second come in kubectl's order.
 */
export function describeEvents(events: CoreEvent[], w: PrefixWriter, nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  const last = (e: CoreEvent) => (e.lastTimestamp ? Date.parse(e.lastTimestamp) : Number.NEGATIVE_INFINITY)
  const sorted = goSort([...events], (a, b) => last(a) < last(b))
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, nowMs) : since(e.firstTimestamp, nowMs)
    let interval = first
    if (e.series) interval = `${since(e.series.lastObservedTime, nowMs)} (x${e.series.count} over ${first})`
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`
    const source = e.source?.component || e.reportingComponent || ''
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`)
  }
}
