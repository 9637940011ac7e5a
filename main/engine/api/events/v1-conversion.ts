// The events.k8s.io/v1 view of a stored event (the API server keeps one storage for both groups and converts
// through the internal type): Convert_core_Event_To_v1_Event, kubernetes release-1.32
// pkg/apis/events/v1/conversion.go, with the JSON the v1 struct marshals (k8s.io/api events/v1 types.go:
// eventTime, regarding, deprecatedSource and the deprecated timestamps are never omitted; the rest are when empty).

import type { KubeObject } from '../../../kube'
import type { CoreEvent, ObjectReference } from './types'

export interface EventsV1Event extends KubeObject {
  eventTime: string | null
  series?: { count: number; lastObservedTime: string | null }
  reportingController?: string
  reportingInstance?: string
  action?: string
  reason?: string
  regarding: ObjectReference
  related?: ObjectReference
  note?: string
  type?: string
  deprecatedSource: { component?: string; host?: string }
  deprecatedFirstTimestamp: string | null
  deprecatedLastTimestamp: string | null
  deprecatedCount?: number
}

/** A stored core/v1 Event as events.k8s.io/v1 serves it. */
export function toEventsV1(stored: KubeObject): EventsV1Event {
  const e = stored as CoreEvent
  const out: EventsV1Event = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: e.metadata,
    eventTime: e.eventTime ?? null,
    regarding: e.involvedObject ?? {},
    deprecatedSource: e.source ?? {},
    deprecatedFirstTimestamp: e.firstTimestamp ?? null,
    deprecatedLastTimestamp: e.lastTimestamp ?? null,
  }
  if (e.series) out.series = { count: e.series.count ?? 0, lastObservedTime: e.series.lastObservedTime ?? null }
  if (e.reportingComponent) out.reportingController = e.reportingComponent
  if (e.reportingInstance) out.reportingInstance = e.reportingInstance
  if (e.action) out.action = e.action
  if (e.reason) out.reason = e.reason
  if (e.related) out.related = e.related as ObjectReference
  if (e.message) out.note = e.message
  if (e.type) out.type = e.type
  if (e.count) out.deprecatedCount = e.count
  return orderedLikeGo(out)
}

/** The v1 struct's field order, as encoding/json writes it. */
const ORDER = ['apiVersion', 'kind', 'metadata', 'eventTime', 'series', 'reportingController', 'reportingInstance', 'action', 'reason', 'regarding', 'related', 'note', 'type', 'deprecatedSource', 'deprecatedFirstTimestamp', 'deprecatedLastTimestamp', 'deprecatedCount'] as const

function orderedLikeGo(e: EventsV1Event): EventsV1Event {
  const out: Record<string, unknown> = {}
  for (const k of ORDER) if (k in e) out[k] = e[k]
  return out as EventsV1Event
}

/**
 * An events.k8s.io/v1 Event back in core/v1's shape (Convert_v1_Event_To_core_Event, same file upstream): what the
 * API server's table convertor prints from, since both groups' Tables come from printEvent on the internal type.
 * Without it `kubectl get events.events.k8s.io` showed `<unknown>` ages and an empty OBJECT.
 */
export function fromEventsV1(v1: KubeObject): CoreEvent {
  const e = v1 as EventsV1Event
  const out: Record<string, unknown> = { apiVersion: 'v1', kind: 'Event', metadata: e.metadata, involvedObject: e.regarding ?? {} }
  if (e.reason) out.reason = e.reason
  if (e.note) out.message = e.note
  if (e.deprecatedSource) out.source = e.deprecatedSource
  if (e.deprecatedFirstTimestamp) out.firstTimestamp = e.deprecatedFirstTimestamp
  if (e.deprecatedLastTimestamp) out.lastTimestamp = e.deprecatedLastTimestamp
  if (e.deprecatedCount) out.count = e.deprecatedCount
  if (e.type) out.type = e.type
  out.eventTime = e.eventTime
  if (e.series) out.series = e.series
  if (e.action) out.action = e.action
  if (e.related) out.related = e.related
  if (e.reportingController) out.reportingComponent = e.reportingController
  if (e.reportingInstance) out.reportingInstance = e.reportingInstance
  return out as unknown as CoreEvent
}
