// The shell's parameters as expansions read them: the special ones ($?, $$, $!, $#, $-, $0), the positional
// ones ($1 ...), LINENO, PWD and RANDOM (bash and busybox; dash has none), and plain variables.

import type { Sys } from '../process/program'
import type { ShellState } from './state'

/** The value of parameter `name` in `s`, undefined when unset. RANDOM draws from the process's generator. */
export function paramValue(s: ShellState, sys: Sys, name: string): string | undefined {
  switch (name) {
    case '?':
      return String(s.status)
    case '$':
      return String(s.pid)
    case '!':
      return s.lastBg === undefined ? undefined : String(s.lastBg)
    case '#':
      return String(s.args.length)
    case '-':
      return `${s.opts.e ? 'e' : ''}${s.opts.x ? 'x' : ''}${s.opts.u ? 'u' : ''}${s.interactive ? 'i' : ''}`
    case '0':
      return s.arg0
    case 'LINENO':
      return String(s.line)
    case 'PWD':
      return s.vars.PWD ?? s.cwd
    case 'RANDOM':
      return s.flavour === 'dash' ? s.vars.RANDOM : String(Math.floor(sys.random() * 32768))
    default:
      if (/^\d+$/.test(name)) return s.args[Number(name) - 1]
      return s.vars[name]
  }
}
