// The built main-process bundle as ASCII only. A few comments and strings carry §, ×, µ, — or ‘’; one such
// character makes Node read the whole 3.3 MB bundle as two-byte UTF-16 (readFileSync's slow UTF-8 decode, and
// V8 scanning twice the bytes) at every `podlab` start. Each non-ASCII character becomes its \u escape, which
// means the same character in a string, a template, a regular expression (with or without the u flag: a
// surrogate pair of escapes is one code point there) and is inert in a comment.

/** `code` with every non-ASCII character written as `\uXXXX` (astral ones as a surrogate pair of escapes). */
export function escapeNonAscii(code) {
  let out = ''
  let from = 0
  for (let i = 0; i < code.length; i++) {
    const unit = code.charCodeAt(i)
    if (unit < 0x80) continue
    let at = i
    // An identity escape (`\é`, the character itself) loses its backslash: `\\u00e9` would be a backslash.
    let slashes = 0
    while (at - slashes - 1 >= from && code[at - slashes - 1] === '\\') slashes++
    if (slashes % 2 === 1) at--
    out += code.slice(from, at) + `\\u${unit.toString(16).padStart(4, '0')}`
    from = i + 1
  }
  return out + code.slice(from)
}
