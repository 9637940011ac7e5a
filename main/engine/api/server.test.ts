import { describe, expect, it } from 'vitest'
import { thrownApiError, thrownApiError as thrown } from './patch/testing/thrown'
import { openCluster } from '../open-cluster'
import { bareWorld, nginxPod } from '../testing/bare-world'
import { MYNGINX, tmpFile } from '../testing/cluster'
import type { Pod } from './pods/types'
import { ApiServer } from './server'

const invalidPod = (namespace: string) => ({ ...nginxPod('Bad_Name'), metadata: { name: 'Bad_Name', namespace } })

describe('the generic store (store.go order)', () => {
  it('create: the namespace check (NamespaceLifecycle, a mutating admission plugin) comes before validation (BeforeCreate), which comes before AlreadyExists (storage)', () => {
    const api = new ApiServer(bareWorld())
    expect(thrown(() => api.create(invalidPod('nowhere'))).message).toBe('namespaces "nowhere" not found')
    expect(thrown(() => api.create(invalidPod('default'))).reason).toBe('Invalid')
    api.create(nginxPod())
    expect(thrown(() => api.create({ ...nginxPod(), metadata: { name: 'web', namespace: 'nowhere' } })).message).toBe('namespaces "nowhere" not found')
    expect(thrown(() => api.create(nginxPod())).message).toBe('pods "web" already exists')
  })

  it('create: the name is generated before validation, and a deletion a client sends is dropped', () => {
    const api = new ApiServer(bareWorld())
    const pod = api.create({ ...nginxPod(), metadata: { generateName: 'web-', deletionTimestamp: '2025-01-01T00:00:00Z', deletionGracePeriodSeconds: 3 } })
    expect(pod.metadata.name).toMatch(/^web-[a-z0-9]{5}$/)
    expect(pod.metadata.deletionTimestamp).toBeUndefined()
    expect(pod.metadata.deletionGracePeriodSeconds).toBeUndefined()
  })

  it('update: a stale resourceVersion is a Conflict before validation; none at all is an unconditional update', () => {
    const api = new ApiServer(bareWorld())
    const pod = api.create(nginxPod()) as Pod
    api.update({ ...pod, metadata: { ...pod.metadata, labels: { app: 'v2' } } })
    const stale = thrown(() => api.update({ ...pod, spec: { ...pod.spec, restartPolicy: 'Never' } }))
    expect(stale.reason).toBe('Conflict')
    const { resourceVersion: _rv, ...withoutVersion } = pod.metadata
    const updated = api.update({ ...pod, metadata: { ...withoutVersion, labels: { app: 'v3' } } })
    expect(updated.metadata.labels).toEqual({ app: 'v3' })
    expect(updated.metadata.uid).toBe(pod.metadata.uid)
    expect(updated.metadata.creationTimestamp).toBe(pod.metadata.creationTimestamp)
  })

  it('update: BeforeUpdate fills a missing uid from the stored object but refuses a different one', () => {
    const api = new ApiServer(bareWorld())
    const pod = api.create(nginxPod()) as Pod
    const { uid: _uid, ...withoutUid } = pod.metadata
    const kept = api.update({ ...pod, metadata: withoutUid })
    expect(kept.metadata.uid).toBe(pod.metadata.uid)
    const e = thrown(() => api.update({ ...kept, metadata: { ...kept.metadata, uid: 'another' } }))
    expect(e.message).toBe('Pod "web" is invalid: metadata.uid: Invalid value: "another": field is immutable')
  })

  it("a door keeps today's refusals for the kinds users cannot write yet (events), and may update nodes (cordon, labels)", () => {
    const api = new ApiServer(bareWorld())
    expect(thrown(() => api.patch('events', 'default', 'x', 'merge', { metadata: { labels: { a: 'b' } } })).message).toBe('Podlab cannot update v1 events yet')
    const patched = api.patch('nodes', undefined, 'podlab-worker', 'merge', { metadata: { labels: { a: 'b' } }, spec: { unschedulable: true } })
    expect(patched.metadata.labels?.a).toBe('b')
  })

  it('list filters by a label selector, and a selector that does not parse is 400 BadRequest in labels.Parse words', () => {
    const api = new ApiServer(bareWorld())
    api.create(nginxPod('a'))
    api.create({ ...nginxPod('b'), metadata: { name: 'b', labels: { app: 'db' } } })
    expect(api.list('pods', 'default', { labelSelector: 'app=web' }).map((p) => p.metadata.name)).toEqual(['a'])
    expect(api.list('pods', 'default', { labelSelector: 'app!=web' }).map((p) => p.metadata.name)).toEqual(['b'])
    expect(api.list('nodes', undefined, { labelSelector: 'node-role.kubernetes.io/control-plane' }).map((n) => n.metadata.name)).toEqual(['podlab-control-plane'])
    const bad = thrown(() => api.list('pods', 'default', { labelSelector: 'app in (web' }))
    expect(bad.reason).toBe('BadRequest')
    expect(bad.code).toBe(400)
  })

  it('patch: the patched object must keep its name', () => {
    const api = new ApiServer(bareWorld())
    api.create(nginxPod())
    const e = thrown(() => api.patch('pods', 'default', 'web', 'merge', { metadata: { name: 'other' } }))
    expect(e.reason).toBe('BadRequest')
    expect(e.message).toBe('the name of the object (other) does not match the name on the URL (web)')
  })
})

