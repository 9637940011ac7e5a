// Cases from Go's src/encoding/base64/base64_test.go: TestDecodeCorrupt (offsets), TestNewLineCharacters,
// TestDecoderIssue7733, and the RFC 3548 pairs of its `pairs` table.
import { describe, expect, it } from 'vitest'
import { decodeStdBase64, encodeStdBase64 } from './base64'

const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s)
const textOf = (b: Uint8Array): string => new TextDecoder().decode(b)

describe('decodeStdBase64: the offset Go names in `illegal base64 data at input byte N` (TestDecodeCorrupt)', () => {
  it.each<[string, number]>([
    ['', -1],
    ['\n', -1],
    ['AAA=\n', -1],
    ['AAAA\n', -1],
    ['!!!!', 0],
    ['====', 0],
    ['x===', 1],
    ['=AAA', 0],
    ['A=AA', 1],
    ['AA=A', 2],
    ['AA==A', 4],
    ['AAA=AAAA', 4],
    ['AAAAA', 4],
    ['AAAAAA', 4],
    ['A=', 1],
    ['A==', 1],
    ['AA=', 3],
    ['AA==', -1],
    ['AAA=', -1],
    ['AAAA', -1],
    ['AAAAAA=', 7],
    ['YWJjZA=====', 8],
    ['A!\n', 1],
    ['A=\n', 1],
  ])('%j -> %i', (input, offset) => {
    const r = decodeStdBase64(bytesOf(input))
    if (offset === -1) expect(r.ok).toBe(true)
    else expect(r).toMatchObject({ ok: false, offset, message: `illegal base64 data at input byte ${offset}` })
  })
})

describe('decodeStdBase64 decodes', () => {
  it.each(['c3VyZQ==', 'c3VyZQ==\r', 'c3VyZQ==\n', 'c3VyZQ==\r\n', 'c3VyZ\r\nQ==', 'c3V\ryZ\nQ==', 'c3V\nyZ\rQ==', 'c3VyZ\nQ==', 'c3VyZQ\n==', 'c3VyZQ=\n=', 'c3VyZQ=\r\n\r\n=',
  ])('%j to "sure", skipping newlines (TestNewLineCharacters)', (input) => {
    const r = decodeStdBase64(bytesOf(input))
    expect(r.ok && textOf(r.bytes)).toBe('sure')
  })
})

describe('encodeStdBase64 (RFC 3548 examples of base64_test.go pairs)', () => {
  it.each<[string, string]>([
    ['\x14\xfb\x9c\x03\xd9\x7e', 'FPucA9l+'],
    ['\x14\xfb\x9c\x03\xd9', 'FPucA9k='],
    ['\x14\xfb\x9c\x03', 'FPucAw=='],
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['sure.', 'c3VyZS4='],
  ])('%j -> %s, and back', (raw, encoded) => {
    const bytes = Uint8Array.from([...raw].map((c) => c.charCodeAt(0)))
    expect(encodeStdBase64(bytes)).toBe(encoded)
    const back = decodeStdBase64(bytesOf(encoded))
    expect(back.ok && [...back.bytes]).toEqual([...bytes])
  })
})
