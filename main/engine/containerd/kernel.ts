// The kernel of one pod: every process of its containers (each container its own PID namespace, all of them
// one network namespace), run in steps on the virtual clock. `runUntil` takes the pod from the instant it was
// last run to another, waking each process at its time in order; spawn runs a child at once; signals follow
// signal(7) and the PID 1 rule of pid_namespaces(7); a container ends with its PID 1 (every other process is
// killed with it), when the memory cgroup overflows (OOM: all killed), or when a stop's grace runs out (SIGKILL).

import { ERRNO_TEXT, type Errno } from '../process/errno'
import { MemoryFs, resolvePath, type FsState } from '../process/memory-fs'
import type { FdTarget, HttpRequest, HttpResponse, NetError, ProcessInfo, SpawnError, SpawnRequest, Step, Sys, WaitStatus } from '../process/program'
import { defaultAction, exitCodeOfSignal, type Signal } from '../process/signals'
import { ContainerFs, type MountedFs } from './container-fs'
import { resolveExecutable } from './exec-path'
import type { KernelHost, ResolveResult } from './kernel-host'
import { attachSession } from './kernel-host'
import { diffOf, overlay } from './layer'
import { reachesPod, resolveInPod } from './pod-network'
import { containerUsage, type ContainerExit, type ContainerRecord, type ProcessRecord, type SandboxRecord } from './state'
import { terminationMessage } from './termination-message'
import { mountedVolumes } from './volumes'

/**
 * Steps one pod may take at one instant; a process still runnable then (a program that never blocks, say
 * `while true; do :; done`) has used its time slice and runs again BUSY_SLICE_MS later with a whole core
 * busy, so a busy loop costs at most MAX_STEPS_PER_INSTANT steps per slice of virtual time however long it runs.
 */
export const MAX_STEPS_PER_INSTANT = 1_000
/** Virtual ms a process that used up its instant's steps waits before it runs again (its CPU time). */
export const BUSY_SLICE_MS = 100

function waitStatusCode(status: WaitStatus): number {
  return 'exited' in status ? status.exited : exitCodeOfSignal(status.signaled)
}

export class PodKernel {
  /** Processes in the middle of their own step (a spawned child runs inside its parent's step). */
  private readonly stack: ProcessRecord[] = []
  private readonly fsCache = new Map<string, { fs: ContainerFs; root?: MemoryFs; lower: FsState }>()
  private cursor: number

  constructor(
    readonly sandbox: SandboxRecord,
    readonly containers: Map<string, ContainerRecord>,
    private readonly host: KernelHost,
  ) {
    this.cursor = sandbox.runAt
  }

  /** The instant the kernel is at (virtual ms). */
  now(): number {
    return this.cursor
  }

  /** Runs every process of the pod from where it was to `until` (virtual ms), event by event. */
  runUntil(until: number): void {
    for (;;) {
      const next = this.nextEvent()
      if (next === undefined || next > until) break
      this.cursor = Math.max(this.cursor, next)
      this.runInstant()
    }
    this.cursor = Math.max(this.cursor, until)
    this.sandbox.runAt = this.cursor
  }

  /** The earliest instant something of this pod happens (a wake-up, a stop's SIGKILL), or undefined. */
  nextEvent(): number | undefined {
    let next: number | undefined
    const consider = (t: number) => {
      if (next === undefined || t < next) next = t
    }
    for (const c of this.containers.values()) {
      if (c.exit) continue
      if (c.stop) consider(c.stop.killAt)
      for (const p of Object.values(c.processes)) {
        if (p.ended || p.stopped) continue
        if (this.runnable(c, p)) consider(this.cursor)
        else if (p.block?.wakeAt !== undefined) consider(p.block.wakeAt)
      }
    }
    return next
  }

  /** Saves the writable layers the steps changed into their records. */
  flush(): void {
    for (const [id, cached] of this.fsCache) {
      const c = this.containers.get(id)
      // A filesystem only read (a probe's GET stats a file) keeps the layer it was made from.
      if (c && cached.root && cached.root.writes > 0) c.layer = diffOf(cached.lower, cached.root.state)
    }
    this.fsCache.clear()
    this.sandbox.runAt = this.cursor
  }

  // ---- containers ----

