// A console word as bash would pass it on: quotes removed, backslashes resolved. The console has no variables and
// no command substitution (`$POD`, `$(kubectl get ...)`): those are refused in plain words rather than passed on
// as text kubectl would then misread.

import type { Part, Word } from '../../engine'

/** Thrown for what the console does not expand; the message is the console's whole answer. */
export class NotExpanded extends Error {
  readonly reason = 'NotExpanded' as const
}

const unquoted = (v: string) => v.replace(/\\(\n|.)/g, (_m, c: string) => (c === '\n' ? '' : c))
const inDoubleQuotes = (v: string) => v.replace(/\\([$`"\\\n])/g, (_m, c: string) => (c === '\n' ? '' : c))

function partText(p: Part, quoted: boolean): string {
  switch (p.t) {
    case 'lit':
      return quoted ? inDoubleQuotes(p.v) : unquoted(p.v)
    case 'sq':
      return p.v
    case 'dq':
      return p.parts.map((q) => partText(q, true)).join('')
    case 'param':
      throw new NotExpanded(`podlab: $${p.name}: the console has no shell variables yet; type the value itself\n`)
    case 'cmd':
      throw new NotExpanded('podlab: $(...): the console does not run command substitution yet; type the value itself\n')
    case 'arith':
      throw new NotExpanded(`podlab: $((${p.text})): the console does not do arithmetic yet\n`)
  }
}

/** `word` as one argument. Throws NotExpanded. */
export function wordText(word: Word): string {
  return word.parts.map((p) => partText(p, false)).join('')
}

/** A heredoc's body: as in double quotes when its delimiter was unquoted, else byte for byte. Throws NotExpanded. */
export function heredocText(body: Word, quoted: boolean): string {
  if (quoted) return body.parts.map((p) => (p.t === 'lit' || p.t === 'sq' ? p.v : partText(p, true))).join('')
  return body.parts.map((p) => partText(p, true)).join('')
}
