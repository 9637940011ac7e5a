// Go's encoding/json scanner (src/encoding/json/scanner.go: the byte-at-a-time state machine and its
// SyntaxError texts, quoteChar) and json.Decoder.readValue (stream.go: where one value of a stream ends, the
// byte count kept across values), ported by hand so that a broken JSON manifest reads as kubectl's
// ("invalid character '}' looking for beginning of object key string", after 71 bytes).

import { goQuote } from './gofmt'

/** A value of the stream (its bytes as text), a syntax error after `offset` bytes, or the input ending inside a value. */
export type JsonStreamItem = { text: string } | { syntaxError: string; offset: number } | { unexpectedEOF: true }

const enum Scan {
  Continue,
  BeginLiteral,
  BeginObject,
  ObjectKey,
  ObjectValue,
  EndObject,
  BeginArray,
  ArrayValue,
  EndArray,
  SkipSpace,
  End,
  Error,
}

const enum Parse {
  ObjectKey,
  ObjectValue,
  ArrayValue,
}

type Step = (s: Scanner, c: number) => Scan

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a
const isDigit = (c: number) => c >= 0x30 && c <= 0x39
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
const ch = (s: string) => s.charCodeAt(0)

/** quoteChar: the byte as Go's error shows it ('\'' and '"' by hand, the rest as strconv.Quote of string(c)). */
function quoteChar(c: number): string {
  if (c === ch("'")) return `'\\''`
  if (c === ch('"')) return `'"'`
  // A byte past ASCII is quoted as the rune of the same number (string(c) in Go).
  return `'${goQuote(String.fromCharCode(c)).slice(1, -1)}'`
}

class Scanner {
  step: Step = stateBeginValue
  endTop = false
  parseState: Parse[] = []
  err: string | null = null
  /** Bytes consumed over the whole stream (json.Decoder keeps counting across values). */
  bytes = 0

  constructor(readonly maxDepth: number) {}

  reset(): void {
    this.step = stateBeginValue
    this.parseState = []
    this.err = null
    this.endTop = false
  }

  error(c: number, context: string): Scan {
    this.step = stateError
    this.err = `invalid character ${quoteChar(c)} ${context}`
    return Scan.Error
  }

  pushParseState(c: number, state: Parse, success: Scan): Scan {
    this.parseState.push(state)
    if (this.parseState.length <= this.maxDepth) return success
    return this.error(c, 'exceeded max depth')
  }

  popParseState(): void {
    this.parseState.pop()
    if (this.parseState.length === 0) {
      this.step = stateEndTop
      this.endTop = true
    } else {
      this.step = stateEndValue
    }
  }
}

function stateBeginValueOrEmpty(s: Scanner, c: number): Scan {
  if (isSpace(c)) return Scan.SkipSpace
  if (c === ch(']')) return stateEndValue(s, c)
  return stateBeginValue(s, c)
}

function stateBeginValue(s: Scanner, c: number): Scan {
  if (isSpace(c)) return Scan.SkipSpace
  switch (c) {
    case ch('{'):
      s.step = stateBeginStringOrEmpty
      return s.pushParseState(c, Parse.ObjectKey, Scan.BeginObject)
    case ch('['):
      s.step = stateBeginValueOrEmpty
      return s.pushParseState(c, Parse.ArrayValue, Scan.BeginArray)
    case ch('"'):
      s.step = stateInString
      return Scan.BeginLiteral
    case ch('-'):
      s.step = stateNeg
      return Scan.BeginLiteral
    case ch('0'):
      s.step = state0
      return Scan.BeginLiteral
    case ch('t'):
      s.step = literal('rue', 'true')
      return Scan.BeginLiteral
    case ch('f'):
      s.step = literal('alse', 'false')
      return Scan.BeginLiteral
    case ch('n'):
      s.step = literal('ull', 'null')
      return Scan.BeginLiteral
  }
  if (c >= ch('1') && c <= ch('9')) {
    s.step = state1
    return Scan.BeginLiteral
  }
  return s.error(c, 'looking for beginning of value')
}

function stateBeginStringOrEmpty(s: Scanner, c: number): Scan {
  if (isSpace(c)) return Scan.SkipSpace
  if (c === ch('}')) {
    s.parseState[s.parseState.length - 1] = Parse.ObjectValue
    return stateEndValue(s, c)
  }
  return stateBeginString(s, c)
}

function stateBeginString(s: Scanner, c: number): Scan {
  if (isSpace(c)) return Scan.SkipSpace
  if (c === ch('"')) {
    s.step = stateInString
    return Scan.BeginLiteral
  }
  return s.error(c, 'looking for beginning of object key string')
}

function stateEndValue(s: Scanner, c: number): Scan {
  const n = s.parseState.length
  if (n === 0) {
    s.step = stateEndTop
    s.endTop = true
    return stateEndTop(s, c)
  }
  if (isSpace(c)) {
    s.step = stateEndValue
    return Scan.SkipSpace
  }
  switch (s.parseState[n - 1]) {
    case Parse.ObjectKey:
      if (c === ch(':')) {
        s.parseState[n - 1] = Parse.ObjectValue
        s.step = stateBeginValue
        return Scan.ObjectKey
      }
      return s.error(c, 'after object key')
    case Parse.ObjectValue:
      if (c === ch(',')) {
        s.parseState[n - 1] = Parse.ObjectKey
        s.step = stateBeginString
        return Scan.ObjectValue
      }
      if (c === ch('}')) {
        s.popParseState()
        return Scan.EndObject
      }
      return s.error(c, 'after object key:value pair')
    default:
      if (c === ch(',')) {
        s.step = stateBeginValue
        return Scan.ArrayValue
      }
      if (c === ch(']')) {
        s.popParseState()
        return Scan.EndArray
      }
      return s.error(c, 'after array element')
  }
}

