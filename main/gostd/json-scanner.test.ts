// Facts: Go's encoding/json tests (decode_test.go unmarshalSyntaxTests: message and Offset of each
// SyntaxError) and stream.go's Decoder (values one after another, the byte count kept across them), and the
// real kubectl 1.32 (kubectl/cmd/apply/testdata-yaml/*-json-*: "json: offset 71: ...").
import { describe, expect, it } from 'vitest'
import { jsonStream } from './json-scanner'

const items = (text: string, maxDepth?: number) => [...jsonStream(text, maxDepth)]

describe('jsonStream', () => {
  it.each([
    ['{"X": "foo", "Y"}', "invalid character '}' after object key", 17],
    ['[1, 2, 3+]', "invalid character '+' after array element", 9],
    ['{"X":12x}', "invalid character 'x' after object key:value pair", 8],
    ['{"F3": -}', "invalid character '}' in numeric literal", 9],
    ['\x01 42', "invalid character '\\x01' looking for beginning of value", 1],
    ["{'a': 1}", "invalid character '\\'' looking for beginning of object key string", 2],
    ['{"a": tru}', "invalid character '}' in literal true (expecting 'e')", 10],
    ['{"a": "x\ny"}', "invalid character '\\n' in string literal", 9],
    ['["\\q"]', "invalid character 'q' in string escape code", 4],
  ])('%j: %s after %i bytes', (text, message, offset) => {
    expect(items(text)).toEqual([{ syntaxError: message, offset }])
  })

  it('counts bytes, not characters: UTF-8 text before the error moves the offset', () => {
    expect(items('{"é": 1,}')).toEqual([{ syntaxError: "invalid character '}' looking for beginning of object key string", offset: 10 }])
  })

  it('reads values one after another, counting bytes across them, until only whitespace is left', () => {
    expect(items('{"a":1} [2]\n 3\n')).toEqual([{ text: '{"a":1}' }, { text: ' [2]' }, { text: '\n 3' }])
    expect(items(' 42 \x01')).toEqual([{ text: ' 42' }, { syntaxError: "invalid character '\\x01' looking for beginning of value", offset: 5 }])
  })

  it('says the input ended inside a value (io.ErrUnexpectedEOF)', () => {
    expect(items('[2, 3')).toEqual([{ unexpectedEOF: true }])
    expect(items('{"a": 1}\n{"b"')).toEqual([{ text: '{"a": 1}' }, { unexpectedEOF: true }])
  })

  it('stops nesting at maxDepth in its own words', () => {
    expect(items('[[[1]]]', 2)).toEqual([{ syntaxError: "invalid character '[' exceeded max depth", offset: 3 }])
  })
})
