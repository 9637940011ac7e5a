// The small-step interpreter: it pops and pushes JSON frames (state.ts) until it must wait for a child, for
// input or for time, or the stack is empty. Everything it knows between steps is in ShellState, so the kernel
// may save it and a fresh Machine go on from it later.

import { ERRNO_TEXT, isErrno } from '../process/errno'
import type { Block, FdTarget, Step, Sys } from '../process/program'
import { SIGNALS, type Signal } from '../process/signals'
import type { Script, Stmt } from './ast'
import { runBuiltin, isBuiltin } from './builtins'
import { ArithFailure, ExpandError, Expander } from './expand'
import { arithMessage, notFound, permissionDenied, prefix, prompt } from './flavour'
import { globPaths } from './glob'
import { parseScript, ParseFailure } from './parse'
import { matchWhole } from './pattern'
import { applyRedirs, restoreFds } from './redirect'
import type { Frame, Scope, ShellState } from './state'

/** Commands one instant may run before a busy loop (`while :; do :; done`) yields 1 virtual ms. */
const BUDGET = 20_000
export const FORK_ENV = '__PODLAB_SH_FORK__'

export class Machine {
  /** The status of the last command substitution of the current command (`x=$(false)` sets `$?`). */
  private substStatus: number | undefined
  /** Trees of this step's scripts by src index. */
  private readonly scripts: Script[] = []

  constructor(
    readonly s: ShellState,
    readonly sys: Sys,
  ) {}

  // ---- helpers the builtins use ----

  script(src: number): Script {
    const memo = this.scripts[src]
    if (memo) return memo
    const parsed = parseScript(this.s.srcs[src] ?? '', this.s.lang)
    if (parsed instanceof ParseFailure) throw new Error(`script ${src} no longer parses: ${parsed.message}`)
    this.scripts[src] = parsed
    return parsed
  }

  /** The index of a script text (one entry per distinct text). */
  addSrc(text: string): number {
    const at = this.s.srcs.indexOf(text)
    if (at >= 0) return at
    this.s.srcs.push(text)
    return this.s.srcs.length - 1
  }

  fd(n: number): FdTarget {
    return this.s.fds[String(n)] ?? { kind: 'null' }
  }

  out(text: string, fd = 1): void {
    if (this.s.fds[String(fd)]) this.sys.write(this.fd(fd), text)
  }

  err(text: string): void {
    this.out(text, 2)
  }

  /** `sh: 1: ` and so on. */
  prefix(): string {
    return prefix(this.s)
  }

  push(frame: Frame): void {
    this.s.stack.push(frame)
  }

  /** The environment of a child: exported variables, plus a command's own `a=b` prefixes. */
  environ(extra: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = {}
    for (const name of this.s.exported) if (this.s.vars[name] !== undefined) env[name] = this.s.vars[name]!
    return { ...env, ...extra }
  }

  setVar(name: string, value: string): void {
    this.s.vars[name] = value
  }

  /** A line from descriptor `fd` (with its newline, if it had one), 'eof', or 'wait' until input comes. */
  readLine(fd: number): string | 'eof' | 'wait' {
    const key = String(fd)
    for (;;) {
      const b = (this.s.inbuf[key] ??= { rest: '', eof: false })
      const nl = b.rest.indexOf('\n')
      if (nl >= 0) {
        const line = b.rest.slice(0, nl + 1)
        b.rest = b.rest.slice(nl + 1)
        return line
      }
      if (b.eof) {
        const last = b.rest
        b.rest = ''
        return last === '' ? 'eof' : last
      }
      const target = this.s.fds[key]
      if (!target) b.eof = true
      else if (target.kind === 'file') {
        const data = this.sys.fs.readFile(target.path)
        if (!isErrno(data)) b.rest += data
        b.eof = true
      } else {
        const got = this.sys.read(target)
        if (got === 'wait') return 'wait'
        if (got === 'eof') b.eof = true
        else b.rest += got
      }
    }
  }

