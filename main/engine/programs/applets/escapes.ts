// Backslash escapes as `echo -e` and printf's format (and %b) read them: \n \t \\ \a \b \e \f \r \v, octal
// \0NNN (echo, %b) or \NNN (a printf format), \xHH; `\c` stops all further output.

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }

/** `text` with its escapes replaced; `stopped` when a `\c` ended the output there. */
export function unescape(text: string, octal: 'zero-prefixed' | 'bare'): { text: string; stopped: boolean } {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch !== '\\' || i === text.length - 1) {
      out += ch
      continue
    }
    const next = text[i + 1]!
    if (next === 'c') return { text: out, stopped: true }
    if (SIMPLE[next] !== undefined) {
      out += SIMPLE[next]
      i++
      continue
    }
    if (next === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2))
      if (hex) {
        out += String.fromCharCode(parseInt(hex[0], 16))
        i += 1 + hex[0].length
        continue
      }
    }
    const digits = octal === 'zero-prefixed' ? (next === '0' ? /^[0-7]{0,3}/.exec(text.slice(i + 2)) : null) : /^[0-7]{1,3}/.exec(text.slice(i + 1))
    if (digits) {
      out += String.fromCharCode(parseInt(digits[0] || '0', 8) & 0xff)
      i += octal === 'zero-prefixed' ? 1 + digits[0].length : digits[0].length
      continue
    }
    out += ch
  }
  return { text: out, stopped: false }
}
