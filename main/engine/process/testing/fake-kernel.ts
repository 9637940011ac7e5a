// A small in-memory kernel for unit tests of programs (the shells, busybox applets, daemons): a process table
// running `Program`s from a registry you pass in, one MemoryFs, a manual clock, spawn/exec/wait/kill with the
// PID 1 rule, descriptors leading to the log, files, /dev/null, buffers and sessions. Test-only; the real kernel
// is containerd's. It is deliberately simple:
// - Every program state is JSON round-tripped after each step (`roundTrip`), so a program that keeps anything
//   but JSON fails its tests here first.
// - A blocked process runs again when its `wakeAt` has come, when one of its children ended since it last ran,
//   or when input arrived since it last ran (edge-triggered); programs must tolerate waking for nothing.
// - Writes to a `file` target always go to the file's end: whoever opened it truncated it at open (`>`).
// - A buffer reads as end of file once it is empty and no other live process has it as its fd 1 or 2.
// - Signals sent to a process while its own step is running are delivered when that step returns.

import { MemoryFs, resolvePath, type FsState } from '../memory-fs'
import type { FdTarget, Program, ProcessInfo, SpawnRequest, Step, Sys, WaitStatus, Block, HttpRequest, HttpResponse, NetError } from '../program'
import { defaultAction, type Signal } from '../signals'

export interface FakeProcess {
  pid: number
  ppid: number
  argv: string[]
  env: Record<string, string>
  cwd: string
  programId: string
  state: unknown
  fds: [FdTarget, FdTarget, FdTarget]
  startedAt: number
  /** Set while it waits; undefined while it runs or after it ended. */
  block?: Block
  ended?: WaitStatus
  /** A child ended / input came since this process last ran. */
  childEnded: boolean
  inputCame: boolean
  /** Descriptors already read to their end (file and null targets read once, then EOF), keyed by JSON. */
  readDone: string[]
  rssBytes: number
  cpuMillicores: number
}

export interface LogLine {
  /** Virtual ms. */
  at: number
  stream: 'stdout' | 'stderr'
  text: string
}

export interface FakeKernelOptions {
  /** Program id -> program (`sh:busybox`, `busybox:sleep`, ...). */
  programs: Record<string, Program<any>>
  /** Executable path -> program id (`/bin/sleep` -> `busybox:sleep`); each becomes a 0755 file in the fs. */
  binaries: Record<string, string>
  /** Initial files (a MemoryFs state); `/tmp`, `/dev/null` and the binaries' directories are added. */
  files?: FsState
  hostname?: string
  /** Virtual ms at start. */
  nowMs?: number
  podIp?: string
  /** JSON round-trip every state after each step (default true). */
  roundTrip?: boolean
  image?: string
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
const MAX_RUNS_PER_INSTANT = 100_000

export class FakeKernel {
  nowMs: number
  readonly fs: MemoryFs
  readonly table = new Map<number, FakeProcess>()
  readonly logs: LogLine[] = []
  readonly buffers = new Map<string, string>()
  readonly sessions = new Map<string, { input: string[]; closed: boolean; stdout: string; stderr: string }>()
  readonly listeners = new Map<number, number>()
  private nextPid = 1
  private readonly running = new Set<number>()
  private readonly pendingSignals = new Map<number, Signal[]>()

