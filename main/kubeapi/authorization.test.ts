// The self reviews `kubectl auth can-i` sends: kind's admin may do everything, and its rules are the recorded ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import adminRules from '../kubectl/cmd/auth/admin-rules.json'
import { apiCluster, type ApiCluster } from './testing/api-cluster'

let c: ApiCluster
beforeAll(async () => {
  c = await apiCluster()
})
afterAll(async () => {
  await c?.close()
})

describe('authorization.k8s.io self reviews', () => {
  it('allows an access review and sends its spec back', async () => {
    const spec = { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } }
    const r = await c.call('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { body: JSON.stringify({ kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', spec }) })
    expect([r.status, r.json()]).toEqual([201, { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { creationTimestamp: null }, spec, status: { allowed: true } }])
  })

  it('answers a rules review with the admin rules', async () => {
    const r = await c.call('POST', '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', { body: JSON.stringify({ spec: { namespace: 'default' } }) })
    expect([r.status, r.json().status]).toEqual([201, adminRules])
  })

  it('refuses a GET (create is their one verb)', async () => {
    expect((await c.call('GET', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews')).status).toBe(405)
  })
})