  /**
   * Starts `c`'s PID 1 with `argv` at the current instant; it runs at once until it first waits or ends.
   * Returns the spawn error (ENOENT when the image has no such executable) without starting anything.
   */
  startInit(c: ContainerRecord, argv: string[], env: Record<string, string>, cwd: string, openStdin = false, tty = false): SpawnError | undefined {
    const resolved = this.resolve(c, argv, env, cwd)
    if ('error' in resolved) return resolved
    // With `stdin: true` the container's stdin stays open (nobody attached: reads wait); else it is /dev/null.
    const stdin: FdTarget = openStdin ? { kind: 'session', id: attachSession(c.id), stream: 'stdin' } : { kind: 'null' }
    // On a TTY both streams are the terminal's one output: the log has it all as stdout (CRI logs a TTY so).
    const fds: FdTarget[] = [stdin, { kind: 'log', stream: 'stdout' }, { kind: 'log', stream: tty ? 'stdout' : 'stderr' }]
    this.create(c, 0, resolved, env, cwd, fds)
    return undefined
  }

  /** StopContainer: the stop signal to PID 1 now, SIGKILL at `killAt` (virtual ms). */
  stop(c: ContainerRecord, signal: Signal, graceMs: number): void {
    if (c.exit) return
    if (graceMs <= 0) return this.killContainer(c)
    const killAt = this.cursor + graceMs
    if (!c.stop || killAt < c.stop.killAt) c.stop = { killAt }
    this.signalFromOutside(c, signal)
  }

  /** A signal to PID 1 from outside the container's namespace. */
  signalFromOutside(c: ContainerRecord, sig: Signal): 'ok' | 'not-running' {
    const init = c.processes['1']
    if (c.exit || !init || init.ended) return 'not-running'
    this.deliver(c, init, sig, true)
    this.runInstant()
    return 'ok'
  }

  private killContainer(c: ContainerRecord): void {
    const init = c.processes['1']
    if (init && !init.ended) this.deliver(c, init, 'SIGKILL', true)
  }

  // ---- exec ----

  /** Starts `argv` in `c` for exec session `session` (its fds lead there); it runs at once. */
  exec(c: ContainerRecord, argv: string[], session: string, tty: boolean, env: Record<string, string>, cwd: string): { pid: number } | SpawnError {
    if (c.exit) return { error: 'ESRCH' as Errno }
    const resolved = this.resolve(c, argv, env, cwd)
    if ('error' in resolved) return resolved
    const fds: FdTarget[] = [
      { kind: 'session', id: session, stream: 'stdin' },
      { kind: 'session', id: session, stream: 'stdout' },
      { kind: 'session', id: session, stream: tty ? 'stdout' : 'stderr' },
    ]
    const p = this.create(c, 0, resolved, env, cwd, fds, session)
    this.runInstant()
    return { pid: p.pid }
  }

  /** Runs the processes of `session` alone, from now up to `until` (ms), without moving the rest of the pod. */
  runSessionAhead(c: ContainerRecord, pid: number, until: number): boolean {
    const saved = this.cursor
    try {
      for (;;) {
        const p = c.processes[String(pid)]
        if (!p || p.ended) return true
        const tree = this.tree(c, pid)
        const wake = tree.filter((q) => !q.ended && q.block?.wakeAt !== undefined).map((q) => q.block!.wakeAt!)
        const runnableNow = tree.some((q) => this.runnable(c, q))
        const next = runnableNow ? this.cursor : wake.length > 0 ? Math.min(...wake) : undefined
        if (next === undefined || next > until) return false
        this.cursor = Math.max(this.cursor, next)
        this.runInstant((q) => tree.includes(q))
      }
    } finally {
      this.cursor = saved
    }
  }

  /** Ends a session's process (SIGKILL from outside: a timed-out probe). */
  killProcess(c: ContainerRecord, pid: number): void {
    this.signalProcess(c, pid, 'SIGKILL')
  }

  /** A signal to one process from outside the container (a closed exec session's SIGHUP). */
  signalProcess(c: ContainerRecord, pid: number, sig: Signal): void {
    const p = c.processes[String(pid)]
    if (p && !p.ended) this.deliver(c, p, sig, true)
    this.runInstant()
  }

