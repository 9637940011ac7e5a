// The label selector lexer, token for token as upstream's (k8s.io/apimachinery v0.32.0 pkg/labels/selector.go
// Lexer): whitespace splits, the special symbols = ! ( ) , > < make the longest operator they can, and every
// other run of characters is an identifier, or a keyword when it is exactly `in` / `notin`. Go reads bytes and
// stops at a NUL byte as at the end; non-ASCII bytes are never special, so reading UTF-16 units splits the same.

export const Token = {
  Error: 0,
  EndOfString: 1,
  ClosedPar: 2,
  Comma: 3,
  DoesNotExist: 4,
  DoubleEquals: 5,
  Equals: 6,
  GreaterThan: 7,
  Identifier: 8,
  In: 9,
  LessThan: 10,
  NotEquals: 11,
  NotIn: 12,
  OpenPar: 13,
} as const
export type Token = (typeof Token)[keyof typeof Token]

/** string2token: every literal with a token of its own. */
const STRING_TO_TOKEN: ReadonlyMap<string, Token> = new Map<string, Token>([
  [')', Token.ClosedPar],
  [',', Token.Comma],
  ['!', Token.DoesNotExist],
  ['==', Token.DoubleEquals],
  ['=', Token.Equals],
  ['>', Token.GreaterThan],
  ['in', Token.In],
  ['<', Token.LessThan],
  ['!=', Token.NotEquals],
  ['notin', Token.NotIn],
  ['(', Token.OpenPar],
])

export interface ScannedItem {
  tok: Token
  literal: string
}

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n'
const isSpecialSymbol = (ch: string): boolean => '=!(),><'.includes(ch) && ch !== ''
/** Go's read() gives byte 0 both at the end and for a NUL byte. */
const END = '\0'

export class Lexer {
  private pos = 0
  constructor(private readonly s: string) {}

  private read(): string {
    if (this.pos >= this.s.length) return END
    return this.s[this.pos++] ?? END
  }

  private unread(): void {
    this.pos--
  }

  private scanIdOrKeyword(): ScannedItem {
    let buffer = ''
    for (;;) {
      const ch = this.read()
      if (ch === END) break
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.unread()
        break
      }
      buffer += ch
    }
    return { tok: STRING_TO_TOKEN.get(buffer) ?? Token.Identifier, literal: buffer }
  }

  private scanSpecialSymbol(): ScannedItem {
    let last: ScannedItem | undefined
    let buffer = ''
    for (;;) {
      const ch = this.read()
      if (ch === END) break
      if (!isSpecialSymbol(ch)) {
        this.unread()
        break
      }
      buffer += ch
      const tok = STRING_TO_TOKEN.get(buffer)
      if (tok !== undefined) last = { tok, literal: buffer }
      else if (last !== undefined) {
        this.unread()
        break
      }
    }
    return last ?? { tok: Token.Error, literal: `error expected: keyword found '${buffer}'` }
  }

  /** The next token and its literal (the literal matters for identifiers and error messages). */
  lex(): ScannedItem {
    let ch = this.read()
    while (isWhitespace(ch)) ch = this.read()
    if (ch === END) return { tok: Token.EndOfString, literal: '' }
    this.unread()
    return isSpecialSymbol(ch) ? this.scanSpecialSymbol() : this.scanIdOrKeyword()
  }
}
