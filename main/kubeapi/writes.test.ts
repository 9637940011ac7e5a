// The door's remaining writes: the status subresource, pods/binding, dryRun=All, fieldValidation and delete
// preconditions, with the API server's codes and texts.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiCluster, deploymentManifest, podManifest, type ApiCluster } from './testing/api-cluster'

let c: ApiCluster
beforeAll(async () => {
  c = await apiCluster()
})
afterAll(async () => {
  await c.close()
})

const MERGE = { 'Content-Type': 'application/merge-patch+json' }
const pods = '/api/v1/namespaces/default/pods'

/** A pod left to a scheduler of its own: Podlab's scheduler does not bind it, as a learner's custom scheduler would. */
function customScheduled(name: string): string {
  return JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { schedulerName: 'my-scheduler', containers: [{ name: 'c', image: 'nginx' }] } })
}

describe('the status subresource', () => {
  it('PUT .../status changes the status only: a label sent with it is dropped, the status condition kept', async () => {
    await c.call('POST', pods, { body: customScheduled('st-put') })
    const pod = (await c.call('GET', `${pods}/st-put`)).json()
    const sent = {
      ...pod,
      metadata: { ...pod.metadata, labels: { sneaked: 'in' } },
      status: { ...pod.status, conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'waiting for my-scheduler' }] },
    }
    const reply = await c.call('PUT', `${pods}/st-put/status`, { body: JSON.stringify(sent) })
    expect(reply.status).toBe(200)
    expect(reply.json().metadata.labels).toBeUndefined()
    expect(reply.json().status.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' })])
    const stored = (await c.call('GET', `${pods}/st-put`)).json()
    expect(stored.metadata.labels).toBeUndefined()
    expect(stored.status.conditions[0].message).toBe('waiting for my-scheduler')
  })

  it('PATCH .../status merges into the status and leaves a spec change in the same patch out', async () => {
    await c.call('POST', pods, { body: customScheduled('st-patch') })
    const patch = { spec: { activeDeadlineSeconds: 5 }, status: { message: 'hello from a controller' } }
    const reply = await c.call('PATCH', `${pods}/st-patch/status`, { body: JSON.stringify(patch), headers: MERGE })
    expect(reply.status).toBe(200)
    expect(reply.json().status.message).toBe('hello from a controller')
    expect(reply.json().spec.activeDeadlineSeconds).toBeUndefined()
  })

  it('PUT .../status with a stale resourceVersion is the storage layer 409 Conflict', async () => {
    await c.call('POST', pods, { body: customScheduled('st-stale') })
    const pod = (await c.call('GET', `${pods}/st-stale`)).json()
    await c.call('PATCH', `${pods}/st-stale/status`, { body: '{"status":{"message":"first"}}', headers: MERGE })
    const reply = await c.call('PUT', `${pods}/st-stale/status`, { body: JSON.stringify({ ...pod, status: { message: 'second' } }) })
    expect(reply.status).toBe(409)
    expect(reply.json().message).toBe(
      'Operation cannot be fulfilled on pods "st-stale": the object has been modified; please apply your changes to the latest version and try again',
    )
  })

  it('a kind without a status subresource answers its status path with 404', async () => {
    await c.call('POST', '/api/v1/namespaces/default/configmaps', { body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: '1' } }) })
    const reply = await c.call('PATCH', '/api/v1/namespaces/default/configmaps/cm/status', { body: '{"data":{"a":"2"}}', headers: MERGE })
    expect([reply.status, reply.json().reason]).toEqual([404, 'NotFound'])
  })
})

