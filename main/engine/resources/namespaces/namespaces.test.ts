import { describe, expect, it } from 'vitest'
import { thrownApiError as thrown } from '../../api/patch/testing/thrown'
import { ApiServer } from '../../api/server'
import { bareWorld } from '../../testing/bare-world'
import { namespaceTable } from './table'
import type { Namespace } from './types'

const engineApi = () => new ApiServer(bareWorld(), 'engine')

describe('the Namespace kind', () => {
  it('prints NAME STATUS AGE, STATUS being the phase (Terminating while it is deleted)', () => {
    const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', creationTimestamp: '2025-01-01T00:00:00Z' }, status: { phase: 'Terminating' } }
    const table = namespaceTable([ns], Date.parse('2025-01-01T00:02:00Z'), '9')
    expect(table.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Status', 'Age'])
    expect(table.rows[0]?.cells).toEqual(['team', 'Terminating', '2m'])
  })

  it('refuses a bare spec.finalizers name that is not a standard one (validateFinalizerName)', () => {
    const e = thrown(() => new ApiServer(bareWorld()).create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' }, spec: { finalizers: ['mine'] } }))
    expect(e.message).toBe('Namespace "team" is invalid: spec.finalizers: Invalid value: "mine": name is neither a standard finalizer name nor is it fully qualified')
  })

  it("the status subresource keeps the spec, and the phase must match deletionTimestamp (ValidateNamespaceStatusUpdate)", () => {
    const api = engineApi()
    const ns = api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } }) as Namespace
    const e = thrown(() => api.updateStatus({ ...ns, status: { phase: 'Terminating' } }))
    expect(e.message).toBe('Namespace "team" is invalid: status.Phase: Invalid value: "Terminating": may only be \'Active\' if `deletionTimestamp` is empty')
    const updated = api.updateStatus({ ...ns, spec: { finalizers: [] }, status: { phase: 'Active', conditions: [] } }) as Namespace
    expect(updated.spec?.finalizers).toEqual(['kubernetes'])
  })

  it('a main update cannot change spec.finalizers; the finalize subresource can, and a deleted namespace without finalizers then goes', () => {
    const api = engineApi()
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
    const marked = api.delete('namespaces', undefined, 'team') as Namespace
    expect(marked.status?.phase).toBe('Terminating')
    expect((api.update({ ...marked, spec: { finalizers: [] } }) as Namespace).spec?.finalizers).toEqual(['kubernetes'])
    const again = api.delete('namespaces', undefined, 'team') as Namespace
    expect(again.metadata.resourceVersion).toBe(api.get('namespaces', undefined, 'team').metadata.resourceVersion)
    api.finalizeNamespace({ ...api.get('namespaces', undefined, 'team'), spec: { finalizers: [] } })
    expect(api.list('namespaces').map((n) => n.metadata.name)).not.toContain('team')
  })

  it('a delete with propagationPolicy Orphan or Foreground puts its finalizer on the namespace (REST.Delete)', () => {
    const api = engineApi()
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
    expect(api.delete('namespaces', undefined, 'team', { propagationPolicy: 'Orphan' }).metadata.finalizers).toEqual(['orphan'])
  })
})
