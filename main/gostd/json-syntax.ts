// Go's encoding/json syntax check (src/encoding/json/scanner.go: checkValid and its states, quoteChar): the
// words a Go program answers a body that is not JSON with, e.g. the API server's
// `couldn't get version/kind; json parse error: invalid character 'x' looking for beginning of value`.
// Go scans bytes, so the text is read as UTF-8 bytes and a non-ASCII byte is quoted as Go's strconv.Quote does.

/** Go's json.SyntaxError text for `text`, or undefined when `text` is valid JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  const bytes = new TextEncoder().encode(text)
  const scan = new Scanner()
  for (const c of bytes) {
    const problem = scan.step(c)
    if (problem) return problem
  }
  return scan.eof()
}

/** Go's quoteChar: `'x'`, `'\''`, `'"'`, `'\n'`, `'\x00'`, `'\u007f'`, `'\xe2'`. */
export function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`
  if (c === 0x22) return `'"'`
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 0x5c: '\\\\' }
  if (named[c]) return `'${named[c]}'`
  if (c < 0x20) return `'\\x${c.toString(16).padStart(2, '0')}'`
  if (c === 0x7f) return `'\\x7f'`
  // A byte above 0x7f on its own is not valid UTF-8: strconv.Quote writes it as \x..
  if (c > 0x7f) return `'\\x${c.toString(16)}'`
  return `'${String.fromCharCode(c)}'`
}

type Parse = 'objectKey' | 'objectValue' | 'arrayValue'
type State = (c: number) => string | undefined

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
const isDigit = (c: number) => c >= 0x30 && c <= 0x39
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)

class Scanner {
  private parse: Parse[] = []
  private state: State = (c) => this.beginValue(c)
  private ended = false

  step(c: number): string | undefined {
    return this.state(c)
  }

  eof(): string | undefined {
    if (this.ended) return undefined
    // Go's scanner.eof steps a space: a number ends there; a half-read literal fails on it (`tru` is
    // "invalid character ' ' in literal true (expecting 'e')", as Go says too).
    const problem = this.state(0x20)
    if (this.ended) return undefined
    return problem ?? 'unexpected end of JSON input'
  }

  private error(c: number, context: string): string {
    return `invalid character ${quoteChar(c)} ${context}`
  }

  private beginValue(c: number): string | undefined {
    if (isSpace(c)) return undefined
    switch (c) {
      case 0x7b: // {
        this.state = (d) => this.beginStringOrEmpty(d)
        this.parse.push('objectKey')
        return undefined
      case 0x5b: // [
        this.state = (d) => this.beginValueOrEmpty(d)
        this.parse.push('arrayValue')
        return undefined
      case 0x22:
        this.state = (d) => this.inString(d)
        return undefined
      case 0x2d: // -
        this.state = (d) => this.neg(d)
        return undefined
      case 0x30:
        this.state = (d) => this.zero(d)
        return undefined
      case 0x74:
        return this.literal('true', 1)
      case 0x66:
        return this.literal('false', 1)
      case 0x6e:
        return this.literal('null', 1)
    }
    if (c >= 0x31 && c <= 0x39) {
      this.state = (d) => this.digits(d)
      return undefined
    }
    return this.error(c, 'looking for beginning of value')
  }

  private beginValueOrEmpty(c: number): string | undefined {
    if (isSpace(c)) return undefined
    if (c === 0x5d) return this.endValue(c)
    return this.beginValue(c)
  }

  private beginStringOrEmpty(c: number): string | undefined {
    if (isSpace(c)) return undefined
    if (c === 0x7d) {
      this.parse[this.parse.length - 1] = 'objectValue'
      return this.endValue(c)
    }
    return this.beginString(c)
  }

  private beginString(c: number): string | undefined {
    if (isSpace(c)) return undefined
    if (c === 0x22) {
      this.state = (d) => this.inString(d)
      return undefined
    }
    return this.error(c, 'looking for beginning of object key string')
  }

  private endValue(c: number): string | undefined {
    const n = this.parse.length
    if (n === 0) {
      this.ended = true
      this.state = (d) => this.endTop(d)
      return this.endTop(c)
    }
    if (isSpace(c)) {
      this.state = (d) => this.endValue(d)
      return undefined
    }
    switch (this.parse[n - 1]) {
      case 'objectKey':
        if (c === 0x3a) {
          this.parse[n - 1] = 'objectValue'
          this.state = (d) => this.beginValue(d)
          return undefined
        }
        return this.error(c, 'after object key')
      case 'objectValue':
        if (c === 0x2c) {
          this.parse[n - 1] = 'objectKey'
          this.state = (d) => this.beginString(d)
          return undefined
        }
        if (c === 0x7d) return this.popParse()
        return this.error(c, 'after object key:value pair')
      default:
        if (c === 0x2c) {
          this.state = (d) => this.beginValue(d)
          return undefined
        }
        if (c === 0x5d) return this.popParse()
        return this.error(c, 'after array element')
    }
  }

  private popParse(): undefined {
    this.parse.pop()
    if (this.parse.length === 0) {
      this.ended = true
      this.state = (d) => this.endTop(d)
    } else {
      this.state = (d) => this.endValue(d)
    }
    return undefined
  }

  private endTop(c: number): string | undefined {
    if (isSpace(c)) return undefined
    return this.error(c, 'after top-level value')
  }

  private inString(c: number): string | undefined {
    if (c === 0x22) {
      this.state = (d) => this.endValue(d)
      return undefined
    }
    if (c === 0x5c) {
      this.state = (d) => this.inStringEsc(d)
      return undefined
    }
    if (c < 0x20) return this.error(c, 'in string literal')
    return undefined
  }

  private inStringEsc(c: number): string | undefined {
    if ([0x62, 0x66, 0x6e, 0x72, 0x74, 0x5c, 0x2f, 0x22].includes(c)) {
      this.state = (d) => this.inString(d)
      return undefined
    }
    if (c === 0x75) {
      this.state = this.hexDigits(4)
      return undefined
    }
    return this.error(c, 'in string escape code')
  }

  private hexDigits(left: number): State {
    return (c) => {
      if (!isHex(c)) return this.error(c, 'in \\u hexadecimal character escape')
      this.state = left === 1 ? (d) => this.inString(d) : this.hexDigits(left - 1)
      return undefined
    }
  }

  private neg(c: number): string | undefined {
    if (c === 0x30) {
      this.state = (d) => this.zero(d)
      return undefined
    }
    if (c >= 0x31 && c <= 0x39) {
      this.state = (d) => this.digits(d)
      return undefined
    }
    return this.error(c, 'in numeric literal')
  }

  private digits(c: number): string | undefined {
    if (isDigit(c)) return undefined
    return this.zero(c)
  }

  private zero(c: number): string | undefined {
    if (c === 0x2e) {
      this.state = (d) => this.dot(d)
      return undefined
    }
    if (c === 0x65 || c === 0x45) {
      this.state = (d) => this.exponent(d)
      return undefined
    }
    return this.endValue(c)
  }

  private dot(c: number): string | undefined {
    if (isDigit(c)) {
      this.state = (d) => this.dot0(d)
      return undefined
    }
    return this.error(c, 'after decimal point in numeric literal')
  }

  private dot0(c: number): string | undefined {
    if (isDigit(c)) return undefined
    if (c === 0x65 || c === 0x45) {
      this.state = (d) => this.exponent(d)
      return undefined
    }
    return this.endValue(c)
  }

  private exponent(c: number): string | undefined {
    if (c === 0x2b || c === 0x2d) {
      this.state = (d) => this.exponentSign(d)
      return undefined
    }
    return this.exponentSign(c)
  }

  private exponentSign(c: number): string | undefined {
    if (isDigit(c)) {
      this.state = (d) => (isDigit(d) ? undefined : this.endValue(d))
      return undefined
    }
    return this.error(c, 'in exponent of numeric literal')
  }

  private literal(word: string, at: number): undefined {
    this.state = (c) => {
      const expected = word.charCodeAt(at)
      if (c !== expected) return this.error(c, `in literal ${word} (expecting ${quoteChar(expected)})`)
      if (at + 1 === word.length) this.state = (d) => this.endValue(d)
      else this.literal(word, at + 1)
      return undefined
    }
    return undefined
  }
}
