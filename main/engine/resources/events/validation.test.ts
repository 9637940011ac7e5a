import { describe, expect, it } from 'vitest'
import type { CoreEvent } from '../../api/events/types'
import { fieldErrorText } from '../../api/field'
import { validateEvent } from './validation'

const legacy = (namespace: string, involvedNamespace?: string): CoreEvent => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web.1', namespace },
  involvedObject: { kind: 'Pod', name: 'web', ...(involvedNamespace ? { namespace: involvedNamespace } : {}) },
  reason: 'Pulled',
  eventTime: null,
})

const texts = (event: CoreEvent) => validateEvent(event).map(fieldErrorText)

describe('legacyValidateEvent', () => {
  it("an old-style event's namespace must be its object's (or default for an object without one)", () => {
    expect(texts(legacy('default', 'default'))).toEqual([])
    expect(texts(legacy('default'))).toEqual([])
    expect(texts(legacy('team', 'default'))).toEqual(['involvedObject.namespace: Invalid value: "default": does not match event.namespace'])
    expect(texts(legacy('team'))).toEqual(['involvedObject.namespace: Invalid value: "": does not match event.namespace'])
  })

  it('a new-style event (eventTime set) needs its reporting controller and instance, action and reason', () => {
    const event: CoreEvent = { ...legacy('default', 'default'), eventTime: '2025-01-01T00:00:00.000000Z', reason: '' }
    expect(texts(event)).toEqual([
      'reportingController: Required value',
      'reportingController: Invalid value: "": name part must be non-empty',
      "reportingController: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'reportingInstance: Required value',
      'action: Required value',
      'reason: Required value',
    ])
    expect(texts({ ...event, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-podlab', action: 'Binding', reason: 'Scheduled' })).toEqual([])
  })
})
