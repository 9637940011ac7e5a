// Properties of the distribution/reference port over generated references: whatever parses prints back as
// given (Reference.String), normalising is idempotent (a canonical name parses to itself with ParseNamed),
// and nothing but a ReferenceError ever escapes the parser.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzRuns } from '../testing/fuzz'
import { parse, parseNamed, parseNormalizedNamed, ReferenceError, referenceString } from './reference'

const component = fc.stringMatching(/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/, { maxLength: 12 })
const domain = fc.oneof(fc.constant(''), fc.constantFrom('docker.io', 'registry.k8s.io', 'localhost', 'gcr.io', 'example.com:5000', 'Foo', '[::1]:5000'))
const tag = fc.oneof(fc.constant(''), fc.stringMatching(/^[\w][\w.-]{0,20}$/))
const digest = fc.oneof(fc.constant(''), fc.stringMatching(/^[a-f0-9]{64}$/).map((h) => `sha256:${h}`))
const reference = fc
  .tuple(domain, fc.array(component, { minLength: 1, maxLength: 3 }), tag, digest)
  .map(([d, path, t, g]) => `${d ? `${d}/` : ''}${path.join('/')}${t ? `:${t}` : ''}${g ? `@${g}` : ''}`)

describe('reference grammar properties (fast-check)', () => {
  it('prints back what it parsed, and normalises to a canonical name that ParseNamed accepts unchanged', () => {
    fc.assert(
      fc.property(reference, (s) => {
        expect(referenceString(parse(s))).toBe(s)
        const canonical = referenceString(parseNormalizedNamed(s))
        expect(referenceString(parseNamed(canonical))).toBe(canonical)
      }),
      { numRuns: fuzzRuns(300) },
    )
  })

  it('throws nothing but a ReferenceError on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), reference.map((r) => r.toUpperCase())), (s) => {
        try {
          parseNormalizedNamed(s)
        } catch (e) {
          expect(e).toBeInstanceOf(ReferenceError)
        }
      }),
      { numRuns: fuzzRuns(300) },
    )
  })
})
