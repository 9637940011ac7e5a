// events.k8s.io/v1 Events: the same storage as core/v1 events (the API server registers one event REST storage
// under both groups: pkg/registry/events/rest), read converted (../../api/events/v1-conversion.ts), with the
// same discovery names and the same Table. Read-only in Podlab: the recorders write core/v1 events.

import { fromEventsV1, toEventsV1, type EventsV1Event } from '../../api/events/v1-conversion'
import { eventTable } from '../../printers/event-table'
import { defineKind } from '../definition'
import { events } from './index'

export const eventsV1 = defineKind<EventsV1Event>({
  ...events,
  group: 'events.k8s.io',
  schemaType: 'events.v1.Event',
  // Never written through this group: users may not, and the engine's recorders write core/v1.
  strategy: { validate: () => [], validateUpdate: () => [] },
  fromStorage: toEventsV1,
  // The Table comes from the internal (core) Event, as the API server's one printEvent prints both groups.
  table: (objects, nowMs, resourceVersion, wide) => eventTable(objects.map(fromEventsV1), nowMs, resourceVersion, wide),
  userVerbs: new Set(),
})
