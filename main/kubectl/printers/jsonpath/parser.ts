// kubectl's JSONPath dialect, parsed as client-go util/jsonpath/parser.go (v0.32.5) parses it: ported by hand,
// function for function, so that templates are accepted, refused and worded exactly as kubectl does
// (`unclosed action`, `unrecognized character in action: U+002A '*'`, `invalid array index x`). Positions are
// JS string indices; Go's are bytes, which only differs in what no message shows.

import {
  newArray, newBool, newFilter, newField, newFloat, newIdentifier, newInt, newList, newRecursive, newText, newUnion, newWildcard,
  type ListNode, type ParamsEntry,
} from './node'

/** Why a template was refused; the message is client-go's own. */
export class JsonPathParseError extends Error {
  readonly reason = 'JsonPathParse'
}

const EOF = ''
const DICT_KEY = /^'([^']*)'$/
const SLICE_OPERATOR = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/

/** Parse: the template's tree (a list of text and action lists). Throws JsonPathParseError. */
export function parse(text: string): ListNode {
  return new Parser(text).parse()
}

/** parseAction: the expression inside one pair of delimiters, as a list. */
function parseAction(text: string): ListNode {
  return parse(`{${text}}`).nodes[0] as ListNode
}

class Parser {
  readonly root = newList()
  private pos = 0
  private start = 0
  private width = 0

  constructor(private readonly input: string) {}

  parse(): ListNode {
    this.parseText(this.root)
    return this.root
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos)
    this.start = this.pos
    return value
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0
      return EOF
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos)!)
    this.width = r.length
    this.pos += this.width
    return r
  }

  private peek(): string {
    const r = this.next()
    this.backup()
    return r
  }

  private backup(): void {
    this.pos -= this.width
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push(newText(this.consumeText()))
        return this.parseLeftDelim(cur)
      }
      if (this.next() === EOF) break
    }
    if (this.pos > this.start) cur.nodes.push(newText(this.consumeText()))
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += 1
    this.consumeText()
    const node = newList()
    cur.nodes.push(node)
    this.parseInsideAction(node)
  }

  private parseInsideAction(cur: ListNode): void {
    const rest = this.input.slice(this.pos)
    if (rest.startsWith('}')) return this.parseRightDelim()
    if (rest.startsWith('[?(')) return this.parseFilter(cur)
    if (rest.startsWith('..')) return this.parseRecursive(cur)
    const r = this.next()
    if (r === EOF || isEndOfLine(r)) throw new JsonPathParseError('unclosed action')
    if (r === ' ' || r === '@' || r === '$') this.consumeText()
    else if (r === '[') return this.parseArray(cur)
    else if (r === '"' || r === "'") return this.parseQuote(cur, r)
    else if (r === '.') return this.parseField(cur)
    else if (r === '+' || r === '-' || isDigit(r)) {
      this.backup()
      return this.parseNumber(cur)
    } else if (isAlphaNumeric(r)) {
      this.backup()
      return this.parseIdentifier(cur)
    } else throw new JsonPathParseError(`unrecognized character in action: ${sharpU(r)}`)
    return this.parseInsideAction(cur)
  }

  private parseRightDelim(): void {
    this.pos += 1
    this.consumeText()
    this.parseText(this.root)
  }

  /** Built-in keywords (`range`, `end`) and the booleans. */
  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      if (isTerminator(this.next())) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    cur.nodes.push(value === 'true' || value === 'false' ? newBool(value === 'true') : newIdentifier(value))
    this.parseInsideAction(cur)
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes.at(-1)?.type === 'NodeRecursive') throw new JsonPathParseError('invalid multiple recursive descent')
    this.pos += 2
    this.consumeText()
    cur.nodes.push(newRecursive())
    if (isAlphaNumeric(this.peek())) return this.parseField(cur)
    this.parseInsideAction(cur)
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek()
    if (r === '+' || r === '-') this.next()
    for (;;) {
      const d = this.next()
      if (d !== '.' && !isDigit(d)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    const int = atoi(value)
    if (int !== undefined) cur.nodes.push(newInt(int))
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push(newFloat(Number(value)))
    else throw new JsonPathParseError(`cannot parse number ${value}`)
    this.parseInsideAction(cur)
  }

  /** Index, slice, union (`[1,3]`) or quoted key (`['a.b']`) selection. */
  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated array')
      if (r === ']') break
    }
    let text = this.consumeText().slice(1, -1)
    if (text === '*') text = ':'

    const parts = text.split(',')
    if (parts.length > 1) {
      cur.nodes.push(newUnion(parts.map((part) => parseAction(`[${trimSpaces(part)}]`))))
      return this.parseInsideAction(cur)
    }

    const key = DICT_KEY.exec(text)
    if (key) {
      for (const node of parseAction(`.${key[1]}`).nodes) cur.nodes.push(node)
      return this.parseInsideAction(cur)
    }

    const slice = SLICE_OPERATOR.exec(text)
    if (!slice) throw new JsonPathParseError(`invalid array index ${text}`)
    const values = [slice[1] ?? '', slice[2] ?? '', slice[3] ?? '']
    const params: ParamsEntry[] = []
    for (let i = 0; i < 3; i++) {
      let value = values[i]!
      if (value !== '') {
        if (i > 0) value = value.slice(1)
        if (i > 0 && value === '') params.push({ value: 0, known: false, derived: false })
        else {
          const n = atoi(value)
          if (n === undefined) throw new JsonPathParseError(`array index ${value} is not a number`)
          params.push({ value: n, known: true, derived: false })
        }
      } else if (i === 1) params.push({ value: params[0]!.value + 1, known: true, derived: true })
      else params.push({ value: 0, known: false, derived: false })
    }
    cur.nodes.push(newArray(params as [ParamsEntry, ParamsEntry, ParamsEntry]))
    this.parseInsideAction(cur)
  }

  /** `[?(@.a == "x")]`: left operand, operator, right operand; or `[?(@.a)]`, an exists test. */
  private parseFilter(cur: ListNode): void {
    this.pos += 3
    this.consumeText()
    let begin = false
    let end = false
    let pair = ''
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated filter')
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true
      } else if (r === ')' && begin === end) break
    }
    if (this.next() !== ']') throw new JsonPathParseError('unclosed array expect ]')
    const text = this.consumeText().slice(0, -2)
    const m = FILTER.exec(text)
    if (!m) cur.nodes.push(newFilter(parseAction(text), newList(), 'exists'))
    else cur.nodes.push(newFilter(parseAction(m[1]!), parseAction(m[3]!), m[2]!))
    this.parseInsideAction(cur)
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === '\n') throw new JsonPathParseError('unterminated quoted string')
      if (r === end && this.input[this.pos - 2] !== '\\') break
    }
    const value = this.consumeText()
    const s = unquoteExtend(value)
    if (s === undefined) throw new JsonPathParseError(`unquote string ${value} error invalid syntax`)
    cur.nodes.push(newText(s))
    this.parseInsideAction(cur)
  }

  private parseField(cur: ListNode): void {
    this.consumeText()
    while (this.advance());
    const value = this.consumeText()
    cur.nodes.push(value === '*' ? newWildcard() : newField(value.replaceAll('\\', '')))
    this.parseInsideAction(cur)
  }

  /** Scans to the next terminator that is not escaped (`kubernetes\.io/hostname` is one field). */
  private advance(): boolean {
    const r = this.next()
    if (r === '\\') this.next()
    else if (isTerminator(r)) {
      this.backup()
      return false
    }
    return true
  }
}

