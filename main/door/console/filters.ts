// The commands tutorials pipe kubectl into, as stream filters: `kubectl get pods -w | grep nginx` must print each
// matching row as it comes, `... | head -3` must stop the watch after three lines, `... | wc -l` prints only at
// the end. Each takes its arguments as GNU coreutils/grep take the common ones, and answers the others with the
// utility's own "invalid option" words. Text in, text out: the console has no files.

/** A pipeline stage that reads stdin as it arrives. */
export interface StreamFilter {
  /** Takes the next chunk of stdin; returns what the stage prints now. */
  write(chunk: string): string
  /** stdin has ended: the rest of the output and the stage's exit status. */
  end(): { text: string; code: number }
  /** The stage needs no more input (head has printed its lines): the pipeline stops the producer. */
  readonly done: boolean
}

/** A filter that could not start: its stderr text and exit status (2 for grep's usage errors, 1 for the rest). */
export interface FilterError {
  error: string
  code: number
}

export const FILTERS = ['grep', 'head', 'tail', 'wc', 'cat'] as const
export type FilterName = (typeof FILTERS)[number]

export function isFilter(name: string): name is FilterName {
  return (FILTERS as readonly string[]).includes(name)
}

/** A filter for `name` with `args`, or why it cannot run. */
export function makeFilter(name: FilterName, args: string[]): StreamFilter | FilterError {
  switch (name) {
    case 'grep':
      return grep(args)
    case 'head':
      return head(args)
    case 'tail':
      return tail(args)
    case 'wc':
      return wc(args)
    case 'cat':
      return cat(args)
  }
}

/** Splits stdin into whole lines as it comes; the last partial line waits for its newline or the end. */
class Lines {
  private partial = ''
  push(chunk: string): string[] {
    const parts = (this.partial + chunk).split('\n')
    this.partial = parts.pop() ?? ''
    return parts
  }
  rest(): string[] {
    const last = this.partial
    this.partial = ''
    return last === '' ? [] : [last]
  }
}

/** `-n N`, `-nN`, `--lines=N`, `-N` (head/tail's count); undefined when not a count option. */
function lineCount(args: string[], i: number): { n: number; used: number } | { bad: string } | undefined {
  const a = args[i]!
  const number = (text: string | undefined) => (text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined)
  if (a === '-n') {
    const n = number(args[i + 1])
    return n === undefined ? { bad: args[i + 1] ?? '' } : { n, used: 2 }
  }
  const inline = /^(?:-n|--lines=)(.*)$/.exec(a)?.[1] ?? /^-(\d+)$/.exec(a)?.[1]
  if (inline === undefined) return undefined
  const n = number(inline)
  return n === undefined ? { bad: inline } : { n, used: 1 }
}

function head(args: string[]): StreamFilter | FilterError {
  let n = 10
  for (let i = 0; i < args.length; ) {
    const count = lineCount(args, i)
    if (!count) return { error: `head: cannot open '${args[i]}' for reading: No such file or directory\n`, code: 1 }
    if ('bad' in count) return { error: `head: invalid number of lines: ‘${count.bad}’\n`, code: 1 }
    n = count.n
    i += count.used
  }
  const lines = new Lines()
  let printed = 0
  const take = (ls: string[], newline: boolean) => {
    let out = ''
    for (const l of ls) {
      if (printed >= n) break
      out += newline ? `${l}\n` : l
      printed++
    }
    return out
  }
  return {
    write: (chunk) => take(lines.push(chunk), true),
    end: () => ({ text: take(lines.rest(), false), code: 0 }),
    get done() {
      return printed >= n
    },
  }
}

function tail(args: string[]): StreamFilter | FilterError {
  let n = 10
  for (let i = 0; i < args.length; ) {
    const count = lineCount(args, i)
    if (!count) return { error: `tail: cannot open '${args[i]}' for reading: No such file or directory\n`, code: 1 }
    if ('bad' in count) return { error: `tail: invalid number of lines: ‘${count.bad}’\n`, code: 1 }
    n = count.n
    i += count.used
  }
  let all = ''
  return {
    write: (chunk) => {
      all += chunk
      return ''
    },
    end: () => {
      const ended = all.endsWith('\n')
      const lines = (ended ? all.slice(0, -1) : all).split('\n')
      if (all === '' || n === 0) return { text: '', code: 0 }
      return { text: lines.slice(-n).join('\n') + (ended ? '\n' : ''), code: 0 }
    },
    done: false,
  }
}

