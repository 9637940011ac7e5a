// Request bodies through the door: protobuf bodies (kubectl 1.32/1.33's typed-client calls, captured in
// protobuf/testdata) make the very objects their JSON twins (kubectl 1.31's bodies) make, in two clusters of the
// same seed; bad protobuf is a 400 with the API server's words; the subresources take protobuf too.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summarizeData } from './body'
import { apiCluster, type ApiCluster } from './testing/api-cluster'
import { encodeProtobufObject, PROTOBUF } from './testing/protobuf'

const TESTDATA = join(__dirname, 'protobuf', 'testdata')
const capture = (name: string) => readFileSync(join(TESTDATA, name))

let viaProtobuf: ApiCluster
let viaJson: ApiCluster
beforeAll(async () => {
  viaProtobuf = await apiCluster()
  viaJson = await apiCluster()
})
afterAll(async () => {
  await viaProtobuf?.close()
  await viaJson?.close()
})

/** [capture name, collection URL, resource, group, namespace, name] of each command kubectl 1.32 sends as protobuf. */
const COMMANDS: Array<[string, string, string, string, string | undefined, string]> = [
  ['create-namespace', '/api/v1/namespaces', 'namespaces', '', undefined, 'ns-t'],
  ['create-deployment-web', '/apis/apps/v1/namespaces/default/deployments', 'deployments', 'apps', 'default', 'web-t'],
  ['create-deployment-replicas0-port80', '/apis/apps/v1/namespaces/default/deployments', 'deployments', 'apps', 'default', 'web2-t'],
  ['create-job-command', '/apis/batch/v1/namespaces/default/jobs', 'jobs', 'batch', 'default', 'job-t'],
  ['create-configmap-empty-value', '/api/v1/namespaces/default/configmaps', 'configmaps', '', 'default', 'cm-t'],
  ['create-secret-generic', '/api/v1/namespaces/default/secrets', 'secrets', '', 'default', 'sec-t'],
  ['create-secret-docker-registry', '/api/v1/namespaces/default/secrets', 'secrets', '', 'default', 'dr-t'],
]

describe('a protobuf create', () => {
  for (const [capture_, url, resource, group, namespace, name] of COMMANDS) {
    it(`stores ${capture_} from kubectl 1.32's protobuf body as the same object as from kubectl 1.31's JSON`, async () => {
      const query = '?fieldManager=kubectl-create&fieldValidation=Strict'
      const headers = { Accept: `${PROTOBUF},application/json` }
      const pb = await viaProtobuf.call('POST', url + query, { body: capture(`${capture_}.kubectl-1.32.pb`), headers: { ...headers, 'Content-Type': PROTOBUF } })
      const json = await viaJson.call('POST', url + query, { body: capture(`${capture_}.kubectl-1.31.json`), headers })
      expect([pb.status, pb.headers['content-type']]).toEqual([201, 'application/json'])
      expect(pb.json()).toEqual(json.json())
      expect(viaProtobuf.engine.get(resource, namespace, name, group)).toEqual(viaJson.engine.get(resource, namespace, name, group))
    })
  }

  it('answers a cut-off body with 400 and transformDecodeError\'s words (the summary in hex)', async () => {
    const cut = capture('create-deployment-web.kubectl-1.33.pb').subarray(0, 40)
    const reply = await viaProtobuf.call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: cut, headers: { 'Content-Type': PROTOBUF } })
    expect(reply.status).toBe(400)
    expect(reply.json()).toMatchObject({
      kind: 'Status',
      reason: 'BadRequest',
      code: 400,
      message: `the object provided is unrecognized (must be of type Deployment): unexpected EOF (${cut.subarray(0, 30).toString('hex')} ...)`,
    })
    expect(summarizeData(cut)).toBe(`${cut.subarray(0, 30).toString('hex')} ...`)
  })

  it('answers a JSON body sent as protobuf with the serializer\'s prefix error', async () => {
    const body = Buffer.from('{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x"}}')
    const reply = await viaProtobuf.call('POST', '/api/v1/namespaces', { body, headers: { 'Content-Type': PROTOBUF } })
    expect([reply.status, reply.json().message]).toEqual([
      400,
      'the object provided is unrecognized (must be of type Namespace): provided data does not appear to be a protobuf message, expected prefix [107 56 115 0] ({"kind":"Namespace","apiVersio ...)',
    ])
  })

  it('answers a kind the group version lacks as the API server does, and a Pod posted to deployments with the group-version mismatch', async () => {
    const pod = await encodeProtobufObject('k8s.io.api.core.v1.Pod', { apiVersion: 'apps/v1', kind: 'Pod' }, { metadata: { name: 'p' } })
    const lacking = await viaProtobuf.call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: pod, headers: { 'Content-Type': PROTOBUF } })
    expect([lacking.status, lacking.json().message]).toEqual([
      400,
      'Pod in version "v1" cannot be handled as a Deployment: no kind "Pod" is registered for version "apps/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    ])
    const corePod = await encodeProtobufObject('k8s.io.api.core.v1.Pod', { apiVersion: 'v1', kind: 'Pod' }, { metadata: { name: 'p' } })
    const mismatch = await viaProtobuf.call('POST', '/apis/apps/v1/namespaces/default/deployments', { body: corePod, headers: { 'Content-Type': PROTOBUF } })
    expect([mismatch.status, mismatch.json().message]).toEqual([400, 'the API version in the data (v1) does not match the expected API version (apps/v1)'])
  })

  it('words a YAML body that does not parse in go-yaml\'s words (the real kubectl 1.32 says `line 6: did not find expected key` for this document: kubectl/testdata/apply-syntax-second)', async () => {
    const body = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: second\n  labels:\n    app: web\n   tier: front\nspec: {}\n'
    const reply = await viaJson.call('POST', '/api/v1/namespaces/default/pods', { body, headers: { 'Content-Type': 'application/yaml' } })
    expect(reply.status).toBe(400)
    expect(reply.json().message).toMatch(/^the object provided is unrecognized \(must be of type Pod\): error converting YAML to JSON: yaml: line 6: did not find expected key \(/)
  })

  it('lists protobuf among the media types a 415 names', async () => {
    const reply = await viaProtobuf.call('POST', '/api/v1/namespaces', { body: 'x', headers: { 'Content-Type': 'text/plain' } })
    expect([reply.status, reply.json().message]).toEqual([
      415,
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    ])
  })
})