  private tree(c: ContainerRecord, root: number): ProcessRecord[] {
    const out: ProcessRecord[] = []
    const visit = (pid: number) => {
      const p = c.processes[String(pid)]
      if (!p) return
      out.push(p)
      for (const q of Object.values(c.processes)) if (q.ppid === pid) visit(q.pid)
    }
    visit(root)
    return out
  }

  // ---- the pod's network, from the node (probes) ----

  /** An HTTP request to this pod from outside it (the kubelet's probes): what listens on the port answers. */
  httpFromOutside(request: HttpRequest): HttpResponse | NetError {
    const reached = reachesPod(this.sandbox, request.host)
    if (reached !== true) return { error: reached }
    const response = this.serve(request)
    this.runInstant()
    return response
  }

  /** What the container's processes use now: summed resident memory (bytes) and CPU (millicores). */
  usage(c: ContainerRecord): { memoryBytes: number; cpuMillicores: number } {
    return containerUsage(c)
  }

  /** Whether something listens on `port` in this pod. */
  listens(port: number): boolean {
    return this.listener(port) !== undefined
  }

  private listener(port: number): { c: ContainerRecord; p: ProcessRecord } | undefined {
    for (const c of this.containers.values()) {
      if (c.exit) continue
      for (const p of Object.values(c.processes)) if (!p.ended && p.listening?.includes(port)) return { c, p }
    }
    return undefined
  }

  private serve(request: HttpRequest): HttpResponse | NetError {
    const found = this.listener(request.port)
    if (!found) return { error: 'ECONNREFUSED' }
    const program = this.host.programs(found.p.program)
    // A server busy in its own step (it requested itself) or one that does not speak HTTP never answers.
    if (!program?.serveHttp || this.stack.includes(found.p)) return { error: 'ETIMEDOUT' }
    const sys = this.sys(found.c, found.p)
    this.stack.push(found.p)
    try {
      const { state, response } = program.serveHttp(found.p.state, request, sys)
      if (!found.p.ended) found.p.state = state
      return response
    } finally {
      this.stack.pop()
      this.afterStep(found.c)
    }
  }

  // ---- processes ----

  /** Where argv[0] leads (execvp) in `c`'s filesystem (exec-path.ts). */
  resolve(c: ContainerRecord, argv: string[], env: Record<string, string>, cwd: string): ResolveResult {
    return resolveExecutable(this.fs(c), this.host.image(c).binaries, argv, env, cwd)
  }

  private create(
    c: ContainerRecord,
    ppid: number,
    resolved: Exclude<ResolveResult, SpawnError>,
    env: Record<string, string>,
    cwd: string,
    fds: FdTarget[],
    session?: string,
  ): ProcessRecord {
    const pid = c.nextPid++
    const p: ProcessRecord = {
      pid,
      ppid,
      program: resolved.program,
      argv: resolved.argv,
      env,
      cwd,
      path: resolved.path,
      startedAt: this.cursor,
      state: null,
      fds,
      rss: 0,
      cpu: 0,
    }
    if (session !== undefined) p.session = session
    c.processes[String(pid)] = p
    this.startProgram(c, p)
    return p
  }

  /** Calls the program's start, then runs its first step at once. */
  private startProgram(c: ContainerRecord, p: ProcessRecord): void {
    const program = this.host.programs(p.program)
    if (!program) return this.end(c, p, { exited: 126 })
    const sys = this.sys(c, p)
    this.stack.push(p)
    try {
      p.state = program.start({ argv: p.argv, env: p.env, cwd: p.cwd, path: p.path, init: p.pid === 1 && p.ppid === 0, image: c.image, fds: [p.fds[0]!, p.fds[1]!, p.fds[2]!] }, sys)
    } finally {
      this.stack.pop()
    }
    if (!p.ended) this.step(c, p)
  }

  private runnable(c: ContainerRecord, p: ProcessRecord): boolean {
    if (p.ended || p.stopped) return false
    if (p.pending && p.pending.length > 0) return true
    const b = p.block
    if (!b) return true
    if (b.wakeAt !== undefined && b.wakeAt <= this.cursor) return true
    if (b.children) {
      const kids = Object.values(c.processes).filter((q) => q.ppid === p.pid)
      if (kids.length === 0 || kids.some((q) => q.ended)) return true
    }
    if (b.input && this.read(c, p, p.fds[0], true) !== 'wait') return true
    return false
  }

