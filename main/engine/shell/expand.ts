// Word expansion in POSIX order: parameters, command substitution and arithmetic, then field splitting of the
// unquoted results on IFS, then pathname expansion (globbing), then quote removal. A word becomes fields of
// chunks that remember whether they were quoted, so splitting and globbing touch only unquoted text.

import { ArithError, evalArith } from './arith'
import type { Arith, ParamPart, Part, Word } from './ast'
import { hasGlob, matchWhole, replace, trim, type Chunk } from './pattern'

export interface ExpandEnv {
  /** Whether `$((2**3))` is allowed (not in dash). */
  power: boolean
  /** A variable or special parameter (`?`, `$`, `!`, `#`, `-`, `0`..`9`, `10`...); undefined when unset. */
  param(name: string): string | undefined
  set(name: string, value: string): void
  /** With `set -u`: the error for expanding an unset variable (`x: parameter not set`); else undefined. */
  unsetError(name: string): string | undefined
  positional(): string[]
  /** Runs a command substitution's list to its end; its output (trailing newlines are removed here). */
  commandOutput(list: number): string
  /** Absolute paths matching a pattern made of path segments (each a list of chunks), sorted. */
  glob(segments: Chunk[][], absolute: boolean): string[]
}

/** `${x:?msg}`, a bad substitution: what the shell prints after `sh: `. */
export class ExpandError extends Error {}

/** An arithmetic error in an expression written as `text`. */
export class ArithFailure extends Error {
  constructor(
    readonly error: ArithError,
    readonly text: string,
  ) {
    super(`${text}: ${error.message}`)
  }
}

const DEFAULT_IFS = ' \t\n'

type Field = { chunks: Chunk[]; real: boolean }

class Fields {
  fields: Field[] = [{ chunks: [], real: false }]
  private get cur(): Field {
    return this.fields[this.fields.length - 1]!
  }
  /** Text that is never split: literals, quoted text (`real` marks a field that exists even if empty). */
  add(s: string, quoted: boolean): void {
    this.cur.chunks.push({ s, quoted })
    if (quoted || s !== '') this.cur.real = true
  }
  /** An unquoted expansion's result: split on IFS. */
  split(value: string, ifs: string): void {
    if (ifs === '') return this.add(value, false)
    const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('')
    const other = [...ifs].filter((c) => !' \t\n'.includes(c)).join('')
    const esc = (s: string): string => s.replace(/[\\\]^-]/g, '\\$&')
    const sepRe = new RegExp(`[${esc(white)}]*[${esc(other)}][${esc(white)}]*|[${esc(white)}]+`, 'g')
    const white0 = white ? new RegExp(`^[${esc(white)}]+`) : null
    let v = value
    if (white0 && white0.test(v)) {
      v = v.replace(white0, '')
      if (this.cur.real) this.newField()
    }
    if (v === '') return
    const pieces = v.split(sepRe)
    // A trailing separator does not make an empty last field.
    if (pieces.length > 1 && pieces[pieces.length - 1] === '') {
      pieces.pop()
      pieces.forEach((p, i) => {
        if (i > 0) this.newField()
        this.add(p, false)
        if (p === '') this.cur.real = true
      })
      this.newField()
      return
    }
    pieces.forEach((p, i) => {
      if (i > 0) this.newField()
      this.add(p, false)
      if (p === '' && pieces.length > 1) this.cur.real = true
    })
  }
  newField(): void {
    this.fields.push({ chunks: [], real: false })
  }
}

export class Expander {
  constructor(private readonly env: ExpandEnv) {}

  private ifs(): string {
    return this.env.param('IFS') ?? DEFAULT_IFS
  }

  /** Words -> fields (argv): split, globbed, quotes removed. */
  fields(words: Word[], noSplit = false): string[] {
    const out: string[] = []
    for (const w of words) {
      const f = new Fields()
      this.parts(w.parts, f, false, noSplit || w.assign === true)
      for (const field of f.fields) {
        if (!field.real && field.chunks.every((c) => c.s === '')) continue
        out.push(...this.globField(field.chunks))
      }
    }
    return out
  }

  /** A word as one string, no splitting or globbing (assignments, redirection targets, `case` words). */
  string(w: Word): string {
    const f = new Fields()
    this.parts(w.parts, f, false, true)
    return f.fields.map((field) => field.chunks.map((c) => c.s).join('')).join(' ')
  }

  /** A word as a pattern (`case`, `${x%pat}`): quoted parts match only themselves. */
  pattern(w: Word): Chunk[] {
    const f = new Fields()
    this.parts(w.parts, f, false, true)
    return f.fields.flatMap((field) => field.chunks)
  }

