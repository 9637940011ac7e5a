import { describe, expect, it } from 'vitest'
import { resourceRequest } from './request-info'

describe('resourceRequest (apiserver RequestInfoFactory)', () => {
  it.each([
    ['GET', '/api/v1/namespaces/default/pods', false, { group: '', version: 'v1', namespace: 'default', resource: 'pods', verb: 'list' }],
    ['GET', '/api/v1/namespaces/default/pods', true, { group: '', version: 'v1', namespace: 'default', resource: 'pods', verb: 'watch' }],
    ['GET', '/api/v1/pods', false, { group: '', version: 'v1', resource: 'pods', verb: 'list' }],
    ['GET', '/api/v1/namespaces/default/pods/x/log', false, { group: '', version: 'v1', namespace: 'default', resource: 'pods', name: 'x', subresource: 'log', verb: 'get' }],
    ['PATCH', '/apis/apps/v1/namespaces/ns/deployments/web/scale', false, { group: 'apps', version: 'v1', namespace: 'ns', resource: 'deployments', name: 'web', subresource: 'scale', verb: 'patch' }],
    ['GET', '/api/v1/namespaces/kube-system', false, { group: '', version: 'v1', resource: 'namespaces', name: 'kube-system', verb: 'get' }],
    ['PUT', '/api/v1/namespaces/gone/finalize', false, { group: '', version: 'v1', resource: 'namespaces', name: 'gone', subresource: 'finalize', verb: 'update' }],
    ['GET', '/api/v1/namespaces', false, { group: '', version: 'v1', resource: 'namespaces', verb: 'list' }],
    ['DELETE', '/api/v1/namespaces/default/pods', false, { group: '', version: 'v1', namespace: 'default', resource: 'pods', verb: 'deletecollection' }],
    ['DELETE', '/api/v1/nodes/n1', false, { group: '', version: 'v1', resource: 'nodes', name: 'n1', verb: 'delete' }],
    ['POST', '/api/v1/namespaces/default/pods/x/eviction', false, { group: '', version: 'v1', namespace: 'default', resource: 'pods', name: 'x', subresource: 'eviction', verb: 'create' }],
  ])('%s %s (watch %s)', (method, path, watch, expected) => {
    expect(resourceRequest(method, path, watch)).toEqual(expected)
  })

  it.each([
    ['GET', '/api'],
    ['GET', '/api/v1'],
    ['GET', '/apis/apps/v1'],
    ['GET', '/version'],
    ['GET', '/api/v1/namespaces/default/pods/x/log/more'],
    ['OPTIONS', '/api/v1/pods'],
  ])('%s %s is no resource request', (method, path) => {
    expect(resourceRequest(method, path, false)).toBeUndefined()
  })
})
