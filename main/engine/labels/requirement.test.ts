// Ports of k8s.io/apimachinery v0.32.0 pkg/labels/selector_test.go TestRequirementConstructor,
// TestRequirementEqual, TestSafeSort and TestRequirementSelectorMatching, plus the full texts of the
// constructor's errors (upstream's table ignores Detail; kubectl prints it).

import { describe, expect, it } from 'vitest'
import { isLabelSelectorError, LabelSelectorError } from './errors'
import { compareStrings, newRequirement, Requirement, requirementErrors } from './requirement'
import { selectorOf } from './selector'
import type { Operator } from './types'

describe('TestRequirementConstructor: NewRequirement checks the key, the operator and the values', () => {
  const a254 = 'a'.repeat(254)
  const cases: Array<[string, Operator, string[] | null, Array<{ field: string; type: string; value: string }>]> = [
    ['x1', 'in', null, [{ field: 'values', type: 'FieldValueInvalid', value: '[]string(nil)' }]],
    ['x2', 'notin', [], [{ field: 'values', type: 'FieldValueInvalid', value: '[]string{}' }]],
    ['x3', 'in', ['foo'], []],
    ['x4', 'notin', ['foo'], []],
    ['x5', '=', ['bar', 'foo'], [{ field: 'values', type: 'FieldValueInvalid', value: '[]string{"bar", "foo"}' }]],
    ['x6', 'exists', [], []],
    ['x7', '!', [], []],
    ['x8', 'exists', ['foo'], [{ field: 'values', type: 'FieldValueInvalid', value: '[]string{"foo"}' }]],
    ['x9', 'in', ['bar'], []],
    ['x10', 'in', ['bar'], []],
    ['x11', 'gt', ['1'], []],
    ['x12', 'lt', ['6'], []],
    ['x13', 'gt', [], [{ field: 'values', type: 'FieldValueInvalid', value: '[]string{}' }]],
    ['x14', 'gt', ['bar'], [{ field: 'values[0]', type: 'FieldValueInvalid', value: '"bar"' }]],
    ['x15', 'lt', ['bar'], [{ field: 'values[0]', type: 'FieldValueInvalid', value: '"bar"' }]],
    [a254, 'exists', [], [{ field: 'key', type: 'FieldValueInvalid', value: `"${a254}"` }]],
    ['x16', '=', [a254], [{ field: 'values[0][x16]', type: 'FieldValueInvalid', value: `"${a254}"` }]],
    ['x17', '=', ['a b'], [{ field: 'values[0][x17]', type: 'FieldValueInvalid', value: '"a b"' }]],
    ['x18', 'unsupportedOp' as Operator, [], [{ field: 'operator', type: 'FieldValueNotSupported', value: '"unsupportedOp"' }]],
  ]
  it.each(cases)('key %s operator %s values %j', (key, op, values, want) => {
    const got = requirementErrors(key, op, values)
    expect(got.map((e) => ({ field: e.field, type: e.type, value: e.body.split(/: /)[1] }))).toEqual(want)
    if (want.length === 0) expect(newRequirement(key, op, values).key).toBe(key)
    else expect(() => newRequirement(key, op, values)).toThrow(LabelSelectorError)
  })

  const texts: Array<[string, () => unknown, string]> = [
    ['in without values', () => newRequirement('x', 'in', null), "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"],
    ['= with two values', () => newRequirement('x', '=', ['bar', 'foo']), 'values: Invalid value: []string{"bar", "foo"}: exact-match compatibility requires one single value'],
    ['exists with a value', () => newRequirement('x', 'exists', ['foo']), 'values: Invalid value: []string{"foo"}: values set must be empty for exists and does not exist'],
    ['gt with a word', () => newRequirement('x', 'gt', ['bar']), `values[0]: Invalid value: "bar": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['gt beyond int64', () => newRequirement('x', 'gt', ['9223372036854775808']), `values[0]: Invalid value: "9223372036854775808": for 'Gt', 'Lt' operators, the value must be an integer`],
    [
      'gt without values: two errors in brackets',
      () => newRequirement('x', 'gt', ['a', 'b']),
      `[values: Invalid value: []string{"a", "b"}: for 'Gt', 'Lt' operators, exactly one value is required, values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer, values[1]: Invalid value: "b": for 'Gt', 'Lt' operators, the value must be an integer]`,
    ],
    [
      'an unknown operator lists the supported ones',
      () => newRequirement('x', 'unsupportedOp' as Operator, []),
      'operator: Unsupported value: "unsupportedOp": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    ],
    ['a value with a space', () => newRequirement('x17', '=', ['a b']), `values[0][x17]: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`],
    ['a key path under a given path', () => newRequirement('a/b/c', 'exists', [], 'spec'), `spec.key: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
  ]
  it.each(texts)('the message of %s is the aggregate of its field errors', (_n, make, message) => {
    let thrown: unknown
    try {
      make()
    } catch (e) {
      thrown = e
    }
    expect(isLabelSelectorError(thrown)).toBe(true)
    expect((thrown as LabelSelectorError).message).toBe(message)
    expect((thrown as LabelSelectorError).reason).toBe('BadRequest')
    expect((thrown as LabelSelectorError).code).toBe(400)
  })

  it('keeps the values as given, unsorted and not shared with the caller', () => {
    const values = ['qux', 'norf']
    const r = newRequirement('baz', 'in', values)
    values.push('more')
    expect(r.values).toEqual(['qux', 'norf'])
  })
})

describe('TestRequirementEqual: key, operator and values in order', () => {
  const r = (key: string, op: Operator, values: string[]) => new Requirement(key, op, values)
  const cases: Array<[string, Requirement, Requirement, boolean]> = [
    ['same requirements should be equal', r('key', '=', ['foo', 'bar']), r('key', '=', ['foo', 'bar']), true],
    ['requirements with different keys should not be equal', r('key1', '=', ['foo', 'bar']), r('key2', '=', ['foo', 'bar']), false],
    ['requirements with different operators should not be equal', r('key', '=', ['foo', 'bar']), r('key', 'in', ['foo', 'bar']), false],
    ['requirements with different values should not be equal', r('key', '=', ['foo', 'bar']), r('key', '=', ['foobar']), false],
  ]
  it.each(cases)('%s', (_n, x, y, want) => {
    expect(x.equals(y)).toBe(want)
  })
})

describe('TestSafeSort: String() sorts several values without touching the requirement', () => {
  const cases: Array<[string, string[], string]> = [
    ['ordered strings', ['bar', 'foo'], 'k in (bar,foo)'],
    ['unordered strings', ['foo', 'bar'], 'k in (bar,foo)'],
    ['duplicated strings', ['foo', 'bar', 'foo', 'bar'], 'k in (bar,bar,foo,foo)'],
  ]
  it.each(cases)('%s', (_n, values, text) => {
    const r = new Requirement('k', 'in', [...values])
    expect(r.toString()).toBe(text)
    expect(r.values).toEqual(values)
  })
})

describe('TestRequirementSelectorMatching', () => {
  const req = (key: string, op: Operator, values: string[] = []) => newRequirement(key, op, values)
  const zero = new Requirement('', '' as Operator, [])
  const cases: Array<[string, Record<string, string>, Requirement[], boolean]> = [
    ['the zero requirement matches nothing', { x: 'foo', y: 'baz' }, [zero], false],
    ['in and notin', { x: 'foo', y: 'baz' }, [req('x', 'in', ['foo']), req('y', 'notin', ['alpha'])], true],
    ['in and a missed in', { x: 'foo', y: 'baz' }, [req('x', 'in', ['foo']), req('y', 'in', ['alpha'])], false],
    ['notin matches a missing key', { y: '' }, [req('x', 'notin', ['']), req('y', 'exists')], true],
    ['does-not-exist and exists', { y: '' }, [req('x', '!'), req('y', 'exists')], true],
    ['does-not-exist on a present key', { y: '' }, [req('x', 'notin', ['']), req('y', '!')], false],
    ['in on a missing key', { y: 'baz' }, [req('x', 'in', [''])], false],
    ['gt on a number', { z: '2' }, [req('z', 'gt', ['1'])], true],
    ['gt on a non-number', { z: 'v2' }, [req('z', 'gt', ['1'])], false],
  ]
  it.each(cases)('%s', (_n, labels, reqs, want) => {
    expect(selectorOf(reqs).matches(labels)).toBe(want)
  })
})

describe('Requirement.matches beyond upstream table', () => {
  it('compares Gt/Lt as int64, beyond the doubles a JS number holds exactly', () => {
    expect(newRequirement('n', 'gt', ['9007199254740992']).matches({ n: '9007199254740993' })).toBe(true)
    expect(newRequirement('n', 'lt', ['0']).matches({ n: '-9223372036854775808' })).toBe(true)
    expect(newRequirement('n', 'gt', ['0']).matches({ n: '9223372036854775808' })).toBe(false)
  })
  it('only own keys count as labels (a key named like an Object method is absent)', () => {
    expect(newRequirement('constructor', 'exists').matches({})).toBe(false)
    expect(newRequirement('toString', '!').matches({})).toBe(true)
  })
  it('an object without labels matches NotIn, != and DoesNotExist only', () => {
    expect(newRequirement('a', 'notin', ['b']).matches(undefined)).toBe(true)
    expect(newRequirement('a', '!=', ['b']).matches(undefined)).toBe(true)
    expect(newRequirement('a', '!').matches(undefined)).toBe(true)
    expect(newRequirement('a', 'in', ['b']).matches(undefined)).toBe(false)
    expect(newRequirement('a', 'exists').matches(undefined)).toBe(false)
  })
})

describe('compareStrings sorts like Go (UTF-8 bytes), not like JS `<` (UTF-16 units)', () => {
  it('puts U+FFFD before an astral character, as their UTF-8 bytes are ordered', () => {
    // '\uFFFD' is EF BF BD in UTF-8, '😀' is F0 9F 98 80; in UTF-16 the surrogate D83D comes first.
    expect(['😀', '\uFFFD'].sort(compareStrings)).toEqual(['\uFFFD', '😀'])
    expect(['b', 'a', 'ab', ''].sort(compareStrings)).toEqual(['', 'a', 'ab', 'b'])
    expect(Buffer.compare(Buffer.from('\uFFFD'), Buffer.from('😀'))).toBe(-1)
  })
})
