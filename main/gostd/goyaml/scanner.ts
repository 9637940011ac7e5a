// go-yaml v2's scanner (sigs.k8s.io/yaml v1.4.0 goyaml.v2/scannerc.go, itself a port of libyaml's scanner.c),
// ported by hand to TypeScript, function by function and in the same order of checks, so that a broken
// manifest fails at the same token, with the same problem and the same marks as in kubectl. Names follow the
// Go source (yaml_parser_fetch_* -> fetch*, yaml_parser_scan_* -> scan*). Errors throw a YamlError instead of
// returning false: go-yaml stops at its first error too. The reader's buffer is the character array (NUL past
// the end); `cache(n)` stands for `parser.unread < n && !yaml_parser_update_buffer(parser, n)`.

import { YamlError, type Mark } from './errors'
import { Reader } from './reader'

export const enum TokenType {
  StreamStart,
  StreamEnd,
  VersionDirective,
  TagDirective,
  DocumentStart,
  DocumentEnd,
  BlockSequenceStart,
  BlockMappingStart,
  BlockEnd,
  FlowSequenceStart,
  FlowSequenceEnd,
  FlowMappingStart,
  FlowMappingEnd,
  BlockEntry,
  FlowEntry,
  Key,
  Value,
  Alias,
  Anchor,
  Tag,
  Scalar,
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded'

export interface Token {
  type: TokenType
  start: Mark
  end: Mark
  /** Scalar value, anchor or alias name, tag handle, %TAG handle. */
  value?: string
  /** Tag suffix. */
  suffix?: string
  /** %TAG prefix. */
  prefix?: string
  style?: ScalarStyle
  major?: number
  minor?: number
}

interface SimpleKey {
  possible: boolean
  required: boolean
  tokenNumber: number
  mark: Mark
}

/** max_flow_level and max_indents: how deep go-yaml lets flow collections and block indents nest. */
export const MAX_DEPTH = 10000
const MAX_NUMBER_LENGTH = 2

const isBreakChar = (c: string) => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029'
const isBlankChar = (c: string) => c === ' ' || c === '\t'
const isAlphaChar = (c: string) => /^[0-9A-Za-z_-]$/.test(c)
const isDigitChar = (c: string) => c >= '0' && c <= '9'
const isHexChar = (c: string) => /^[0-9A-Fa-f]$/.test(c)

export class Scanner {
  private readonly reader: Reader
  private readonly buf: string[]
  private pos = 0
  private mark: Mark = { index: 0, line: 0, column: 0 }

  private streamStartProduced = false
  streamEndProduced = false
  private flowLevel = 0
  private tokens: Token[] = []
  private tokensHead = 0
  private tokensParsed = 0
  private tokenAvailable = false
  private indent = 0
  private indents: number[] = []
  private simpleKeyAllowed = false
  private simpleKeys: SimpleKey[] = []
  private simpleKeysByTok = new Map<number, number>()

  constructor(
    text: string,
    private readonly maxDepth = MAX_DEPTH,
  ) {
    this.reader = new Reader(text)
    this.buf = this.reader.chars
  }

  // --- buffer helpers (yamlprivateh.go) ---

  private ch(k = 0): string {
    return this.buf[this.pos + k] ?? '\0'
  }
  private cache(n: number): void {
    this.reader.cache(this.pos, n)
  }
  private isBreak(k = 0) {
    return isBreakChar(this.ch(k))
  }
  private isZ(k = 0) {
    return this.ch(k) === '\0'
  }
  private isBreakZ(k = 0) {
    return this.isBreak(k) || this.isZ(k)
  }
  private isBlank(k = 0) {
    return isBlankChar(this.ch(k))
  }
  private isBlankZ(k = 0) {
    return this.isBlank(k) || this.isBreakZ(k)
  }
  private isCrlf() {
    return this.ch() === '\r' && this.ch(1) === '\n'
  }
  private copyMark(): Mark {
    return { ...this.mark }
  }

  private skip(): void {
    this.mark.index++
    this.mark.column++
    this.pos++
  }

  private skipLine(): void {
    if (this.isCrlf()) {
      this.mark.index += 2
      this.mark.column = 0
      this.mark.line++
      this.pos += 2
    } else if (this.isBreak()) {
      this.mark.index++
      this.mark.column = 0
      this.mark.line++
      this.pos++
    }
  }

  private read(s: string): string {
    const c = this.ch()
    this.pos++
    this.mark.index++
    this.mark.column++
    return s + c
  }

  /** read_line: a line break read as "\n" (LS and PS kept as they are). */
  private readLine(s: string): string {
    const c = this.ch()
    if (c === '\r' && this.ch(1) === '\n') {
      s += '\n'
      this.pos += 2
      this.mark.index++
    } else if (c === '\r' || c === '\n' || c === '\u0085') {
      s += '\n'
      this.pos++
    } else if (c === '\u2028' || c === '\u2029') {
      s += c
      this.pos++
    } else {
      return s
    }
    this.mark.index++
    this.mark.column = 0
    this.mark.line++
    return s
  }

  private error(context: string, contextMark: Mark, problem: string): never {
    throw new YamlError('scanner', problem, this.copyMark(), context, contextMark)
  }

  // --- the token queue (yaml_parser_scan, peek_token, skip_token) ---

  /** peek_token: the next token, scanning as far ahead as simple keys need. */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens()
    return this.tokens[this.tokensHead]!
  }

  /** skip_token. */
  skipToken(): void {
    this.tokenAvailable = false
    this.tokensParsed++
    this.streamEndProduced = this.tokens[this.tokensHead]!.type === TokenType.StreamEnd
    this.tokensHead++
  }

  private insertToken(pos: number, token: Token): void {
    // yaml_insert_token moves the queue to the start of its buffer when it is full: drop what was read.
    if (this.tokensHead > 1024) {
      this.tokens = this.tokens.slice(this.tokensHead)
      this.tokensHead = 0
    }
    if (pos < 0) this.tokens.push(token)
    else this.tokens.splice(this.tokensHead + pos, 0, token)
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.tokensHead !== this.tokens.length) {
        // The head token may still become a key: scan on until that is decided.
        const headTokIdx = this.simpleKeysByTok.get(this.tokensParsed)
        if (headTokIdx === undefined) break
        if (!this.simpleKeyIsValid(this.simpleKeys[headTokIdx]!)) break
      }
      this.fetchNextToken()
    }
    this.tokenAvailable = true
  }

  private fetchNextToken(): void {
    this.cache(1)
    if (!this.streamStartProduced) return this.fetchStreamStart()
    this.scanToNextToken()
    this.unrollIndent(this.mark.column)
    this.cache(4)
    if (this.isZ()) return this.fetchStreamEnd()
    const c = this.ch()
    if (this.mark.column === 0 && c === '%') return this.fetchDirective()
    if (this.mark.column === 0 && c === '-' && this.ch(1) === '-' && this.ch(2) === '-' && this.isBlankZ(3)) {
      return this.fetchDocumentIndicator(TokenType.DocumentStart)
    }
    if (this.mark.column === 0 && c === '.' && this.ch(1) === '.' && this.ch(2) === '.' && this.isBlankZ(3)) {
      return this.fetchDocumentIndicator(TokenType.DocumentEnd)
    }
    if (c === '[') return this.fetchFlowCollectionStart(TokenType.FlowSequenceStart)
    if (c === '{') return this.fetchFlowCollectionStart(TokenType.FlowMappingStart)
    if (c === ']') return this.fetchFlowCollectionEnd(TokenType.FlowSequenceEnd)
    if (c === '}') return this.fetchFlowCollectionEnd(TokenType.FlowMappingEnd)
    if (c === ',') return this.fetchFlowEntry()
    if (c === '-' && this.isBlankZ(1)) return this.fetchBlockEntry()
    if (c === '?' && (this.flowLevel > 0 || this.isBlankZ(1))) return this.fetchKey()
    if (c === ':' && (this.flowLevel > 0 || this.isBlankZ(1))) return this.fetchValue()
    if (c === '*') return this.fetchAnchor(TokenType.Alias)
    if (c === '&') return this.fetchAnchor(TokenType.Anchor)
    if (c === '!') return this.fetchTag()
    if (c === '|' && this.flowLevel === 0) return this.fetchBlockScalar(true)
    if (c === '>' && this.flowLevel === 0) return this.fetchBlockScalar(false)
    if (c === "'") return this.fetchFlowScalar(true)
    if (c === '"') return this.fetchFlowScalar(false)
    if (
      !(this.isBlankZ() || '-?:,[]{}#&*!|>\'"%@`'.includes(c)) ||
      (c === '-' && !this.isBlank(1)) ||
      (this.flowLevel === 0 && (c === '?' || c === ':') && !this.isBlankZ(1))
    ) {
      return this.fetchPlainScalar()
    }
    this.error('while scanning for the next token', this.copyMark(), 'found character that cannot start any token')
  }

  // --- simple keys ---

  /** yaml_simple_key_is_valid: false once the key can no longer be one; throws when it was required. */
  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false
    // A simple key is limited to a single line and 1024 characters.
    if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
      if (key.required) this.error('while scanning a simple key', key.mark, "could not find expected ':'")
      key.possible = false
      return false
    }
    return true
  }

  private saveSimpleKey(): void {
    // A simple key is required at the current position if the scanner is in the block context and the current
    // column coincides with the indentation level.
    const required = this.flowLevel === 0 && this.indent === this.mark.column
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = { possible: true, required, tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead), mark: this.copyMark() }
      this.removeSimpleKey()
      this.simpleKeys[this.simpleKeys.length - 1] = key
      this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1)
    }
  }

  private removeSimpleKey(): void {
    const i = this.simpleKeys.length - 1
    const key = this.simpleKeys[i]!
    if (key.possible) {
      if (key.required) this.error('while scanning a simple key', key.mark, "could not find expected ':'")
      key.possible = false
      this.simpleKeysByTok.delete(key.tokenNumber)
    }
  }

  private increaseFlowLevel(): void {
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: this.tokensParsed + (this.tokens.length - this.tokensHead), mark: this.copyMark() })
    this.flowLevel++
    if (this.flowLevel > this.maxDepth) {
      this.error('while increasing flow level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${this.maxDepth}`)
    }
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel > 0) {
      this.flowLevel--
      const last = this.simpleKeys.pop()!
      this.simpleKeysByTok.delete(last.tokenNumber)
    }
  }

  // --- indentation ---

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return
    if (this.indent < column) {
      this.indents.push(this.indent)
      this.indent = column
      if (this.indents.length > this.maxDepth) {
        this.error('while increasing indent level', this.simpleKeys[this.simpleKeys.length - 1]!.mark, `exceeded max depth of ${this.maxDepth}`)
      }
      const token: Token = { type, start: mark, end: mark }
      if (number > -1) number -= this.tokensParsed
      this.insertToken(number, token)
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return
    while (this.indent > column) {
      this.insertToken(-1, { type: TokenType.BlockEnd, start: this.copyMark(), end: this.copyMark() })
      this.indent = this.indents.pop()!
    }
  }

  // --- fetchers ---

  private fetchStreamStart(): void {
    this.indent = -1
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } })
    this.simpleKeysByTok = new Map()
    this.simpleKeyAllowed = true
    this.streamStartProduced = true
    this.insertToken(-1, { type: TokenType.StreamStart, start: this.copyMark(), end: this.copyMark() })
  }

  private fetchStreamEnd(): void {
    // Force new line.
    if (this.mark.column !== 0) {
      this.mark.column = 0
      this.mark.line++
    }
    this.unrollIndent(-1)
    this.removeSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, { type: TokenType.StreamEnd, start: this.copyMark(), end: this.copyMark() })
  }

  private fetchDirective(): void {
    this.unrollIndent(-1)
    this.removeSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, this.scanDirective())
  }

  private fetchDocumentIndicator(type: TokenType): void {
    this.unrollIndent(-1)
    this.removeSimpleKey()
    this.simpleKeyAllowed = false
    const start = this.copyMark()
    this.skip()
    this.skip()
    this.skip()
    this.insertToken(-1, { type, start, end: this.copyMark() })
  }

  private fetchFlowCollectionStart(type: TokenType): void {
    this.saveSimpleKey()
    this.increaseFlowLevel()
    this.simpleKeyAllowed = true
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type, start, end: this.copyMark() })
  }

  private fetchFlowCollectionEnd(type: TokenType): void {
    this.removeSimpleKey()
    this.decreaseFlowLevel()
    this.simpleKeyAllowed = false
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type, start, end: this.copyMark() })
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey()
    this.simpleKeyAllowed = true
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type: TokenType.FlowEntry, start, end: this.copyMark() })
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.error('', this.copyMark(), 'block sequence entries are not allowed in this context')
      this.rollIndent(this.mark.column, -1, TokenType.BlockSequenceStart, this.copyMark())
    }
    this.removeSimpleKey()
    this.simpleKeyAllowed = true
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type: TokenType.BlockEntry, start, end: this.copyMark() })
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.error('', this.copyMark(), 'mapping keys are not allowed in this context')
      this.rollIndent(this.mark.column, -1, TokenType.BlockMappingStart, this.copyMark())
    }
    this.removeSimpleKey()
    this.simpleKeyAllowed = this.flowLevel === 0
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type: TokenType.Key, start, end: this.copyMark() })
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]!
    if (this.simpleKeyIsValid(key)) {
      // Insert the KEY token (and a BLOCK-MAPPING-START) where the simple key began.
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: TokenType.Key, start: key.mark, end: key.mark })
      this.rollIndent(key.mark.column, key.tokenNumber, TokenType.BlockMappingStart, key.mark)
      key.possible = false
      this.simpleKeysByTok.delete(key.tokenNumber)
      this.simpleKeyAllowed = false
    } else {
      // The ':' indicator follows a complex key.
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.error('', this.copyMark(), 'mapping values are not allowed in this context')
        this.rollIndent(this.mark.column, -1, TokenType.BlockMappingStart, this.copyMark())
      }
      this.simpleKeyAllowed = this.flowLevel === 0
    }
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type: TokenType.Value, start, end: this.copyMark() })
  }

  private fetchAnchor(type: TokenType): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, this.scanAnchor(type))
  }

  private fetchTag(): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, this.scanTag())
  }

  private fetchBlockScalar(literal: boolean): void {
    this.removeSimpleKey()
    this.simpleKeyAllowed = true
    this.insertToken(-1, this.scanBlockScalar(literal))
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, this.scanFlowScalar(single))
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, this.scanPlainScalar())
  }

  // --- scanners ---

  private scanToNextToken(): void {
    for (;;) {
      this.cache(1)
      // A BOM at the start of a line.
      if (this.mark.column === 0 && this.ch() === '\ufeff') this.skip()
      this.cache(1)
      // Tabs are allowed in the flow context and after a key, not as block indentation.
      while (this.ch() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.ch() === '\t')) {
        this.skip()
        this.cache(1)
      }
      if (this.ch() === '#') {
        while (!this.isBreakZ()) {
          this.skip()
          this.cache(1)
        }
      }
      if (!this.isBreak()) break
      this.cache(2)
      this.skipLine()
      if (this.flowLevel === 0) this.simpleKeyAllowed = true
    }
  }

  private scanDirective(): Token {
    const start = this.copyMark()
    this.skip()
    const name = this.scanDirectiveName(start)
    let token: Token
    if (name === 'YAML') {
      const [major, minor] = this.scanVersionDirectiveValue(start)
      token = { type: TokenType.VersionDirective, start, end: this.copyMark(), major, minor }
    } else if (name === 'TAG') {
      const [handle, prefix] = this.scanTagDirectiveValue(start)
      token = { type: TokenType.TagDirective, start, end: this.copyMark(), value: handle, prefix }
    } else {
      this.error('while scanning a directive', start, 'found unknown directive name')
    }
    this.cache(1)
    while (this.isBlank()) {
      this.skip()
      this.cache(1)
    }
    if (this.ch() === '#') {
      while (!this.isBreakZ()) {
        this.skip()
        this.cache(1)
      }
    }
    if (!this.isBreakZ()) this.error('while scanning a directive', start, 'did not find expected comment or line break')
    if (this.isBreak()) {
      this.cache(2)
      this.skipLine()
    }
    return token
  }

  private scanDirectiveName(start: Mark): string {
    this.cache(1)
    let s = ''
    while (isAlphaChar(this.ch())) {
      s = this.read(s)
      this.cache(1)
    }
    if (s.length === 0) this.error('while scanning a directive', start, 'could not find expected directive name')
    if (!this.isBlankZ()) this.error('while scanning a directive', start, 'found unexpected non-alphabetical character')
    return s
  }

  private scanVersionDirectiveValue(start: Mark): [number, number] {
    this.cache(1)
    while (this.isBlank()) {
      this.skip()
      this.cache(1)
    }
    const major = this.scanVersionDirectiveNumber(start)
    if (this.ch() !== '.') this.error('while scanning a %YAML directive', start, "did not find expected digit or '.' character")
    this.skip()
    const minor = this.scanVersionDirectiveNumber(start)
    return [major, minor]
  }

  private scanVersionDirectiveNumber(start: Mark): number {
    this.cache(1)
    let value = 0
    let length = 0
    while (isDigitChar(this.ch())) {
      length++
      if (length > MAX_NUMBER_LENGTH) this.error('while scanning a %YAML directive', start, 'found extremely long version number')
      value = value * 10 + Number(this.ch())
      this.skip()
      this.cache(1)
    }
    if (length === 0) this.error('while scanning a %YAML directive', start, 'did not find expected version number')
    return value
  }

  private scanTagDirectiveValue(start: Mark): [string, string] {
    this.cache(1)
    while (this.isBlank()) {
      this.skip()
      this.cache(1)
    }
    const handle = this.scanTagHandle(true, start)
    this.cache(1)
    if (!this.isBlank()) this.error('while scanning a %TAG directive', start, 'did not find expected whitespace')
    while (this.isBlank()) {
      this.skip()
      this.cache(1)
    }
    const prefix = this.scanTagUri(true, '', start)
    this.cache(1)
    if (!this.isBlankZ()) this.error('while scanning a %TAG directive', start, 'did not find expected whitespace or line break')
    return [handle, prefix]
  }

  private scanAnchor(type: TokenType): Token {
    const start = this.copyMark()
    this.skip()
    this.cache(1)
    let s = ''
    while (isAlphaChar(this.ch())) {
      s = this.read(s)
      this.cache(1)
    }
    const end = this.copyMark()
    // An anchor or alias is followed by a blank or one of the indicators '?', ':', ',', ']', '}', '%', '@', '`'.
    if (s.length === 0 || !(this.isBlankZ() || '?:,]}%@`'.includes(this.ch()))) {
      this.error(type === TokenType.Anchor ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character')
    }
    return { type, start, end, value: s }
  }

  private scanTag(): Token {
    const start = this.copyMark()
    let handle = ''
    let suffix = ''
    this.cache(2)
    if (this.ch(1) === '<') {
      // A verbatim tag: !<uri>.
      this.skip()
      this.skip()
      suffix = this.scanTagUri(false, '', start)
      if (this.ch() !== '>') this.error('while scanning a tag', start, "did not find the expected '>'")
      this.skip()
    } else {
      handle = this.scanTagHandle(false, start)
      if (handle[0] === '!' && handle.length > 1 && handle[handle.length - 1] === '!') {
        suffix = this.scanTagUri(false, '', start)
      } else {
        suffix = this.scanTagUri(false, handle, start)
        handle = '!'
        // A lone '!' is the non-specific tag: handle '' and suffix '!'.
        if (suffix.length === 0) [handle, suffix] = [suffix, handle]
      }
    }
    this.cache(1)
    if (!this.isBlankZ()) this.error('while scanning a tag', start, 'did not find expected whitespace or line break')
    return { type: TokenType.Tag, start, end: this.copyMark(), value: handle, suffix }
  }

  private tagError(directive: boolean, start: Mark, problem: string): never {
    this.error(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem)
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    this.cache(1)
    if (this.ch() !== '!') this.tagError(directive, start, "did not find expected '!'")
    let s = this.read('')
    this.cache(1)
    while (isAlphaChar(this.ch())) {
      s = this.read(s)
      this.cache(1)
    }
    if (this.ch() === '!') s = this.read(s)
    else if (directive && s !== '!') this.tagError(directive, start, "did not find expected '!'")
    return s
  }

  private scanTagUri(directive: boolean, head: string, start: Mark): string {
    let hasTag = head.length > 0
    let s = head.length > 1 ? head.slice(1) : ''
    this.cache(1)
    while (isAlphaChar(this.ch()) || ";/?:@&=+$,.!~*'()[]%".includes(this.ch())) {
      if (this.ch() === '%') s = this.scanUriEscapes(directive, start, s)
      else s = this.read(s)
      this.cache(1)
      hasTag = true
    }
    if (!hasTag) this.tagError(directive, start, 'did not find expected tag URI')
    return s
  }

  private scanUriEscapes(directive: boolean, start: Mark, s: string): string {
    const octets: number[] = []
    let w = 1024
    while (w > 0) {
      this.cache(3)
      if (!(this.ch() === '%' && isHexChar(this.ch(1)) && isHexChar(this.ch(2)))) this.tagError(directive, start, 'did not find URI escaped octet')
      const octet = parseInt(this.ch(1) + this.ch(2), 16)
      if (w === 1024) {
        w = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0
        if (w === 0) this.tagError(directive, start, 'found an incorrect leading UTF-8 octet')
      } else if ((octet & 0xc0) !== 0x80) {
        this.tagError(directive, start, 'found an incorrect trailing UTF-8 octet')
      }
      octets.push(octet)
      this.skip()
      this.skip()
      this.skip()
      w--
    }
    return s + new TextDecoder().decode(new Uint8Array(octets))
  }

  private scanBlockScalar(literal: boolean): Token {
    const start = this.copyMark()
    this.skip()
    this.cache(1)
    let chomping = 0
    let increment = 0
    if (this.ch() === '+' || this.ch() === '-') {
      chomping = this.ch() === '+' ? 1 : -1
      this.skip()
      this.cache(1)
      if (isDigitChar(this.ch())) {
        if (this.ch() === '0') this.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0')
        increment = Number(this.ch())
        this.skip()
      }
    } else if (isDigitChar(this.ch())) {
      if (this.ch() === '0') this.error('while scanning a block scalar', start, 'found an indentation indicator equal to 0')
      increment = Number(this.ch())
      this.skip()
      this.cache(1)
      if (this.ch() === '+' || this.ch() === '-') {
        chomping = this.ch() === '+' ? 1 : -1
        this.skip()
      }
    }
    this.cache(1)
    while (this.isBlank()) {
      this.skip()
      this.cache(1)
    }
    if (this.ch() === '#') {
      while (!this.isBreakZ()) {
        this.skip()
        this.cache(1)
      }
    }
    if (!this.isBreakZ()) this.error('while scanning a block scalar', start, 'did not find expected comment or line break')
    if (this.isBreak()) {
      this.cache(2)
      this.skipLine()
    }
    const state = { end: this.copyMark(), indent: 0 }
    if (increment > 0) state.indent = this.indent >= 0 ? this.indent + increment : increment

    let s = ''
    let leadingBreak = ''
    let trailingBreaks = this.scanBlockScalarBreaks(state, start, '')
    this.cache(1)
    let leadingBlank = false
    let trailingBlank = false
    while (this.mark.column === state.indent && !this.isZ()) {
      trailingBlank = this.isBlank()
      // Folded style: a single line break between non-blank lines is a space.
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.length > 0 && leadingBreak[0] === '\n') {
        if (trailingBreaks.length === 0) s += ' '
      } else {
        s += leadingBreak
      }
      leadingBreak = ''
      s += trailingBreaks
      trailingBreaks = ''
      leadingBlank = this.isBlank()
      while (!this.isBreakZ()) {
        s = this.read(s)
        this.cache(1)
      }
      this.cache(2)
      leadingBreak = this.readLine(leadingBreak)
      trailingBreaks = this.scanBlockScalarBreaks(state, start, trailingBreaks)
    }
    if (chomping !== -1) s += leadingBreak
    if (chomping === 1) s += trailingBreaks
    return { type: TokenType.Scalar, start, end: state.end, value: s, style: literal ? 'literal' : 'folded' }
  }

  /** yaml_parser_scan_block_scalar_breaks: the indentation and the line breaks before the next content line. */
  private scanBlockScalarBreaks(state: { end: Mark; indent: number }, start: Mark, breaks: string): string {
    state.end = this.copyMark()
    let maxIndent = 0
    for (;;) {
      this.cache(1)
      while ((state.indent === 0 || this.mark.column < state.indent) && this.ch() === ' ') {
        this.skip()
        this.cache(1)
      }
      if (this.mark.column > maxIndent) maxIndent = this.mark.column
      if ((state.indent === 0 || this.mark.column < state.indent) && this.ch() === '\t') {
        this.error('while scanning a block scalar', start, 'found a tab character where an indentation space is expected')
      }
      if (!this.isBreak()) break
      this.cache(2)
      breaks = this.readLine(breaks)
      state.end = this.copyMark()
    }
    if (state.indent === 0) {
      state.indent = maxIndent
      if (state.indent < this.indent + 1) state.indent = this.indent + 1
      if (state.indent < 1) state.indent = 1
    }
    return breaks
  }

  private scanFlowScalar(single: boolean): Token {
    const start = this.copyMark()
    this.skip()
    let s = ''
    let leadingBreak = ''
    let trailingBreaks = ''
    let whitespaces = ''
    for (;;) {
      this.cache(4)
      if (
        this.mark.column === 0 &&
        ((this.ch() === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) === '.')) &&
        this.isBlankZ(3)
      ) {
        this.error('while scanning a quoted scalar', start, 'found unexpected document indicator')
      }
      if (this.isZ()) this.error('while scanning a quoted scalar', start, 'found unexpected end of stream')

      let leadingBlanks = false
      while (!this.isBlankZ()) {
        const c = this.ch()
        if (single && c === "'" && this.ch(1) === "'") {
          s += "'"
          this.skip()
          this.skip()
        } else if (single && c === "'") {
          break
        } else if (!single && c === '"') {
          break
        } else if (!single && c === '\\' && this.isBreak(1)) {
          // An escaped line break.
          this.cache(3)
          this.skip()
          this.skipLine()
          leadingBlanks = true
          break
        } else if (!single && c === '\\') {
          let codeLength = 0
          const e = this.ch(1)
          const simple: Record<string, string> = {
            '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
            ' ': ' ', '"': '"', "'": "'", '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
          }
          if (e in simple) s += simple[e]
          else if (e === 'x') codeLength = 2
          else if (e === 'u') codeLength = 4
          else if (e === 'U') codeLength = 8
          else this.error('while parsing a quoted scalar', start, 'found unknown escape character')
          this.skip()
          this.skip()
          if (codeLength > 0) {
            this.cache(codeLength)
            let value = 0
            for (let k = 0; k < codeLength; k++) {
              if (!isHexChar(this.ch(k))) this.error('while parsing a quoted scalar', start, 'did not find expected hexdecimal number')
              value = value * 16 + parseInt(this.ch(k), 16)
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
              this.error('while parsing a quoted scalar', start, 'found invalid Unicode character escape code')
            }
            s += String.fromCodePoint(value)
            for (let k = 0; k < codeLength; k++) this.skip()
          }
        } else {
          s = this.read(s)
        }
        this.cache(2)
      }
      this.cache(1)
      if (this.ch() === (single ? "'" : '"')) break

      // Blanks and line breaks inside the scalar.
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (!leadingBlanks) whitespaces = this.read(whitespaces)
          else this.skip()
        } else {
          this.cache(2)
          if (!leadingBlanks) {
            whitespaces = ''
            leadingBreak = this.readLine(leadingBreak)
            leadingBlanks = true
          } else {
            trailingBreaks = this.readLine(trailingBreaks)
          }
        }
        this.cache(1)
      }
      if (leadingBlanks) {
        if (leadingBreak.length > 0 && leadingBreak[0] === '\n') {
          s += trailingBreaks.length === 0 ? ' ' : trailingBreaks
        } else {
          s += leadingBreak + trailingBreaks
        }
        trailingBreaks = ''
        leadingBreak = ''
      } else {
        s += whitespaces
        whitespaces = ''
      }
    }
    this.skip()
    return { type: TokenType.Scalar, start, end: this.copyMark(), value: s, style: single ? 'single' : 'double' }
  }

  private scanPlainScalar(): Token {
    let s = ''
    let leadingBreak = ''
    let trailingBreaks = ''
    let whitespaces = ''
    let leadingBlanks = false
    const indent = this.indent + 1
    const start = this.copyMark()
    let end = this.copyMark()
    let read = false
    for (;;) {
      this.cache(4)
      // A document indicator ends it.
      if (
        this.mark.column === 0 &&
        ((this.ch() === '-' && this.ch(1) === '-' && this.ch(2) === '-') || (this.ch() === '.' && this.ch(1) === '.' && this.ch(2) === '.')) &&
        this.isBlankZ(3)
      ) {
        break
      }
      if (this.ch() === '#') break
      while (!this.isBlankZ()) {
        const c = this.ch()
        if ((c === ':' && this.isBlankZ(1)) || (this.flowLevel > 0 && ',?[]{}'.includes(c))) break
        if (leadingBlanks || whitespaces.length > 0) {
          if (leadingBlanks) {
            if (leadingBreak[0] === '\n') s += trailingBreaks.length === 0 ? ' ' : trailingBreaks
            else s += leadingBreak + trailingBreaks
            trailingBreaks = ''
            leadingBreak = ''
            leadingBlanks = false
          } else {
            s += whitespaces
            whitespaces = ''
          }
        }
        s = this.read(s)
        read = true
        this.cache(2)
      }
      // The mark after the last character read (go-yaml takes it after each one).
      if (read) end = this.copyMark()
      read = false
      if (!(this.isBlank() || this.isBreak())) break
      this.cache(1)
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          // A tab may not start a continuation line's indentation.
          if (leadingBlanks && this.mark.column < indent && this.ch() === '\t') {
            this.error('while scanning a plain scalar', start, 'found a tab character that violates indentation')
          }
          if (!leadingBlanks) whitespaces = this.read(whitespaces)
          else this.skip()
        } else {
          this.cache(2)
          if (!leadingBlanks) {
            whitespaces = ''
            leadingBreak = this.readLine(leadingBreak)
            leadingBlanks = true
          } else {
            trailingBreaks = this.readLine(trailingBreaks)
          }
        }
        this.cache(1)
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break
    }
    if (leadingBlanks) this.simpleKeyAllowed = true
    return { type: TokenType.Scalar, start, end, value: s, style: 'plain' }
  }
}
