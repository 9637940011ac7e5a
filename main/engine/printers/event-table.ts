// `kubectl get events` as the API server builds it: eventColumnDefinitions and printEvent (with
// formatEventSource) from kubernetes pkg/printers/internalversion/printers.go, 1.32 tree. MESSAGE sits between
// priority-1 columns, so the cells must always be full width for kubectl's column filter to line up.

import type { Table } from '../../kube'
import type { CoreEvent } from '../api/events/types'
import { timestampSince } from '../../gostd/human-duration'
import { DOCS } from './swagger-docs'
import { column, makeTable, type Cell } from './table'

export const EVENT_COLUMNS = [
  column('Last Seen', 'string', DOCS.eventLastTimestamp),
  column('Type', 'string', DOCS.eventType),
  column('Reason', 'string', DOCS.eventReason),
  column('Object', 'string', DOCS.eventInvolvedObject),
  column('Subobject', 'string', DOCS.objectReferenceFieldPath, { priority: 1 }),
  column('Source', 'string', DOCS.eventSource, { priority: 1 }),
  column('Message', 'string', DOCS.eventMessage),
  column('First Seen', 'string', DOCS.eventFirstTimestamp, { priority: 1 }),
  column('Count', 'string', DOCS.eventCount, { priority: 1 }),
  column('Name', 'string', DOCS.objectMetaName, { priority: 1, format: 'name' }),
]

export function eventTable(events: CoreEvent[], nowMs: number, resourceVersion: string, wide = true): Table {
  return makeTable(EVENT_COLUMNS, events.map((e) => ({ object: e, cells: eventCells(e, nowMs) })), resourceVersion, wide)
}

export function eventCells(e: CoreEvent, nowMs: number): Cell[] {
  const firstSeen = e.firstTimestamp ? timestampSince(e.firstTimestamp, nowMs) : timestampSince(e.eventTime, nowMs)
  let lastSeen = e.lastTimestamp ? timestampSince(e.lastTimestamp, nowMs) : firstSeen
  let count = e.count ?? 0
  if (e.series) {
    lastSeen = timestampSince(e.series.lastObservedTime, nowMs)
    count = e.series.count ?? 0
  } else if (count === 0) {
    // Singleton events of the events.k8s.io API carry no count.
    count = 1
  }
  const kind = (e.involvedObject?.kind ?? '').toLowerCase()
  const name = e.involvedObject?.name ?? ''
  return [
    lastSeen,
    e.type ?? '',
    e.reason ?? '',
    name ? `${kind}/${name}` : kind,
    e.involvedObject?.fieldPath ?? '',
    formatEventSource(e),
    (e.message ?? '').trim(),
    firstSeen,
    count,
    e.metadata.name ?? '',
  ]
}

/** "kubelet, node-1": the source component (else reportingComponent) and host (else reportingInstance). */
function formatEventSource(e: CoreEvent): string {
  const component = e.source?.component || e.reportingComponent || ''
  const instance = e.source?.host || e.reportingInstance || ''
  return instance ? `${component}, ${instance}` : component
}
