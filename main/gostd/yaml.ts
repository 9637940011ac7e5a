// kubectl's -o yaml: the object goes through JSON and (keys in goyaml's order, yaml-key-order.ts) sigs.k8s.io/yaml v1.4.0's goyaml.v2
// emitter. This is a port of that emitter (emitterc.go: analyze_scalar, select_scalar_style, the plain /
// single-quoted / double-quoted / literal writers, write_indent and the block collection states) for the
// values JSON can hold, so that quoting, indentless sequences, `|2-` hints and folding at column 80 match.

import { yamlKeyOrder } from './yaml-key-order'
import { needsQuoting } from './yaml-resolve'

const BEST_INDENT = 2
const BEST_WIDTH = 80

type Style = 'plain' | 'single' | 'double' | 'literal'
type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** The YAML document kubectl prints for a JSON value (ends with a newline). */
export function toYaml(value: unknown): string {
  const e = new Emitter()
  e.node(value as Json, { mapping: false, simpleKey: false })
  e.writeIndent() // document end
  return e.out
}

interface Context {
  mapping: boolean
  simpleKey: boolean
}

class Emitter {
  out = ''
  private column = 0
  private whitespace = true
  private indention = true
  private indent = -1
  private readonly indents: number[] = []

  node(value: Json, ctx: Context): void {
    if (Array.isArray(value)) return value.length === 0 ? this.emptyFlow('[', ']') : this.sequence(value, ctx)
    if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value).sort(yamlKeyOrder)
      return keys.length === 0 ? this.emptyFlow('{', '}') : this.mapping(value, keys)
    }
    if (typeof value === 'string') {
      let style: Style = value.includes('\n') ? 'literal' : needsQuoting(value) ? 'double' : 'plain'
      style = selectStyle(style, analyze(value), ctx.simpleKey)
      return this.scalar(value, style, ctx.simpleKey)
    }
    this.scalar(value === null ? 'null' : typeof value === 'number' ? formatNumber(value) : String(value), 'plain', ctx.simpleKey)
  }

  private mapping(value: { [key: string]: Json }, keys: string[]): void {
    this.increaseIndent(false, false)
    for (const key of keys) {
      this.writeIndent()
      this.node(key, { mapping: true, simpleKey: true })
      this.writeIndicator(':', false, false, false)
      this.node(value[key]!, { mapping: true, simpleKey: false })
    }
    this.indent = this.indents.pop()!
  }

  private sequence(items: Json[], ctx: Context): void {
    // A sequence that is a mapping value stays at the key's indent ("indentless").
    this.increaseIndent(false, ctx.mapping && !this.indention)
    for (const item of items) {
      this.writeIndent()
      this.writeIndicator('-', true, false, true)
      this.node(item, { mapping: false, simpleKey: false })
    }
    this.indent = this.indents.pop()!
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false)
    this.writeIndicator(close, false, false, false)
  }

  private scalar(value: string, style: Style, simpleKey: boolean): void {
    this.increaseIndent(true, false)
    const allowBreaks = !simpleKey
    if (style === 'plain') this.writePlain(value, allowBreaks)
    else if (style === 'single') this.writeSingleQuoted(value, allowBreaks)
    else if (style === 'double') this.writeDoubleQuoted(value, allowBreaks)
    else this.writeLiteral(value)
    this.indent = this.indents.pop()!
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent)
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0
    else if (!indentless) this.indent += BEST_INDENT
  }

  private put(text: string): void {
    this.out += text
    this.column += [...text].length
  }

  private putBreak(): void {
    this.out += '\n'
    this.column = 0
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0)
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak()
    while (this.column < indent) this.put(' ')
    this.whitespace = true
    this.indention = true
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ')
    this.put(indicator)
    this.whitespace = isWhitespace
    this.indention = this.indention && isIndention
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ')
    const chars = [...value]
    let spaces = false
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!
      if (ch === ' ') {
        // Fold: past the width, the first of a run of single spaces becomes a line break.
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent()
        else this.put(ch)
        spaces = true
      } else {
        this.put(ch)
        this.indention = false
        spaces = false
      }
    }
    this.whitespace = false
    this.indention = false
  }

  private writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false)
    const chars = [...value]
    let spaces = false
    let breaks = false
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') {
          this.writeIndent()
        } else {
          this.put(ch)
        }
        spaces = true
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak()
        this.putBreak()
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.put(ch === "'" ? "''" : ch)
        this.indention = false
        spaces = false
        breaks = false
      }
    }
    this.writeIndicator("'", false, false, false)
    this.whitespace = false
    this.indention = false
  }

  private writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false)
    const chars = [...value]
    let spaces = false
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!
      const cp = ch.codePointAt(0)!
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        this.put(`\\${escapeFor(cp)}`)
        spaces = false
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent()
          if (chars[i + 1] === ' ') this.put('\\')
        } else {
          this.put(ch)
        }
        spaces = true
      } else {
        this.put(ch)
        spaces = false
      }
    }
    this.writeIndicator('"', false, false, false)
    this.whitespace = false
    this.indention = false
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false)
    const chars = [...value]
    if (chars[0] === ' ' || isBreak(chars[0] ?? '')) this.writeIndicator(String(BEST_INDENT), false, false, false)
    const chomp = chompHint(chars)
    if (chomp) this.writeIndicator(chomp, false, false, false)
    this.putBreak()
    this.indention = true
    this.whitespace = true
    let breaks = true
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.putBreak()
        this.indention = true
        breaks = true
      } else {
        if (breaks) this.writeIndent()
        this.put(ch)
        this.indention = false
        breaks = false
      }
    }
  }
}

