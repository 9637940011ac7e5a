// The small-step interpreter: it pops and pushes JSON frames (state.ts) until it must wait for a child, for
// input or for time, or the stack is empty. Everything it knows between steps is in ShellState, so the kernel
// may save it and a fresh Machine go on from it later. This file is the step loop and what every part shares
// (descriptors, variables, expansions, `$(...)`); the frames' own steps live beside it: compound.ts (lists and
// statements), simple-command.ts (functions, builtins, external programs), pipeline.ts, jobs.ts (children,
// `&`, `wait`) and input.ts (reading lines, `read`, the interactive loop).

import type { Block, FdTarget, Step, Sys } from '../process/program'
import type { Script } from './ast'
import { stepList, stepStmt } from './compound'
import { ArithFailure, ExpandError, Expander } from './expand'
import { arithMessage, prefix } from './flavour'
import { globPaths } from './glob'
import { stepRead, stepRepl } from './input'
import { reapJobs, stepChild, stepWait } from './jobs'
import { paramValue } from './params'
import { parseScript, ParseFailure } from './parse'
import { stepPipe } from './pipeline'
import { restoreFds } from './redirect'
import { scopeOf } from './scope'
import { execInPlace, spawnFailed, type ExecStep } from './simple-command'
import type { Frame, ShellState } from './state'

/**
 * A loop that never waits (`while :; do echo hi; done`) cannot run at a real CPU's pace on the virtual clock: it
 * runs BUDGET frames, then rests until the next virtual second, using a whole core meanwhile (setCpu 1000).
 */
const BUDGET = 5_000
const BUSY_REST_MS = 1_000
/**
 * Memory a step may add before the shell lets the kernel look at it: `x=$x$x` doubles a string at every turn
 * and would reach gigabytes within one step, past any memory limit, before the cgroup's OOM killer could act.
 */
const RSS_CHECK_BYTES = 1024 * 1024
/** Resident memory of an idle shell, bytes (ps RSS of each in its image: busybox sh, dash, bash). */
const BASE_RSS = { busybox: 400 * 1024, dash: 600 * 1024, bash: 3 * 1024 * 1024 }

export class Machine {
  /** The status of the last command substitution of the current command (`x=$(false)` sets `$?`). */
  substStatus: number | undefined
  /** Trees of this step's scripts by src index. */
  private readonly scripts: Script[] = []

  constructor(
    readonly s: ShellState,
    readonly sys: Sys,
  ) {}

  // ---- helpers the frames and the builtins use ----

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

  expander(src: number): Expander {
    const s = this.s
    return new Expander({
      power: s.flavour !== 'dash',
      param: (name) => paramValue(s, this.sys, name),
      set: (name, value) => this.setVar(name, value),
      unsetError: (name) => (s.opts.u && !/^[0-9@*#?$!-]$/.test(name) ? `${name}: ${s.flavour === 'bash' ? 'unbound variable' : 'parameter not set'}` : undefined),
      positional: () => s.args,
      commandOutput: (list) => this.commandOutput(src, list),
      glob: (segments, absolute) => globPaths(this.sys.fs, s.cwd, segments, absolute),
    })
  }

  /** Runs `$(...)` to its end at this instant in a copy of the shell (a subshell); its standard output. */
  private commandOutput(src: number, list: number): string {
    const buffer: FdTarget = { kind: 'buffer', id: `${this.sys.pid}.${this.s.seq++}` }
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

  /** Background jobs that ended are reaped as the shell's SIGCHLD handler would; `wait` reads their status. */
  reapJobs(): void {
    reapJobs(this)
  }

  /** Prints why a command could not run; its status (127 not found, 126 not executable). */
  spawnFailed(name: string, errno: string): number {
    return spawnFailed(this, name, errno)
  }

  /** `exec CMD`: the shell becomes CMD (same pid) when its descriptors are still the ones it started with. */
  execInPlace(argv: string[]): ExecStep | undefined {
    return execInPlace(this, argv)
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
      if (budget > BUDGET && top) {
        this.account()
        this.sys.setCpu(1000)
        s.busy = true
        return { state: s, block: { wakeAt: this.sys.now() + BUSY_REST_MS } }
      }
      // A step that grew the shell's memory ends here so the kernel may OOM-kill it (memory.max is checked
      // after each step, kernel.ts afterStep); it is runnable again at once.
      if (top && this.rssBytes() > (s.rss ?? 0) + RSS_CHECK_BYTES) {
        this.account()
        return { state: s, block: { wakeAt: this.sys.now() } }
      }
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
      if (top) this.account()
      return { state: s, block: outcome }
    }
  }

  /** The shell's memory (its image's base plus what its variables hold) and CPU (idle when it waits). */
  private account(): void {
    const s = this.s
    if (s.busy) {
      this.sys.setCpu(0)
      s.busy = false
    }
    const bytes = this.rssBytes()
    if (bytes !== s.rss) {
      this.sys.setRss(bytes)
      s.rss = bytes
    }
  }

  /** The shell's resident memory: its image's base plus what its variables hold (bytes, one a character). */
  private rssBytes(): number {
    let bytes = BASE_RSS[this.s.flavour]
    for (const value of Object.values(this.s.vars)) bytes += value.length
    return bytes
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
    if (f.k === 'restore') restoreFds(s, f.fds, f.inbuf)
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
  private stepFrame(f: Frame, top: boolean): Block | ExecStep | undefined {
    const s = this.s
    switch (f.k) {
      case 'list':
        return stepList(this, f)
      case 'stmt':
        return stepStmt(this, f, top)
      case 'restore':
        restoreFds(s, f.fds, f.inbuf)
        s.stack.pop()
        return undefined
      case 'negate':
        s.status = s.status === 0 ? 1 : 0
        s.stack.pop()
        return undefined
      case 'child':
        return stepChild(this, f)
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
        return stepWait(this, f)
      case 'read':
        return stepRead(this, f)
      case 'pipe':
        return stepPipe(this, f)
      case 'repl':
        return stepRepl(this, f)
    }
  }
}
