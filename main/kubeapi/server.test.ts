import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiCluster, deploymentManifest, podManifest, TABLE_ACCEPT, type ApiCluster } from './testing/api-cluster'

let c: ApiCluster
beforeAll(async () => {
  c = await apiCluster({ bodyLimit: 64 * 1024 })
})
afterAll(async () => {
  await c.close()
})

describe('meta paths', () => {
  it('answers /version with minor 32, which makes the gcloud dispatcher run its 1.32 kubectl', async () => {
    const reply = await c.call('GET', '/version?timeout=32s')
    expect(reply.status).toBe(200)
    expect(reply.json()).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.5' })
  })

  it.each(['/healthz', '/livez', '/readyz'])('answers %s with ok', async (path) => {
    const reply = await c.call('GET', path)
    expect([reply.status, reply.text]).toEqual([200, 'ok'])
  })

  it('lists every served group version in legacy discovery, each answering its resource list', async () => {
    const groups = (await c.call('GET', '/apis')).json().groups as Array<{ name: string; preferredVersion: { groupVersion: string } }>
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['apps', 'batch', 'events.k8s.io', 'metrics.k8s.io']))
    for (const g of groups) {
      const list = await c.call('GET', `/apis/${g.preferredVersion.groupVersion}`)
      expect(list.status).toBe(200)
      expect(list.json().resources.length).toBeGreaterThan(0)
    }
    const core = (await c.call('GET', '/api/v1')).json()
    expect(core.resources).toContainEqual(expect.objectContaining({ name: 'pods', namespaced: true, kind: 'Pod', shortNames: ['po'], categories: ['all'] }))
    expect(core.resources).toContainEqual(expect.objectContaining({ name: 'nodes', namespaced: false, kind: 'Node' }))
  })

  it('gives aggregated discovery only with its media type parameters, in the version the client asked for first', async () => {
    const v2 = await c.call('GET', '/apis', { headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json' } })
    expect(v2.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')
    expect(v2.json().apiVersion).toBe('apidiscovery.k8s.io/v2')
    // kubectl 1.27 asks for v2beta1 only, and breaks on a v2 document.
    const beta = await c.call('GET', '/api', { headers: { Accept: 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json' } })
    expect(beta.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList')
    const core = beta.json().items[0]
    expect(core.metadata.name).toBeUndefined()
    expect(core.versions[0].resources).toContainEqual(expect.objectContaining({ resource: 'pods', scope: 'Namespaced', responseKind: { group: '', version: 'v1', kind: 'Pod' } }))
    const legacy = await c.call('GET', '/api', { headers: { Accept: 'application/json' } })
    expect(legacy.json()).toMatchObject({ kind: 'APIVersions', versions: ['v1'] })
  })

  it('answers /openapi/v2 with an empty 200 and /openapi/v3 with the bundled 1.32 documents, whose PATCH takes fieldValidation (kubectl-wire.md §7)', async () => {
    const v2 = await c.call('GET', '/openapi/v2?timeout=32s')
    expect([v2.status, v2.text, v2.headers['content-type']]).toEqual([200, '', 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'])
    const root = (await c.call('GET', '/openapi/v3')).json()
    const url = root.paths['api/v1'].serverRelativeURL as string
    expect(url).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/)
    const doc = (await c.call('GET', url)).json()
    const patch = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: '', version: 'v1', kind: 'Pod' })
    expect(patch.parameters).toEqual([expect.objectContaining({ name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } })])
    expect(doc.components.schemas['io.k8s.api.core.v1.Pod'].description).toMatch(/^Pod is a collection of containers/)
    expect((await c.call('GET', '/openapi/v3/apis/nothing/v1')).status).toBe(404)
  })

  it('reads a request whose headers pass Node\'s 16 KiB default, up to Go\'s 1 MiB (a long bearer token)', async () => {
    const reply = await c.call('GET', '/version', { headers: { 'X-Padding': 'x'.repeat(64 * 1024) } })
    expect(reply.status).toBe(200)
  })

  it('answers an unknown path with a 404 Status', async () => {
    const reply = await c.call('GET', '/api/v1/nothings')
    expect(reply.status).toBe(404)
    expect(reply.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 })
    expect((await c.call('GET', '/nowhere')).status).toBe(404)
  })
})

describe('objects', () => {
  it('creates a pod (201), reads it back, and lists it as a PodList or, asked for, as a Table', async () => {
    const created = await c.call('POST', '/api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict', { body: podManifest('web') })
    expect(created.status).toBe(201)
    expect(created.json().metadata).toMatchObject({ name: 'web', namespace: 'default' })
    const got = (await c.call('GET', '/api/v1/namespaces/default/pods/web')).json()
    expect(got).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { uid: created.json().metadata.uid } })
    const list = (await c.call('GET', '/api/v1/namespaces/default/pods')).json()
    expect(list.kind).toBe('PodList')
    expect(list.items.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual(['web'])
    expect(list.items[0].kind).toBeUndefined()
    const table = (await c.call('GET', '/api/v1/namespaces/default/pods?limit=500', { headers: { Accept: TABLE_ACCEPT } })).json()
    expect(table.kind).toBe('Table')
    expect(table.columnDefinitions.map((d: { name: string }) => d.name).slice(0, 5)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age'])
    expect(table.rows[0].cells[0]).toBe('web')
    // includeObject=Metadata (the default): the whole ObjectMeta, which -A, --show-labels and -L read.
    expect(table.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { labels: { run: 'web' }, namespace: 'default' } })
    expect(table.metadata.resourceVersion).toBe(list.metadata.resourceVersion)
  })

  it('refuses a create that repeats a name with the API server 409 AlreadyExists', async () => {
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('twice') })
    const again = await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('twice') })
    expect(again.status).toBe(409)
    expect(again.json()).toMatchObject({ reason: 'AlreadyExists', message: 'pods "twice" already exists' })
  })

  it('refuses an update with a stale resourceVersion with 409 Conflict in the storage layer words', async () => {
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('stale') })
    // Read back: the scheduler has bound the pod within the create's own instant (a new resourceVersion).
    const pod = (await c.call('GET', '/api/v1/namespaces/default/pods/stale')).json()
    const relabelled = { ...pod, metadata: { ...pod.metadata, labels: { run: 'stale', v: '2' } } }
    expect((await c.call('PUT', '/api/v1/namespaces/default/pods/stale', { body: JSON.stringify(relabelled) })).status).toBe(200)
    const reply = await c.call('PUT', '/api/v1/namespaces/default/pods/stale', { body: JSON.stringify(relabelled) })
    expect(reply.status).toBe(409)
    expect(reply.json()).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on pods "stale": the object has been modified; please apply your changes to the latest version and try again',
    })
  })

  it('patches with merge, JSON and strategic merge patches and refuses other content types with 415', async () => {
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('patched') })
    const merge = await c.call('PATCH', '/api/v1/namespaces/default/pods/patched', { body: '{"metadata":{"labels":{"a":"1"}}}', headers: { 'Content-Type': 'application/merge-patch+json' } })
    expect(merge.json().metadata.labels).toEqual({ run: 'patched', a: '1' })
    const json = await c.call('PATCH', '/api/v1/namespaces/default/pods/patched', { body: '[{"op":"remove","path":"/metadata/labels/a"}]', headers: { 'Content-Type': 'application/json-patch+json' } })
    expect(json.json().metadata.labels).toEqual({ run: 'patched' })
    const smp = await c.call('PATCH', '/api/v1/namespaces/default/pods/patched', {
      body: '{"spec":{"containers":[{"name":"c","image":"nginx:1.27"}]}}',
      headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
    })
    expect(smp.status).toBe(200)
    expect(smp.json().spec.containers).toHaveLength(1)
    expect(smp.json().spec.containers[0].image).toBe('nginx:1.27')
    const other = await c.call('PATCH', '/api/v1/namespaces/default/pods/patched', { body: '{}', headers: { 'Content-Type': 'text/plain' } })
    expect(other.status).toBe(415)
    expect(other.json().reason).toBe('UnsupportedMediaType')
  })

  it('deletes a pod answering with the pod, and honours a stale precondition with 409', async () => {
    const pod = (await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('gone') })).json()
    const stale = await c.call('DELETE', '/api/v1/namespaces/default/pods/gone', { body: JSON.stringify({ preconditions: { resourceVersion: '1' } }) })
    expect(stale.status).toBe(409)
    expect(stale.json().message).toContain('the ResourceVersion in the precondition (1) does not match the ResourceVersion in record')
    const deleted = await c.call('DELETE', '/api/v1/namespaces/default/pods/gone', { body: JSON.stringify({ gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } }) })
    expect(deleted.status).toBe(200)
    expect(deleted.json()).toMatchObject({ kind: 'Pod', metadata: { name: 'gone' } })
    expect((await c.call('GET', '/api/v1/namespaces/default/pods/gone')).json()).toMatchObject({ reason: 'NotFound', message: 'pods "gone" not found', code: 404 })
  })

  it('refuses an unknown propagationPolicy as DeleteOptions validation does (422)', async () => {
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('policy') })
    const reply = await c.call('DELETE', '/api/v1/namespaces/default/pods/policy', { body: '{"propagationPolicy":"Sometimes"}' })
    expect(reply.status).toBe(422)
    expect(reply.json().message).toBe('DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sometimes": supported values: "Foreground", "Background", "Orphan", "nil"')
  })

  it('deletes a collection by label selector and answers with the deleted objects', async () => {
    for (const n of ['dc-1', 'dc-2']) await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest(n, { group: 'dc' }) })
    const reply = await c.call('DELETE', '/api/v1/namespaces/default/pods?labelSelector=group%3Ddc', { body: '{"gracePeriodSeconds":0}' })
    expect(reply.json().items.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual(['dc-1', 'dc-2'])
    expect((await c.call('GET', '/api/v1/namespaces/default/pods?labelSelector=group%3Ddc')).json().items).toEqual([])
  })

  it('pages a list with limit and continue, and counts what remains', async () => {
    const first = (await c.call('GET', '/api/v1/namespaces/kube-system/pods?limit=5')).json()
    expect(first.items).toHaveLength(5)
    expect(first.metadata.remainingItemCount).toBeGreaterThan(0)
    const all = (await c.call('GET', '/api/v1/namespaces/kube-system/pods')).json().items.map((p: { metadata: { name: string } }) => p.metadata.name)
    const names: string[] = first.items.map((p: { metadata: { name: string } }) => p.metadata.name)
    let token: string | undefined = first.metadata.continue
    while (token) {
      const page = (await c.call('GET', `/api/v1/namespaces/kube-system/pods?limit=5&continue=${token}`)).json()
      names.push(...page.items.map((p: { metadata: { name: string } }) => p.metadata.name))
      token = page.metadata.continue
    }
    expect(names).toEqual(all)
    const bad = await c.call('GET', '/api/v1/namespaces/kube-system/pods?limit=5&continue=!!')
    expect([bad.status, bad.json().reason]).toEqual([400, 'BadRequest'])
  })

  it('filters by field selector, and refuses a field the kind does not select by as the API server does', async () => {
    const nodes = (await c.call('GET', '/api/v1/nodes?fieldSelector=metadata.name%3Dpodlab-worker')).json().items
    expect(nodes.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual(['podlab-worker'])
    const bad = await c.call('GET', '/api/v1/namespaces/default/pods?fieldSelector=spec.image%3Dx')
    expect(bad.status).toBe(400)
    expect(bad.json().message).toBe('field label not supported: spec.image')
  })

  it('reads and writes a Deployment through its scale subresource', async () => {
    expect((await c.call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: deploymentManifest('web') })).status).toBe(201)
    const scale = (await c.call('GET', '/apis/apps/v1/namespaces/default/deployments/web/scale')).json()
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 }, status: { selector: 'app=web' } })
    const patched = await c.call('PATCH', '/apis/apps/v1/namespaces/default/deployments/web/scale', { body: '{"spec":{"replicas":3}}', headers: { 'Content-Type': 'application/merge-patch+json' } })
    expect(patched.json().spec.replicas).toBe(3)
    expect((await c.call('GET', '/apis/apps/v1/namespaces/default/deployments/web')).json().spec.replicas).toBe(3)
    const stale = await c.call('PUT', '/apis/apps/v1/namespaces/default/deployments/web/scale', { body: JSON.stringify({ ...scale, spec: { replicas: 2 } }) })
    expect([stale.status, stale.json().reason]).toEqual([409, 'Conflict'])
  })

  it('answers a DELETE of a Deployment that is gone with a Success Status naming it', async () => {
    const reply = await c.call('DELETE', '/apis/apps/v1/namespaces/default/deployments/web', { body: '{"propagationPolicy":"Background"}' })
    expect(reply.json()).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'web', group: 'apps', kind: 'deployments' } })
  })

  it('serves a container log as text, its tail, and a missing pod as the Status kubectl words', async () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'talker' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo one; echo two; sleep 3600'] }] } }
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: JSON.stringify(pod) })
    c.engine.advance(20_000)
    const log = await c.call('GET', '/api/v1/namespaces/default/pods/talker/log?container=c')
    expect([log.status, log.headers['content-type'], log.text]).toEqual([200, 'text/plain', 'one\ntwo\n'])
    expect((await c.call('GET', '/api/v1/namespaces/default/pods/talker/log?tailLines=1')).text).toBe('two\n')
    const missing = await c.call('GET', '/api/v1/namespaces/default/pods/nope/log')
    expect([missing.status, missing.json().message]).toEqual([404, 'pods "nope" not found'])
  })

  it('evicts a pod through pods/eviction with a Success Status (201)', async () => {
    const reply = await c.call('POST', '/api/v1/namespaces/default/pods/talker/eviction', {
      body: JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'talker', namespace: 'default' }, deleteOptions: { gracePeriodSeconds: 0 } }),
    })
    expect([reply.status, reply.json().status]).toEqual([201, 'Success'])
    expect((await c.call('GET', '/api/v1/namespaces/default/pods/talker')).status).toBe(404)
  })

  it('refuses verbs a read-only kind does not serve with 405', async () => {
    const reply = await c.call('DELETE', '/apis/metrics.k8s.io/v1beta1/nodes/podlab-worker')
    expect([reply.status, reply.json().reason]).toEqual([405, 'MethodNotAllowed'])
  })
})