  constructor(readonly options: FakeKernelOptions) {
    this.nowMs = options.nowMs ?? 0
    this.fs = new MemoryFs(structuredClone(options.files ?? {}), () => this.nowMs)
    this.fs.mkdir('/tmp', { parents: true })
    this.fs.mkdir('/dev', { parents: true })
    this.fs.state['/dev/null'] ??= { kind: 'chardev', mode: 0o666, mtimeMs: 0, uid: 0, gid: 0 }
    for (const path of Object.keys(options.binaries)) {
      this.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true })
      this.fs.state[path] ??= { kind: 'file', data: '', mode: 0o755, mtimeMs: 0, uid: 0, gid: 0 }
    }
  }

  // ---- driving it from a test ----

  /**
   * Starts a process from outside (the runtime): the first is PID 1 (its fds the log unless given), others are
   * exec'd processes (ppid 0). Throws when argv[0] cannot be resolved. Runs it until it first waits or ends.
   */
  start(argv: string[], options: { env?: Record<string, string>; cwd?: string; fds?: [FdTarget, FdTarget, FdTarget] } = {}): number {
    const fds = options.fds ?? [{ kind: 'null' }, { kind: 'log', stream: 'stdout' }, { kind: 'log', stream: 'stderr' }]
    const got = this.spawnProcess(0, { argv, env: options.env ?? { PATH: DEFAULT_PATH, HOME: '/root' }, cwd: options.cwd ?? '/', fds })
    if ('error' in got) throw new Error(`cannot start ${argv[0]}: ${got.error}`)
    this.settle()
    return got.pid
  }

  /** Runs the clock forward `ms` virtual milliseconds, waking processes at their instants. */
  advance(ms: number): void {
    this.advanceTo(this.nowMs + ms)
  }

  advanceTo(targetMs: number): void {
    this.settle()
    for (;;) {
      const next = Math.min(...[...this.table.values()].map((p) => p.block?.wakeAt ?? Infinity))
      if (next > targetMs) break
      this.nowMs = Math.max(this.nowMs, next)
      this.settle()
    }
    this.nowMs = targetMs
    this.settle()
  }

  /** A signal from outside the container (the runtime stopping it, chaos): PID 1 dies unhandled only of SIGKILL. */
  kill(pid: number, sig: Signal): 'ok' | 'ESRCH' {
    const r = this.deliver(pid, sig, true)
    this.settle()
    return r === 'EPERM' ? 'ok' : r
  }

  /** How a process started from outside ended (undefined while it runs). */
  status(pid: number): WaitStatus | undefined {
    return this.table.get(pid)?.ended
  }

  isRunning(pid: number): boolean {
    const p = this.table.get(pid)
    return p !== undefined && p.ended === undefined
  }

  /** The container log's text (both streams, or one), in order. */
  logText(stream?: 'stdout' | 'stderr'): string {
    return this.logs.filter((l) => stream === undefined || l.stream === stream).map((l) => l.text).join('')
  }

  /** An exec session's descriptors: stdin from `sessionInput`, output kept in `session(id)`. */
  openSession(id: string): [FdTarget, FdTarget, FdTarget] {
    this.sessions.set(id, { input: [], closed: false, stdout: '', stderr: '' })
    return [{ kind: 'session', id, stream: 'stdin' }, { kind: 'session', id, stream: 'stdout' }, { kind: 'session', id, stream: 'stderr' }]
  }

  session(id: string): { input: string[]; closed: boolean; stdout: string; stderr: string } {
    const s = this.sessions.get(id)
    if (!s) throw new Error(`no session ${id}`)
    return s
  }

  /** Types text into a session (or closes its stdin with `eof`) and lets its readers run. */
  sessionInput(id: string, text: string | 'eof'): void {
    const s = this.session(id)
    if (text === 'eof') s.closed = true
    else s.input.push(text)
    for (const p of this.table.values()) if (p.fds[0].kind === 'session' && p.fds[0].id === id) p.inputCame = true
    this.settle()
  }

  processes(): ProcessInfo[] {
    return [...this.table.values()]
      .filter((p) => p.ended === undefined || this.table.get(p.ppid) !== undefined)
      .map((p) => ({ pid: p.pid, ppid: p.ppid, user: 'root', command: p.argv.join(' '), startedAt: p.startedAt, rssBytes: p.rssBytes, state: p.ended ? 'Z' : p.block ? 'S' : 'R' }))
  }

  // ---- the kernel ----

  private program(p: FakeProcess): Program<unknown> {
    const program = this.options.programs[p.programId]
    if (!program) throw new Error(`no program ${p.programId}`)
    return program
  }

  /** execvp's lookup: a path when argv[0] has a `/`, else each PATH directory. */
  resolve(argv0: string, env: Record<string, string>, cwd: string): { path: string; programId: string } | { error: 'ENOENT' | 'EACCES' | 'ENOEXEC' } {
    const candidates = argv0.includes('/') ? [resolvePath(cwd, argv0)] : (env.PATH ?? DEFAULT_PATH).split(':').map((dir) => resolvePath(cwd, `${dir || '.'}/${argv0}`))
    let denied = false
    for (const path of candidates) {
      const st = this.fs.stat(path)
      if (typeof st === 'string') continue
      if (st.kind !== 'file' || (st.mode & 0o111) === 0) {
        denied = true
        continue
      }
      const programId = this.options.binaries[path]
      if (programId) return { path, programId }
      return { error: 'ENOEXEC' }
    }
    return { error: denied ? 'EACCES' : 'ENOENT' }
  }

  private spawnProcess(ppid: number, request: SpawnRequest): { pid: number } | { error: 'ENOENT' | 'EACCES' | 'ENOEXEC' } {
    const found = this.resolve(request.argv[0] ?? '', request.env, request.cwd)
    if ('error' in found) return found
    const pid = this.nextPid++
    const p: FakeProcess = {
      pid, ppid, argv: [...request.argv], env: { ...request.env }, cwd: request.cwd, programId: found.programId, state: undefined,
      fds: request.fds, startedAt: this.nowMs, childEnded: false, inputCame: false, readDone: [], rssBytes: 0, cpuMillicores: 0,
    }
    this.table.set(pid, p)
    this.begin(p, found.path)
    return { pid }
  }

  private begin(p: FakeProcess, path: string): void {
    const sys = this.sysFor(p)
    this.running.add(p.pid)
    try {
      p.state = this.program(p).start({ argv: p.argv, env: p.env, cwd: p.cwd, path, init: p.pid === 1, image: this.options.image ?? 'docker.io/library/busybox:latest', fds: p.fds }, sys)
    } finally {
      this.running.delete(p.pid)
    }
    this.step(p, () => this.program(p).run(p.state, sys))
  }

  /** Runs one step of `p` and applies its outcome. */
  private step(p: FakeProcess, run: () => Step<unknown>): void {
    p.block = undefined
    p.childEnded = false
    p.inputCame = false
    this.running.add(p.pid)
    let outcome: Step<unknown>
    try {
      outcome = run()
    } finally {
      this.running.delete(p.pid)
    }
    this.apply(p, outcome)
    const pending = this.pendingSignals.get(p.pid)
    if (pending) {
      this.pendingSignals.delete(p.pid)
      for (const sig of pending) this.deliver(p.pid, sig, false)
    }
  }

  private apply(p: FakeProcess, outcome: Step<unknown>): void {
    if ('block' in outcome) {
      p.state = this.options.roundTrip === false ? outcome.state : JSON.parse(JSON.stringify(outcome.state))
      p.block = outcome.block
    } else if ('exit' in outcome) this.end(p, { exited: outcome.exit })
    else if ('killedBy' in outcome) this.end(p, { signaled: outcome.killedBy })
    else {
      const request = { ...outcome.exec, fds: p.fds }
      const found = this.resolve(request.argv[0] ?? '', request.env, request.cwd)
      if ('error' in found) throw new Error(`exec step with unresolvable ${request.argv[0]}: the program must check first`)
      Object.assign(p, { argv: request.argv, env: request.env, cwd: request.cwd, programId: found.programId })
      this.begin(p, found.path)
    }
  }

  private end(p: FakeProcess, status: WaitStatus): void {
    p.ended = status
    p.block = undefined
    for (const [port, pid] of this.listeners) if (pid === p.pid) this.listeners.delete(port)
    const parent = this.table.get(p.ppid)
    if (parent && parent.ended === undefined) parent.childEnded = true
    else if (p.ppid !== 0) this.table.delete(p.pid) // an orphan: init reaps it
    for (const child of this.table.values()) if (child.ppid === p.pid) child.ppid = 1
    if (p.pid === 1) for (const other of this.table.values()) if (other.ended === undefined) this.end(other, { signaled: 'SIGKILL' })
  }

  /** Runs every process that may go on now, until none may. */
  settle(): void {
    for (let runs = 0; ; runs++) {
      if (runs > MAX_RUNS_PER_INSTANT) throw new Error(`processes keep running at ${this.nowMs} ms without waiting`)
      const ready = [...this.table.values()].find(
        (p) => p.block !== undefined && p.ended === undefined && !this.running.has(p.pid) && (p.childEnded || p.inputCame || (p.block.wakeAt !== undefined && p.block.wakeAt <= this.nowMs)),
      )
      if (!ready) return
      this.step(ready, () => this.program(ready).run(ready.state, this.sysFor(ready)))
    }
  }

  /** Delivers a signal; `outside` marks the runtime (only SIGKILL/SIGSTOP then kill an unhandling PID 1). */
  private deliver(pid: number, sig: Signal, outside: boolean): 'ok' | 'ESRCH' | 'EPERM' {
    const p = this.table.get(pid)
    if (!p || p.ended) return 'ESRCH'
    if (this.running.has(pid)) {
      this.pendingSignals.set(pid, [...(this.pendingSignals.get(pid) ?? []), sig])
      return 'ok'
    }
    const program = this.program(p)
    if (sig !== 'SIGKILL' && sig !== 'SIGSTOP' && program.handles(p.state, sig)) {
      this.step(p, () => program.signal(p.state, sig, this.sysFor(p)))
      return 'ok'
    }
    const action = defaultAction(sig)
    if (action !== 'terminate') return 'ok'
    if (pid === 1 && !(outside && sig === 'SIGKILL')) return 'ok'
    this.end(p, { signaled: sig })
    return 'ok'
  }

  private target(p: FakeProcess, fd: number | FdTarget): FdTarget | undefined {
    return typeof fd === 'number' ? p.fds[fd] : fd
  }

  private write(p: FakeProcess, fd: number | FdTarget, text: string): 'EINVAL' | 'ENOENT' | 'EISDIR' | 'ENOTDIR' | undefined {
    const t = this.target(p, fd)
    if (!t) return 'EINVAL'
    switch (t.kind) {
      case 'log':
        if (text !== '') this.logs.push({ at: this.nowMs, stream: t.stream, text })
        return undefined
      case 'null':
        return undefined
      case 'file': {
        const bad = this.fs.writeFile(t.path, text, { append: true })
        return bad as 'ENOENT' | undefined
      }
      case 'buffer':
        this.buffers.set(t.id, (this.buffers.get(t.id) ?? '') + text)
        return undefined
      case 'session': {
        const s = this.session(t.id)
        if (t.stream === 'stderr') s.stderr += text
        else s.stdout += text
        return undefined
      }
    }
  }

  private read(p: FakeProcess, fd: number | FdTarget): string | 'eof' | 'wait' {
    const t = this.target(p, fd)
    if (!t) return 'eof'
    const key = JSON.stringify(t)
    switch (t.kind) {
      case 'file': {
        if (p.readDone.includes(key)) return 'eof'
        p.readDone.push(key)
        const data = this.fs.readFile(t.path)
        return typeof data === 'string' && data !== '' ? data : 'eof'
      }
      case 'buffer': {
        const data = this.buffers.get(t.id) ?? ''
        if (data !== '') {
          this.buffers.set(t.id, '')
          return data
        }
        const writing = [...this.table.values()].some((o) => o !== p && o.ended === undefined && o.fds.slice(1).some((f) => f.kind === 'buffer' && f.id === t.id))
        if (writing) return 'wait'
        this.buffers.delete(t.id)
        return 'eof'
      }
      case 'session': {
        const s = this.session(t.id)
        const next = s.input.shift()
        if (next !== undefined) return next
        return s.closed ? 'eof' : 'wait'
      }
      default:
        return 'eof'
    }
  }

  isLocal(host: string): boolean {
    return ['localhost', '127.0.0.1', this.options.podIp ?? '10.244.0.5', this.options.hostname ?? 'pod'].includes(host)
  }

  private http(request: HttpRequest): HttpResponse | NetError {
    if (!this.isLocal(request.host)) return { error: 'EHOSTUNREACH' }
    const pid = this.listeners.get(request.port)
    const p = pid === undefined ? undefined : this.table.get(pid)
    const serve = p && this.program(p).serveHttp
    if (!p || !serve) return { error: 'ECONNREFUSED' }
    const answer = serve(p.state, request, this.sysFor(p))
    p.state = answer.state
    return answer.response
  }

  /** The system calls of process `p`. */
  sysFor(p: FakeProcess): Sys {
    const kernel = this
    return {
      pid: p.pid,
      now: () => kernel.nowMs,
      random: () => 0.5,
      fs: kernel.fs,
      write: (fd, text) => kernel.write(p, fd, text),
      read: (fd = 0) => kernel.read(p, fd),
      spawn: (request) => kernel.spawnProcess(p.pid, request),
      wait: (pid) => {
        const child = kernel.table.get(pid)
        if (!child || child.ppid !== p.pid || child.ended === undefined) return undefined
        kernel.table.delete(pid)
        return child.ended
      },
      kill: (pid, sig) => kernel.deliver(pid, sig, false),
      processes: () => kernel.processes(),
      hostname: () => kernel.options.hostname ?? 'pod',
      listen: (port) => {
        const holder = kernel.listeners.get(port)
        if (holder !== undefined && holder !== p.pid && kernel.table.get(holder)?.ended === undefined) return 'EADDRINUSE'
        kernel.listeners.set(port, p.pid)
        return 'ok'
      },
      http: (request) => kernel.http(request),
      connect: (host, port) => {
        if (!kernel.isLocal(host)) return 'EHOSTUNREACH'
        return kernel.listeners.has(port) ? 'ok' : 'ECONNREFUSED'
      },
      resolve: (name) => (name === (kernel.options.hostname ?? 'pod') ? { addresses: [kernel.options.podIp ?? '10.244.0.5'] } : { error: 'NXDOMAIN' }),
      setRss: (bytes) => void (p.rssBytes = bytes),
      setCpu: (m) => void (p.cpuMillicores = m),
    }
  }
}
