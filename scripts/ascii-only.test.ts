// The bundle escaped to ASCII means what it meant: the same strings, templates, regular expressions (with and
// without the u flag, astral characters included) and identity escapes.

import { describe, expect, it } from 'vitest'
import { escapeNonAscii } from './ascii-only.mjs'

/** The value of the expression `source`, evaluated as the bundle would be. */
const value = (source: string): unknown => new Function(`return (${source})`)()

const cases: Array<[name: string, source: string]> = [
  ['a string', "'µs — § ‘x’ 한국어'"],
  ['a template', '`${1} × ${2} — ok`'],
  ['an astral character in a string', "'a😀b'"],
  ['a regular expression', "'5µs'.replace(/(\\d+)(µs)/, '$2$1')"],
  ['a character class with the u flag and an astral character', "[...'x😀y'.matchAll(/[😀é]/gu)].map((m) => m[0]).join()"],
  ['an identity escape', "'\\é' + String(/\\µ/.test('µ'))"],
  ['a backslash before the character', "'\\\\é'"],
  ['a comment', "/* 3 × 4 */ 12"],
]

describe('escapeNonAscii', () => {
  it.each(cases)('%s keeps its value and is ASCII', (_name, source) => {
    const escaped = escapeNonAscii(source)
    expect(escaped).toMatch(/^[\x00-\x7f]*$/)
    expect(value(escaped)).toEqual(value(source))
  })

  it('leaves ASCII code as it is', () => {
    const code = "const a = '\\\\u00e9' // plain\n"
    expect(escapeNonAscii(code)).toBe(code)
  })
})
