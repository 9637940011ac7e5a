import { describe, expect, it } from 'vitest'
import { thrownApiError as thrown } from '../api/patch/testing/thrown'
import type { KubeObject } from '../../kube'
import type { CoreEvent } from '../api/events/types'
import type { Pod } from '../api/pods/types'
import { bareWorld, nginxPod } from '../testing/bare-world'
import { Client } from './client'

function setup() {
  const world = bareWorld()
  const client = new Client(world)
  const pod = client.create<Pod>(nginxPod() as Pod)
  return { world, client, pod }
}

describe('Client', () => {
  it('create goes through the pod strategy: defaults, admission, Pending status, uid and creationTimestamp', () => {
    const { pod } = setup()
    expect(pod.metadata.uid).toMatch(/^[0-9a-f-]{36}$/)
    expect(pod.metadata.creationTimestamp).toBe('2025-01-01T00:00:00Z')
    expect(pod.spec.restartPolicy).toBe('Always')
    expect(pod.spec.volumes?.[0]?.name).toMatch(/^kube-api-access-/)
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' })
  })

  it('updateStatus keeps the stored spec and metadata and takes only the status', () => {
    const { client, pod } = setup()
    const sent = structuredClone(pod)
    sent.spec.containers[0]!.image = 'busybox'
    sent.metadata.labels = { app: 'changed' }
    sent.status = { ...sent.status, phase: 'Running' }
    const stored = client.updateStatus(sent)
    expect(stored.status?.phase).toBe('Running')
    expect(stored.spec.containers[0]?.image).toBe('nginx')
    expect(stored.metadata.labels).toEqual({ app: 'web' })
    expect(Number(stored.metadata.resourceVersion)).toBeGreaterThan(Number(pod.metadata.resourceVersion))
  })

  it('update keeps the status (it belongs to the status subresource) and refuses a stale resourceVersion with Conflict', () => {
    const { client, pod } = setup()
    const changed = client.update<Pod>({ ...pod, metadata: { ...pod.metadata, labels: { app: 'v2' } }, status: { phase: 'Failed' } })
    expect(changed.metadata.labels).toEqual({ app: 'v2' })
    expect(changed.status?.phase).toBe('Pending')
    const e = thrown(() => client.update(pod))
    expect(e.reason).toBe('Conflict')
    expect(e.message).toBe('Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again')
  })

  it('bind sets spec.nodeName and PodScheduled=True, as the scheduler posts pods/binding', () => {
    const { world, client } = setup()
    const bound = client.bind('default', 'web', 'podlab-worker')
    expect(bound.spec.nodeName).toBe('podlab-worker')
    expect(bound.status?.conditions).toEqual([{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' }])
    expect((world.store.get<Pod>('pods', 'default', 'web'))?.spec.nodeName).toBe('podlab-worker')
  })

  it('bind of a pod already on a node is a Conflict on pods/binding in upstream words', () => {
    const { client } = setup()
    client.bind('default', 'web', 'podlab-worker')
    const e = thrown(() => client.bind('default', 'web', 'podlab-worker2'))
    expect(e.reason).toBe('Conflict')
    expect(e.message).toBe('Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "podlab-worker"')
  })

  it('bind replaces a PodScheduled=False condition in place', () => {
    const { client, pod } = setup()
    const unschedulable = { type: 'PodScheduled', status: 'False' as const, lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'Unschedulable', message: 'no' }
    client.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions: [unschedulable] } })
    const bound = client.bind('default', 'web', 'podlab-worker')
    expect(bound.status?.conditions?.map((c) => `${c.type}=${c.status}${c.reason ?? ''}`)).toEqual(['PodScheduled=True'])
  })

  it('delete with a uid precondition that does not match is a Conflict naming the kind, in rest.BeforeDelete words', () => {
    const { client, pod } = setup()
    const e = thrown(() => client.delete('pods', 'default', 'web', { preconditions: { uid: 'not-the-uid' } }))
    expect(e.reason).toBe('Conflict')
    expect(e.message).toBe(
      `Operation cannot be fulfilled on Pod "web": the UID in the precondition (not-the-uid) does not match the UID in record (${pod.metadata.uid}). The object might have been deleted and then recreated`,
    )
    expect(client.delete('pods', 'default', 'web', { preconditions: { uid: pod.metadata.uid } }).metadata.name).toBe('web')
  })

  it('delete with a stale resourceVersion precondition is a Conflict', () => {
    const { client, pod } = setup()
    const e = thrown(() => client.delete('pods', 'default', 'web', { preconditions: { resourceVersion: '1' } }))
    expect(e.message).toBe(
      `Operation cannot be fulfilled on Pod "web": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (${pod.metadata.resourceVersion}). The object might have been modified`,
    )
  })

  it('a grace-0 delete of a pod that already has a deletionTimestamp removes it (the kubelet final delete)', () => {
    const { world, client } = setup()
    client.bind('default', 'web', 'podlab-worker')
    const terminating = client.delete('pods', 'default', 'web')
    expect(terminating.metadata.deletionTimestamp).toBe('2025-01-01T00:00:30Z')
    expect(terminating.metadata.deletionGracePeriodSeconds).toBe(30)
    // Another delete without a shorter grace changes nothing; a shorter one moves the deadline; 0 removes it.
    expect(client.delete('pods', 'default', 'web').metadata.resourceVersion).toBe(terminating.metadata.resourceVersion)
    const shorter = client.delete('pods', 'default', 'web', { gracePeriodSeconds: 5 })
    expect(shorter.metadata.deletionTimestamp).toBe('2025-01-01T00:00:05Z')
    expect(shorter.metadata.deletionGracePeriodSeconds).toBe(5)
    client.delete('pods', 'default', 'web', { gracePeriodSeconds: 0 })
    expect(world.store.get('pods', 'default', 'web')).toBeUndefined()
  })

  it('evict marks the pod DisruptionTarget (EvictionByEvictionAPI) and deletes it gracefully', () => {
    const { client } = setup()
    client.bind('default', 'web', 'podlab-worker')
    const evicted = client.evict('default', 'web') as Pod
    expect(evicted.metadata.deletionTimestamp).toBe('2025-01-01T00:00:30Z')
    expect(evicted.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    })
  })

  it('the engine may create nodes, namespaces and events, which a user cannot yet; events are validated', () => {
    const { client, pod } = setup()
    const namespace = client.create<KubeObject & { status?: unknown }>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } })
    expect(namespace.status).toEqual({ phase: 'Active' })
    const event = (namespace: string): CoreEvent => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: pod.metadata.uid },
      reason: 'Pulled',
      eventTime: null,
    })
    expect(client.create(event('default')).metadata.uid).toBeDefined()
    const e = thrown(() => client.create(event('team-a')))
    expect(e.reason).toBe('Invalid')
    expect(e.message).toBe('Event "web.1" is invalid: involvedObject.namespace: Invalid value: "default": does not match event.namespace')
  })

  it('patch: a merge patch changes a label; a stale resourceVersion in the patch is a Conflict; a failing JSON patch test is 422', () => {
    const { client, pod } = setup()
    const patched = client.patch<Pod>('pods', 'default', 'web', 'merge', { metadata: { labels: { app: 'v2' } } })
    expect(patched.metadata.labels).toEqual({ app: 'v2' })
    const stale = thrown(() => client.patch('pods', 'default', 'web', 'merge', { metadata: { resourceVersion: pod.metadata.resourceVersion, labels: { app: 'v3' } } }))
    expect(stale.reason).toBe('Conflict')
    expect(stale.message).toBe('Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again')
    const failed = thrown(() => client.patch('pods', 'default', 'web', 'json', [{ op: 'test', path: '/metadata/labels/app', value: 'v1' }]))
    expect(failed.reason).toBe('Invalid')
    expect(failed.message).toBe('the server rejected our request due to an error in our request')
  })

  it('patch is an update: a change of an immutable spec field is refused by pod update validation', () => {
    const { client } = setup()
    const e = thrown(() => client.patch('pods', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/restartPolicy', value: 'Never' }]))
    expect(e.reason).toBe('Invalid')
    expect(e.message).toMatch(/^Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than/)
  })

  it('patch with a strategic merge patch merges containers by name (the container keeps its other fields)', () => {
    const { client } = setup()
    const patched = client.patch<Pod>('pods', 'default', 'web', 'strategic', { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } })
    expect(patched.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(['nginx=nginx:1.27'])
    // A replaced container would be defaulted again for nginx:1.27 (IfNotPresent); the merged one keeps Always.
    expect(patched.spec.containers[0]?.imagePullPolicy).toBe('Always')
  })
})