describe('pods/binding', () => {
  const binding = (name: string, target: Record<string, unknown>, metadata: Record<string, unknown> = {}) =>
    JSON.stringify({ apiVersion: 'v1', kind: 'Binding', metadata: { name, ...metadata }, target })

  it('binds a pod a custom scheduler placed (201 Success), and the kubelet starts it', async () => {
    await c.call('POST', pods, { body: customScheduled('bound') })
    const reply = await c.call('POST', `${pods}/bound/binding`, { body: binding('bound', { apiVersion: 'v1', kind: 'Node', name: 'podlab-worker' }, { annotations: { 'example.com/by': 'my-scheduler' } }) })
    expect(reply.status).toBe(201)
    expect(reply.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 })
    c.engine.advance(30_000)
    const pod = (await c.call('GET', `${pods}/bound`)).json()
    expect(pod.spec.nodeName).toBe('podlab-worker')
    expect(pod.metadata.annotations).toEqual({ 'example.com/by': 'my-scheduler' })
    expect(pod.status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }))
    expect(pod.status.phase).toBe('Running')
  })

  it('refuses a second binding with the registry Conflict on pods/binding', async () => {
    const reply = await c.call('POST', `${pods}/bound/binding`, { body: binding('bound', { kind: 'Node', name: 'podlab-control-plane' }) })
    expect(reply.status).toBe(409)
    expect(reply.json()).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on pods/binding "bound": pod bound is already assigned to node "podlab-worker"',
      details: { name: 'bound', kind: 'pods/binding' },
    })
  })

  it('refuses a Binding named otherwise than the URL with 400', async () => {
    await c.call('POST', pods, { body: customScheduled('unnamed') })
    const reply = await c.call('POST', `${pods}/unnamed/binding`, { body: binding('other', { name: 'podlab-worker' }) })
    expect([reply.status, reply.json().message]).toEqual([400, 'name in URL does not match name in Binding object'])
  })

  it('answers ValidatePodBinding errors as the aggregate the API server turns into a 500 without a reason', async () => {
    const reply = await c.call('POST', `${pods}/unnamed/binding`, { body: binding('unnamed', { kind: 'Pod' }) })
    expect(reply.status).toBe(500)
    expect(reply.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: '[target.kind: Unsupported value: "Pod": supported values: "Node", "<empty>", target.name: Required value]',
      code: 500,
    })
  })

  it('checks the Binding uid as a precondition on the pod (409 on pods, with the storage error)', async () => {
    const reply = await c.call('POST', `${pods}/unnamed/binding`, { body: binding('unnamed', { name: 'podlab-worker' }, { uid: 'not-the-uid' }) })
    expect(reply.status).toBe(409)
    const uid = (await c.call('GET', `${pods}/unnamed`)).json().metadata.uid
    expect(reply.json().message).toBe(
      `Operation cannot be fulfilled on pods "unnamed": StorageError: invalid object, Code: 4, Key: /registry/pods/default/unnamed, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: not-the-uid, UID in object meta: ${uid}`,
    )
  })

  it('says a missing pod is not found', async () => {
    const reply = await c.call('POST', `${pods}/nobody/binding`, { body: binding('nobody', { name: 'podlab-worker' }) })
    expect([reply.status, reply.json().message]).toEqual([404, 'pods "nobody" not found'])
  })
})