  /** Runs every runnable process at the current instant until none is (`only`: a subset, for a session run ahead). */
  private runInstant(only?: (p: ProcessRecord) => boolean): void {
    let steps = 0
    for (;;) {
      let ran = false
      for (const c of this.containers.values()) {
        if (c.exit) continue
        if (c.stop && c.stop.killAt <= this.cursor) this.killContainer(c)
        if (c.exit) continue
        for (const p of Object.values(c.processes)) {
          if (only && !only(p)) continue
          if (!this.runnable(c, p)) continue
          ran = true
          if (++steps > MAX_STEPS_PER_INSTANT) return this.postpone(c, p)
          this.step(c, p)
          if (c.exit) break
        }
      }
      if (!ran) return
    }
  }

  /** A process that keeps running at one instant spends its slice on the CPU, so time and the cluster go on. */
  private postpone(c: ContainerRecord, p: ProcessRecord): void {
    if (p.ended) return
    // Pending signals stay: a SIGTERM sent to a busy process is delivered at its next step.
    p.block = { wakeAt: this.cursor + BUSY_SLICE_MS }
    void c
  }

  /** One step of `p`: its pending signals first, then `run`. */
  private step(c: ContainerRecord, p: ProcessRecord): void {
    const program = this.host.programs(p.program)
    if (!program) return this.end(c, p, { exited: 126 })
    const pending = p.pending ?? []
    delete p.pending
    for (const sig of pending) {
      this.deliver(c, p, sig, false)
      if (p.ended) return
    }
    const sys = this.sys(c, p)
    this.stack.push(p)
    let result: Step<unknown>
    try {
      result = program.run(p.state, sys)
    } catch (e) {
      // A process that outgrew what the engine can hold (`x=$x$x` with no memory limit: a string past V8's
      // ~512 MiB) would have met the node's OOM killer long before: Podlab does not simulate node-wide memory
      // yet, so the container ends as the kernel ends it (OOMKilled, 137) instead of failing the whole sync.
      if (!(e instanceof RangeError)) throw e
      this.stack.pop()
      this.oomKill(c)
      return
    }
    this.stack.pop()
    this.apply(c, p, result)
  }

  private apply(c: ContainerRecord, p: ProcessRecord, result: Step<unknown>): void {
    if (p.ended) return this.afterStep(c)
    if ('state' in result) {
      p.state = result.state
      p.block = result.block
    } else if ('exit' in result) {
      this.end(c, p, { exited: result.exit & 0xff })
    } else if ('killedBy' in result) {
      this.end(c, p, { signaled: result.killedBy })
    } else {
      const resolved = this.resolve(c, result.exec.argv, result.exec.env, result.exec.cwd)
      // The program could not learn of the failure: execve's caller ends as a shell's `exec` does (127/126).
      if ('error' in resolved) return this.end(c, p, { exited: resolved.error === 'ENOENT' ? 127 : 126 })
      Object.assign(p, { program: resolved.program, argv: resolved.argv, env: result.exec.env, cwd: result.exec.cwd, path: resolved.path, state: null })
      delete p.block
      delete p.listening
      this.startProgram(c, p)
      return
    }
    this.afterStep(c)
  }

  /** After a step: the memory cgroup's limit (every process of the container is killed: memory.oom.group). */
  private afterStep(c: ContainerRecord): void {
    if (c.exit || c.memoryLimitBytes === undefined) return
    if (this.usage(c).memoryBytes <= c.memoryLimitBytes) return
    this.oomKill(c)
  }

  /** The kernel's OOM killer ends the container: OOMKilled, SIGKILL to its PID 1 (exit 137). */
  oomKill(c: ContainerRecord): void {
    c.oomKilled = true
    const init = c.processes['1']
    if (init && !init.ended) this.deliver(c, init, 'SIGKILL', true)
  }

