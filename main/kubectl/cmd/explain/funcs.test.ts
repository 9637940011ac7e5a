// explain's template functions (pkg/explain/v2/funcs.go) where plaintext.tmpl leans on their Go behaviour.
import { describe, expect, it } from 'vitest'
import { ExplainError, explainFunctions, resolveRef } from './funcs'
import { INVALID } from '../../printers/gotemplate/funcs'

const f = explainFunctions((name) => `<${name}>`)
const call = (name: string, ...args: unknown[]) => f[name]!.call(args)

describe('explain template functions', () => {
  it('resolveRef follows a #/components/schemas reference through the document, nil when it does not resolve', () => {
    const doc = { components: { schemas: { 'io.k8s.api.core.v1.Pod': { type: 'object' } } } }
    expect(resolveRef('#/components/schemas/io.k8s.api.core.v1.Pod', doc)).toEqual({ type: 'object' })
    expect(resolveRef('#/components/schemas/nope', doc)).toBeNull()
    expect(resolveRef('', doc)).toBeNull()
    expect(resolveRef('other.json#/x', doc)).toBeNull()
    expect(resolveRef(null, doc)).toBeNull()
  })

  it('set copies the dictionary (a nil one too) and leaves the original as it was', () => {
    const original = { a: 1 }
    expect(call('set', original, 'b', 2)).toEqual({ a: 1, b: 2 })
    expect(original).toEqual({ a: 1 })
    expect(call('set', INVALID, 'x', 1)).toEqual({ x: 1 })
  })

  it('contains compares as reflect.DeepEqual: a GVK map matches an equal one in the list', () => {
    expect(call('contains', [{ group: '', kind: 'Pod', version: 'v1' }], { version: 'v1', kind: 'Pod', group: '' })).toBe(true)
    expect(call('contains', [{ group: '', kind: 'Pod', version: 'v1' }], { group: '', kind: 'Pod', version: 'v2' })).toBe(false)
    expect(call('contains', INVALID, 'x')).toBe(false)
  })

  it('indent pads every line; wrap breaks at the limit', () => {
    expect(call('indent', 2, 'a\nb')).toBe('  a\n  b')
    expect(call('wrap', 7, 'one two three')).toBe('one two\nthree')
  })

  it('throw raises the formatted message as an ExplainError, which kubectl prints as it is', () => {
    expect(() => call('throw', 'error: field "%v" does not exist', 'foo')).toThrow(new ExplainError('error: field "foo" does not exist'))
  })

  it('first and last of an empty or nil list fail as funcs.go says', () => {
    expect(call('first', ['a', 'b'])).toBe('a')
    expect(call('last', ['a', 'b'])).toBe('b')
    expect(() => call('first', [])).toThrow('list is empty')
    expect(() => call('last', INVALID)).toThrow('list is empty')
  })

  it('include runs the named template of the set', () => {
    expect(call('include', 'schema', {})).toBe('<schema>')
  })
})
