// Facts from kubernetes pkg/printers/internalversion/printers.go printEvent / eventColumnDefinitions (1.32
// tree) and the event cases of printers_test.go TestPrintEvent.
import { describe, expect, it } from 'vitest'
import type { CoreEvent } from '../api/events/types'
import { EVENT_COLUMNS, eventCells } from './event-table'
import { buildTable } from './index'

const NOW = Date.parse('2025-03-01T12:00:00Z')
const ago = (ms: number): string => new Date(NOW - ms).toISOString()

function event(fields: Partial<CoreEvent>): CoreEvent {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name: 'x.17f', namespace: 'default' }, ...fields }
}

describe('eventCells (TestPrintEvent)', () => {
  it('prints LAST SEEN, TYPE, REASON, kind/name, source, trimmed message, FIRST SEEN, COUNT, NAME', () => {
    const e = event({
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container c in pod x_default(u1)\n',
      involvedObject: { kind: 'Pod', name: 'x', fieldPath: 'spec.containers{c}' },
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: ago(3 * 3600_000),
      lastTimestamp: ago(2000),
      count: 6,
    })
    expect(eventCells(e, NOW)).toEqual([
      '2s', 'Warning', 'BackOff', 'pod/x', 'spec.containers{c}', 'kubelet, node-1',
      'Back-off restarting failed container c in pod x_default(u1)', '3h', 6, 'x.17f',
    ])
  })
  it('falls back to eventTime, reportingComponent and a count of 1 for events.k8s.io-style events', () => {
    const e = event({ eventTime: ago(30_000), reportingComponent: 'default-scheduler', involvedObject: { kind: 'Pod' } })
    const cells = eventCells(e, NOW)
    expect([cells[0], cells[3], cells[5], cells[7], cells[8]]).toEqual(['30s', 'pod', 'default-scheduler', '30s', 1])
  })
  it('uses series for LAST SEEN and COUNT', () => {
    const e = event({ eventTime: ago(600_000), series: { count: 4, lastObservedTime: ago(5000) } })
    const cells = eventCells(e, NOW)
    expect([cells[0], cells[8]]).toEqual(['5s', 4])
  })
})

describe('event columns', () => {
  it('keep MESSAGE (priority 0) between priority-1 columns, as printers.go declares them', () => {
    expect(EVENT_COLUMNS.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Last Seen:0', 'Type:0', 'Reason:0', 'Object:0', 'Subobject:1', 'Source:1', 'Message:0', 'First Seen:1', 'Count:1', 'Name:1',
    ])
  })
  it('a narrow table keeps MESSAGE aligned with its column', () => {
    const t = buildTable('events', [event({ message: 'm', involvedObject: { kind: 'Pod', name: 'x' } })], NOW, '1', false)
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Last Seen', 'Type', 'Reason', 'Object', 'Message'])
    expect(t.rows[0]!.cells[4]).toBe('m')
  })
})

describe('buildTable', () => {
  it('falls back to NAME AGE for resources without a printer', () => {
    const t = buildTable('widgets', [{ apiVersion: 'v1', kind: 'Widget', metadata: { name: 'default', creationTimestamp: ago(61_000) } }], NOW, '3')
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Age'])
    expect(t.rows[0]!.cells).toEqual(['default', '61s'])
  })
})
