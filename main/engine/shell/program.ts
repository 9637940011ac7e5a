// The shells as Programs: `sh -c SCRIPT [NAME ARGS...]`, `sh FILE ARGS...`, or commands read from standard
// input (an exec session: interactive, with prompts, when TERM is set as `kubectl exec -t` sets it, or -i).
// A shell that is its container's PID 1 ignores TERM and INT unless it traps them (the kernel's PID 1 rule).

import { resolvePath } from '../process/memory-fs'
import type { FdTarget, Program, StartContext, Step, Sys } from '../process/program'
import { SIGNALS, type Signal } from '../process/signals'
import { catches } from './builtins'
import { syntaxError } from './input'
import { FORK_ENV } from './jobs'
import { Machine } from './machine'
import { parseScript, ParseFailure } from './parse'
import type { Flavour, ShellState } from './state'

const DEFAULT_FDS: [FdTarget, FdTarget, FdTarget] = [{ kind: 'null' }, { kind: 'log', stream: 'stdout' }, { kind: 'log', stream: 'stderr' }]

function initialState(flavour: Flavour, ctx: StartContext, sys: Sys): ShellState {
  const fds = ctx.fds ?? DEFAULT_FDS
  const env = { ...ctx.env }
  delete env[FORK_ENV]
  const vars: Record<string, string> = { ...env }
  vars.PATH ??= '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
  vars.IFS ??= ' \t\n'
  vars.PPID ??= '0'
  const fdMap = { '0': fds[0], '1': fds[1], '2': fds[2] }
  return {
    flavour,
    lang: flavour === 'dash' ? 'posix' : 'bash',
    argv: ctx.argv,
    arg0: ctx.argv[0] ?? 'sh',
    vars,
    exported: Object.keys(env),
    funcs: {},
    args: [],
    cwd: ctx.cwd,
    traps: {},
    opts: { e: false, x: false, u: false },
    srcs: [],
    status: 0,
    pid: sys.pid,
    jobs: [],
    jobDone: {},
    origFds: fdMap,
    fds: { ...fdMap },
    inbuf: {},
    stack: [],
    pending: [],
    exitTrapRan: false,
    interactive: false,
    line: 1,
    seq: 0,
    init: ctx.init,
    home: env.HOME ?? '/root',
    hostname: sys.hostname(),
  }
}

/** Reads `sh [-eix] [-c SCRIPT [NAME ARGS...] | FILE ARGS...]` into the state; an error text for a bad start. */
function startScript(s: ShellState, ctx: StartContext, m: Machine): void {
  const args = ctx.argv.slice(1)
  let command: string | undefined
  let forceInteractive = false
  while (args.length > 0 && /^[-+][a-zA-Z]+$/.test(args[0]!)) {
    const flag = args.shift()!
    for (const c of flag.slice(1)) {
      if (c === 'c') command = ''
      else if (c === 'e') s.opts.e = true
      else if (c === 'x') s.opts.x = true
      else if (c === 'i') forceInteractive = true
    }
  }
  if (args[0] === '--') args.shift()
  if (command !== undefined) {
    if (args.length === 0) {
      m.err(s.flavour === 'bash' ? `${s.arg0}: -c: option requires an argument\n` : `${s.arg0}: -c requires an argument\n`)
      s.unwind = { kind: 'exit', status: 2 }
      return
    }
    command = args.shift()!
    if (args.length > 0) s.arg0 = args.shift()!
    s.args = args
    return runSource(s, m, command)
  }
  if (args.length > 0) {
    const file = args.shift()!
    s.args = args
    const text = m.sys.fs.readFile(resolvePath(s.cwd, file))
    if (typeof m.sys.fs.stat(resolvePath(s.cwd, file)) === 'string') {
      const reason = 'No such file or directory'
      m.err(s.flavour === 'dash' ? `${s.arg0}: 0: cannot open ${file}: No such file\n` : s.flavour === 'bash' ? `${s.arg0}: ${file}: ${reason}\n` : `${s.arg0}: can't open '${file}': ${reason}\n`)
      s.unwind = { kind: 'exit', status: 127 }
      return
    }
    s.arg0 = file
    return runSource(s, m, text)
  }
  s.interactive = forceInteractive || (s.fds['0']?.kind === 'session' && s.vars.TERM !== undefined)
  s.stack.push({ k: 'repl', text: '', prompted: false, line: 1 })
}

function runSource(s: ShellState, m: Machine, text: string): void {
  const parsed = parseScript(text, s.lang)
  if (parsed instanceof ParseFailure) {
    m.err(syntaxError(s, parsed))
    s.unwind = { kind: 'exit', status: 2 }
    return
  }
  s.stack.push({ k: 'list', src: m.addSrc(text), list: parsed.root, i: 0 })
}

/** A shell started by `cmd &` in another: its parent's variables, functions and the statement to run. */
function startFork(s: ShellState, payload: string): void {
  const got = JSON.parse(payload) as Pick<ShellState, 'vars' | 'exported' | 'funcs' | 'args' | 'cwd' | 'traps' | 'opts' | 'srcs' | 'arg0' | 'line' | 'lastBg' | 'pid'> & { src: number; id: number }
  const { src, id, ...rest } = got
  Object.assign(s, rest)
  s.traps = Object.fromEntries(Object.entries(s.traps).filter(([, action]) => action === ''))
  s.stack.push({ k: 'stmt', src, id, phase: 0, fg: true })
}

export function shellProgram(flavour: Flavour): Program<ShellState> {
  return {
    start(ctx, sys) {
      const s = initialState(flavour, ctx, sys)
      const m = new Machine(s, sys)
      const fork = ctx.env[FORK_ENV]
      if (fork !== undefined) startFork(s, fork)
      else startScript(s, ctx, m)
      return s
    },
    run(state, sys) {
      return new Machine(state, sys).run()
    },
    handles(state, sig) {
      return catches(state, sig)
    },
    signal(state, sig, sys): Step<ShellState> {
      const key = sig.replace(/^SIG/, '')
      const action = state.traps[key]
      const m = new Machine(state, sys)
      if (action === undefined || action === '') return m.run()
      state.pending.push(key)
      // `wait` and `read` are interrupted at once (status 128+n); a foreground child is waited for first.
      const topFrame = state.stack[state.stack.length - 1]
      if (topFrame?.k === 'wait' || topFrame?.k === 'read') {
        state.stack.pop()
        state.status = 128 + SIGNALS[sig as Signal]
      }
      return m.run()
    },
  }
}
