import { describe, expect, it } from 'vitest'
import { goJsonSyntaxError, quoteChar } from './json-syntax'

describe('goJsonSyntaxError (Go encoding/json checkValid)', () => {
  it.each([
    ['', 'unexpected end of JSON input'],
    ['{', 'unexpected end of JSON input'],
    ['{"kind":', 'unexpected end of JSON input'],
    ['"abc', 'unexpected end of JSON input'],
    ['xyz', "invalid character 'x' looking for beginning of value"],
    ['{]', "invalid character ']' looking for beginning of object key string"],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 x}', "invalid character 'x' after object key:value pair"],
    ['[1 2]', "invalid character '2' after array element"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['1 2', "invalid character '2' after top-level value"],
    ['{} x', "invalid character 'x' after top-level value"],
    ['tru', "invalid character ' ' in literal true (expecting 'e')"],
    ['nul!', "invalid character '!' in literal null (expecting 'l')"],
    ['"\\q"', "invalid character 'q' in string escape code"],
    ['"\\u12x4"', "invalid character 'x' in \\u hexadecimal character escape"],
    ['"a\nb"', "invalid character '\\n' in string literal"],
    ['-x', "invalid character 'x' in numeric literal"],
    ['1.x', "invalid character 'x' after decimal point in numeric literal"],
    ['1ex', "invalid character 'x' in exponent of numeric literal"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
  ])('%j: %s', (text, message) => {
    expect(goJsonSyntaxError(text)).toBe(message)
  })

  it.each(['{}', '[]', '0', '-1.5e+3', '"\\u00e9"', 'true', ' null ', '{"a":[1,{"b":false}],"c":"d"}', '"日本"'])('accepts %j', (text) => {
    expect(goJsonSyntaxError(text)).toBeUndefined()
  })

  it('quotes bytes as Go quoteChar does', () => {
    expect([quoteChar(0x22), quoteChar(0), quoteChar(0x7f), quoteChar(0xe6), quoteChar(0x5c)]).toEqual([`'"'`, "'\\x00'", "'\\x7f'", "'\\xe6'", "'\\\\'"])
  })
})
