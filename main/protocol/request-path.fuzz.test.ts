// Property: whatever path a page asks for, the answer is a refusal or a file strictly inside the root.

import fc from 'fast-check'
import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fuzzRuns } from '../engine/testing/fuzz'
import { isInside } from '../door/renderer-files'
import { resolveRequestPath } from './request-path'

const root = join('/srv', 'podlab', 'out', 'renderer')
const piece = fc.constantFrom('..', '.', '%2e', '%2E%2e', '%2f', '%2F', '%5c', '\\', '/', '%00', 'C:', 'a', 'index.html', '%', '%c0%af', '~', ' ')

describe('resolveRequestPath (fuzz)', () => {
  it('never resolves outside the app folder', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 12 }), (parts) => {
        const got = resolveRequestPath(`app://podlab/${parts.join('')}`, root)
        if (!got.ok) return
        expect(isInside(root, got.path)).toBe(true)
        expect(got.path.startsWith(root + sep)).toBe(true)
        expect(got.path.includes('\0')).toBe(false)
      }),
      { numRuns: fuzzRuns(3000) },
    )
  })
})