  /** Delivers `sig` to `p` as signal(7) and the PID 1 rule say. */
  private deliver(c: ContainerRecord, p: ProcessRecord, sig: Signal, fromOutside: boolean): void {
    if (p.ended) return
    const init = p.pid === 1 && p.ppid === 0
    if (sig === 'SIGKILL') {
      if (!init || fromOutside) this.end(c, p, { signaled: 'SIGKILL' })
      return
    }
    if (sig === 'SIGSTOP') {
      if (!init || fromOutside) p.stopped = true
      return
    }
    if (sig === 'SIGCONT') delete p.stopped
    const program = this.host.programs(p.program)
    if (program?.handles(p.state, sig)) {
      if (this.stack.includes(p)) {
        ;(p.pending ??= []).push(sig)
        return
      }
      const sys = this.sys(c, p)
      this.stack.push(p)
      let result: Step<unknown>
      try {
        result = program.signal(p.state, sig, sys)
      } finally {
        this.stack.pop()
      }
      this.apply(c, p, result)
      return
    }
    // PID 1 ignores every signal it has no handler for (SIGKILL and SIGSTOP from outside aside, above).
    if (init) return
    if (defaultAction(sig) === 'terminate') this.end(c, p, { signaled: sig })
  }

  /** `p` ended: a zombie for its parent to reap, or the end of its container (PID 1) or exec session. */
  private end(c: ContainerRecord, p: ProcessRecord, status: WaitStatus): void {
    if (p.ended) return
    p.ended = status
    p.rss = 0
    p.cpu = 0
    delete p.listening
    delete p.block
    delete p.pending
    for (const q of Object.values(c.processes)) {
      if (q.ppid !== p.pid || q === p) continue
      // Orphans go to init; an orphan already dead is reaped by it.
      if (q.ended) delete c.processes[String(q.pid)]
      else q.ppid = 1
    }
    if (p.ppid === 0 && p.pid === 1) return this.containerEnded(c, status)
    if (p.ppid === 0) {
      delete c.processes[String(p.pid)]
      if (p.session !== undefined) this.host.sessionEnded(p.session, status)
    }
  }

  private containerEnded(c: ContainerRecord, status: WaitStatus): void {
    for (const q of Object.values(c.processes)) {
      if (q.pid === 1 || q.ended) continue
      q.ended = { signaled: 'SIGKILL' }
      if (q.ppid === 0 && q.session !== undefined) this.host.sessionEnded(q.session, q.ended)
    }
    const code = waitStatusCode(status)
    const exit: ContainerExit = {
      finishedAt: this.cursor,
      exitCode: code,
      reason: c.oomKilled ? 'OOMKilled' : code === 0 ? 'Completed' : 'Error',
    }
    if ('signaled' in status) exit.signal = status.signaled
    const message = terminationMessage(this.fs(c), c, code, (lines) => this.host.logTail(c, lines))
    if (message) exit.message = message
    c.exit = exit
    c.processes = {}
    delete c.stop
    this.host.exited(c)
  }

  // ---- descriptors ----

  private write(c: ContainerRecord, p: ProcessRecord, target: FdTarget | undefined, text: string): Errno | undefined {
    if (!target) return 'EINVAL'
    switch (target.kind) {
      case 'log':
        if (text !== '') this.host.log(c, this.cursor, target.stream, text)
        return undefined
      case 'null':
        return undefined
      case 'file':
        // Every write goes to the file's end: a `>` redirection truncates the file when the shell opens it.
        return this.fs(c).writeFile(resolvePath(p.cwd, target.path), text, { append: true })
      case 'buffer': {
        const buffers = (c.buffers ??= {})
        buffers[target.id] = (buffers[target.id] ?? '') + text
        return undefined
      }
      case 'session':
        if (target.stream !== 'stdin') this.host.sessionOutput(target.id, target.stream, text)
        return undefined
    }
  }

  /** What a read of `target` gives (`peek`: without taking it, to see whether a reader may wake). */
  private read(c: ContainerRecord, p: ProcessRecord, target: FdTarget | undefined, peek = false): string | 'eof' | 'wait' {
    if (!target) return 'eof'
    switch (target.kind) {
      case 'log':
      case 'null':
        return 'eof'
      case 'file': {
        const text = this.fs(c).readFile(resolvePath(p.cwd, target.path))
        if (typeof text !== 'string' || text in ERRNO_TEXT) return 'eof'
        const offsets = (p.offsets ??= {})
        const at = offsets[target.path] ?? 0
        if (at >= text.length) return 'eof'
        if (!peek) offsets[target.path] = text.length
        return text.slice(at)
      }
      case 'buffer': {
        const data = c.buffers?.[target.id] ?? ''
        if (data !== '') {
          if (!peek) c.buffers![target.id] = ''
          return data
        }
        const writers = Object.values(c.processes).some((q) => q !== p && !q.ended && q.fds.some((f) => f.kind === 'buffer' && f.id === target.id))
        if (!writers && c.buffers && !peek) delete c.buffers[target.id]
        return writers ? 'wait' : 'eof'
      }
      case 'session':
        return this.host.sessionInput(target.id, peek)
    }
  }