describe('Engine.patch and Engine.list through the cluster', () => {
  it('a merge patch is one committed MODIFIED that watchers hear; list -l selects by label', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(MYNGINX)
    const seen: string[] = []
    engine.watch(engine.info().resourceVersion, (e) => seen.push(`${e.type} ${e.object.metadata.name} ${JSON.stringify(e.object.metadata.labels)}`))
    engine.patch('pods', 'default', 'mynginx', 'merge', { metadata: { labels: { run: 'patched' } } })
    expect(seen[0]).toBe('MODIFIED mynginx {"run":"patched"}')
    expect(engine.list('pods', 'default', { labelSelector: 'run=patched' }).items.map((p) => p.metadata.name)).toEqual(['mynginx'])
    expect(engine.list('pods', 'default', { labelSelector: 'run=mynginx' }).items).toEqual([])
    engine.close()
  })
})

describe('the request namespace', () => {
  it('an update whose body has no namespace updates the object in the request namespace (default), not a row without one', () => {
    const world = bareWorld()
    const api = new ApiServer(world)
    const pod = api.create(nginxPod()) as Pod
    const { namespace: _ns, ...withoutNamespace } = pod.metadata
    const updated = api.update({ ...pod, metadata: { ...withoutNamespace, labels: { app: 'v2' } } })
    expect(updated.metadata.namespace).toBe('default')
    expect(world.store.list('pods').filter((p) => p.metadata.name === 'web').map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['default/web'])
  })

  it('a patch may not move an object to another namespace', () => {
    const api = new ApiServer(bareWorld())
    api.create(nginxPod())
    const e = thrownApiError(() => api.patch('pods', 'default', 'web', 'merge', { metadata: { namespace: 'kube-system' } }))
    expect(e.message).toBe('the namespace of the provided object does not match the namespace sent on the request')
  })
})

describe("ObjectMeta's omitempty maps", () => {
  it('an empty annotations or labels map in a body is not stored, as Go encodes an empty map with omitempty', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const created = engine.create({ ...MYNGINX, metadata: { ...MYNGINX.metadata, annotations: {} } })
    expect('annotations' in created.metadata).toBe(false)
    // kubectl diff's three-way patch of a manifest without annotations carries `annotations: {}`.
    const patched = engine.patch('pods', 'default', 'mynginx', 'strategic', { metadata: { annotations: {}, labels: {} } })
    expect('annotations' in patched.metadata).toBe(false)
    expect(patched.metadata.labels).toEqual({ run: 'mynginx' })
    const unlabelled = engine.patch('pods', 'default', 'mynginx', 'merge', { metadata: { labels: { run: null } } })
    expect('labels' in unlabelled.metadata).toBe(false)
    engine.close()
  })
})
