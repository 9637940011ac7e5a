// Ports of k8s.io/apimachinery v0.32.0 pkg/labels/selector_test.go TestSelectorParse, TestDeterministicParse,
// TestEverything, TestSelectorMatches, TestSetMatches, TestNilMapIsValid, TestSetIsEmpty, TestToString,
// TestSetSelectorParser, TestParseOperator, TestAdd, TestRequiresExactMatch and TestSetSelectorString, plus the
// exact parse error texts that kubectl prints after `Error from server (BadRequest): ...`.

import { describe, expect, it } from 'vitest'
import { LabelSelectorError } from './errors'
import { Parser } from './parser'
import { newRequirement, Requirement } from './requirement'
import { everything, nothing, parseSelector, selectorFromSet, selectorOf, type Selector } from './selector'
import type { Operator } from './types'

const req = (key: string, op: Operator, values: string[] = []): Requirement => newRequirement(key, op, values)

function parseError(text: string): LabelSelectorError {
  try {
    parseSelector(text)
  } catch (e) {
    if (e instanceof LabelSelectorError) return e
    throw e
  }
  throw new Error(`${JSON.stringify(text)} parsed`)
}

describe('TestSelectorParse: good selectors print back without their spaces; bad ones fail', () => {
  const good = ['x=a,y=b,z=c', '', 'x!=a,y=b', 'x=', 'x= ', 'x=,z= ', 'x= ,z= ', '!x', 'x>1', 'x>1,z<5']
  it.each(good)('%j', (text) => {
    expect(parseSelector(text).toString()).toBe(text.replaceAll(' ', ''))
  })
  const bad = ['x=a||y=b', 'x==a==b', '!x=a', 'x<a']
  it.each(bad)('%j is refused', (text) => {
    expect(() => parseSelector(text)).toThrow(LabelSelectorError)
  })
})

describe('TestDeterministicParse', () => {
  it('requirements are sorted by key whatever order they were written in', () => {
    expect(parseSelector('x=a,a=x').toString()).toBe(parseSelector('a=x,x=a').toString())
    expect(parseSelector('x=a,a=x').toString()).toBe('a=x,x=a')
  })
})

describe('TestEverything', () => {
  it('matches any labels and is empty', () => {
    expect(everything().matches({ x: 'y' })).toBe(true)
    expect(everything().matches(undefined)).toBe(true)
    expect(everything().empty()).toBe(true)
  })
  it('Nothing matches no labels and is not empty', () => {
    expect(nothing().matches({ x: 'y' })).toBe(false)
    expect(nothing().matches(undefined)).toBe(false)
    expect(nothing().empty()).toBe(false)
    expect(nothing().toString()).toBe('')
    expect(nothing().requirements()).toEqual([])
    expect(nothing().add(req('a', 'exists'))).toBe(nothing())
  })
})