  // ---- the system calls ----

  /** The container's filesystem (made once per kernel run; `flush` saves its writable layer). */
  fs(c: ContainerRecord): ContainerFs {
    const cached = this.fsCache.get(c.id)
    if (cached) return cached.fs
    const lower = this.host.lowerLayer(c)
    const entry: { fs: ContainerFs; root?: MemoryFs; lower: FsState } = { lower } as never
    const root = () => (entry.root ??= new MemoryFs(overlay(lower, c.layer), () => this.cursor))
    const mounts: MountedFs[] = mountedVolumes(c, this.sandbox, () => this.cursor)
    entry.fs = new ContainerFs(root, mounts)
    this.fsCache.set(c.id, entry)
    return entry.fs
  }

  private sys(c: ContainerRecord, p: ProcessRecord): Sys {
    const kernel = this
    const fd = (given: number | FdTarget | undefined): FdTarget | undefined => (typeof given === 'number' ? p.fds[given] : given)
    return {
      pid: p.pid,
      now: () => kernel.cursor,
      random: () => kernel.host.random(),
      fs: kernel.fs(c),
      write: (to, text) => kernel.write(c, p, fd(to), text),
      read: (from) => kernel.read(c, p, fd(from ?? 0)),
      spawn: (request: SpawnRequest) => kernel.spawn(c, p, request),
      wait: (pid) => {
        const child = c.processes[String(pid)]
        if (!child || child.ppid !== p.pid || !child.ended) return undefined
        delete c.processes[String(pid)]
        return child.ended
      },
      kill: (pid, sig) => {
        const target = c.processes[String(pid)]
        if (!target) return 'ESRCH'
        kernel.deliver(c, target, sig, false)
        return 'ok'
      },
      processes: () => kernel.processInfo(c, p),
      hostname: () => kernel.sandbox.hostname,
      listen: (port) => {
        const holder = kernel.listener(port)
        if (holder && holder.p !== p) return 'EADDRINUSE'
        const ports = (p.listening ??= [])
        if (!ports.includes(port)) ports.push(port)
        return 'ok'
      },
      http: (request) => {
        const reached = reachesPod(kernel.sandbox, request.host)
        return reached === true ? kernel.serve(request) : { error: reached }
      },
      connect: (host, port) => {
        const reached = reachesPod(kernel.sandbox, host)
        if (reached !== true) return reached
        return kernel.listens(port) ? 'ok' : 'ECONNREFUSED'
      },
      resolve: (name) => resolveInPod(kernel.sandbox, name),
      setRss: (bytes) => {
        p.rss = Math.max(0, bytes)
      },
      setCpu: (millicores) => {
        p.cpu = Math.max(0, millicores)
      },
    }
  }

  private spawn(c: ContainerRecord, parent: ProcessRecord, request: SpawnRequest): { pid: number } | SpawnError {
    const resolved = this.resolve(c, request.argv, request.env, request.cwd)
    if ('error' in resolved) return resolved
    const child = this.create(c, parent.pid, resolved, request.env, request.cwd, [...request.fds], parent.session)
    return { pid: child.pid }
  }

  private processInfo(c: ContainerRecord, current: ProcessRecord): ProcessInfo[] {
    const user = this.host.image(c).user || 'root'
    return Object.values(c.processes)
      .sort((a, b) => a.pid - b.pid)
      .map((q) => ({
        pid: q.pid,
        ppid: q.ppid,
        user: user === '0' ? 'root' : user.split(':')[0]!,
        command: q.argv.join(' '),
        startedAt: q.startedAt,
        rssBytes: q.rss,
        state: q.ended ? 'Z' : q.stopped ? 'T' : q === current ? 'R' : 'S',
      }))
  }
}
