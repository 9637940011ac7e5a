import { describe, expect, it } from 'vitest'
import type { Table } from '../../main/kube'
import { fakeApi, piniaWith } from '../testing/fake-api'
import { usePodsStore } from './pods'

function table(...names: string[]): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '7' },
    columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 }],
    rows: names.map((name) => ({
      cells: [name],
      object: {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '7', creationTimestamp: '2025-01-01T00:00:00Z' },
      },
    })),
  }
}

describe('usePodsStore', () => {
  it('watches pods in default and keeps the table each delta brings, as given', async () => {
    const fake = fakeApi()
    const pods = usePodsStore(piniaWith(fake.api))
    await pods.watch()
    expect(fake.calls).toEqual([{ call: 'table.watch', request: { resource: 'pods', namespace: 'default' } }])
    expect(pods.table).toBeNull()

    const first = table('mynginx')
    fake.push({ type: 'table', view: { resource: 'pods', namespace: 'default' }, table: first })
    expect(pods.table).toBe(first)
  })

  it('ignores tables of other views', async () => {
    const fake = fakeApi()
    const pods = usePodsStore(piniaWith(fake.api))
    await pods.watch()
    fake.push({ type: 'table', view: { resource: 'pods', namespace: 'kube-system' }, table: table('coredns') })
    fake.push({ type: 'table', view: { resource: 'nodes' }, table: table('node-1') })
    fake.push({ type: 'table', view: { resource: 'pods' }, table: table('everything') })
    expect(pods.table).toBeNull()
  })

  it('switching namespace unwatches the old view, clears the table and ignores its late deltas', async () => {
    const fake = fakeApi()
    const pods = usePodsStore(piniaWith(fake.api))
    await pods.watch()
    fake.push({ type: 'table', view: { resource: 'pods', namespace: 'default' }, table: table('a') })
    await pods.setNamespace('kube-system')
    expect(pods.namespace).toBe('kube-system')
    expect(pods.table).toBeNull()
    expect(fake.calls.slice(1)).toEqual([
      { call: 'table.unwatch', request: { resource: 'pods', namespace: 'default' } },
      { call: 'table.watch', request: { resource: 'pods', namespace: 'kube-system' } },
    ])
    fake.push({ type: 'table', view: { resource: 'pods', namespace: 'default' }, table: table('late') })
    expect(pods.table).toBeNull()
  })

  it('all namespaces is a view without a namespace', async () => {
    const fake = fakeApi()
    const pods = usePodsStore(piniaWith(fake.api))
    await pods.setNamespace(undefined)
    expect(fake.calls).toEqual([{ call: 'table.watch', request: { resource: 'pods' } }])
    const all = table('x')
    fake.push({ type: 'table', view: { resource: 'pods' }, table: all })
    expect(pods.table).toBe(all)
  })

  it('watching the same view twice asks once', async () => {
    const fake = fakeApi()
    const pods = usePodsStore(piniaWith(fake.api))
    await pods.watch()
    await pods.setNamespace('default')
    expect(fake.calls).toHaveLength(1)
  })

  it('shows why a watch failed', async () => {
    const fake = fakeApi()
    fake.answer('table.watch', () => ({ ok: false, error: { reason: 'Internal', message: 'the connection to the Podlab host was lost' } }))
    const pods = usePodsStore(piniaWith(fake.api))
    await pods.watch()
    expect(pods.error?.message).toBe('the connection to the Podlab host was lost')
  })

  it('unwatch stops following', async () => {
    const fake = fakeApi()
    const pods = usePodsStore(piniaWith(fake.api))
    await pods.watch()
    await pods.unwatch()
    expect(fake.calls.at(-1)).toEqual({ call: 'table.unwatch', request: { resource: 'pods', namespace: 'default' } })
    fake.push({ type: 'table', view: { resource: 'pods', namespace: 'default' }, table: table('a') })
    expect(pods.table).toBeNull()
  })
})