describe('TestSelectorMatches', () => {
  const labelset = { foo: 'bar', baz: 'blah' }
  const cases: Array<[string, Record<string, string>, boolean]> = [
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['notin=in', { notin: 'in' }, true], // in and notin in exactMatch
    ['x', { x: 'z' }, true],
    ['!x', { y: 'z' }, true],
    ['x>1', { x: '2' }, true],
    ['x<1', { x: '0' }, true],
    ['x=z', {}, false],
    ['x=y', { x: 'z' }, false],
    ['x=y,z=w', { x: 'w', z: 'w' }, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x', { y: 'z' }, false],
    ['!x', { x: 'z' }, false],
    ['x>1', { x: '0' }, false],
    ['x<1', { x: '2' }, false],
    ['foo=bar', labelset, true],
    ['baz=blah', labelset, true],
    ['foo=bar,baz=blah', labelset, true],
    ['foo=blah', labelset, false],
    ['baz=bar', labelset, false],
    ['foo=bar,foobar=bar,baz=blah', labelset, false],
  ]
  it.each(cases)('%j on %j matches: %s', (text, labels, want) => {
    expect(parseSelector(text).matches(labels)).toBe(want)
  })
})

describe('TestSetMatches / TestNilMapIsValid / TestSetIsEmpty / TestSetSelectorString: selectors from label maps', () => {
  const labelset = { foo: 'bar', baz: 'blah' }
  it.each<Record<string, string>>([{}, { foo: 'bar' }, { baz: 'blah' }, { foo: 'bar', baz: 'blah' }])('%j matches its own subset', (set) => {
    expect(selectorFromSet(set).matches(labelset)).toBe(true)
  })
  it('a missing or empty map selects everything and is empty', () => {
    expect(selectorFromSet(undefined).empty()).toBe(true)
    expect(selectorFromSet({}).empty()).toBe(true)
    expect(selectorFromSet(undefined).matches({ a: 'b' })).toBe(true)
  })
  it.each([
    [{}, ''],
    [{ app: 'foo' }, 'app=foo'],
    [{ app: 'foo', a: 'b' }, 'a=b,app=foo'],
  ])('%j prints as %j', (set, text) => {
    expect(selectorFromSet(set).toString()).toBe(text)
  })
  it('a value that differs does not match', () => {
    expect(selectorFromSet({ foo: 'blah' }).matches(labelset)).toBe(false)
  })
})

describe('TestToString', () => {
  const zero = new Requirement('', '' as Operator, [])
  const cases: Array<[Requirement[], string]> = [
    [[req('x', 'in', ['abc', 'def']), req('y', 'notin', ['jkl']), req('z', 'exists')], 'x in (abc,def),y notin (jkl),z'],
    [[req('x', 'notin', ['abc', 'def']), req('y', '!=', ['jkl']), req('z', '!')], 'x notin (abc,def),y!=jkl,!z'],
    [[req('x', 'in', ['abc', 'def']), zero], 'x in (abc,def),'], // the zero requirement prints as ''
    [[req('x', 'notin', ['abc']), req('y', 'in', ['jkl', 'mno']), req('z', 'notin', [''])], 'x notin (abc),y in (jkl,mno),z notin ()'],
    [[req('x', '=', ['abc']), req('y', '==', ['jkl']), req('z', '!=', ['a']), req('z', 'exists')], 'x=abc,y==jkl,z!=a,z'],
    [[req('x', 'gt', ['2']), req('y', 'lt', ['8']), req('z', 'exists')], 'x>2,y<8,z'],
  ]
  it.each(cases)('%#: %j', (reqs, text) => {
    // Upstream builds the internalSelector literal, unsorted: join the requirements the same way.
    expect(reqs.map((r) => r.toString()).join(',')).toBe(text)
  })
  it('a selector keeps requirements with the same key in the order given (stable sort)', () => {
    expect(selectorOf([req('z', '!=', ['a']), req('z', 'exists'), req('x', '=', ['abc'])]).toString()).toBe('x=abc,z!=a,z')
  })
})

describe('TestSetSelectorParser', () => {
  // [input, expected requirements (undefined: do not compare), valid]
  const cases: Array<[string, Requirement[] | undefined, boolean]> = [
    ['', [], true],
    ['\rx', [req('x', 'exists')], true],
    ['this-is-a-dns.domain.com/key-with-dash', [req('this-is-a-dns.domain.com/key-with-dash', 'exists')], true],
    ['this-is-another-dns.domain.com/key-with-dash in (so,what)', [req('this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what'])], true],
    ['0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', [req('0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock'])], true],
    ['foo  in\t (abc)', [req('foo', 'in', ['abc'])], true],
    ['x notin\n (abc)', [req('x', 'notin', ['abc'])], true],
    ['x  notin\t\t\t(abc,def)', [req('x', 'notin', ['abc', 'def'])], true],
    ['x in (abc,def)', [req('x', 'in', ['abc', 'def'])], true],
    ['x in (abc,)', [req('x', 'in', ['', 'abc'])], true],
    ['x in ()', [req('x', 'in', [''])], true],
    ['x notin (abc,,def),bar,z in (),w', [req('bar', 'exists'), req('w', 'exists'), req('x', 'notin', ['', 'abc', 'def']), req('z', 'in', [''])], true],
    ['x,y in (a)', undefined, true],
    ['x=a', [req('x', '=', ['a'])], true],
    ['x>1', [req('x', 'gt', ['1'])], true],
    ['x<7', [req('x', 'lt', ['7'])], true],
    ['x=a,y!=b', [req('x', '=', ['a']), req('y', '!=', ['b'])], true],
    ['x=a,y!=b,z in (h,i,j)', [req('x', '=', ['a']), req('y', '!=', ['b']), req('z', 'in', ['h', 'i', 'j'])], true],
    ['x=a||y=b', undefined, false],
    ['x,,y', undefined, false],
    [',x,y', undefined, false],
    ['x nott in (y)', undefined, false],
    ['x notin ( )', [req('x', 'notin', [''])], true],
    ['x notin (, a)', [req('x', 'notin', ['', 'a'])], true],
    ['a in (xyz),', undefined, false],
    ['a in (xyz)b notin ()', undefined, false],
    ['a ', [req('a', 'exists')], true],
    ['a in (x,y,notin, z,in)', [req('a', 'in', ['in', 'notin', 'x', 'y', 'z'])], true], // operator 'in' inside list of identifiers
    ['a in (xyz abc)', undefined, false], // no comma
    ['a notin(', undefined, false], // bad formed
    ['a (', undefined, false], // cpar
    ['(', undefined, false], // opar
  ]
  it.each(cases)('%j', (text, want, valid) => {
    if (!valid) {
      expect(() => parseSelector(text)).toThrow(LabelSelectorError)
      return
    }
    const got = parseSelector(text).requirements()
    if (want === undefined) return
    expect(got.length).toBe(want.length)
    got.forEach((r, i) => expect(r.equals(want[i] as Requirement), `${r} vs ${want[i]}`).toBe(true))
  })
})

