// Ports of k8s.io/apimachinery v0.32.0 pkg/labels/selector_test.go TestLexer, TestLexerSequence and
// TestParserLookahead.

import { describe, expect, it } from 'vitest'
import { Lexer, Token } from './lexer'
import { Parser } from './parser'

const T = Token

describe('TestLexer: one token per literal, the longest operator first', () => {
  const cases: Array<[string, Token]> = [
    ['', T.EndOfString],
    [',', T.Comma],
    ['notin', T.NotIn],
    ['in', T.In],
    ['=', T.Equals],
    ['==', T.DoubleEquals],
    ['>', T.GreaterThan],
    ['<', T.LessThan],
    ['!', T.DoesNotExist],
    ['!=', T.NotEquals],
    ['(', T.OpenPar],
    [')', T.ClosedPar],
    // Non-"special" characters are part of an identifier.
    ['~', T.Identifier],
    ['||', T.Identifier],
  ]
  it.each(cases)('%j lexes as token %i with itself as literal', (s, tok) => {
    expect(new Lexer(s).lex()).toEqual({ tok, literal: s })
  })
})

const SEQUENCES: Array<[string, Token[]]> = [
  ['key in ( value )', [T.Identifier, T.In, T.OpenPar, T.Identifier, T.ClosedPar]],
  ['key notin ( value )', [T.Identifier, T.NotIn, T.OpenPar, T.Identifier, T.ClosedPar]],
  ['key in ( value1, value2 )', [T.Identifier, T.In, T.OpenPar, T.Identifier, T.Comma, T.Identifier, T.ClosedPar]],
  ['key', [T.Identifier]],
  ['!key', [T.DoesNotExist, T.Identifier]],
  ['()', [T.OpenPar, T.ClosedPar]],
  ['x in (),y', [T.Identifier, T.In, T.OpenPar, T.ClosedPar, T.Comma, T.Identifier]],
  ['== != (), = notin', [T.DoubleEquals, T.NotEquals, T.OpenPar, T.ClosedPar, T.Comma, T.Equals, T.NotIn]],
  ['key>2', [T.Identifier, T.GreaterThan, T.Identifier]],
  ['key<1', [T.Identifier, T.LessThan, T.Identifier]],
]

describe('TestLexerSequence: whitespace and special symbols split tokens', () => {
  it.each(SEQUENCES)('%j', (s, want) => {
    const lexer = new Lexer(s)
    const got: Token[] = []
    for (let item = lexer.lex(); item.tok !== T.EndOfString; item = lexer.lex()) got.push(item.tok)
    expect(got).toEqual(want)
  })
})

describe('TestParserLookahead: the scanned items end with EndOfString; lookahead and consume agree', () => {
  const withEmpty: Array<[string, Token[]]> = [...SEQUENCES, ['', []]]
  const cases = withEmpty.map(([s, toks]): [string, Token[]] => [s, [...toks, T.EndOfString]])
  it.each(cases)('%j', (s, want) => {
    const p = new Parser(s)
    expect(p.scannedItems.map((i) => i.tok)).toEqual(want)
    for (;;) {
      const ahead = p.lookahead('keyAndOperator')
      const taken = p.consume('keyAndOperator')
      expect(taken).toEqual(ahead)
      if (ahead.tok === T.EndOfString) break
    }
  })
})

describe('the lexer reads like Go over bytes', () => {
  it('a NUL byte ends the input where a token would start (Go read() returns 0 for it)', () => {
    expect(new Lexer('\0a').lex().tok).toBe(T.EndOfString)
  })
  it('a NUL byte inside an identifier ends it and lexing goes on after it', () => {
    const l = new Lexer('a\0b')
    expect([l.lex(), l.lex(), l.lex()]).toEqual([
      { tok: T.Identifier, literal: 'a' },
      { tok: T.Identifier, literal: 'b' },
      { tok: T.EndOfString, literal: '' },
    ])
  })
  it('\\r and \\n are whitespace; other characters such as non-ASCII ones belong to identifiers', () => {
    const l = new Lexer('\r\nké=v')
    expect(l.lex()).toEqual({ tok: T.Identifier, literal: 'ké' })
  })
  it('special symbols that make no longer token stop at the longest one (`!==` is `!=` then `=`)', () => {
    const l = new Lexer('!==')
    expect([l.lex().tok, l.lex().tok]).toEqual([T.NotEquals, T.Equals])
  })
})
