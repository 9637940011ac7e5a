// Facts from kubernetes pkg/printers/internalversion/printers.go printReplicaSet and replicaSetColumnDefinitions
// (1.32 tree), and TestPrintReplicaSet of printers_test.go.
import { describe, expect, it } from 'vitest'
import type { ReplicaSet } from '../api/apps/types'
import { REPLICASET_COLUMNS, replicaSetCells, replicaSetTable } from './replicaset-table'

const NOW = Date.parse('2025-03-01T12:00:00Z')

function rs(): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'test1', namespace: 'default', creationTimestamp: '2025-03-01T11:59:50Z' },
    spec: {
      replicas: 5,
      selector: { matchLabels: { foo: 'bar' } },
      template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'fake-container1', image: 'fake-image1' }, { name: 'fake-container2', image: 'fake-image2' }] } },
    },
    status: { replicas: 5, readyReplicas: 2 },
  }
}

describe('replicaSetCells (TestPrintReplicaSet)', () => {
  it('prints name, desired, current, ready, age, then containers, images and the selector', () => {
    expect(replicaSetCells(rs(), NOW)).toEqual(['test1', 5, 5, 2, '10s', 'fake-container1,fake-container2', 'fake-image1,fake-image2', 'foo=bar'])
  })
  it('prints 0 for a status not yet written', () => {
    const o = rs()
    delete o.status
    expect(replicaSetCells(o, NOW).slice(1, 4)).toEqual([5, 0, 0])
  })
  it('prints matchExpressions as a selector string', () => {
    const o = rs()
    o.spec.selector = { matchLabels: { a: 'b' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['x', 'y'] }] }
    expect(replicaSetCells(o, NOW)[7]).toBe('a=b,tier in (x,y)')
  })
})

describe('REPLICASET_COLUMNS', () => {
  it('declares NAME DESIRED CURRENT READY AGE as integers and strings, then three priority-1 columns', () => {
    expect(REPLICASET_COLUMNS.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual([
      'Name:string:0', 'Desired:integer:0', 'Current:integer:0', 'Ready:integer:0', 'Age:string:0',
      'Containers:string:1', 'Images:string:1', 'Selector:string:1',
    ])
  })
  it('drops the wide columns and their cells when not wide', () => {
    const table = replicaSetTable([rs()], NOW, '1', false)
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Desired', 'Current', 'Ready', 'Age'])
    expect(table.rows[0]?.cells).toEqual(['test1', 5, 5, 2, '10s'])
  })
})