describe('bad input', () => {
  it('refuses a body that is not JSON with transformDecodeError words and Go\'s JSON error', async () => {
    const reply = await c.call('POST', '/api/v1/namespaces/default/pods', { body: 'xyz' })
    expect(reply.status).toBe(400)
    expect(reply.json().message).toBe("the object provided is unrecognized (must be of type Pod): couldn't get version/kind; json parse error: invalid character 'x' looking for beginning of value (78797a)")
    const cut = await c.call('POST', '/api/v1/namespaces/default/pods', { body: '{"kind":' })
    expect(cut.json().message).toBe('the object provided is unrecognized (must be of type Pod): couldn\'t get version/kind; json parse error: unexpected end of JSON input ({"kind":)')
  })

  it('refuses an unknown field under fieldValidation=Strict with the strict decoding error', async () => {
    const body = JSON.stringify({ ...JSON.parse(podManifest('strict')), extra: 1 })
    const reply = await c.call('POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', { body })
    expect(reply.status).toBe(400)
    expect(reply.json().message).toContain('strict decoding error: unknown field "extra"')
  })

  it('refuses a body over the limit with 413 and stays up', async () => {
    const reply = await c.call('POST', '/api/v1/namespaces/default/pods', { body: Buffer.alloc(70 * 1024, 0x20) })
    expect(reply.status).toBe(413)
    expect(reply.json()).toMatchObject({ reason: 'RequestEntityTooLarge', message: 'Request entity too large: limit is 65536' })
    expect((await c.call('GET', '/version')).status).toBe(200)
  })

  it('stays up when a client goes away in the middle of its body', async () => {
    const { connect } = await import('node:net')
    const port = Number(new URL(c.api.url).port)
    await new Promise<void>((done) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('POST /api/v1/namespaces/default/pods HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"kind":"Po')
        setTimeout(() => socket.destroy(), 20)
        socket.on('close', () => done())
      })
    })
    expect((await c.call('GET', '/api/v1/namespaces/default/pods/web')).status).toBe(200)
  })

  it('refuses a body whose namespace differs from the URL', async () => {
    const body = JSON.stringify({ ...JSON.parse(podManifest('elsewhere')), metadata: { name: 'elsewhere', namespace: 'kube-system' } })
    const reply = await c.call('POST', '/api/v1/namespaces/default/pods', { body })
    expect(reply.json().message).toBe('the namespace of the provided object does not match the namespace sent on the request')
  })

  it('serves server-side apply (apply.test.ts has its rules)', async () => {
    const reply = await c.call('PATCH', '/api/v1/namespaces/default/pods/web?fieldManager=kubectl', { body: podManifest('web'), headers: { 'Content-Type': 'application/apply-patch+yaml' } })
    expect(reply.status).toBe(200)
    expect(reply.json().metadata.managedFields.some((m: { manager: string; operation: string }) => m.manager === 'kubectl' && m.operation === 'Apply')).toBe(true)
  })
})
