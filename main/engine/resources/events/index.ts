// Events (core/v1): discovery (pkg/registry/core/event/storage/storage.go ShortNames), the strategy
// (pkg/registry/core/event/strategy.go: no status, no defaults, validation only) and the Table. Users cannot
// create or change events in Podlab yet; the kubelet and the scheduler record them through the client.

import type { CoreEvent } from '../../api/events/types'
import { eventTable } from '../../printers/event-table'
import { defineKind } from '../definition'
import { validateEvent, validateEventUpdate } from './validation'

export const events = defineKind<CoreEvent>({
  resource: 'events',
  group: '',
  version: 'v1',
  kind: 'Event',
  namespaced: true,
  singular: 'event',
  shortNames: ['ev'],
  categories: [],
  schemaType: 'core.v1.Event',
  strategy: { validate: validateEvent, validateUpdate: validateEventUpdate },
  table: (objects, nowMs, resourceVersion, wide) => eventTable(objects as CoreEvent[], nowMs, resourceVersion, wide),
  userVerbs: new Set(),
})
