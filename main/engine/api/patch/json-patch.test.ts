import { describe, expect, it } from 'vitest'
import { thrownApiError as thrown } from './testing/thrown'
import { applyJsonPatch, PATCH_REJECTED } from './json-patch'

const pod = () => ({ metadata: { name: 'x', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })


describe('applyJsonPatch (RFC 6902 via rfc6902, with apiserver handlers/patch.go errors)', () => {
  it('applies add, replace, remove, test in order and leaves the input unchanged', () => {
    const doc = pod()
    const out = applyJsonPatch(doc, [
      { op: 'test', path: '/metadata/name', value: 'x' },
      { op: 'add', path: '/metadata/labels/tier', value: 'fe' },
      { op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.28' },
      { op: 'remove', path: '/metadata/labels/app' },
    ])
    expect(out.metadata.labels).toEqual({ tier: 'fe' })
    expect(out.spec.containers[0]?.image).toBe('nginx:1.28')
    expect(doc).toEqual(pod())
  })

  it('a test for null passes on a missing field, as evanphx/json-patch v4 reads it as null (RFC 6902 would fail it)', () => {
    expect(applyJsonPatch(pod(), [{ op: 'test', path: '/metadata/annotations', value: null }])).toEqual(pod())
    expect(thrown(() => applyJsonPatch(pod(), [{ op: 'test', path: '/metadata/annotations', value: {} }])).reason).toBe('Invalid')
  })

  it.each([
    ['a failing test op', [{ op: 'test', path: '/metadata/name', value: 'y' }]],
    ['removing a path that does not exist', [{ op: 'remove', path: '/metadata/annotations' }]],
    ['replacing a path that does not exist', [{ op: 'replace', path: '/spec/nodeName', value: 'n' }]],
    ['adding past the end of a list', [{ op: 'add', path: '/spec/containers/5', value: {} }]],
    ['an unknown op', [{ op: 'frob', path: '/spec' }]],
  ])('%s is 422 Invalid with the generic server response text, and nothing is applied', (_, ops) => {
    const doc = pod()
    const e = thrown(() => applyJsonPatch(doc, [{ op: 'add', path: '/metadata/labels/z', value: '1' }, ...ops]))
    expect([e.reason, e.code, e.message]).toEqual(['Invalid', 422, PATCH_REJECTED])
    expect(doc).toEqual(pod())
  })

  it.each([
    [{ op: 'add' }, 'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp'],
    ['x', 'error decoding patch: json: cannot unmarshal string into Go value of type []handlers.jsonPatchOp'],
    [[1], 'error decoding patch: json: cannot unmarshal number into Go value of type handlers.jsonPatchOp'],
    [[{ op: 1, path: '/a' }], 'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string'],
  ])('a malformed patch %j is 400 BadRequest: %s', (ops, message) => {
    const e = thrown(() => applyJsonPatch(pod(), ops))
    expect([e.reason, e.code, e.message]).toEqual(['BadRequest', 400, message])
  })

  it('refuses more than 10000 operations with apiserver’s words', () => {
    const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/metadata/name', value: 'x' }))
    expect(thrown(() => applyJsonPatch(pod(), ops)).message).toBe('The allowed maximum operations in a JSON patch is 10000, got 10001')
  })
})
