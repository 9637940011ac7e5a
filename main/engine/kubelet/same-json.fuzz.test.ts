import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzRuns } from '../testing/fuzz'
import { sameJson } from './same-json'

// JSON values whose objects may hold undefined and whose keys come in any order: what a status is made of.
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, -0, 1, 2.5, '', 'a', 'Running'),
    fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('phase', 'a', 'b', '0', '10', 'ready'), fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 4 }),
  ),
}))

/** `v` rebuilt with each object's keys in reverse order: the same content, another JSON text when 2+ keys. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed)
  if (v === null || typeof v !== 'object') return v
  return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)]))
}

describe('sameJson', () => {
  it('answers as comparing the JSON.stringify texts would, for any two values (key order and undefined included)', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b))
      }),
      { numRuns: fuzzRuns(3000) },
    )
  })

  it('answers as JSON.stringify for a value and its copy with every key order reversed, and is true for its JSON round trip', () => {
    fc.assert(
      fc.property(value, (a) => {
        const b = reversed(a)
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b))
        // The round trip drops undefined properties and turns undefined array items into null: the same text.
        expect(sameJson(a, JSON.parse(JSON.stringify(a)))).toBe(true)
      }),
      { numRuns: fuzzRuns(3000) },
    )
  })

  it('tells a missing key from null, an undefined array item from a missing one, and [] from {}', () => {
    expect(sameJson({ a: undefined }, {})).toBe(true)
    expect(sameJson({ a: null }, {})).toBe(false)
    expect(sameJson([undefined], [null])).toBe(true)
    expect(sameJson([undefined], [])).toBe(false)
    expect(sameJson([], {})).toBe(false)
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false)
    expect(sameJson(undefined, null)).toBe(false)
  })
})