function wc(args: string[]): StreamFilter | FilterError {
  const want = { l: false, w: false, c: false }
  for (const a of args) {
    if (/^-[lwcm]+$/.test(a)) {
      for (const f of a.slice(1)) want[f === 'm' ? 'c' : (f as 'l' | 'w' | 'c')] = true
    } else if (a === '--lines' || a === '--words' || a === '--bytes' || a === '--chars') {
      want[a === '--lines' ? 'l' : a === '--words' ? 'w' : 'c'] = true
    } else if (a.startsWith('-')) {
      return { error: `wc: invalid option -- '${a.replace(/^-+/, '')[0] ?? ''}'\nTry 'wc --help' for more information.\n`, code: 1 }
    } else return { error: `wc: ${a}: No such file or directory\n`, code: 1 }
  }
  if (!want.l && !want.w && !want.c) want.l = want.w = want.c = true
  let all = ''
  return {
    write: (chunk) => {
      all += chunk
      return ''
    },
    end: () => {
      const counts: number[] = []
      if (want.l) counts.push((all.match(/\n/g) ?? []).length)
      if (want.w) counts.push(all.split(/\s+/).filter(Boolean).length)
      if (want.c) counts.push(new TextEncoder().encode(all).length)
      // GNU wc on stdin: one count alone is unpadded; several are right-aligned in 7 columns.
      const text = counts.length === 1 ? String(counts[0]) : counts.map((c) => String(c).padStart(7)).join(' ')
      return { text: `${text}\n`, code: 0 }
    },
    done: false,
  }
}

function cat(args: string[]): StreamFilter | FilterError {
  const file = args.find((a) => a !== '-')
  if (file !== undefined) return { error: `cat: ${file}: No such file or directory\n`, code: 1 }
  return { write: (chunk) => chunk, end: () => ({ text: '', code: 0 }), done: false }
}

/** POSIX basic regular expressions as JavaScript ones: `\(`, `\|`, `\+` are the operators, `(`, `|`, `+` literal. */
function basicToJs(pattern: string): string {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i]!
      out += '(){}|+?'.includes(next) ? next : `\\${next}`
    } else out += '(){}|+?'.includes(c) ? `\\${c}` : c
  }
  return out
}

function grep(args: string[]): StreamFilter | FilterError {
  const opts = { i: false, v: false, c: false, E: false, F: false, w: false, n: false }
  // -A/-B/-C: lines of context after/before each selected line (GNU grep), `--` between groups that do not touch.
  let after = 0
  let before = 0
  let pattern: string | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '-e') {
      pattern = args[++i]
      continue
    }
    const context = /^-([ABC])(\d*)$/.exec(a)
    if (context) {
      const text = context[2] !== '' ? context[2]! : args[++i]
      if (text === undefined || !/^\d+$/.test(text)) return { error: `grep: ${text ?? ''}: invalid context length argument\n`, code: 2 }
      const n = Number(text)
      if (context[1] !== 'B') after = n
      if (context[1] !== 'A') before = n
      continue
    }
    if (/^-[ivcEFwn]+$/.test(a)) {
      for (const f of a.slice(1)) opts[f as keyof typeof opts] = true
      continue
    }
    if (a.startsWith('-') && a !== '-') {
      return { error: `grep: invalid option -- '${a.slice(1, 2)}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`, code: 2 }
    }
    if (pattern === undefined) pattern = a
    else return { error: `grep: ${a}: No such file or directory\n`, code: 2 }
  }
  if (pattern === undefined) return { error: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", code: 2 }
  let source = opts.F ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : opts.E ? pattern : basicToJs(pattern)
  if (opts.w) source = `(?<![\\w])(?:${source})(?![\\w])`
  let re: RegExp
  try {
    re = new RegExp(source, opts.i ? 'i' : '')
  } catch {
    return { error: `grep: Unmatched ( or \\(\n`, code: 2 }
  }
  const lines = new Lines()
  let matched = 0
  let lineNo = 0
  /** Lines held for -B, with their numbers. */
  const held: Array<{ no: number; text: string }> = []
  /** How many lines after the last selected one still print (-A). */
  let afterLeft = 0
  /** The number of the last line printed, for the `--` between groups. */
  let lastPrinted = 0
  const show = (no: number, text: string, selected: boolean) => {
    const gap = lastPrinted > 0 && no > lastPrinted + 1 && (before > 0 || after > 0) ? '--\n' : ''
    lastPrinted = no
    return `${gap}${opts.n ? `${no}${selected ? ':' : '-'}` : ''}${text}\n`
  }
  const pick = (ls: string[]) => {
    let out = ''
    for (const l of ls) {
      lineNo++
      if (re.test(l) === opts.v) {
        if (!opts.c && afterLeft > 0) {
          afterLeft--
          out += show(lineNo, l, false)
        } else if (before > 0) {
          held.push({ no: lineNo, text: l })
          if (held.length > before) held.shift()
        }
        continue
      }
      matched++
      if (opts.c) continue
      for (const h of held.splice(0)) out += show(h.no, h.text, false)
      out += show(lineNo, l, true)
      afterLeft = after
    }
    return out
  }
  return {
    write: (chunk) => pick(lines.push(chunk)),
    end: () => {
      const text = pick(lines.rest()) + (opts.c ? `${matched}\n` : '')
      return { text, code: matched > 0 ? 0 : 1 }
    },
    done: false,
  }
}