describe('TestParseOperator', () => {
  const ops = 'in, notin, =, ==, !=, gt, lt'
  const cases: Array<[string, string | undefined]> = [
    ['in', undefined],
    ['=', undefined],
    ['==', undefined],
    ['>', undefined],
    ['<', undefined],
    ['notin', undefined],
    ['!=', undefined],
    ['!', `found '!', expected: ${ops}`],
    ['exists', `found 'exists', expected: ${ops}`],
    ['(', `found '(', expected: ${ops}`],
  ]
  it.each(cases)('%j', (token, message) => {
    const p = new Parser(token)
    if (message === undefined) expect(() => p.parseOperator()).not.toThrow()
    else expect(() => p.parseOperator()).toThrow(new LabelSelectorError(message))
  })
})

describe('parse errors word for word (what `kubectl get pods -l ...` prints after the BadRequest)', () => {
  const qualified =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
  const cases: Array<[string, string]> = [
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in (', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (b,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['a in (,b=', "unable to parse requirement: found '=', expected: ',' or ')'"],
    ['a in (,,', "unable to parse requirement: found '', expected: ',', or identifier"],
    ['a=(', "unable to parse requirement: found '(', expected: identifier"],
    ['!=a', "found '!=', expected: !, identifier, or 'end of string'"],
    ['!!a', "unable to parse requirement: found '!', expected: identifier"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['x,,y', "found ',', expected: identifier after ','"],
    [',x', "found ',', expected: !, identifier, or 'end of string'"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['A_', `unable to parse requirement: <nil>: Invalid value: "A_": ${qualified}`],
    ['x<a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['x=' + 'a'.repeat(64), `unable to parse requirement: values[0][x]: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`],
  ]
  it.each(cases)('%j', (text, message) => {
    const e = parseError(text)
    expect(e.message).toBe(message)
    expect(e.reason).toBe('BadRequest')
  })

  it('in and notin are plain values after = and inside ( )', () => {
    expect(parseSelector('a=in,b in (notin)').toString()).toBe('a=in,b in (notin)')
  })
  it('values in ( ) are a set: sorted, duplicates folded', () => {
    expect(parseSelector('a in (c,b,c)').requirements()[0]?.values).toEqual(['b', 'c'])
  })
  it('a NUL byte where a token would start ends the selector as the end of input does', () => {
    expect(parseSelector('a=b \0,c').toString()).toBe('a=b')
    expect(parseSelector('a=b\0,c').toString()).toBe('a=b,c')
  })
})

describe('TestAdd', () => {
  it('keyInOperator: adding to an empty selector', () => {
    const s = everything().add(req('key', 'in', ['value']))
    expect(s.toString()).toBe('key in (value)')
    expect(everything().empty()).toBe(true) // Add copies
  })
  it('keyEqualsOperator: the result stays sorted by key', () => {
    const s = selectorOf([req('key2', '=', ['value2'])]).add(req('key', 'in', ['value']))
    expect(s.requirements().map((r) => r.key)).toEqual(['key', 'key2'])
  })
})

describe('TestRequiresExactMatch', () => {
  const r = (key: string, op: Operator, values: string[]) => new Requirement(key, op, values)
  const cases: Array<[string, Selector, string, string | undefined]> = [
    ['keyInOperatorExactMatch', selectorOf([r('key', 'in', ['value'])]), 'key', 'value'],
    ['keyInOperatorNotExactMatch', selectorOf([r('key', 'in', ['value', 'value2'])]), 'key', undefined],
    ['keyInOperatorNotExactMatch (second key)', selectorOf([r('key', 'in', ['value', 'value1']), r('key2', 'in', ['value2'])]), 'key2', 'value2'],
    ['keyEqualOperatorExactMatch', selectorOf([r('key', '=', ['value'])]), 'key', 'value'],
    ['keyDoubleEqualOperatorExactMatch', selectorOf([r('key', '==', ['value'])]), 'key', 'value'],
    ['keyNotEqualOperatorExactMatch', selectorOf([r('key', '!=', ['value'])]), 'key', undefined],
    ['keyEqualOperatorExactMatchFirst', selectorOf([r('key', 'in', ['value']), r('key2', 'in', ['value2'])]), 'key', 'value'],
  ]
  it.each(cases)('%s', (_n, sel, key, want) => {
    expect(sel.requiresExactMatch(key)).toBe(want)
  })

  it('requiredEquals lists every key=value an object must carry, for index lookups', () => {
    expect(parseSelector('app=web,tier in (a),env in (x,y),!canary,z!=q,b==c').requiredEquals()).toEqual([
      ['app', 'web'],
      ['b', 'c'],
      ['tier', 'a'],
    ])
    expect(everything().requiredEquals()).toEqual([])
  })
})
