// grep [-ivcnqlLhHoxwsEF] [-e PATTERN]... PATTERN [FILE]...: POSIX basic regular expressions (or -E extended,
// -F fixed strings) over lines. Status 0 when a line was selected, 1 when none, 2 on an error.

import type { Program } from '../../process/program'
import { complain, type FilterState, type Flavour, linesOf, stdinFilter } from '../kit'
import { busyboxUsage } from '../busybox/usage'
import { readInputs, wantsStdin } from './inputs'

interface GrepArgs {
  flags: Set<string>
  patterns: string[]
  operands: string[]
}

function parse(args: string[]): GrepArgs | undefined {
  const flags = new Set<string>()
  const patterns: string[] = []
  const rest: string[] = []
  let options = true
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (options && arg === '--') options = false
    else if (options && arg === '-e') patterns.push(args[++i] ?? '')
    else if (options && /^-[ivcnqlLhHoxwsEFr]+$/.test(arg)) for (const f of arg.slice(1)) flags.add(f)
    else rest.push(arg)
  }
  if (patterns.length === 0) {
    const first = rest.shift()
    if (first === undefined) return undefined
    patterns.push(...first.split('\n'))
  }
  return { flags, patterns, operands: rest }
}

/** A BRE turned into a JavaScript regular expression source: \( \) \{ \} \| \+ \? are the operators there. */
function fromBasic(bre: string): string {
  let out = ''
  for (let i = 0; i < bre.length; i++) {
    const ch = bre[i]!
    if (ch === '\\' && i + 1 < bre.length) {
      const next = bre[++i]!
      out += '(){}|+?'.includes(next) ? next : `\\${next}`
    } else if ('(){}|+?'.includes(ch)) out += `\\${ch}`
    else if (ch === '*' && (out === '' || out.endsWith('(') || out.endsWith('|') || out === '^')) out += '\\*'
    else out += ch
  }
  return out
}

function matcher(args: GrepArgs): RegExp {
  const { flags } = args
  const sources = args.patterns.map((p) => (flags.has('F') ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? p : fromBasic(p)))
  let source = sources.map((s) => `(?:${s})`).join('|')
  if (flags.has('w')) source = `(?<![\\w])(?:${source})(?![\\w])`
  if (flags.has('x')) source = `^(?:${source})$`
  return new RegExp(source, flags.has('i') ? 'gi' : 'g')
}

export function grepProgram(flavour: Flavour): Program<FilterState> {
  return stdinFilter(
    (inv) => wantsStdin(parse(inv.argv.slice(1))?.operands ?? ['x']),
    (inv, sys, stdin) => {
      const args = parse(inv.argv.slice(1))
      if (!args) {
        if (flavour === 'busybox') return busyboxUsage(sys, 'grep') + 1
        complain(sys, "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.")
        return 2
      }
      let re: RegExp
      try {
        re = matcher(args)
      } catch {
        complain(sys, flavour === 'gnu' ? 'grep: Unmatched ( or \\(' : `grep: bad regex '${args.patterns[0]}'`)
        return 2
      }
      const { flags } = args
      const quiet = flags.has('q')
      const { inputs, status } = readInputs(sys, inv, 'grep', flavour, args.operands, stdin, 'plain', '')
      const named = (args.operands.length > 1 || flags.has('H')) && !flags.has('h')
      let selectedAny = false
      let out = ''
      for (const input of inputs) {
        const name = input.fromStdin ? '(standard input)' : input.name
        let count = 0
        for (const [n, line] of linesOf(input.text).entries()) {
          re.lastIndex = 0
          const hit = re.test(line)
          if (hit === flags.has('v')) continue
          count++
          selectedAny = true
          if (quiet) return 0
          if (flags.has('c') || flags.has('l') || flags.has('L')) continue
          const prefix = (named ? `${name}:` : '') + (flags.has('n') ? `${n + 1}:` : '')
          if (flags.has('o') && !flags.has('v')) {
            re.lastIndex = 0
            for (const m of line.matchAll(re)) if (m[0] !== '') out += `${prefix}${m[0]}\n`
          } else out += `${prefix}${line}\n`
        }
        if (flags.has('c')) out += `${named ? `${name}:` : ''}${count}\n`
        if (flags.has('l') && count > 0) out += `${name}\n`
        if (flags.has('L') && count === 0) out += `${name}\n`
      }
      sys.write(1, out)
      if (status !== 0 && !(quiet && selectedAny)) return 2
      return selectedAny ? 0 : 1
    },
  )
}