describe('dryRun=All', () => {
  it('creates nothing: the answer is the pod as it would be stored, without a resourceVersion, and the list does not change', async () => {
    const before = (await c.call('GET', pods)).json().metadata.resourceVersion
    const reply = await c.call('POST', `${pods}?dryRun=All`, { body: podManifest('dry') })
    expect(reply.status).toBe(201)
    expect(reply.json().metadata).toMatchObject({ name: 'dry', namespace: 'default', uid: expect.any(String) })
    expect(reply.json().metadata.resourceVersion).toBeUndefined()
    expect((await c.call('GET', `${pods}/dry`)).status).toBe(404)
    expect((await c.call('GET', pods)).json().metadata.resourceVersion).toBe(before)
  })

  it('patches, updates and deletes nothing, answering as the write would have', async () => {
    await c.call('POST', pods, { body: podManifest('kept') })
    const stored = (await c.call('GET', `${pods}/kept`)).json()
    const patched = await c.call('PATCH', `${pods}/kept?dryRun=All`, { body: '{"metadata":{"labels":{"dry":"yes"}}}', headers: MERGE })
    expect(patched.json().metadata.labels).toEqual({ run: 'kept', dry: 'yes' })
    const updated = await c.call('PUT', `${pods}/kept?dryRun=All`, { body: JSON.stringify({ ...stored, metadata: { ...stored.metadata, labels: { v: '2' } } }) })
    expect(updated.json().metadata.labels).toEqual({ v: '2' })
    const deleted = await c.call('DELETE', `${pods}/kept?dryRun=All`)
    expect(deleted.status).toBe(200)
    expect(deleted.json().metadata.deletionTimestamp).toEqual(expect.any(String))
    const after = (await c.call('GET', `${pods}/kept`)).json()
    expect(after.metadata).toEqual(stored.metadata)
  })

  it('takes dryRun from a DELETE body (DeleteOptions) too', async () => {
    const reply = await c.call('DELETE', `${pods}/kept`, { body: '{"dryRun":["All"],"gracePeriodSeconds":0}' })
    expect(reply.status).toBe(200)
    expect((await c.call('GET', `${pods}/kept`)).status).toBe(200)
  })

  it('refuses a value other than All with 422 on the options kind', async () => {
    const reply = await c.call('POST', `${pods}?dryRun=Some`, { body: podManifest('dry') })
    expect(reply.status).toBe(422)
    expect(reply.json()).toMatchObject({
      reason: 'Invalid',
      message: 'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Some"}: supported values: "All"',
      details: { group: 'meta.k8s.io', kind: 'CreateOptions', causes: [{ reason: 'FieldValueNotSupported', field: 'dryRun' }] },
    })
    const del = await c.call('DELETE', `${pods}/kept?dryRun=All&dryRun=Half`)
    expect(del.json().message).toBe('DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"All", "Half"}: supported values: "All"')
  })

  it('runs a scale write dry: the Scale answers the new replicas, the Deployment keeps its own', async () => {
    await c.call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deploymentManifest('dry-web') })
    const reply = await c.call('PATCH', '/apis/apps/v1/namespaces/default/deployments/dry-web/scale?dryRun=All', { body: '{"spec":{"replicas":4}}', headers: MERGE })
    expect(reply.json().spec.replicas).toBe(4)
    expect((await c.call('GET', '/apis/apps/v1/namespaces/default/deployments/dry-web')).json().spec.replicas).toBe(1)
  })
})

describe('fieldValidation', () => {
  const withExtra = (name: string) => JSON.stringify({ ...JSON.parse(podManifest(name)), spec: { containers: [{ name: 'c', image: 'nginx', imagePullPolicyy: 'Always' }] } })

  it('Warn (and none sent) drops the unknown field and says so in a Warning header kubectl prints', async () => {
    const reply = await c.call('POST', `${pods}?fieldValidation=Warn`, { body: withExtra('warned') })
    expect(reply.status).toBe(201)
    expect(reply.headers.warning).toBe('299 - "unknown field \\"spec.containers[0].imagePullPolicyy\\""')
    expect(reply.json().spec.containers[0].imagePullPolicyy).toBeUndefined()
    const none = await c.call('POST', pods, { body: withExtra('warned-too') })
    expect(none.headers.warning).toBe('299 - "unknown field \\"spec.containers[0].imagePullPolicyy\\""')
  })

  it('Ignore drops it silently; Strict refuses it', async () => {
    const ignored = await c.call('POST', `${pods}?fieldValidation=Ignore`, { body: withExtra('ignored') })
    expect([ignored.status, ignored.headers.warning]).toEqual([201, undefined])
    const strict = await c.call('POST', `${pods}?fieldValidation=Strict`, { body: withExtra('strict') })
    expect(strict.status).toBe(400)
    expect(strict.json().message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolicyy"')
  })

  it('refuses another value with the options validation 422', async () => {
    const reply = await c.call('PATCH', `${pods}/warned?fieldValidation=Loose`, { body: '{}', headers: MERGE })
    expect(reply.status).toBe(422)
    expect(reply.json().message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"')
  })
})