function stateEndTop(s: Scanner, c: number): Scan {
  // Complain about a non-space byte on the next call.
  if (!isSpace(c)) s.error(c, 'after top-level value')
  return Scan.End
}

function stateInString(s: Scanner, c: number): Scan {
  if (c === ch('"')) {
    s.step = stateEndValue
    return Scan.Continue
  }
  if (c === ch('\\')) {
    s.step = stateInStringEsc
    return Scan.Continue
  }
  if (c < 0x20) return s.error(c, 'in string literal')
  return Scan.Continue
}

function stateInStringEsc(s: Scanner, c: number): Scan {
  if ('bfnrt\\/"'.includes(String.fromCharCode(c))) {
    s.step = stateInString
    return Scan.Continue
  }
  if (c === ch('u')) {
    s.step = hexEscape(4)
    return Scan.Continue
  }
  return s.error(c, 'in string escape code')
}

/** stateInStringEscU, U1, U12, U123: `left` hex digits still to read. */
function hexEscape(left: number): Step {
  return (s, c) => {
    if (!isHex(c)) return s.error(c, 'in \\u hexadecimal character escape')
    s.step = left === 1 ? stateInString : hexEscape(left - 1)
    return Scan.Continue
  }
}

function stateNeg(s: Scanner, c: number): Scan {
  if (c === ch('0')) {
    s.step = state0
    return Scan.Continue
  }
  if (c >= ch('1') && c <= ch('9')) {
    s.step = state1
    return Scan.Continue
  }
  return s.error(c, 'in numeric literal')
}

function state1(s: Scanner, c: number): Scan {
  if (isDigit(c)) {
    s.step = state1
    return Scan.Continue
  }
  return state0(s, c)
}

function state0(s: Scanner, c: number): Scan {
  if (c === ch('.')) {
    s.step = stateDot
    return Scan.Continue
  }
  if (c === ch('e') || c === ch('E')) {
    s.step = stateE
    return Scan.Continue
  }
  return stateEndValue(s, c)
}

function stateDot(s: Scanner, c: number): Scan {
  if (isDigit(c)) {
    s.step = stateDot0
    return Scan.Continue
  }
  return s.error(c, 'after decimal point in numeric literal')
}

function stateDot0(s: Scanner, c: number): Scan {
  if (isDigit(c)) return Scan.Continue
  if (c === ch('e') || c === ch('E')) {
    s.step = stateE
    return Scan.Continue
  }
  return stateEndValue(s, c)
}

function stateE(s: Scanner, c: number): Scan {
  if (c === ch('+') || c === ch('-')) {
    s.step = stateESign
    return Scan.Continue
  }
  return stateESign(s, c)
}

function stateESign(s: Scanner, c: number): Scan {
  if (isDigit(c)) {
    s.step = stateE0
    return Scan.Continue
  }
  return s.error(c, 'in exponent of numeric literal')
}

function stateE0(s: Scanner, c: number): Scan {
  if (isDigit(c)) return Scan.Continue
  return stateEndValue(s, c)
}

/** stateT/Tr/Tru, stateF/Fa/Fal/Fals, stateN/Nu/Nul: the rest of a literal, one expected byte at a time. */
function literal(rest: string, word: string): Step {
  return (s, c) => {
    if (c !== ch(rest)) return s.error(c, `in literal ${word} (expecting '${rest[0]}')`)
    s.step = rest.length === 1 ? stateEndValue : literal(rest.slice(1), word)
    return Scan.Continue
  }
}

function stateError(): Scan {
  return Scan.Error
}

/**
 * json.Decoder over a whole stream: each value's text, in order, until the input holds only whitespace; or
 * the error that stops it. `maxDepth` is encoding/json's maxNestingDepth (10000), which a caller may lower.
 */
export function* jsonStream(text: string, maxDepth = 10000): Generator<JsonStreamItem> {
  const buf = new TextEncoder().encode(text)
  const decoder = new TextDecoder()
  const scan = new Scanner(maxDepth)
  let scanp = 0
  for (;;) {
    // readValue
    scan.reset()
    const start = scanp
    let ended = false
    for (; scanp < buf.length; scanp++) {
      const c = buf[scanp]!
      scan.bytes++
      const op = scan.step(scan, c)
      if (op === Scan.End) {
        // scanEnd is delayed one byte: that byte belongs to what comes next.
        scan.bytes--
        ended = true
        break
      }
      if ((op === Scan.EndObject || op === Scan.EndArray) && stateEndValue(scan, 0x20) === Scan.End) {
        scanp++
        ended = true
        break
      }
      if (op === Scan.Error) {
        yield { syntaxError: scan.err!, offset: scan.bytes }
        return
      }
    }
    if (!ended) {
      // io.EOF: a number ends with the input; only whitespace left is the stream's end.
      if (scan.step(scan, 0x20) !== Scan.End) {
        if (buf.subarray(start).some((c) => !isSpace(c))) yield { unexpectedEOF: true }
        return
      }
    }
    yield { text: decoder.decode(buf.subarray(start, scanp)) }
  }
}
