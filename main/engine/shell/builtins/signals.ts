// kill and trap as builtins. kill reaches the container's processes (PID 1 too, where the kernel's PID 1 rule
// then applies); trap records commands by signal name (short: TERM), EXIT included.

import { parseSignal, SIGNALS, type Signal } from '../../process/signals'
import type { Machine } from '../machine'

/** Every Linux signal by number (kill -l lists them all, not only those the simulation delivers). */
const NAMES = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS']

/** A trap's signal key: `EXIT`, or the short name (`TERM`) of a name or number; undefined when unknown. */
export function trapKey(given: string): string | undefined {
  if (given === '0' || given.toUpperCase() === 'EXIT') return 'EXIT'
  if (/^\d+$/.test(given)) return NAMES[Number(given) - 1]
  const up = given.toUpperCase().replace(/^SIG/, '')
  return NAMES.includes(up) ? up : undefined
}

function killList(m: Machine, args: string[]): number {
  if (args.length > 0) {
    for (const a of args) {
      if (m.s.flavour === 'dash' && !/^\d+$/.test(a)) {
        m.err(`${m.prefix()}kill: Illegal number: ${a}\n`)
        return 2
      }
      const n = Number(a)
      const name = /^\d+$/.test(a) ? NAMES[(n > 128 ? n - 128 : n) - 1] : trapKey(a)
      if (!name) {
        m.err(`${m.prefix()}kill: ${a}: invalid signal specification\n`)
        return 1
      }
      m.out(/^\d+$/.test(a) ? `${name}\n` : `${NAMES.indexOf(name) + 1}\n`)
    }
    return 0
  }
  if (m.s.flavour === 'bash') {
    const cells = NAMES.map((n, i) => `${String(i + 1).padStart(2)}) SIG${n}`)
    for (let i = 0; i < cells.length; i += 5) m.out(`${cells.slice(i, i + 5).join('\t')}\n`)
  } else if (m.s.flavour === 'busybox') NAMES.forEach((n, i) => m.out(`${String(i + 1).padStart(2)}) ${n}\n`))
  else m.out(`0\n${NAMES.join('\n')}\n`)
  return 0
}

export function kill(m: Machine, argv: string[]): number {
  let args = argv.slice(1)
  let sig: Signal = 'SIGTERM'
  const first = args[0]
  if (first === '-l' || first === '-L') return killList(m, args.slice(1))
  if (first === '-s' || first === '-n') {
    const parsed = parseSignal(args[1] ?? '')
    if (!parsed) return badSignal(m, args[1] ?? '')
    sig = parsed
    args = args.slice(2)
  } else if (first?.startsWith('-') && first !== '--') {
    const parsed = parseSignal(first.slice(1))
    if (!parsed) return badSignal(m, first.slice(1))
    sig = parsed
    args = args.slice(1)
  }
  if (args[0] === '--') args = args.slice(1)
  if (args.length === 0) {
    m.err(m.s.flavour === 'bash' ? `${m.prefix()}kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n` : `${m.prefix()}kill: usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n`)
    return m.s.flavour === 'bash' ? 2 : 1
  }
  let status = 0
  for (const target of args) {
    if (!/^-?\d+$/.test(target)) {
      m.err(m.s.flavour === 'bash' ? `${m.prefix()}kill: ${target}: arguments must be process or job IDs\n` : `${m.prefix()}kill: invalid number '${target}'\n`)
      status = 1
      continue
    }
    const got = m.sys.kill(Number(target), sig)
    if (got === 'ok') continue
    status = 1
    const reason = got === 'ESRCH' ? 'No such process' : 'Operation not permitted'
    if (m.s.flavour === 'bash') m.err(`${m.prefix()}kill: (${target}) - ${reason}\n`)
    else if (m.s.flavour === 'busybox') m.err(`${m.prefix()}can't kill pid ${target}: ${reason}\n`)
    else m.err(`${m.prefix()}kill: ${reason}\n`)
  }
  return status
}

function badSignal(m: Machine, given: string): number {
  m.err(m.s.flavour === 'bash' ? `${m.prefix()}kill: ${given}: invalid signal specification\n` : `${m.prefix()}kill: invalid signal number or name: ${given}\n`)
  return 1
}

export function trap(m: Machine, argv: string[]): number {
  const s = m.s
  const args = argv.slice(1)
  if (args[0] === '--') args.shift()
  if (args.length === 0 || args[0] === '-p') {
    for (const [name, action] of Object.entries(s.traps)) m.out(`trap -- '${action.replace(/'/g, "'\\''")}' ${name}\n`)
    return 0
  }
  // `trap N SIG...` with a number first resets those signals (POSIX), as does `-`.
  const reset = args[0] === '-' || (args.length > 0 && /^\d+$/.test(args[0]!) && args.length >= 1 && trapKey(args[0]!) !== undefined && args.length === 1)
  const action = reset ? undefined : args[0]!
  const sigs = reset && args[0] !== '-' ? args : args.slice(1)
  let status = 0
  for (const given of sigs) {
    const key = trapKey(given)
    if (!key) {
      m.err(`${m.prefix()}trap: ${given}: bad trap\n`)
      status = 1
      continue
    }
    if (action === undefined) delete s.traps[key]
    else s.traps[key] = action
  }
  return status
}

/** Whether the shell catches `sig` now: a trap (an empty one ignores it), or an interactive shell's TERM/INT/QUIT. */
export function catches(s: Machine['s'], sig: Signal): boolean {
  const key = sig.replace(/^SIG/, '')
  if (key in s.traps) return true
  return s.interactive && (sig === 'SIGTERM' || sig === 'SIGINT' || sig === 'SIGQUIT')
}

export { SIGNALS }
