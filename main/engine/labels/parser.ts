// labels.Parse: the recursive-descent parser over the lexer's tokens, with upstream's error texts word for word
// (kubectl users read them: `unable to parse requirement: found '', expected: ',' or ')'`).
// Source: k8s.io/apimachinery v0.32.0 pkg/labels/selector.go Parser.

import { aggregateText, LabelSelectorError } from './errors'
import { Lexer, Token, type ScannedItem } from './lexer'
import { BINARY_OPERATORS, compareStrings, labelKeyError, newRequirement, type Requirement } from './requirement'
import type { Operator } from './types'

/** In the Values context `in` and `notin` are plain identifiers (`a in (in,notin)`, `notin=in`). */
type Context = 'keyAndOperator' | 'values'

/** Parse is called without a field path, and a nil *field.Path prints as `<nil>` in the key's error. */
const NIL_PATH = '<nil>'

const fail = (message: string): never => {
  throw new LabelSelectorError(message)
}

export class Parser {
  readonly scannedItems: ScannedItem[] = []
  private position = 0

  constructor(text: string) {
    const lexer = new Lexer(text)
    for (;;) {
      const item = lexer.lex()
      this.scannedItems.push(item)
      if (item.tok === Token.EndOfString) break
    }
  }

  lookahead(context: Context): ScannedItem {
    return this.inContext(this.scannedItems[this.position], context)
  }

  consume(context: Context): ScannedItem {
    return this.inContext(this.scannedItems[this.position++], context)
  }

  private inContext(item: ScannedItem | undefined, context: Context): ScannedItem {
    // Reading past the end cannot happen (every branch stops at EndOfString), but keep the answer total.
    const it = item ?? { tok: Token.EndOfString, literal: '' }
    if (context === 'values' && (it.tok === Token.In || it.tok === Token.NotIn)) return { tok: Token.Identifier, literal: it.literal }
    return it
  }

  /** The requirements in the order written; parseSelector sorts them. */
  parse(): Requirement[] {
    const requirements: Requirement[] = []
    for (;;) {
      const { tok, literal } = this.lookahead('values')
      if (tok === Token.EndOfString) return requirements
      if (tok !== Token.Identifier && tok !== Token.DoesNotExist) fail(`found '${literal}', expected: !, identifier, or 'end of string'`)
      requirements.push(this.parseRequirementWrapped())
      const after = this.consume('values')
      if (after.tok === Token.EndOfString) return requirements
      if (after.tok !== Token.Comma) fail(`found '${after.literal}', expected: ',' or 'end of string'`)
      const next = this.lookahead('values')
      if (next.tok !== Token.Identifier && next.tok !== Token.DoesNotExist) fail(`found '${next.literal}', expected: identifier after ','`)
    }
  }

  private parseRequirementWrapped(): Requirement {
    try {
      return this.parseRequirement()
    } catch (e) {
      if (e instanceof LabelSelectorError) throw new LabelSelectorError(`unable to parse requirement: ${e.message}`, e.fieldErrors)
      throw e
    }
  }

  parseRequirement(): Requirement {
    const { key, operator: inferred } = this.parseKeyAndInferOperator()
    if (inferred !== undefined) return newRequirement(key, inferred, [])
    const operator = this.parseOperator()
    const values = operator === 'in' || operator === 'notin' ? this.parseValues() : this.parseExactValue()
    return newRequirement(key, operator, [...values].sort(compareStrings))
  }

  /** The key, and `exists` / `!` when no operator follows it (undefined when one must be parsed). */
  private parseKeyAndInferOperator(): { key: string; operator: Operator | undefined } {
    let operator: Operator | undefined
    let item = this.consume('values')
    if (item.tok === Token.DoesNotExist) {
      operator = '!'
      item = this.consume('values')
    }
    if (item.tok !== Token.Identifier) fail(`found '${item.literal}', expected: identifier`)
    const keyErr = labelKeyError(item.literal, NIL_PATH)
    if (keyErr) throw new LabelSelectorError(aggregateText([keyErr]), [keyErr])
    // `!key` stays DoesNotExist even when an operator follows: parse() then fails on that operator.
    const next = this.lookahead('values').tok
    if (operator === undefined && (next === Token.EndOfString || next === Token.Comma)) operator = 'exists'
    return { key: item.literal, operator }
  }

  parseOperator(): Operator {
    const { tok, literal } = this.consume('keyAndOperator')
    const op = OPERATOR_OF_TOKEN.get(tok)
    return op ?? fail(`found '${literal}', expected: ${BINARY_OPERATORS.join(', ')}`)
  }

  /** `(a,b,c)`: a set, so duplicates fold and `()`, `(,` and `,)` hold the empty value. */
  private parseValues(): Set<string> {
    const open = this.consume('values')
    if (open.tok !== Token.OpenPar) fail(`found '${open.literal}' expected: '('`)
    const { tok, literal } = this.lookahead('values')
    if (tok === Token.Identifier || tok === Token.Comma) {
      const s = this.parseIdentifiersList()
      if (this.consume('values').tok !== Token.ClosedPar) fail(`found '${literal}', expected: ')'`)
      return s
    }
    if (tok === Token.ClosedPar) {
      this.consume('values')
      return new Set([''])
    }
    return fail(`found '${literal}', expected: ',', ')' or identifier`)
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>()
    for (;;) {
      const { tok, literal } = this.consume('values')
      if (tok === Token.Identifier) {
        s.add(literal)
        const next = this.lookahead('values')
        if (next.tok === Token.Comma) continue
        if (next.tok === Token.ClosedPar) return s
        fail(`found '${next.literal}', expected: ',' or ')'`)
      } else if (tok === Token.Comma) {
        if (s.size === 0) s.add('')
        const next = this.lookahead('values').tok
        if (next === Token.ClosedPar) {
          s.add('')
          return s
        }
        if (next === Token.Comma) {
          this.consume('values')
          s.add('')
        }
      } else {
        fail(`found '${literal}', expected: ',', or identifier`)
      }
    }
  }

  /** The one value after `=`, `==`, `!=`, `>` or `<`; nothing before `,` or the end is the empty value. */
  private parseExactValue(): Set<string> {
    const ahead = this.lookahead('values').tok
    if (ahead === Token.EndOfString || ahead === Token.Comma) return new Set([''])
    const { tok, literal } = this.consume('values')
    if (tok === Token.Identifier) return new Set([literal])
    return fail(`found '${literal}', expected: identifier`)
  }
}

const OPERATOR_OF_TOKEN: ReadonlyMap<Token, Operator> = new Map<Token, Operator>([
  [Token.In, 'in'],
  [Token.Equals, '='],
  [Token.DoubleEquals, '=='],
  [Token.GreaterThan, 'gt'],
  [Token.LessThan, 'lt'],
  [Token.NotIn, 'notin'],
  [Token.NotEquals, '!='],
])
