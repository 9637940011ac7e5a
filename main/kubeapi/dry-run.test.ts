// The `dryRun` query parameter (kubectl --dry-run=server): admitted and answered, nothing stored; another value is
// the options' 422 Invalid as ValidateDryRun words it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiCluster, podManifest, type ApiCluster } from './testing/api-cluster'

let c: ApiCluster
beforeAll(async () => {
  c = await apiCluster()
})
afterAll(async () => {
  await c?.close()
})

describe('dryRun=All through the door', () => {
  it('a create answers the pod as it would be stored, without resourceVersion, and stores nothing', async () => {
    const r = await c.call('POST', '/api/v1/namespaces/default/pods?dryRun=All', { body: podManifest('ghost') })
    expect(r.status).toBe(201)
    expect(r.json().metadata).toMatchObject({ name: 'ghost', namespace: 'default' })
    expect(r.json().metadata.resourceVersion).toBeUndefined()
    expect((await c.call('GET', '/api/v1/namespaces/default/pods/ghost')).status).toBe(404)
  })

  it('a patch, a scale and a delete (query or body) change nothing', async () => {
    await c.call('POST', '/api/v1/namespaces/default/pods', { body: podManifest('real') })
    const before = (await c.call('GET', '/api/v1/namespaces/default/pods/real')).json()
    const patched = await c.call('PATCH', '/api/v1/namespaces/default/pods/real?dryRun=All', { body: '{"metadata":{"labels":{"x":"y"}}}', headers: { 'Content-Type': 'application/merge-patch+json' } })
    expect([patched.status, patched.json().metadata.labels.x]).toEqual([200, 'y'])
    const deleted = await c.call('DELETE', '/api/v1/namespaces/default/pods/real', { body: '{"dryRun":["All"],"gracePeriodSeconds":0}' })
    expect(deleted.status).toBe(200)
    expect((await c.call('GET', '/api/v1/namespaces/default/pods/real')).json()).toEqual(before)
  })

  it('refuses another value with CreateOptions\' Invalid', async () => {
    const r = await c.call('POST', '/api/v1/namespaces/default/pods?dryRun=Some', { body: podManifest('nope') })
    expect([r.status, r.json().message]).toEqual([422, 'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Some"}: supported values: "All"'])
  })
})