/** "-" strips the final line break, "" keeps one, "+" keeps several. */
function chompHint(chars: string[]): string {
  if (chars.length === 0 || !isBreak(chars[chars.length - 1]!)) return '-'
  if (chars.length === 1 || isBreak(chars[chars.length - 2]!)) return '+'
  return ''
}

interface Analysis {
  multiline: boolean
  blockPlainAllowed: boolean
  singleQuotedAllowed: boolean
  blockAllowed: boolean
}

/** yaml_emitter_analyze_scalar, for block context (flow_level 0). */
function analyze(value: string): Analysis {
  if (value.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false }
  const chars = [...value]
  let blockIndicators = value.startsWith('---') || value.startsWith('...')
  let lineBreaks = false
  let special = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let precededByWhitespace = true
  let previousSpace = false
  let previousBreak = false
  chars.forEach((ch, i) => {
    const next = chars[i + 1]
    const followedByWhitespace = next === undefined || next === ' ' || next === '\t'
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      blockIndicators = true
    }
    if (!isPrintable(ch.codePointAt(0)!)) special = true
    if (ch === ' ') {
      if (i === 0) leadingSpace = true
      if (i === chars.length - 1) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(ch)) {
      lineBreaks = true
      if (i === 0) leadingBreak = true
      if (i === chars.length - 1) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousSpace = false
      previousBreak = true
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = ch === ' ' || ch === '\t' || isBreak(ch)
  })
  const a: Analysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true }
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false
  if (trailingSpace) a.blockAllowed = false
  if (breakSpace) {
    a.blockPlainAllowed = false
    a.singleQuotedAllowed = false
  }
  if (spaceBreak || special) {
    a.blockPlainAllowed = false
    a.singleQuotedAllowed = false
    a.blockAllowed = false
  }
  if (lineBreaks || blockIndicators) a.blockPlainAllowed = false
  return a
}

/** yaml_emitter_select_scalar_style for block context. */
function selectStyle(style: Style, a: Analysis, simpleKey: boolean): Style {
  if (simpleKey && a.multiline) style = 'double'
  if (style === 'plain' && !a.blockPlainAllowed) style = 'single'
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double'
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double'
  return style
}

function isBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029'
}

/** go-yaml's is_printable on UTF-8, in code points: LF, 0x20-0x7E, 0xA0-0xD7FF, 0xE000-0xFFFD but not 0xFEFF. */
function isPrintable(cp: number): boolean {
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
}

function escapeFor(cp: number): string {
  const short = SHORT_ESCAPES[cp]
  if (short) return short
  const hex = cp.toString(16).toUpperCase()
  if (cp <= 0xff) return `x${hex.padStart(2, '0')}`
  if (cp <= 0xffff) return `u${hex.padStart(4, '0')}`
  return `U${hex.padStart(8, '0')}`
}

/** Integers as Go's FormatInt; other numbers as strconv.FormatFloat(f, 'g', -1, 64). */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63) return BigInt(n).toString()
  // An int64 field holding int64 max reaches JavaScript as 2^63 (see api/decode/walk.ts fitsInt).
  if (n === 2 ** 63) return '9223372036854775807'
  if (Number.isNaN(n)) return '.nan'
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf'
  const [mantissa, expText] = n.toExponential().split('e') as [string, string]
  const exp = Number(expText)
  // Shortest 'g' uses an exponent below 1e-4 and from 1e6 (Go sets eprec = 6 when shortest).
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  return String(n)
}