describe('a client that accepts protobuf only', () => {
  it('gets JSON, labelled application/json (client-go decodes by Content-Type)', async () => {
    const reply = await viaProtobuf.call('GET', '/api/v1/namespaces/default', { headers: { Accept: PROTOBUF } })
    expect([reply.status, reply.headers['content-type'], reply.json().kind]).toEqual([200, 'application/json', 'Namespace'])
  })
})

describe('a protobuf DELETE body', () => {
  const createPod = async (name: string) => {
    const created = await viaProtobuf.call('POST', '/api/v1/namespaces/default/pods', {
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }),
    })
    expect(created.status).toBe(201)
  }

  it('deletes a pod with the DeleteOptions kubectl 1.32 drain --disable-eviction sends in protobuf', async () => {
    await createPod('drained')
    const body = capture('drain-disable-eviction-delete.kubectl-1.32.pb')
    const reply = await viaProtobuf.call('DELETE', '/api/v1/namespaces/default/pods/drained', { body, headers: { 'Content-Type': PROTOBUF } })
    // Before the door read protobuf here: 400 `couldn't get version/kind; json parse error: invalid character 'k'...`.
    expect([reply.status, reply.json().metadata.name]).toEqual([200, 'drained'])
  })

  it('takes the options a protobuf DeleteOptions carries (gracePeriodSeconds 0 deletes at once)', async () => {
    await createPod('at-once')
    const body = await encodeProtobufObject('k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions', { apiVersion: 'v1', kind: 'DeleteOptions' }, { gracePeriodSeconds: 0 })
    const reply = await viaProtobuf.call('DELETE', '/api/v1/namespaces/default/pods/at-once', { body, headers: { 'Content-Type': PROTOBUF } })
    expect(reply.status).toBe(200)
    expect(() => viaProtobuf.engine.get('pods', 'default', 'at-once')).toThrow(/not found/)
  })

  it('refuses another kind than DeleteOptions', async () => {
    await createPod('kept')
    const body = await encodeProtobufObject('k8s.io.api.core.v1.Pod', { apiVersion: 'v1', kind: 'Pod' }, {})
    const reply = await viaProtobuf.call('DELETE', '/api/v1/namespaces/default/pods/kept', { body, headers: { 'Content-Type': PROTOBUF } })
    expect([reply.status, reply.json().message]).toEqual([400, 'decoded object cannot be converted to DeleteOptions'])
  })
})

describe('protobuf bodies of subresources', () => {
  it('scales a deployment by a protobuf autoscaling/v1 Scale', async () => {
    const scale = await encodeProtobufObject('k8s.io.api.autoscaling.v1.Scale', { apiVersion: 'autoscaling/v1', kind: 'Scale' }, { metadata: { name: 'web-t', namespace: 'default' }, spec: { replicas: 3 } })
    const reply = await viaProtobuf.call('PUT', '/apis/apps/v1/namespaces/default/deployments/web-t/scale', { body: scale, headers: { 'Content-Type': PROTOBUF } })
    expect([reply.status, reply.json().spec]).toEqual([200, { replicas: 3 }])
    expect(viaProtobuf.engine.get('deployments', 'default', 'web-t', 'apps').spec).toMatchObject({ replicas: 3 })
  })

  it('evicts a pod by a protobuf policy/v1 Eviction', async () => {
    const created = await viaProtobuf.call('POST', '/api/v1/namespaces/default/pods', {
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'evictee' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }),
    })
    expect(created.status).toBe(201)
    const eviction = await encodeProtobufObject('k8s.io.api.policy.v1.Eviction', { apiVersion: 'policy/v1', kind: 'Eviction' }, { metadata: { name: 'evictee', namespace: 'default' }, deleteOptions: { gracePeriodSeconds: 0 } })
    const reply = await viaProtobuf.call('POST', '/api/v1/namespaces/default/pods/evictee/eviction', { body: eviction, headers: { 'Content-Type': PROTOBUF } })
    expect([reply.status, reply.json().status]).toEqual([201, 'Success'])
    expect(() => viaProtobuf.engine.get('pods', 'default', 'evictee')).toThrow(/not found/)
  })
})
