import { describe, expect, it } from 'vitest'
import { thrownApiError as thrown } from './testing/thrown'
import { applyMergePatch } from './merge-patch'

const pod = () => ({ metadata: { name: 'x', labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'c', image: 'nginx' }, { name: 'd', image: 'busybox' }] } })


describe('applyMergePatch (RFC 7386 via json-merge-patch)', () => {
  it('merges maps, deletes fields set to null, replaces lists whole, and leaves the input unchanged', () => {
    const doc = pod()
    const out = applyMergePatch(doc, { metadata: { labels: { app: null, env: 'prod' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.28' }] } })
    expect(out).toEqual({ metadata: { name: 'x', labels: { tier: 'fe', env: 'prod' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.28' }] } })
    expect(doc).toEqual(pod())
  })

  it('drops nulls inside a new object (RFC 7386 section 2)', () => {
    expect(applyMergePatch({}, { metadata: { annotations: { a: '1', b: null } } })).toEqual({ metadata: { annotations: { a: '1' } } })
  })

  it.each([
    [null, 'Invalid JSON Patch'],
    [[{ a: 1 }], 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}'],
    ['x', 'error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}'],
  ])('a patch %j is 400 BadRequest: %s', (patch, message) => {
    const e = thrown(() => applyMergePatch(pod(), patch))
    expect([e.reason, e.code, e.message]).toEqual(['BadRequest', 400, message])
  })
})
