import { describe, expect, it } from 'vitest'
import { MAX_MANIFEST_BYTES } from './limits'
import { checkCall } from './validate'

// Every door runs these on what arrives from a renderer or a socket (ARCHITECTURE: "every IPC and WebSocket
// payload validated").
describe('contract payload checks', () => {
  it.each([
    ['an unknown call', 'cluster.destroy', {}, /unknown call/],
    ['a payload that is not an object', 'clock.get', [], /payload must be an object/],
    ['an unexpected field', 'clock.get', { extra: 1 }, /unknown field "extra"/],
    ['a speed outside 0.25x-100x', 'clock.setSpeed', { speed: 500 }, /speed must be a number from 0.25 to 100/],
    ['a negative advance', 'clock.advance', { seconds: -1 }, /seconds must be a number/],
    ['an unknown resource', 'table.watch', { resource: 'secrets' }, /resource must be one of/],
    ['an empty namespace (all namespaces is no namespace)', 'table.watch', { resource: 'pods', namespace: '' }, /non-empty/],
    ['a manifest that is not text', 'manifests.apply', { text: 42, source: 'x' }, /text must be a string/],
  ])('refuses %s', (_name, call, payload, message) => {
    const checked = checkCall(call, payload)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toMatch(message)
  })

  it('measures the 3 MiB manifest limit in UTF-8 bytes, so Korean text cannot pass three times the size', () => {
    const hangul = '파'.repeat(Math.floor(MAX_MANIFEST_BYTES / 3) + 1) // 3 bytes each in UTF-8
    expect(checkCall('manifests.apply', { text: hangul, source: 'STDIN' }).ok).toBe(false)
    expect(checkCall('manifests.apply', { text: 'a'.repeat(MAX_MANIFEST_BYTES), source: 'STDIN' }).ok).toBe(true)
  })

  it('names a call that is a deeply nested array without overflowing the stack (String() of it recursed)', () => {
    let deep: unknown = []
    for (let i = 0; i < 200_000; i++) deep = [deep]
    const checked = checkCall(deep, {})
    expect(checked).toEqual({ ok: false, message: 'unknown call of type array' })
  })

  it('passes a well-formed call through', () => {
    expect(checkCall('table.watch', { resource: 'pods', namespace: 'default' })).toEqual({
      ok: true,
      call: 'table.watch',
      request: { resource: 'pods', namespace: 'default' },
    })
  })
})

// Issue 11 item 2: manifests.check runs on every pause in typing, so its payload is checked as apply's is.
describe('manifests.check payload checks', () => {
  it.each([
    ['text that is not a string', { text: 42 }, /text must be a string/],
    ['a missing text', {}, /text must be a string/],
    ['a source (check always reads the editor as STDIN)', { text: 'a: b', source: 'x' }, /unknown field "source"/],
    ['text over 3 MiB', { text: 'a'.repeat(MAX_MANIFEST_BYTES + 1) }, /at most 3 MiB/],
    ['Korean text over 3 MiB in UTF-8', { text: '파'.repeat(Math.floor(MAX_MANIFEST_BYTES / 3) + 1) }, /at most 3 MiB/],
  ])('refuses %s', (_name, payload, message) => {
    const checked = checkCall('manifests.check', payload)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toMatch(message)
  })

  it('passes a manifest through', () => {
    expect(checkCall('manifests.check', { text: 'kind: Pod\n' })).toEqual({ ok: true, call: 'manifests.check', request: { text: 'kind: Pod\n' } })
  })

  it.each(['deployments', 'replicasets', 'jobs'])('lets the Workloads view watch %s', (resource) => {
    expect(checkCall('table.watch', { resource, namespace: 'default' }).ok).toBe(true)
  })
})

// Issue 11 items 6 and 7: the map, the graph, the verdicts and the catalog take names as Kubernetes bounds them.
describe('payload checks of the cluster map, graph, verdicts and image catalog calls', () => {
  it.each([
    ['a field on cluster.map', 'cluster.map', { limit: 10 }, /unknown field "limit"/],
    ['a namespace with capitals', 'workloads.graph', { namespace: 'Default' }, /DNS-1123 label/],
    ['a 64-character namespace', 'workloads.graph', { namespace: 'a'.repeat(64) }, /at most 63/],
    ['a namespace that is not text', 'scheduling.verdicts', { namespace: 7, name: 'web' }, /namespace must be/],
    ['a pod name with a slash', 'scheduling.verdicts', { namespace: 'default', name: '../etc' }, /DNS-1123 subdomain/],
    ['a 254-character pod name', 'scheduling.verdicts', { namespace: 'default', name: 'a'.repeat(254) }, /at most 253/],
    ['no pod name', 'scheduling.verdicts', { namespace: 'default' }, /name must be/],
    ['an image that is an object', 'images.catalog', { image: { toString: 'x' } }, /image must be/],
    ['an empty image', 'images.catalog', { image: '' }, /non-empty/],
    ['a 513-character image', 'images.catalog', { image: 'a'.repeat(513) }, /at most 512/],
  ])('refuses %s', (_name, call, payload, message) => {
    const checked = checkCall(call, payload)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toMatch(message)
  })

  it.each([
    ['cluster.map', {}],
    ['workloads.graph', {}],
    ['workloads.graph', { namespace: 'kube-system' }],
    ['scheduling.verdicts', { namespace: 'default', name: 'web-7d9c.x-1' }],
    ['images.catalog', { image: 'helloimage' }],
  ])('passes a well-formed %s', (call, payload) => {
    expect(checkCall(call, payload).ok).toBe(true)
  })
})