  /** A heredoc body: parameters, substitutions and backslashes before `$` `` ` `` `\` newline, nothing else. */
  heredoc(w: Word): string {
    const f = new Fields()
    for (const p of w.parts) {
      if (p.t === 'lit') f.add(p.v.replace(/\\([$`\\\n])/g, (_a, c: string) => (c === '\n' ? '' : c)), true)
      else this.parts([p], f, true, true)
    }
    return f.fields.map((field) => field.chunks.map((c) => c.s).join('')).join(' ')
  }

  /** The value of an expression written as `text`; throws ArithFailure. */
  arith(a: Arith, text = ''): number {
    try {
      return evalArith(a, { get: (n) => this.env.param(n), set: (n, v) => this.env.set(n, v), word: (w) => this.string(w), power: this.env.power })
    } catch (e) {
      if (e instanceof ArithError) throw new ArithFailure(e, text)
      throw e
    }
  }

  private parts(parts: Part[], f: Fields, quoted: boolean, noSplit: boolean): void {
    for (const p of parts) {
      switch (p.t) {
        case 'lit':
          if (quoted) f.add(p.v.replace(/\\([$`"\\\n])/g, (_a, c: string) => (c === '\n' ? '' : c)), true)
          else this.unquotedLit(p.v, f)
          break
        case 'sq':
          f.add(p.v, true)
          break
        case 'dq':
          f.add('', true)
          this.parts(p.parts, f, true, noSplit)
          break
        case 'param':
          this.param(p, f, quoted, noSplit)
          break
        case 'cmd':
          this.value(this.env.commandOutput(p.body).replace(/\n+$/, ''), f, quoted, noSplit)
          break
        case 'arith':
          this.value(String(this.arith(p.expr, p.text)), f, quoted, noSplit)
          break
      }
    }
  }

  /** An unquoted literal: `\x` quotes x, `\<newline>` vanishes. */
  private unquotedLit(v: string, f: Fields): void {
    let plain = ''
    for (let i = 0; i < v.length; i++) {
      if (v[i] === '\\' && i + 1 < v.length) {
        if (plain) f.add(plain, false)
        plain = ''
        if (v[i + 1] !== '\n') f.add(v[i + 1]!, true)
        i++
      } else plain += v[i]
    }
    if (plain) f.add(plain, false)
  }

  private value(v: string, f: Fields, quoted: boolean, noSplit: boolean): void {
    if (quoted || noSplit) f.add(v, quoted || noSplit)
    else f.split(v, this.ifs())
  }

  private param(p: ParamPart, f: Fields, quoted: boolean, noSplit: boolean): void {
    const { name } = p
    if ((name === '@' || name === '*') && !p.op && !p.length && !p.repl && !p.slice) {
      const args = this.env.positional()
      if (quoted && name === '@') {
        args.forEach((a, i) => {
          if (i > 0) f.newField()
          f.add(a, true)
        })
        if (args.length === 0) f.fields[f.fields.length - 1]!.real = false
        return
      }
      const joined = args.join(name === '*' ? (this.ifs()[0] ?? '') : ' ')
      if (quoted || noSplit) return f.add(joined, quoted || noSplit)
      args.forEach((a, i) => {
        if (i > 0) f.newField()
        f.split(a, this.ifs())
      })
      return
    }
    let value = name === '@' || name === '*' ? this.env.positional().join(' ') : this.env.param(name)
    if (value === undefined && (!p.op || !/[-=+?]/.test(p.op))) {
      const error = this.env.unsetError(name)
      if (error) throw new ExpandError(error)
    }
    if (p.length) return this.value(String([...(value ?? '')].length), f, quoted, noSplit)
    if (p.op) {
      const colon = p.op.startsWith(':')
      const unset = value === undefined || (colon && value === '')
      const wordText = (): string => (p.word ? this.string(p.word) : '')
      switch (p.op.replace(':', '')) {
        case '-':
          if (unset) return p.word ? this.parts(p.word.parts, f, quoted, noSplit) : undefined
          break
        case '=':
          if (unset) {
            value = wordText()
            this.env.set(name, value)
          }
          break
        case '+':
          if (!unset) return p.word ? this.parts(p.word.parts, f, quoted, noSplit) : undefined
          value = ''
          break
        case '?':
          if (unset) throw new ExpandError(`${name}: ${p.word ? wordText() : value === undefined ? 'parameter not set' : 'parameter null or not set'}`)
          break
        case '#':
        case '##':
        case '%':
        case '%%':
          value = trim(value ?? '', p.word ? this.pattern(p.word) : [], p.op as '#')
          break
        default:
          throw new ExpandError(`\${${name}${p.op}...}: bad substitution`)
      }
    }
    if (p.repl) value = replace(value ?? '', this.pattern(p.repl.orig), p.repl.with ? this.string(p.repl.with) : '', p.repl.all)
    if (p.slice) {
      const chars = [...(value ?? '')]
      let start = this.arith(p.slice.offset)
      if (start < 0) start = Math.max(0, chars.length + start)
      const len = p.slice.length ? this.arith(p.slice.length) : chars.length
      value = chars.slice(start, len < 0 ? chars.length + len : start + len).join('')
    }
    this.value(value ?? '', f, quoted, noSplit)
  }

  /** Pathname expansion of one field; the field itself (quotes removed) when nothing matches. */
  private globField(chunks: Chunk[]): string[] {
    const text = chunks.map((c) => c.s).join('')
    if (!hasGlob(chunks)) return [text]
    const segments: Chunk[][] = [[]]
    for (const c of chunks) {
      const pieces = c.s.split('/')
      pieces.forEach((piece, i) => {
        if (i > 0) segments.push([])
        if (piece !== '') segments[segments.length - 1]!.push({ s: piece, quoted: c.quoted })
      })
    }
    const absolute = text.startsWith('/')
    const matches = this.env.glob(absolute ? segments.slice(1) : segments, absolute)
    return matches.length > 0 ? matches : [text]
  }
}

export { matchWhole }
