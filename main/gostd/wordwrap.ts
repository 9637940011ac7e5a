// github.com/mitchellh/go-wordwrap v1.0.1 WrapString, which kubectl's term.NewWordWrapWriter (pkg/util/term/
// term_writer.go) runs over what it writes: lines broken at white space only, so that none is longer than
// `limit` runes unless one word is; a word that alone reaches the limit stays whole on its own line.

const NBSP = '\u00a0'

/** unicode.IsSpace. */
function isSpace(c: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(c)
}

/** WrapString: `s` wrapped within `limit` characters (runes) a line; limit 0 wraps nothing (the writer's rule). */
export function wrapString(s: string, limit: number): string {
  if (limit === 0) return s
  let out = ''
  let current = 0
  let word = ''
  let space = ''
  let wordLen = 0
  let spaceLen = 0
  for (const c of s) {
    if (c === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) {
          current += spaceLen
          out += space
        }
      } else {
        out += space + word
      }
      space = ''
      spaceLen = 0
      word = ''
      wordLen = 0
      out += c
      current = 0
    } else if (isSpace(c) && c !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen
        out += space + word
        space = ''
        spaceLen = 0
        word = ''
        wordLen = 0
      }
      space += c
      spaceLen++
    } else {
      word += c
      wordLen++
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n'
        current = 0
        space = ''
        spaceLen = 0
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space
  } else out += space + word
  return out
}
