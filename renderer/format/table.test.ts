import { describe, expect, it } from 'vitest'
import type { Table } from '../../main/kube'
import { cellText, columnWidth, noResourcesFound, visibleColumns } from './table'

const pods: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { resourceVersion: '12' },
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
    { name: 'Ready', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Status', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Restarts', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
    { name: 'IP', type: 'string', format: '', description: '', priority: 1 },
    { name: 'Nominated Node', type: 'string', format: '', description: '', priority: 1 },
  ],
  rows: [
    {
      cells: ['mynginx', '1/1', 'Running', '0', '12s', '10.244.0.5', '<none>'],
      object: {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { name: 'mynginx', namespace: 'default', uid: 'u1', resourceVersion: '12', creationTimestamp: '2025-01-01T00:00:00Z' },
      },
    },
  ],
}

describe('visibleColumns', () => {
  it('keeps priority-0 columns with kubectl headers, in order', () => {
    expect(visibleColumns(pods).map((c) => [c.index, c.header, c.key])).toEqual([
      [0, 'NAME', 'name'],
      [1, 'READY', 'ready'],
      [2, 'STATUS', 'status'],
      [3, 'RESTARTS', 'restarts'],
      [4, 'AGE', 'age'],
    ])
  })

  it('makes a test id out of a multi-word column', () => {
    const table: Table = { ...pods, columnDefinitions: pods.columnDefinitions.map((c) => ({ ...c, priority: 0 })) }
    expect(visibleColumns(table).at(-1)).toMatchObject({ header: 'NOMINATED NODE', key: 'nominated-node' })
  })

  it('marks numeric columns', () => {
    const table: Table = { ...pods, columnDefinitions: [{ name: 'Restarts', type: 'integer', format: '', description: '', priority: 0 }] }
    expect(visibleColumns(table)[0]?.numeric).toBe(true)
  })
})

describe('cellText', () => {
  it('prints cells as the engine made them', () => {
    const [name, ready, status, restarts, age] = visibleColumns(pods)
    const row = pods.rows[0]!
    expect([name, ready, status, restarts, age].map((c) => cellText(row, c!))).toEqual(['mynginx', '1/1', 'Running', '0', '12s'])
  })

  it('prints numbers and booleans as text, a missing cell as nothing (as kubectl printTable does)', () => {
    const row = { ...pods.rows[0]!, cells: [3, false] }
    const columns = visibleColumns(pods)
    expect(columns.slice(0, 3).map((c) => cellText(row, c))).toEqual(['3', 'false', ''])
  })
})

describe('noResourcesFound', () => {
  it('says what kubectl get says', () => {
    expect(noResourcesFound('default')).toBe('No resources found in default namespace.')
    expect(noResourcesFound(undefined)).toBe('No resources found')
  })
})

describe('columnWidth', () => {
  it('fixes every pods column but NAME, which takes what is left', () => {
    const widths = visibleColumns(pods).map((column) => [column.key, columnWidth(column.key)])
    expect(widths.filter(([, width]) => width === undefined).map(([key]) => key)).toEqual(['name'])
  })

  it('is wide enough for the STATUS, RESTARTS and AGE values a learner meets most', () => {
    // One ch of padding after each cell: a value fits when its length is below the width.
    for (const status of ['ContainerCreating', 'CrashLoopBackOff', 'ImagePullBackOff', 'Terminating']) expect(status.length).toBeLessThan(columnWidth('status')!)
    expect('12 (3m20s ago)'.length).toBeLessThan(columnWidth('restarts')!)
    expect('23h59m'.length).toBeLessThan(columnWidth('age')!)
  })

  it('gives a column it does not know a fixed width too', () => {
    expect(columnWidth('something-new')).toBe(14)
  })
})