function isTerminator(r: string): boolean {
  return r === EOF || r === ' ' || r === '\t' || isEndOfLine(r) || '.,[]$@{}'.includes(r)
}

function isEndOfLine(r: string): boolean {
  return r === '\r' || r === '\n'
}

function isDigit(r: string): boolean {
  return /^\p{Nd}$/u.test(r)
}

function isAlphaNumeric(r: string): boolean {
  return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r)
}

/** strings.Trim(s, " "). */
function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, '')
}

/** strconv.Atoi: an optional sign and decimal digits, else undefined. */
function atoi(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined
}

/** fmt's %#U: `U+002A '*'`. */
function sharpU(r: string): string {
  const cp = r.codePointAt(0)!
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${hex} '${r}'` : hex
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }

/**
 * UnquoteExtend: strconv.Unquote that also takes single-quoted strings (each escape as strconv.UnquoteChar reads
 * it). Undefined where Go answers ErrSyntax.
 */
export function unquoteExtend(s: string): string | undefined {
  const quote = s[0]
  if (s.length < 2 || quote !== s.at(-1) || (quote !== '"' && quote !== "'")) return undefined
  const body = s.slice(1, -1)
  if (!body.includes('\\') && !body.includes(quote)) return body
  let out = ''
  let i = 0
  while (i < body.length) {
    const c = body[i]!
    if (c === quote) return undefined
    if (c !== '\\') {
      const ch = String.fromCodePoint(body.codePointAt(i)!)
      out += ch
      i += ch.length
      continue
    }
    const e = body[i + 1]
    if (e === undefined) return undefined
    i += 2
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e]
    else if (e === "'" || e === '"') {
      if (e !== quote) return undefined
      out += e
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = body.slice(i, i + n)
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return undefined
      const v = parseInt(hex, 16)
      if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v < 0xe000))) return undefined
      // \xNN is one byte: a byte above 0x7f alone is no valid UTF-8, which Go keeps as the byte.
      out += String.fromCodePoint(v)
      i += n
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i - 1, i + 2)
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return undefined
      out += String.fromCodePoint(parseInt(oct, 8))
      i += 2
    } else return undefined
  }
  return out
}
