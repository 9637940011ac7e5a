import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../kube'
import { bareWorld, nginxPod } from '../testing/bare-world'
import { thrownApiError as thrown } from './patch/testing/thrown'
import { ApiServer } from './server'

const engineApi = () => new ApiServer(bareWorld(), 'engine')
const gone = (api: ApiServer, resource: string, namespace: string | undefined, name: string) =>
  api.list(resource, namespace).every((o) => o.metadata.name !== name)
const withoutFinalizers = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, finalizers: [] } })

describe('finalizers in the generic store (store.go Delete, ShouldDeleteDuringUpdate)', () => {
  it('a kind without graceful deletion is kept with deletionTimestamp now and grace 0 while it has finalizers, and removed by the update that empties them', () => {
    const api = engineApi()
    const node = api.get('nodes', undefined, 'podlab-worker')
    api.update({ ...node, metadata: { ...node.metadata, finalizers: ['podlab.test/hold'] } })
    const marked = api.delete('nodes', undefined, 'podlab-worker')
    expect(marked.metadata).toMatchObject({ deletionTimestamp: '2025-01-01T00:00:00Z', deletionGracePeriodSeconds: 0, finalizers: ['podlab.test/hold'] })
    expect(gone(api, 'nodes', undefined, 'podlab-worker')).toBe(false)
    api.update(withoutFinalizers(api.get('nodes', undefined, 'podlab-worker')))
    expect(gone(api, 'nodes', undefined, 'podlab-worker')).toBe(true)
  })

  it('no new finalizer may be added to an object being deleted (ValidateNoNewFinalizers)', () => {
    const api = engineApi()
    const pod = api.create({ ...nginxPod(), metadata: { name: 'web', finalizers: ['podlab.test/a'] } })
    api.delete('pods', 'default', 'web')
    const current = api.get('pods', 'default', 'web')
    const e = thrown(() => api.update({ ...current, metadata: { ...current.metadata, finalizers: ['podlab.test/a', 'podlab.test/b'] } }))
    expect(e.message).toBe(
      'Pod "web" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"podlab.test/b"}',
    )
    expect(pod.metadata.uid).toBe(current.metadata.uid)
  })

  it("an unscheduled pod with a finalizer is kept at grace 0 (the delete that would remove it) and goes when its finalizers are emptied", () => {
    const api = engineApi()
    api.create({ ...nginxPod(), metadata: { name: 'web', finalizers: ['podlab.test/a'] } })
    expect(api.delete('pods', 'default', 'web').metadata).toMatchObject({ deletionGracePeriodSeconds: 0, deletionTimestamp: '2025-01-01T00:00:00Z' })
    api.update(withoutFinalizers(api.get('pods', 'default', 'web')))
    expect(gone(api, 'pods', 'default', 'web')).toBe(true)
  })

  it("a scheduled pod with a finalizer: emptying finalizers during its grace period does not remove it; the kubelet's final delete (grace 0) does", () => {
    const api = engineApi()
    api.create({ ...nginxPod(), metadata: { name: 'web', finalizers: ['podlab.test/a'] } })
    api.bind('default', 'web', 'podlab-worker')
    expect(api.delete('pods', 'default', 'web').metadata.deletionGracePeriodSeconds).toBe(30)
    api.update(withoutFinalizers(api.get('pods', 'default', 'web')))
    expect(gone(api, 'pods', 'default', 'web')).toBe(false)
    api.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 })
    expect(gone(api, 'pods', 'default', 'web')).toBe(true)
  })

  it("the kubelet's final delete (grace 0) leaves a pod that still has finalizers in place, at grace 0; emptying them then removes it", () => {
    const api = engineApi()
    api.create({ ...nginxPod(), metadata: { name: 'web', finalizers: ['podlab.test/a'] } })
    api.bind('default', 'web', 'podlab-worker')
    api.delete('pods', 'default', 'web')
    const kept = api.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 })
    expect(kept.metadata).toMatchObject({ deletionGracePeriodSeconds: 0, deletionTimestamp: '2025-01-01T00:00:00Z' })
    expect(gone(api, 'pods', 'default', 'web')).toBe(false)
    api.update(withoutFinalizers(api.get('pods', 'default', 'web')))
    expect(gone(api, 'pods', 'default', 'web')).toBe(true)
  })

  it.each([
    ['Orphan', ['orphan']],
    ['Foreground', ['foregroundDeletion']],
  ] as const)('propagationPolicy %s keeps the object with the %j finalizer', (policy, finalizers) => {
    const api = engineApi()
    api.create(nginxPod())
    const marked = api.delete('pods', 'default', 'web', { propagationPolicy: policy })
    expect(marked.metadata.finalizers).toEqual(finalizers)
    expect(marked.metadata.deletionTimestamp).toBe('2025-01-01T00:00:00Z')
  })

  it('propagationPolicy Background removes an object at once', () => {
    const api = engineApi()
    api.create(nginxPod())
    api.delete('pods', 'default', 'web', { propagationPolicy: 'Background' })
    expect(gone(api, 'pods', 'default', 'web')).toBe(true)
  })

  it('a pending graceful deletion ignores a later propagationPolicy (finalizers cannot be changed by DeleteOptions then)', () => {
    const api = engineApi()
    api.create(nginxPod())
    api.bind('default', 'web', 'podlab-worker')
    api.delete('pods', 'default', 'web')
    expect(api.delete('pods', 'default', 'web', { propagationPolicy: 'Orphan' }).metadata.finalizers).toBeUndefined()
  })

  it('an update that changes nothing is not stored: same resourceVersion, no history row (etcd3 GuaranteedUpdate)', () => {
    const api = engineApi()
    const pod = api.create(nginxPod())
    expect(api.update(pod).metadata.resourceVersion).toBe(pod.metadata.resourceVersion)
    expect(api.updateStatus(pod).metadata.resourceVersion).toBe(pod.metadata.resourceVersion)
    expect(api.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'v2' } } }).metadata.resourceVersion).not.toBe(pod.metadata.resourceVersion)
  })
})
