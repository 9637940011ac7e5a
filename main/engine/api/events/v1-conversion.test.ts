// events.k8s.io/v1 reads the core/v1 events' storage converted as Convert_core_Event_To_v1_Event does
// (release-1.32 pkg/apis/events/v1/conversion.go), while `events` alone stays core/v1 (kubectl's preference).
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../engine'
import { openCluster } from '../../open-cluster'
import { MYNGINX, tmpFile } from '../../testing/cluster'
import { runKubectl } from '../../../kubectl/run-kubectl'
import { fromEventsV1, toEventsV1 } from './v1-conversion'
import type { CoreEvent } from './types'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

/** A kubelet's event as core/v1 stores it. */
const core: CoreEvent = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'web.1', namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', fieldPath: 'spec.containers{c}' },
  reason: 'Pulled',
  message: 'Container image "nginx" already present on machine',
  source: { component: 'kubelet', host: 'podlab-worker' },
  firstTimestamp: '2025-01-01T00:00:01Z',
  lastTimestamp: '2025-01-01T00:00:05Z',
  count: 2,
  type: 'Normal',
  eventTime: null,
  reportingComponent: 'kubelet',
  reportingInstance: 'podlab-worker',
}

describe('toEventsV1 (Convert_core_Event_To_v1_Event)', () => {
  it('moves each core field to its events.k8s.io/v1 name, and keeps the struct fields Go never omits', () => {
    expect(toEventsV1(core)).toEqual({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: core.metadata,
      eventTime: null,
      reportingController: 'kubelet',
      reportingInstance: 'podlab-worker',
      reason: 'Pulled',
      regarding: core.involvedObject,
      note: core.message,
      type: 'Normal',
      deprecatedSource: core.source,
      deprecatedFirstTimestamp: '2025-01-01T00:00:01Z',
      deprecatedLastTimestamp: '2025-01-01T00:00:05Z',
      deprecatedCount: 2,
    })
  })

  it('carries a new-style event: eventTime, series, action, and an empty source and timestamps as Go writes them', () => {
    const v1 = toEventsV1({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'x' },
      eventTime: '2025-01-01T00:00:00.000000Z',
      series: { count: 3, lastObservedTime: '2025-01-01T00:01:00.000000Z' },
      action: 'Scheduling',
      reportingComponent: 'default-scheduler',
    } as CoreEvent)
    expect(v1).toMatchObject({ eventTime: '2025-01-01T00:00:00.000000Z', series: { count: 3 }, action: 'Scheduling', deprecatedSource: {}, deprecatedFirstTimestamp: null, regarding: {} })
    expect(v1).not.toHaveProperty('deprecatedCount')
  })
})

describe('fromEventsV1 (Convert_v1_Event_To_core_Event)', () => {
  it('gives back the core fields the Table prints from: involvedObject, message, source, timestamps, count', () => {
    expect(fromEventsV1(toEventsV1(core))).toEqual(core)
  })
})

describe('the events of both groups through the API server and kubectl', () => {
  it('`events` is core/v1, `events.events.k8s.io` the same objects converted', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    opened.push(engine)
    engine.create(MYNGINX)
    engine.advance(10_000)
    const core = engine.list('events', 'default').items as CoreEvent[]
    const v1 = engine.list('events', 'default', {}, 'events.k8s.io').items
    expect(core.length).toBeGreaterThan(0)
    expect(v1.map((e) => e.apiVersion)).toEqual(core.map(() => 'events.k8s.io/v1'))
    expect(v1.map((e) => e.note)).toEqual(core.map((e) => e.message))
    const name = core[0]!.metadata.name!
    expect(engine.get('events', 'default', name, 'events.k8s.io')).toEqual(toEventsV1(engine.get('events', 'default', name)))
    const get = (...args: string[]) => runKubectl(['get', ...args], { engine, readFile: () => '', readStdin: () => '' })
    expect(get('events', name, '-o', 'name').stdout).toBe(`event/${name}\n`)
    expect(get('events.events.k8s.io', name, '-o', 'yaml').stdout).toContain('apiVersion: events.k8s.io/v1\n')
    expect(get('events', name, '-o', 'yaml').stdout).toContain('apiVersion: v1\n')
    expect(get('events.events.k8s.io').stdout).toBe(get('events').stdout)
  })
})
