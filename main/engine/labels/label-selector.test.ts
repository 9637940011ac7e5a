// Ports of k8s.io/apimachinery v0.32.0 pkg/apis/meta/v1/helpers_test.go TestLabelSelectorAsSelector and
// pkg/apis/meta/v1/validation/validation_test.go TestLabelSelectorMatchExpression, with full error texts.

import { describe, expect, it } from 'vitest'
import { fieldErrorText } from '../api/field'
import { LabelSelectorError } from './errors'
import { selectorFromLabelSelector, validateLabelSelector } from './label-selector'
import { everything, nothing, parseSelector } from './selector'
import type { LabelSelector } from './types'

describe('TestLabelSelectorAsSelector', () => {
  const matchLabels = { foo: 'bar' }
  const matchExpressions = [{ key: 'baz', operator: 'In', values: ['qux', 'norf'] }]
  const cases: Array<[string, LabelSelector | null | undefined, string]> = [
    ['nil selects nothing', null, String(nothing())],
    ['undefined selects nothing', undefined, String(nothing())],
    ['{} selects everything', {}, String(everything())],
    ['matchLabels', { matchLabels }, String(parseSelector('foo=bar'))],
    ['matchExpressions', { matchExpressions }, String(parseSelector('baz in (norf,qux)'))],
    ['both, sorted by key', { matchLabels, matchExpressions }, String(parseSelector('baz in (norf,qux),foo=bar'))],
  ]
  it.each(cases)('%s', (_n, ls, text) => {
    const before = structuredClone(ls)
    expect(String(selectorFromLabelSelector(ls))).toBe(text)
    expect(ls).toEqual(before) // the input is left as it was
  })

  it('nil matches no object and {} every object (the difference a controller relies on)', () => {
    expect(selectorFromLabelSelector(null).matches({ a: 'b' })).toBe(false)
    expect(selectorFromLabelSelector({}).matches({ a: 'b' })).toBe(true)
    expect(selectorFromLabelSelector({ matchLabels: {}, matchExpressions: [] }).empty()).toBe(true)
  })

  it('matches like the parsed selector it prints as', () => {
    const s = selectorFromLabelSelector({ matchLabels, matchExpressions: [...matchExpressions, { key: 'env', operator: 'DoesNotExist' }] })
    expect(s.matches({ foo: 'bar', baz: 'qux' })).toBe(true)
    expect(s.matches({ foo: 'bar', baz: 'qux', env: 'x' })).toBe(false)
    expect(s.matches({ foo: 'bar', baz: 'other' })).toBe(false)
  })

  const errors: Array<[string, LabelSelector, string]> = [
    ['Exists with values (upstream case)', { matchExpressions: [{ key: 'baz', operator: 'Exists', values: ['qux', 'norf'] }] }, 'values: Invalid value: []string{"qux", "norf"}: values set must be empty for exists and does not exist'],
    ['In without values prints Go\'s nil slice', { matchExpressions: [{ key: 'baz', operator: 'In' }] }, "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"],
    ['In with an empty list is nil too', { matchExpressions: [{ key: 'baz', operator: 'NotIn', values: [] }] }, "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"],
    ['an unknown operator', { matchExpressions: [{ key: 'baz', operator: 'Foo' }] }, '"Foo" is not a valid label selector operator'],
    ['operators are case-sensitive', { matchExpressions: [{ key: 'baz', operator: 'in', values: ['a'] }] }, '"in" is not a valid label selector operator'],
    ['a bad matchLabels value', { matchLabels: { app: 'a b' } }, `values[0][app]: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`],
  ]
  it.each(errors)('%s throws LabelSelectorError', (_n, ls, message) => {
    let thrown: unknown
    try {
      selectorFromLabelSelector(ls)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(LabelSelectorError)
    expect((thrown as LabelSelectorError).message).toBe(message)
  })
})

describe('TestLabelSelectorMatchExpression (ValidateLabelSelector)', () => {
  const cases: Array<[string, LabelSelector, string[]]> = [
    ['Valid LabelSelector', { matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] }, []],
    [
      "MatchExpression's key name isn't valid",
      { matchExpressions: [{ key: '-key', operator: 'In', values: ['value'] }] },
      [
        `labelSelector.matchExpressions[0].key: Invalid value: "-key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    ],
    [
      "MatchExpression's operator isn't valid",
      { matchExpressions: [{ key: 'key', operator: 'abc', values: ['value'] }] },
      ['labelSelector.matchExpressions[0].operator: Invalid value: "abc": not a valid selector operator'],
    ],
    [
      "MatchExpression's value name isn't valid",
      { matchExpressions: [{ key: 'key', operator: 'In', values: ['-value'] }] },
      [
        `labelSelector.matchExpressions[0].values[0]: Invalid value: "-value": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    ],
    [
      'In without values is Required',
      { matchExpressions: [{ key: 'key', operator: 'NotIn' }] },
      ["labelSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
    ],
    [
      'Exists with values is Forbidden',
      { matchExpressions: [{ key: 'key', operator: 'Exists', values: ['a'] }] },
      ["labelSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"],
    ],
    [
      'matchLabels are checked like metadata.labels, at matchLabels',
      { matchLabels: { 'a/b/c': 'x' } },
      [
        `labelSelector.matchLabels: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    ],
  ]
  it.each(cases)('%s', (_n, ls, want) => {
    expect(validateLabelSelector(ls, 'labelSelector').map(fieldErrorText)).toEqual(want)
  })

  it('a nil selector has no errors', () => {
    expect(validateLabelSelector(null, 'spec.selector')).toEqual([])
  })

  it('the options let invalid values and unknown operators pass', () => {
    const ls = { matchExpressions: [{ key: 'key', operator: 'abc', values: ['-value'] }] }
    expect(validateLabelSelector(ls, 's', { allowInvalidLabelValueInSelector: true, allowUnknownOperatorInRequirement: true })).toEqual([])
  })
})
