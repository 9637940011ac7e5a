import { describe, expect, it } from 'vitest'
import { thrownApiError as caught } from '../patch/testing/thrown'
import { manualClusters, MYNGINX } from '../../testing/cluster'
import type { ManagedFieldsEntry } from './managed'

const open = manualClusters()
const managed = (o: { metadata: Record<string, unknown> }): ManagedFieldsEntry[] => o.metadata.managedFields as ManagedFieldsEntry[]
const applied = (image: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'mynginx', labels: { run: 'mynginx' }, ...extra },
  spec: { containers: [{ name: 'nginx', image }] },
})


describe('managedFields on Update writes', () => {
  it('records the creator (defaults included, admission left out) and the kubelet on the status subresource', () => {
    const engine = open()
    engine.create(MYNGINX, { fieldManager: 'kubectl-run' })
    engine.advance(30_000)
    const [run, kubelet] = managed(engine.get('pods', 'default', 'mynginx'))
    expect(run).toMatchObject({ manager: 'kubectl-run', operation: 'Update', apiVersion: 'v1', time: '2025-01-01T00:00:00Z', fieldsType: 'FieldsV1' })
    expect(run!.fieldsV1['f:metadata']).toEqual({ 'f:labels': { '.': {}, 'f:run': {} } })
    const spec = run!.fieldsV1['f:spec'] as Record<string, unknown>
    expect(spec['f:containers']).toEqual({
      'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {}, 'f:resources': {}, 'f:terminationMessagePath': {}, 'f:terminationMessagePolicy': {} },
    })
    expect(spec['f:volumes']).toBeUndefined()
    expect(kubelet).toMatchObject({ manager: 'kubelet', operation: 'Update', subresource: 'status' })
    expect(Object.keys(kubelet!.fieldsV1)).toEqual(['f:status'])
  })

  it('moves a changed field to the manager that changed it and keeps its time for the others', () => {
    const engine = open()
    engine.create(applied('nginx'), { fieldManager: 'kubectl-client-side-apply' })
    engine.advance(5_000)
    engine.patch('pods', 'default', 'mynginx', 'strategic', { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } }, { fieldManager: 'kubectl-patch' })
    const entries = managed(engine.get('pods', 'default', 'mynginx')).filter((e) => !e.subresource)
    const patch = entries.find((e) => e.manager === 'kubectl-patch')!
    expect(patch.fieldsV1).toEqual({ 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { 'f:image': {} } } } })
    const csa = entries.find((e) => e.manager === 'kubectl-client-side-apply')!
    expect(csa.time).toBe('2025-01-01T00:00:00Z')
    expect(JSON.stringify(csa.fieldsV1)).not.toContain('"f:image"')
  })
})

