// Property tests for label selectors: any selector prints (String()) as text that parses back to the same
// selector, and parsing any text either succeeds or throws LabelSelectorError (the API's 400), never a
// JavaScript error.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzRuns } from '../testing/fuzz'
import { LabelSelectorError } from './errors'
import { newRequirement, compareStrings, type Requirement } from './requirement'
import { parseSelector, selectorOf, type Selector } from './selector'
import type { Operator } from './types'

const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?$/)
const name = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,8}[A-Za-z0-9])?$/)
/** Keywords and operator-like words are legal keys and values; they must survive the round trip. */
const word = fc.oneof(name, fc.constantFrom('in', 'notin', 'exists', 'gt', 'lt', 'x'))
const key = fc.oneof(word, fc.tuple(fc.array(dnsLabel, { minLength: 1, maxLength: 3 }), word).map(([p, n]) => `${p.join('.')}/${n}`))
const value = fc.oneof(fc.constant(''), word)
const integer = fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String)

const requirement: fc.Arbitrary<Requirement> = fc.oneof(
  fc.tuple(key, fc.constantFrom<Operator>('exists', '!')).map(([k, op]) => newRequirement(k, op, [])),
  fc.tuple(key, fc.constantFrom<Operator>('=', '==', '!='), value).map(([k, op, v]) => newRequirement(k, op, [v])),
  fc.tuple(key, fc.constantFrom<Operator>('gt', 'lt'), integer).map(([k, op, v]) => newRequirement(k, op, [v])),
  // Parse yields `in` values as a sorted set; build them that way so equality is exact.
  fc
    .tuple(key, fc.constantFrom<Operator>('in', 'notin'), fc.uniqueArray(value, { minLength: 1, maxLength: 4 }))
    .map(([k, op, vs]) => newRequirement(k, op, [...vs].sort(compareStrings))),
)

function expectSame(a: Selector, b: Selector): void {
  expect(a.requirements().length).toBe(b.requirements().length)
  a.requirements().forEach((r, i) => expect(r.equals(b.requirements()[i] as Requirement), `${r} vs ${b.requirements()[i]}`).toBe(true))
}

function parseOrSelectorError(text: string): Selector | undefined {
  try {
    return parseSelector(text)
  } catch (e) {
    if (e instanceof LabelSelectorError) return undefined
    throw e
  }
}

describe('label selector round trip', () => {
  it('String() of any selector parses back to an equal selector', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 6 }), (reqs) => {
        const sel = selectorOf(reqs)
        expectSame(parseSelector(sel.toString()), sel)
      }),
      { numRuns: fuzzRuns(500) },
    )
  })

  it('a selector parsed from text prints as text that parses to the same selector', () => {
    const spaced = fc.array(requirement, { minLength: 1, maxLength: 4 }).map((reqs) => reqs.map(String).join(' , ').replaceAll('(', ' ( '))
    fc.assert(
      fc.property(spaced, (text) => {
        const sel = parseSelector(text)
        expectSame(parseSelector(sel.toString()), sel)
      }),
      { numRuns: fuzzRuns(300) },
    )
  })
})

describe('parseSelector never throws anything but LabelSelectorError', () => {
  const alphabet = fc.constantFrom('a', 'b', '1', '-', '.', '/', '_', '=', '!', '(', ')', ',', '<', '>', ' ', '\t', '\n', '\0', 'é', 'in', 'notin', '|')
  const selectorish = fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join(''))

  it('over text made of selector pieces', () => {
    fc.assert(
      fc.property(selectorish, (text) => {
        const sel = parseOrSelectorError(text)
        if (sel !== undefined) expectSame(parseSelector(sel.toString()), sel)
      }),
      { numRuns: fuzzRuns(2000) },
    )
  })

  it('over any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        parseOrSelectorError(text)
      }),
      { numRuns: fuzzRuns(1000) },
    )
  })
})
