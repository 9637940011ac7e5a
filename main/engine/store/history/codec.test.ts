// The history encodings round-trip any text byte for byte, read what they wrote in the past (the dictionary and
// the formats are forever), and turn hostile data into CodecError: never a crash, a hang or gigabytes.

import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { CodecError, decodeFull, decodePatch, encodeFull, encodePatch, MAX_COMPRESSED_BODY_BYTES } from './codec'
import { DICTIONARY_V1 } from './dictionary-v1'

const POD = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default"}}'
const POD_2 = '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-2","namespace":"default","labels":{"app":"web"}}}'

/** JSON texts as objects are written: unicode (emoji, Korean, lone surrogates escaped by JSON.stringify) included. */
const jsonText = fc.jsonValue().map((v) => JSON.stringify(v))
const anyText = fc.oneof(jsonText, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary', maxLength: 3000 }))

describe('history codec', () => {
  it('gives back every text byte for byte, whole (FULL_V1) and as a patch against any base (PATCH)', () => {
    fc.assert(
      fc.property(anyText, anyText, (text, base) => {
        expect(decodeFull(encodeFull(text))).toBe(text)
        expect(decodePatch(encodePatch(text, base), base)).toBe(text)
      }),
      { numRuns: 300 },
    )
  })

  it('reads what it wrote before: DICTIONARY_V1 is byte for byte the one shipped, and stored data of both encodings decodes', () => {
    expect(createHash('sha256').update(DICTIONARY_V1).digest('hex')).toBe('768733315071fa18753553aa7a5bf97fdc9bf4f83c3e383708f12650e61cd6a3')
    expect(decodeFull(Buffer.from('I2mkBDEEgGuusRYA', 'base64'))).toBe(POD)
    expect(decodePatch(Buffer.from('qybPPF0jHCbqKOUkJqXmFIOUJxYUQG2vra0FAA==', 'base64'), POD)).toBe(POD_2)
  })

  it('turns data that does not inflate, or inflates against another base, into CodecError', () => {
    expect(() => decodeFull(Buffer.from('not deflate at all, just text'))).toThrow(CodecError)
    expect(() => decodeFull(Buffer.alloc(0))).toThrow(CodecError)
    // Made against POD, read against another base: its back-references point at the wrong bytes or nowhere.
    const patch = encodePatch(POD_2, POD)
    let text: string | undefined
    try {
      text = decodePatch(patch, 'x')
    } catch (e) {
      expect(e).toBeInstanceOf(CodecError)
    }
    expect(text).not.toBe(POD_2)
  })

  it('stops inflating at MAX_COMPRESSED_BODY_BYTES: a few KB that would inflate to 64 MiB is a CodecError', () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { dictionary: Buffer.from(DICTIONARY_V1) })
    expect(bomb.length).toBeLessThan(100_000)
    expect(() => decodeFull(bomb)).toThrow(new CodecError(`inflates to more than ${MAX_COMPRESSED_BODY_BYTES} bytes`))
  })

  it('refuses data that inflates to bytes that are not UTF-8', () => {
    const bytes = deflateRawSync(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { dictionary: Buffer.from(DICTIONARY_V1) })
    expect(() => decodeFull(bytes)).toThrow(new CodecError('inflates to bytes that are not UTF-8'))
  })
})