describe('server-side apply (structured-merge-diff merge/update.go Apply)', () => {
  it('creates a missing object with an Apply entry owning exactly the applied fields, then reports no change', () => {
    const engine = open()
    const first = engine.apply('pods', 'default', 'mynginx', applied('nginx'), { fieldManager: 'kubectl' })
    expect(first.created).toBe(true)
    expect(managed(first.object)).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'v1',
        time: '2025-01-01T00:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { 'f:run': {} } }, 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } },
      },
    ])
    const rv = engine.get('pods', 'default', 'mynginx').metadata.resourceVersion
    const again = engine.apply('pods', 'default', 'mynginx', applied('nginx'), { fieldManager: 'kubectl' })
    expect(again.created).toBe(false)
    expect(again.object.metadata.resourceVersion).toBe(rv)
  })

  it('is a 409 Conflict naming the other manager and the path, unless forced, when ownership then moves', () => {
    const engine = open()
    engine.create(applied('nginx'), { fieldManager: 'kubectl-client-side-apply' })
    const error = caught(() => engine.apply('pods', 'default', 'mynginx', applied('nginx:1.28'), { fieldManager: 'kubectl' }))
    expect(error.code).toBe(409)
    expect(error.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using v1: .spec.containers[name="nginx"].image')
    expect(error.details.causes).toEqual([
      { reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using v1', field: '.spec.containers[name="nginx"].image' },
    ])
    const forced = engine.apply('pods', 'default', 'mynginx', applied('nginx:1.28'), { fieldManager: 'kubectl', force: true })
    expect((forced.object.spec as { containers: Array<{ image: string }> }).containers[0]!.image).toBe('nginx:1.28')
    const csa = managed(forced.object).find((e) => e.manager === 'kubectl-client-side-apply')!
    expect(JSON.stringify(csa.fieldsV1)).not.toContain('"f:image"')
  })

  it('takes the same value without conflict (shared ownership)', () => {
    const engine = open()
    engine.create(applied('nginx'), { fieldManager: 'kubectl-client-side-apply' })
    const shared = engine.apply('pods', 'default', 'mynginx', applied('nginx'), { fieldManager: 'kubectl' })
    const owners = managed(shared.object).filter((e) => !e.subresource)
    expect(owners.map((e) => e.manager)).toEqual(['kubectl', 'kubectl-client-side-apply'])
    expect(JSON.stringify(owners[1]!.fieldsV1)).toContain('"f:image"')
  })

  it('removes a field the manager no longer applies when nobody else owns it', () => {
    const engine = open()
    engine.apply('pods', 'default', 'mynginx', applied('nginx', { annotations: { a: '1', b: '2' } }), { fieldManager: 'kubectl' })
    const next = engine.apply('pods', 'default', 'mynginx', applied('nginx', { annotations: { a: '1' } }), { fieldManager: 'kubectl' })
    expect(next.object.metadata.annotations).toEqual({ a: '1' })
  })

  it('keeps a field another manager also owns when one applier drops it', () => {
    const engine = open()
    engine.apply('pods', 'default', 'mynginx', applied('nginx', { annotations: { a: '1' } }), { fieldManager: 'one' })
    engine.apply('pods', 'default', 'mynginx', applied('nginx', { annotations: { a: '1' } }), { fieldManager: 'two' })
    const next = engine.apply('pods', 'default', 'mynginx', applied('nginx'), { fieldManager: 'one' })
    expect(next.object.metadata.annotations).toEqual({ a: '1' })
  })

  it('refuses an apply without a field manager as ValidatePatchOptions words it', () => {
    const error = caught(() => open().apply('pods', 'default', 'mynginx', applied('nginx'), {}))
    expect(error.code).toBe(422)
    expect(error.message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch')
  })

  it('stores nothing on a dry run', () => {
    const engine = open()
    const dry = engine.apply('pods', 'default', 'mynginx', applied('nginx'), { fieldManager: 'kubectl', dryRun: 'All' })
    expect(dry.created).toBe(true)
    expect(() => engine.get('pods', 'default', 'mynginx')).toThrow(/not found/)
  })
})

// Ported from structured-merge-diff v4.4.2 merge/set_test.go, on a ConfigMap's metadata.finalizers (a
// x-kubernetes-list-type: set): the applied items keep their order, another manager's stay where they were.
describe('sets (structured-merge-diff merge/set_test.go)', () => {
  const cm = (finalizers: string[]) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default', finalizers: finalizers.map((f) => `example.com/${f}`) } })
  const finalizers = (o: { metadata: { finalizers?: string[] } }) => (o.metadata.finalizers ?? []).map((f) => f.replace('example.com/', ''))
  const owned = (o: { metadata: Record<string, unknown> }, manager: string) =>
    Object.keys(((managed(o as never).find((e) => e.manager === manager)?.fieldsV1['f:metadata'] as Record<string, Record<string, unknown>>) ?? {})['f:finalizers'] ?? {}).map((k) =>
      JSON.parse(k.slice(2)).replace('example.com/', ''),
    )

  it('apply_update_apply_no_overlap', () => {
    const engine = open()
    engine.apply('configmaps', 'default', 'cm', cm(['a', 'c']), { fieldManager: 'default' })
    engine.update(cm(['a', 'b', 'c', 'd']), { fieldManager: 'controller' })
    const after = engine.apply('configmaps', 'default', 'cm', cm(['a', 'aprime', 'c', 'cprime']), { fieldManager: 'default' }).object
    expect(finalizers(after)).toEqual(['a', 'b', 'aprime', 'c', 'd', 'cprime'])
    expect(owned(after, 'default')).toEqual(['a', 'aprime', 'c', 'cprime'])
    expect(owned(after, 'controller')).toEqual(['b', 'd'])
  })

  it('apply_twice_remove', () => {
    const engine = open()
    engine.apply('configmaps', 'default', 'cm', cm(['a', 'b', 'c', 'd']), { fieldManager: 'default' })
    const after = engine.apply('configmaps', 'default', 'cm', cm(['a', 'c']), { fieldManager: 'default' }).object
    expect(finalizers(after)).toEqual(['a', 'c'])
    expect(owned(after, 'default')).toEqual(['a', 'c'])
  })
})
