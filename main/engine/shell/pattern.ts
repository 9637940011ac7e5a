// Shell patterns (fnmatch without FNM_PATHNAME): `*`, `?`, `[a-z]`, `[!x]`, as `case`, `${x%pat}` and globbing
// use them. A pattern is a list of chunks; quoted chunks match only themselves.

export interface Chunk {
  s: string
  quoted: boolean
}

const CLASSES: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~' }

const escapeRe = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')

/** The regex source of a pattern (anchors are up to the caller); `greedy` false makes `*` lazy. */
export function patternSource(chunks: Chunk[], greedy = true): string {
  let out = ''
  for (const c of chunks) {
    if (c.quoted) {
      out += escapeRe(c.s)
      continue
    }
    const s = c.s
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!
      if (ch === '\\' && i + 1 < s.length) out += escapeRe(s[++i]!)
      else if (ch === '*') out += greedy ? '[\\s\\S]*' : '[\\s\\S]*?'
      else if (ch === '?') out += '[\\s\\S]'
      else if (ch === '[') {
        const end = bracketEnd(s, i)
        if (end < 0) out += '\\['
        else {
          out += bracket(s.slice(i + 1, end))
          i = end
        }
      } else out += escapeRe(ch)
    }
  }
  return out
}

function bracketEnd(s: string, start: number): number {
  let i = start + 1
  if (s[i] === '!' || s[i] === '^') i++
  if (s[i] === ']') i++
  for (; i < s.length; i++) {
    if (s[i] === '[' && s[i + 1] === ':') {
      const close = s.indexOf(':]', i + 2)
      if (close > 0) i = close + 1
    } else if (s[i] === ']') return i
  }
  return -1
}

function bracket(body: string): string {
  let negate = false
  if (body.startsWith('!') || body.startsWith('^')) {
    negate = true
    body = body.slice(1)
  }
  let inner = ''
  for (let i = 0; i < body.length; i++) {
    if (body.startsWith('[:', i)) {
      const close = body.indexOf(':]', i + 2)
      if (close > 0) {
        inner += CLASSES[body.slice(i + 2, close)] ?? ''
        i = close + 1
        continue
      }
    }
    const ch = body[i]!
    inner += ch === '\\' || ch === ']' || ch === '[' || ch === '^' ? `\\${ch}` : ch
  }
  return `[${negate ? '^' : ''}${inner}]`
}

/** Whether an unquoted chunk has pattern characters (so the word is globbed). */
export function hasGlob(chunks: Chunk[]): boolean {
  return chunks.some((c) => !c.quoted && /[*?[]/.test(c.s))
}

export function matchWhole(chunks: Chunk[], text: string): boolean {
  return new RegExp(`^${patternSource(chunks)}$`).test(text)
}

/** `${x#p}` (shortest prefix), `${x##p}` (longest), `${x%p}`, `${x%%p}`. */
export function trim(value: string, chunks: Chunk[], op: '#' | '##' | '%' | '%%'): string {
  const re = new RegExp(`^${patternSource(chunks)}$`)
  if (op === '#' || op === '##') {
    const lengths = [...Array(value.length + 1).keys()]
    if (op === '##') lengths.reverse()
    for (const n of lengths) if (re.test(value.slice(0, n))) return value.slice(n)
    return value
  }
  const starts = [...Array(value.length + 1).keys()]
  if (op === '%') starts.reverse()
  for (const n of starts) if (re.test(value.slice(n))) return value.slice(0, n)
  return value
}

/** `${x/a/b}` and `${x//a/b}`: the longest match at the first (or every) place. */
export function replace(value: string, chunks: Chunk[], withText: string, all: boolean): string {
  const re = new RegExp(patternSource(chunks), all ? 'g' : '')
  return value.replace(re, () => withText)
}