  expander(src: number): Expander {
    const s = this.s
    return new Expander({
      power: s.flavour !== 'dash',
      param: (name) => this.param(name),
      set: (name, value) => this.setVar(name, value),
      unsetError: (name) => (s.opts.u && !/^[0-9@*#?$!-]$/.test(name) ? `${name}: ${s.flavour === 'bash' ? 'unbound variable' : 'parameter not set'}` : undefined),
      positional: () => s.args,
      commandOutput: (list) => this.commandOutput(src, list),
      glob: (segments, absolute) => globPaths(this.sys.fs, s.cwd, segments, absolute),
    })
  }

  param(name: string): string | undefined {
    const s = this.s
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
        return s.flavour === 'dash' ? s.vars.RANDOM : String(Math.floor(this.sys.random() * 32768))
      default:
        if (/^\d+$/.test(name)) return s.args[Number(name) - 1]
        return s.vars[name]
    }
  }

  /** Runs `$(...)` to its end at this instant in a copy of the shell (a subshell); its standard output. */
  private commandOutput(src: number, list: number): string {
    const buffer: FdTarget = { kind: 'buffer', id: `${this.s.pid}.${this.s.seq++}` }
    // A throwaway copy: only what its commands may change is cloned; `srcs` is shared so new texts stay known.
    const sub: ShellState = { ...this.s, ...scopeOf(this.s), traps: {}, exitTrapRan: true, interactive: false, jobs: [], jobDone: {}, fds: { ...this.s.fds, '1': buffer }, inbuf: {}, pending: [], unwind: undefined, stack: [{ k: 'list', src, list, i: 0 }] }
    const m = new Machine(sub, this.sys)
    const step = m.run(false)
    // A substitution whose commands would wait for time cannot wait here: its text so far is taken, and the
    // children it left running are reaped later as background jobs (a documented limitation).
    if ('block' in step) for (const f of sub.stack) if (f.k === 'child') this.s.jobs.push(f.pid)
    this.s.seq = sub.seq
    this.substStatus = 'exit' in step ? step.exit : 0
    let text = ''
    for (;;) {
      const got = this.sys.read(buffer)
      if (got === 'eof' || got === 'wait') break
      text += got
    }
    return text
  }

  // ---- the loop ----

  /**
   * Runs frames until the shell must wait or ends. `top`: this is the process itself (not a `$(...)` copy), so
   * the EXIT trap runs at the end and the last command may replace the shell (`exec` optimisation).
   */
  run(top = true): Step<ShellState> {
    const s = this.s
    this.reapJobs()
    for (let budget = 0; ; budget++) {
      if (budget > BUDGET) return { state: s, block: { wakeAt: this.sys.now() + 1 } }
      if (s.unwind) {
        if (this.unwindOne()) continue
      }
      const topFrame = s.stack[s.stack.length - 1]
      if (s.pending.length > 0 && topFrame?.k !== 'child') {
        this.startTrap(s.pending.shift()!)
        continue
      }
      if (!topFrame) {
        if (s.unwind?.kind === 'exit') s.status = s.unwind.status
        s.unwind = undefined
        if (top && s.traps.EXIT && !s.exitTrapRan) {
          s.exitTrapRan = true
          this.startTrap('EXIT')
          continue
        }
        return { exit: s.status }
      }
      const outcome = this.stepFrame(topFrame, top)
      if (outcome === undefined) continue
      if ('exec' in outcome) return outcome
      return { state: s, block: outcome }
    }
  }

  /** Background jobs that ended are reaped as the shell's SIGCHLD handler would; `wait` reads their status. */
  reapJobs(): void {
    for (const pid of [...this.s.jobs]) {
      const status = this.sys.wait(pid)
      if (!status) continue
      this.s.jobs = this.s.jobs.filter((p) => p !== pid)
      this.s.jobDone[String(pid)] = 'exited' in status ? status.exited : 128 + SIGNALS[status.signaled]
    }
  }

  startTrap(name: string): void {
    const action = this.s.traps[name]
    if (!action) return
    const parsed = parseScript(action, this.s.lang)
    if (parsed instanceof ParseFailure) return
    const src = this.addSrc(action)
    this.push({ k: 'trap', status: this.s.status })
    this.push({ k: 'list', src, list: parsed.root, i: 0 })
  }

  /** Pops one frame for a pending break/continue/return/exit; false when the unwind is over. */
  private unwindOne(): boolean {
    const s = this.s
    const u = s.unwind!
    const f = s.stack[s.stack.length - 1]
    if (!f) return false
    if (f.k === 'restore') restoreFds(s, f.fds)
    if (f.k === 'func') this.leaveFunction(f)
    if (f.k === 'subshell') Object.assign(s, f.saved)
    if (f.k === 'stmt' && (u.kind === 'break' || u.kind === 'continue')) {
      const cmd = this.script(f.src).stmts[f.id]!.cmd
      if (cmd.t === 'while' || cmd.t === 'for') {
        if (u.n > 1) u.n--
        else {
          s.unwind = undefined
          if (u.kind === 'continue') {
            f.phase = cmd.t === 'while' ? 1 : 2
            return true
          }
          s.status = 0
        }
      }
    }
    if (((f.k === 'func' || f.k === 'dot') && u.kind === 'return') || (f.k === 'subshell' && u.kind === 'exit')) {
      s.status = u.status
      s.unwind = undefined
    }
    if (f.k === 'repl' && u.kind !== 'exit') s.unwind = undefined
    s.stack.pop()
    return true
  }

  private leaveFunction(f: Extract<Frame, { k: 'func' }>): void {
    this.s.args = f.args
    for (const [name, value] of Object.entries(f.locals)) {
      if (value === null) delete this.s.vars[name]
      else this.s.vars[name] = value
    }
  }

  /** One move of the top frame: undefined to go on, a Block to wait, an exec to replace the shell. */
  private stepFrame(f: Frame, top: boolean): Block | { exec: { argv: string[]; env: Record<string, string>; cwd: string } } | undefined {
    const s = this.s
    switch (f.k) {
      case 'list': {
        const ids = this.script(f.src).lists[f.list]!
        if (f.i > 0 && s.status !== 0 && s.opts.e && !this.errexitSuppressed()) {
          s.unwind = { kind: 'exit', status: s.status }
          return undefined
        }
        if (f.i >= ids.length) {
          s.stack.pop()
          return undefined
        }
        const id = ids[f.i++]!
        this.push({ k: 'stmt', src: f.src, id, phase: 0 })
        return undefined
      }
      case 'stmt':
        return this.stepStmt(f, top)
      case 'restore':
        restoreFds(s, f.fds)
        s.stack.pop()
        return undefined
      case 'negate':
        s.status = s.status === 0 ? 1 : 0
        s.stack.pop()
        return undefined
      case 'child': {
        const status = this.sys.wait(f.pid)
        if (!status) return { children: true }
        s.status = 'exited' in status ? status.exited : 128 + SIGNALS[status.signaled]
        s.stack.pop()
        return undefined
      }
      case 'func':
        this.leaveFunction(f)
        s.stack.pop()
        return undefined
      case 'subshell': {
        const status = s.status
        Object.assign(s, f.saved)
        s.status = status
        s.stack.pop()
        return undefined
      }
      case 'trap':
        s.status = f.status
        s.stack.pop()
        return undefined
      case 'dot':
        s.stack.pop()
        return undefined
      case 'wait':
        return this.stepWait(f)
      case 'read':
        return this.stepRead(f)
      case 'pipe':
        return this.stepPipe(f)
      case 'repl':
        return this.stepRepl(f)
    }
  }

  /** `set -e` does not apply inside if/while tests, the left of `&&`/`||`, or a negated pipeline. */
  private errexitSuppressed(): boolean {
    return this.s.stack.some((f) => (f.k === 'list' && f.cond) || f.k === 'negate')
  }

  private stepStmt(f: Extract<Frame, { k: 'stmt' }>, top: boolean): Block | { exec: { argv: string[]; env: Record<string, string>; cwd: string } } | undefined {
    const s = this.s
    const stmt = this.script(f.src).stmts[f.id]!
    const cmd = stmt.cmd
    if (f.phase === 0) {
      s.line = stmt.line
      s.stack.pop()
      if (stmt.background && !f.fg) {
        this.background(f.src, f.id)
        return undefined
      }
      if (stmt.negated) this.push({ k: 'negate' })
      if (stmt.redirs.length > 0 && cmd.t !== 'call') {
        const got = applyRedirs(s, this.sys, this.expander(f.src), stmt.redirs)
        if ('error' in got) {
          this.err(got.error)
          s.status = 1
          return undefined
        }
        this.push({ k: 'restore', fds: got.saved })
      }
      this.push({ ...f, phase: 1 })
      return undefined
    }
    const list = (id: number, cond = false): void => this.push({ k: 'list', src: f.src, list: id, i: 0, ...(cond ? { cond: true as const } : {}) })
    const done = (): undefined => {
      s.stack.pop()
      return undefined
    }
    switch (cmd.t) {
      case 'call':
        s.stack.pop()
        return this.call(f.src, stmt, top && (f.fg === true || !stmt.background))
      case 'and':
      case 'or':
        if (f.phase === 1) {
          f.phase = 2
          list(cmd.x, true)
        } else if (f.phase === 2 && (s.status === 0) === (cmd.t === 'and')) {
          f.phase = 3
          list(cmd.y)
        } else return done()
        return undefined
      case 'pipe':
        s.stack.pop()
        this.push({ k: 'pipe', src: f.src, id: f.id, i: 0 })
        return undefined
      case 'if':
        if (f.phase === 1) {
          f.phase = 2
          list(cmd.cond, true)
        } else if (f.phase === 2) {
          f.phase = 3
          if (s.status === 0) list(cmd.then)
          else if (cmd.else !== undefined) list(cmd.else)
          else s.status = 0
        } else return done()
        return undefined
      case 'while':
        if (f.phase === 1) {
          f.phase = 2
          list(cmd.cond, true)
        } else if (f.phase === 2) {
          if ((s.status === 0) !== cmd.until) {
            f.phase = 3
            list(cmd.body)
          } else {
            s.status = f.idx ?? 0
            return done()
          }
        } else {
          f.idx = s.status
          f.phase = 1
        }
        return undefined
      case 'for':
        if (f.phase === 1) {
          const items = this.expandOr(() => (cmd.items ? this.expander(f.src).fields(cmd.items) : [...s.args]))
          if (!items) return done()
          f.items = items
          f.idx = 0
          f.phase = 2
          s.status = 0
        }
        if ((f.idx ?? 0) >= (f.items?.length ?? 0)) return done()
        this.setVar(cmd.name, f.items![f.idx!]!)
        f.idx = f.idx! + 1
        list(cmd.body)
        return undefined
      case 'case':
        return this.stepCase(f, cmd)
      case 'block':
        if (f.phase === 1) {
          f.phase = 2
          list(cmd.body)
          return undefined
        }
        return done()
      case 'subshell':
        s.stack.pop()
        this.push({ k: 'subshell', saved: scopeOf(s) })
        list(cmd.body)
        return undefined
      case 'func':
        s.funcs[cmd.name] = { src: f.src, list: cmd.body }
        s.status = 0
        return done()
      case 'arith': {
        const value = this.expandOr(() => this.expander(f.src).arith(cmd.expr, cmd.text))
        if (value !== undefined) s.status = value === 0 ? 1 : 0
        return done()
      }
      case 'unsupported':
        this.err(`${this.prefix()}${cmd.what}: not supported by Podlab's shell\n`)
        s.status = 2
        return done()
    }
  }

  private stepCase(f: Extract<Frame, { k: 'stmt' }>, cmd: Extract<Stmt['cmd'], { t: 'case' }>): undefined {
    const s = this.s
    const ex = this.expander(f.src)
    if (f.phase === 2) {
      const item = cmd.items[f.idx!]!
      if (item.after === 'fall' && f.idx! + 1 < cmd.items.length) {
        f.idx = f.idx! + 1
        this.push({ k: 'list', src: f.src, list: cmd.items[f.idx]!.body, i: 0 })
        return undefined
      }
      if (item.after !== 'next') {
        s.stack.pop()
        return undefined
      }
      f.body = f.idx! + 1
    }
    const word = f.items?.[0] ?? this.expandOr(() => ex.string(cmd.word))
    if (word === undefined) {
      s.stack.pop()
      return undefined
    }
    f.items = [word]
    for (let i = f.body ?? 0; i < cmd.items.length; i++) {
      const item = cmd.items[i]!
      if (item.patterns.some((p) => matchWhole(ex.pattern(p), word))) {
        f.idx = i
        f.phase = 2
        this.push({ k: 'list', src: f.src, list: item.body, i: 0 })
        return undefined
      }
    }
    if (f.phase === 1) s.status = 0
    s.stack.pop()
    return undefined
  }

  /** Runs `work`; on an expansion error prints it, sets the status, ends a non-interactive shell, gives undefined. */
  expandOr<T>(work: () => T): T | undefined {
    try {
      return work()
    } catch (e) {
      if (!(e instanceof ExpandError) && !(e instanceof ArithFailure)) throw e
      const s = this.s
      this.err(`${this.prefix()}${e instanceof ArithFailure ? arithMessage(s.flavour, e.error, e.text) : e.message}\n`)
      s.status = s.flavour !== 'bash' ? 2 : e instanceof ArithFailure ? 1 : 127
      if (!s.interactive) s.unwind = { kind: 'exit', status: s.status }
      return undefined
    }
  }

  private call(src: number, stmt: Stmt, top: boolean): Block | { exec: { argv: string[]; env: Record<string, string>; cwd: string } } | undefined {
    const s = this.s
    const cmd = stmt.cmd as Extract<Stmt['cmd'], { t: 'call' }>
    const ex = this.expander(src)
    this.substStatus = undefined
    const argv = this.expandOr(() => ex.fields(cmd.args))
    if (!argv) return undefined
    const assigns: Record<string, string> = {}
    for (const a of cmd.assigns) {
      const value = this.expandOr(() => (a.value ? ex.string(a.value) : ''))
      if (value === undefined) return undefined
      assigns[a.name] = a.append ? (s.vars[a.name] ?? '') + value : value
    }
    let saved: Record<string, FdTarget | null> = {}
    if (stmt.redirs.length > 0) {
      const got = applyRedirs(s, this.sys, ex, stmt.redirs)
      if ('error' in got) {
        this.err(got.error)
        s.status = 1
        return undefined
      }
      saved = got.saved
    }
    if (s.opts.x && argv.length + cmd.assigns.length > 0) {
      this.err(`+ ${[...Object.entries(assigns).map(([k, v]) => `${k}=${v}`), ...argv].join(' ')}\n`)
    }
    if (argv.length === 0 || (argv[0] === 'exec' && argv.length === 1)) {
      Object.assign(s.vars, assigns)
      s.status = this.substStatus ?? 0
      return undefined
    }
    if (stmt.redirs.length > 0) this.push({ k: 'restore', fds: saved })
    const name = argv[0]!
    const fn = s.funcs[name]
    if (fn) {
      Object.assign(s.vars, assigns)
      this.push({ k: 'func', args: s.args, locals: {} })
      s.args = argv.slice(1)
      this.push({ k: 'list', src: fn.src, list: fn.list, i: 0 })
      return undefined
    }
    if (isBuiltin(s.flavour, name)) {
      Object.assign(s.vars, assigns)
      const status = runBuiltin(this, argv)
      if (typeof status === 'number') s.status = status
      else if (status !== 'pushed') return status
      return undefined
    }
    return this.external(argv, assigns, top)
  }

  /** Spawns an external command and waits for it (or, as the last thing a `-c` shell does, becomes it). */
  external(argv: string[], assigns: Record<string, string>, top: boolean): { exec: { argv: string[]; env: Record<string, string>; cwd: string } } | undefined {
    const s = this.s
    const env = this.environ(assigns)
    if (top && this.nothingAfter()) {
      const exec = this.execTarget(argv[0]!, env)
      if (exec) return { exec: { argv, env, cwd: s.cwd } }
    }
    const got = this.sys.spawn({ argv, env, cwd: s.cwd, fds: [this.fd(0), this.fd(1), this.fd(2)] })
    if ('error' in got) {
      if (got.error === 'ENOEXEC' && this.runAsScript(argv)) return undefined
      s.status = this.spawnFailed(argv[0]!, got.error)
      return undefined
    }
    this.push({ k: 'child', pid: got.pid, name: argv[0]! })
    return undefined
  }

  /**
   * An executable text file the kernel cannot exec (no `#!` line): the shell runs it itself, in a subshell with
   * its arguments, as execvp's callers in every shell do. False when it is not text the shell can parse.
   */
  private runAsScript(argv: string[]): boolean {
    const s = this.s
    const path = this.execTarget(argv[0]!, this.environ())
    const text = path === undefined ? undefined : this.sys.fs.readFile(path)
    if (text === undefined || isErrno(text)) return false
    const parsed = parseScript(text, s.lang)
    if (parsed instanceof ParseFailure) return false
    this.push({ k: 'subshell', saved: scopeOf(s) })
    s.args = argv.slice(1)
    s.arg0 = argv[0]!
    this.push({ k: 'list', src: this.addSrc(text), list: parsed.root, i: 0 })
    return true
  }

  /** Prints why a command could not run; its status (127 not found, 126 not executable). */
  spawnFailed(name: string, errno: string): number {
    if (errno === 'ENOENT') {
      this.err(notFound(this.s, name, name.includes('/')))
      return 127
    }
    if (errno === 'EACCES') this.err(permissionDenied(this.s, name))
    else this.err(`${this.prefix()}${name}: ${isErrno(errno) ? ERRNO_TEXT[errno] : errno}\n`)
    return 126
  }

  /** `exec CMD`: the shell becomes CMD (same pid) when its descriptors are still the ones it started with. */
  execInPlace(argv: string[]): { exec: { argv: string[]; env: Record<string, string>; cwd: string } } | undefined {
    const env = this.environ()
    if (!sameFds(this.s.fds, this.s.origFds) || !this.execTarget(argv[0]!, env)) return undefined
    return { exec: { argv, env, cwd: this.s.cwd } }
  }

  /** Whether the shell has nothing left to do after the current command (so it may exec it, as sh -c does). */
  private nothingAfter(): boolean {
    const s = this.s
    if (s.interactive || Object.keys(s.traps).length > 0 || !sameFds(s.fds, s.origFds)) return false
    return s.stack.every((f) => f.k === 'list' && f.i >= this.script(f.src).lists[f.list]!.length && !f.cond)
  }

  /** The program file argv[0] would run (PATH lookup against the filesystem), for exec. */
  execTarget(name: string, env: Record<string, string>): string | undefined {
    const dirs = name.includes('/') ? [''] : (env.PATH ?? this.s.vars.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':')
    for (const dir of dirs) {
      const path = name.includes('/') ? (name.startsWith('/') ? name : `${this.s.cwd}/${name}`) : `${dir || '.'}/${name}`
      const st = this.sys.fs.stat(path)
      if (typeof st !== 'string' && st.kind === 'file' && (st.mode & 0o111) !== 0) return path
    }
    return undefined
  }

  /** `cmd &`: a child shell runs the statement (what fork does), sharing variables and functions as of now. */
  private background(src: number, id: number): void {
    const s = this.s
    const payload = { ...scopeOf(s), srcs: s.srcs, src, id, lastBg: s.lastBg, arg0: s.arg0, line: s.line }
    const got = this.sys.spawn({ argv: s.argv, env: { ...this.environ(), [FORK_ENV]: JSON.stringify(payload) }, cwd: s.cwd, fds: [s.interactive ? this.fd(0) : { kind: 'null' }, this.fd(1), this.fd(2)] })
    if ('error' in got) {
      s.status = this.spawnFailed(s.argv[0] ?? 'sh', got.error)
      return
    }
    s.lastBg = got.pid
    s.jobs.push(got.pid)
    s.status = 0
  }

  private stepWait(f: Extract<Frame, { k: 'wait' }>): Block | undefined {
    const s = this.s
    this.reapJobs()
    const waiting = f.pids.filter((p) => s.jobs.includes(p))
    if (waiting.length > 0) return { children: true }
    const last = f.pids[f.pids.length - 1]
    s.status = last === undefined ? 0 : (s.jobDone[String(last)] ?? 127)
    for (const p of f.pids) delete s.jobDone[String(p)]
    s.stack.pop()
    return undefined
  }

  private stepRead(f: Extract<Frame, { k: 'read' }>): Block | undefined {
    const s = this.s
    const line = this.readLine(0)
    if (line === 'wait') return { input: true }
    s.stack.pop()
    if (line === 'eof') {
      for (const name of f.names) this.setVar(name, '')
      s.status = 1
      return undefined
    }
    let text = line.endsWith('\n') ? line.slice(0, -1) : line
    if (!f.raw) text = text.replace(/\\(.)/g, '$1')
    const ifs = s.vars.IFS ?? ' \t\n'
    const names = f.names.length > 0 ? f.names : ['REPLY']
    if (f.names.length === 0) {
      this.setVar('REPLY', text)
    } else {
      const ws = `[${ifs.replace(/[\\\]^-]/g, '\\$&')}]`
      let rest = text.replace(new RegExp(`^${ws}+`), '')
      names.forEach((name, i) => {
        if (i === names.length - 1) {
          this.setVar(name, rest.replace(new RegExp(`${ws}+$`), ''))
          return
        }
        const m = new RegExp(`${ws}+`).exec(rest)
        this.setVar(name, m ? rest.slice(0, m.index) : rest)
        rest = m ? rest.slice(m.index + m[0].length) : ''
      })
    }
    s.status = line.endsWith('\n') ? 0 : 1
    return undefined
  }

  // Pipeline stages run one after another, each with the text the previous one wrote buffered as its input: a
  // stage that waits on the clock (or for more input than was written) holds the next one back, and a stage
  // that never ends (`yes | head -1`) never lets the pipeline finish. Each stage is a subshell, as in ash/dash.
  private stepPipe(f: Extract<Frame, { k: 'pipe' }>): undefined {
    const s = this.s
    const cmd = this.script(f.src).stmts[f.id]!.cmd as Extract<Stmt['cmd'], { t: 'pipe' }>
    if (f.i >= cmd.stages.length) {
      s.stack.pop()
      return undefined
    }
    const last = f.i === cmd.stages.length - 1
    const saved: Record<string, FdTarget | null> = { '0': s.fds['0'] ?? null, '1': s.fds['1'] ?? null }
    this.push({ k: 'restore', fds: saved })
    if (f.input) s.fds['0'] = { kind: 'buffer', id: f.input }
    delete s.inbuf['0']
    const output = last ? undefined : `${s.pid}.${s.seq++}`
    if (output) s.fds['1'] = { kind: 'buffer', id: output }
    f.i++
    if (output) f.input = output
    else delete f.input
    this.push({ k: 'subshell', saved: scopeOf(s) })
    this.push({ k: 'list', src: f.src, list: cmd.stages[f.i - 1]!, i: 0 })
    return undefined
  }

  private stepRepl(f: Extract<Frame, { k: 'repl' }>): Block | undefined {
    const s = this.s
    if (!f.prompted) {
      if (s.interactive) this.err(f.text === '' ? prompt(s) : (s.vars.PS2 ?? '> '))
      f.prompted = true
    }
    const line = this.readLine(0)
    if (line === 'wait') return { input: true }
    f.prompted = false
    if (line === 'eof') {
      if (s.interactive && s.flavour === 'bash') this.err('exit\n')
      s.stack.pop()
      return undefined
    }
    f.text += line
    const parsed = parseScript(f.text, s.lang)
    s.line = f.line
    if (parsed instanceof ParseFailure) {
      if (parsed.incomplete) return undefined
      this.err(syntaxError(s, parsed))
      s.status = 2
      f.line += f.text.split('\n').length - 1
      f.text = ''
      return undefined
    }
    const src = this.addSrc(f.text)
    f.line += f.text.split('\n').length - 1
    f.text = ''
    this.push({ k: 'list', src, list: parsed.root, i: 0 })
    return undefined
  }
}

/** A syntax error as each shell prints it (status 2). */
export function syntaxError(s: ShellState, e: ParseFailure): string {
  const what = e.message.replace(/^\d+:\d+: /, '')
  switch (s.flavour) {
    case 'busybox':
      return `${s.arg0}: syntax error: ${what}\n`
    case 'dash':
      return `${s.arg0}: ${e.line}: Syntax error: ${what}\n`
    case 'bash':
      return `${s.arg0}: -c: line ${e.line}: syntax error: ${what}\n`
  }
}

export function scopeOf(s: ShellState): Scope {
  return JSON.parse(JSON.stringify({ arg0: s.arg0, vars: s.vars, exported: s.exported, funcs: s.funcs, args: s.args, cwd: s.cwd, traps: s.traps, opts: s.opts }))
}

function sameFds(a: Record<string, FdTarget>, b: Record<string, FdTarget>): boolean {
  return ['0', '1', '2'].every((fd) => JSON.stringify(a[fd]) === JSON.stringify(b[fd]))
}

export type { Signal }
