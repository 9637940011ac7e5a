// A small in-memory Sys and a driver for one program, for the programs' unit tests (test-only): a manual clock,
// a MemoryFs, captured stdout/stderr, stdin fed by the test, and the network, DNS and process table as the test
// sets them. The real kernel (containerd/) schedules many processes; this runs one.

import { MemoryFs, type FsState } from '../../process/memory-fs'
import type {
  FdTarget,
  HttpRequest,
  HttpResponse,
  NetError,
  ProcessInfo,
  Program,
  SpawnRequest,
  Step,
  Sys,
  WaitStatus,
} from '../../process/program'
import { defaultAction, type Signal } from '../../process/signals'
import type { Errno } from '../../process/errno'

/** 2026-12-01T02:44:48Z, a Tuesday. */
export const T0 = Date.UTC(2026, 11, 1, 2, 44, 48)

export class FakeSys implements Sys {
  pid = 1
  clock = T0
  stdout = ''
  stderr = ''
  stdin: string[] = []
  stdinClosed = true
  files: FsState = {}
  readonly fs: MemoryFs
  host = 'mypod'
  procs: ProcessInfo[] = []
  kills: { pid: number; sig: Signal }[] = []
  killAnswer: 'ok' | 'ESRCH' | 'EPERM' = 'ok'
  listening: number[] = []
  rss = 0
  cpu = 0
  names: Record<string, string[]> = {}
  /** Answers this process's HTTP requests; by default nothing listens. */
  httpHandler: (request: HttpRequest) => HttpResponse | NetError = () => ({ error: 'ECONNREFUSED' })
  private seed = 1

  constructor() {
    this.fs = new MemoryFs(this.files, () => this.clock)
    for (const dir of ['/tmp', '/etc', '/root', '/usr/share/nginx/html']) this.fs.mkdir(dir, { parents: true })
  }

  now(): number {
    return this.clock
  }

  random(): number {
    this.seed = (this.seed * 48271) % 2147483647
    return this.seed / 2147483647
  }

  write(fd: number | FdTarget, text: string): Errno | undefined {
    if (fd === 1) this.stdout += text
    else if (fd === 2) this.stderr += text
    else if (typeof fd === 'object' && fd.kind === 'file') return this.fs.writeFile(fd.path, text, { append: fd.append })
    return undefined
  }

  read(): string | 'eof' | 'wait' {
    const next = this.stdin.shift()
    if (next !== undefined) return next
    return this.stdinClosed ? 'eof' : 'wait'
  }

  spawn(_request: SpawnRequest): { pid: number } | { error: Errno } {
    return { error: 'ENOENT' }
  }

  wait(_pid: number): WaitStatus | undefined {
    return undefined
  }

  kill(pid: number, sig: Signal): 'ok' | 'ESRCH' | 'EPERM' {
    this.kills.push({ pid, sig })
    return this.procs.length > 0 && !this.procs.some((p) => p.pid === pid) ? 'ESRCH' : this.killAnswer
  }

  processes(): ProcessInfo[] {
    return this.procs
  }

  hostname(): string {
    return this.host
  }

  /** Ports another process holds (a test's second server): listen() answers EADDRINUSE for them. */
  taken: number[] = []

  listen(port: number): 'ok' | 'EADDRINUSE' {
    if (this.taken.includes(port)) return 'EADDRINUSE'
    this.listening.push(port)
    return 'ok'
  }

  http(request: HttpRequest): HttpResponse | NetError {
    return this.httpHandler(request)
  }

  connect(host: string, port: number): 'ok' | NetError['error'] {
    const answer = this.httpHandler({ method: 'GET', host, port, path: '/', headers: {} })
    return 'error' in answer ? answer.error : 'ok'
  }

  resolve(name: string): { addresses: string[] } | { error: 'NXDOMAIN' | 'SERVFAIL' } {
    const addresses = this.names[name]
    return addresses ? { addresses } : { error: 'NXDOMAIN' }
  }

  setRss(bytes: number): void {
    this.rss = bytes
  }

  setCpu(millicores: number): void {
    this.cpu = millicores
  }
}

export interface RunOptions {
  env?: Record<string, string>
  cwd?: string
  init?: boolean
  image?: string
  path?: string
}

/** One process of `program` driven step by step on the fake's clock; its state goes through JSON at each step. */
export class Proc<S = unknown> {
  state: S | undefined
  ended: { exit: number } | { killedBy: Signal } | { exec: Omit<SpawnRequest, 'fds'> } | undefined
  wakeAt: number | undefined

  constructor(
    readonly program: Program<S>,
    readonly sys: FakeSys,
    argv: string[],
    options: RunOptions = {},
  ) {
    const ctx = {
      argv,
      env: options.env ?? { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' },
      cwd: options.cwd ?? '/',
      path: options.path ?? `/bin/${argv[0] ?? ''}`,
      init: options.init ?? true,
      image: options.image ?? 'docker.io/library/busybox:1.37',
    }
    this.state = roundTrip(program.start(ctx, sys))
    this.take(program.run(this.state, sys))
  }

  private take(step: Step<S>): void {
    if ('state' in step) {
      this.state = roundTrip(step.state)
      this.wakeAt = step.block.wakeAt
    } else {
      this.ended = step
      this.state = undefined
      this.wakeAt = undefined
    }
  }

  get running(): boolean {
    return this.ended === undefined
  }

  /** Runs the process again (after input came, or at a time it waits for). */
  resume(): void {
    if (this.state !== undefined) this.take(this.program.run(this.state, this.sys))
  }

  /** Moves the clock forward `ms`, waking the process at each instant it asked for on the way. */
  advance(ms: number): void {
    const until = this.sys.clock + ms
    while (this.running && this.wakeAt !== undefined && this.wakeAt <= until) {
      this.sys.clock = Math.max(this.sys.clock, this.wakeAt)
      this.resume()
    }
    this.sys.clock = until
  }

  /** Delivers a signal: the program's handler, or the default action (the PID 1 rule is the kernel's, not here). */
  signal(sig: Signal): void {
    if (this.state === undefined) return
    if (this.program.handles(this.state, sig)) this.take(this.program.signal(this.state, sig, this.sys))
    else if (defaultAction(sig) === 'terminate') this.take({ killedBy: sig })
  }

  /** An HTTP request to the process (it must serve HTTP). */
  http(path: string, headers: Record<string, string> = {}, method = 'GET'): HttpResponse {
    const serve = this.program.serveHttp
    if (!serve || this.state === undefined) throw new Error('the process does not serve HTTP')
    const answered = serve(this.state, { method, host: '10.244.0.5', port: 80, path, headers }, this.sys)
    this.state = roundTrip(answered.state)
    return answered.response
  }
}

function roundTrip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** Starts `program` with `argv` on a new (or given) FakeSys and runs its first step. */
export function run<S>(program: Program<S>, argv: string[], options: RunOptions & { sys?: FakeSys; stdin?: string[] } = {}): Proc<S> {
  const sys = options.sys ?? new FakeSys()
  if (options.stdin) sys.stdin.push(...options.stdin)
  return new Proc(program, sys, argv, options)
}
