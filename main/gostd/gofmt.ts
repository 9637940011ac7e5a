// Go's fmt verbs as the API server uses them in messages: %q (strconv.Quote) and %#v for the few value
// kinds validation prints. Messages are compared byte for byte with real kubectl output, so the quoting
// rules matter (Go escapes differently from JSON.stringify, e.g. "\x00" and no "\/").

const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
}

/** strconv.Quote: printable runes stay, the rest become \x, \u or \U escapes. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    const short = SHORT_ESCAPES[ch]
    if (short) out += short
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0')
    else if (cp < 0x80 || (ch !== ' ' && !/[\p{C}\p{Z}]/u.test(ch))) out += ch
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0')
    else out += '\\U' + cp.toString(16).padStart(8, '0')
  }
  return out + '"'
}

/** A value already written in Go syntax, printed as is (e.g. `map[string]string{"app":"web"}`). */
export interface GoLiteral {
  go: string
}

export function isGoLiteral(v: unknown): v is GoLiteral {
  return typeof v === 'object' && v !== null && typeof (v as GoLiteral).go === 'string'
}

/** %#v of a map[string]string: keys sorted, as fmt prints maps. */
export function goStringMap(m: Record<string, string>): GoLiteral {
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${goQuote(k)}:${goQuote(m[k] ?? '')}`)
  return { go: `map[string]string{${entries.join(', ')}}` }
}
