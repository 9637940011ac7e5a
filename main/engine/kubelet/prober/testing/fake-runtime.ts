// For tests: a RuntimeService whose containers are scripted, until containerd's runtime is merged. A
// container answers exec with its `exec` script (busybox's `cat`, `true`, `false` and `sleep N` by default,
// against its files), HTTP per port with `serve`, and TCP on the ports `serve` or `listen` name; stopping it
// ends it at once when it exits on the stop signal, or at the grace period's end (SIGKILL, 137) when it
// ignores it, as a shell PID 1 does. Times are ms on the test's clock (`now`).

import type { HttpResponse, NetError } from '../../../process/program'
import type { ContainerConfig, ExecResult, RuntimeContainerStatus, RuntimeService, StartFailure } from '../../../containerd/runtime-service'
import type { Signal } from '../../../process/signals'

export type ExecAnswer = ExecResult | { timedOut: true } | { notFound: string }

export interface FakeContainer {
  node: string
  id: string
  startedAt: number
  files: Map<string, string>
  /** Ends on the stop signal after this many ms with this code; absent: ignores it (SIGKILL at the grace's end). */
  onStop?: { afterMs: number; exitCode: number }
  exit?: { at: number; code: number; signal?: Signal }
  /** Custom exec; return undefined to fall back to the built-in commands. */
  exec?: (argv: string[], now: number, timeoutMs: number) => ExecAnswer | undefined
  /** HTTP per port; a port without a handler refuses. */
  serve?: Record<number, (req: { path: string; headers: Record<string, string>; host?: string }, now: number) => HttpResponse | NetError>
  /** Ports that accept TCP without serving HTTP. */
  listen?: number[]
}

export class FakeRuntime implements RuntimeService {
  readonly containers = new Map<string, FakeContainer>()
  /** Every exec and HTTP request made, for assertions. */
  readonly calls: Array<{ kind: 'exec' | 'http' | 'tcp'; containerId: string; at: number; argv?: string[]; path?: string; port?: number; headers?: Record<string, string> }> = []
  private readonly exitListeners: Array<(node: string, namespace: string, podName: string, containerId: string) => void> = []

  /** `every`: how every container behaves unless added by hand (applied at its start). */
  constructor(
    public now: () => number,
    private readonly every?: Partial<Omit<FakeContainer, 'node' | 'id' | 'startedAt' | 'files'>>,
  ) {}

  /** Adds a running container by hand (tests that do not go through startContainer). */
  add(c: Omit<FakeContainer, 'files'> & { files?: Record<string, string> }): FakeContainer {
    const made: FakeContainer = { ...c, files: new Map(Object.entries(c.files ?? {})) }
    this.containers.set(c.id, made)
    return made
  }

  private alive(id: string): FakeContainer | undefined {
    const c = this.containers.get(id)
    if (!c) return undefined
    return c.exit && c.exit.at <= this.now() ? undefined : c
  }

  startContainer(config: ContainerConfig): { startedAt: number } | StartFailure {
    const startedAt = this.now()
    this.add({ ...this.every, node: config.node, id: config.containerId, startedAt })
    return { startedAt }
  }

  status(_node: string, containerId: string): RuntimeContainerStatus {
    const c = this.containers.get(containerId)
    if (!c) return { state: 'unknown' }
    if (c.exit && c.exit.at <= this.now()) {
      const reason = c.exit.code === 0 ? 'Completed' : 'Error'
      return { state: 'exited', startedAt: c.startedAt, finishedAt: c.exit.at, exitCode: c.exit.code, reason, ...(c.exit.signal ? { signal: c.exit.signal } : {}) }
    }
    return { state: 'running', startedAt: c.startedAt }
  }

  stopContainer(_node: string, containerId: string, graceMs: number): void {
    const c = this.alive(containerId)
    if (!c) return
    const now = this.now()
    const graceful = c.onStop && graceMs > 0 ? { at: now + c.onStop.afterMs, code: c.onStop.exitCode } : undefined
    const killed = { at: now + graceMs, code: 137, signal: 'SIGKILL' as const }
    const end = graceful && graceful.at <= killed.at ? graceful : killed
    if (!c.exit || c.exit.at > end.at) c.exit = end
  }

  signal(_node: string, containerId: string, sig: Signal): 'ok' | 'not-running' {
    const c = this.alive(containerId)
    if (!c) return 'not-running'
    if (sig === 'SIGKILL') c.exit = { at: this.now(), code: 137, signal: 'SIGKILL' }
    return 'ok'
  }

  execSync(_node: string, containerId: string, argv: string[], timeoutMs: number): ExecAnswer {
    const now = this.now()
    this.calls.push({ kind: 'exec', containerId, at: now, argv })
    const c = this.alive(containerId)
    if (!c) return { exitCode: 126, stdout: '', stderr: 'container not running' }
    return c.exec?.(argv, now, timeoutMs) ?? busybox(c, argv, timeoutMs)
  }

  http(_node: string, containerId: string, request: { port: number; path: string; host?: string; headers: Record<string, string> }, _timeoutMs: number): HttpResponse | NetError {
    const now = this.now()
    this.calls.push({ kind: 'http', containerId, at: now, path: request.path, port: request.port, headers: request.headers })
    const c = this.alive(containerId)
    const handler = c?.serve?.[request.port]
    return handler ? handler(request, now) : { error: 'ECONNREFUSED' }
  }

  tcp(_node: string, containerId: string, port: number): 'ok' | NetError['error'] {
    this.calls.push({ kind: 'tcp', containerId, at: this.now(), port })
    const c = this.alive(containerId)
    return c && (c.serve?.[port] || c.listen?.includes(port)) ? 'ok' : 'ECONNREFUSED'
  }

  removeContainer(_node: string, containerId: string): void {
    this.containers.delete(containerId)
  }

  removePod(): void {}

  onContainerExit(listener: (node: string, namespace: string, podName: string, containerId: string) => void): void {
    this.exitListeners.push(listener)
  }
}

/** The few busybox commands probe tests run, with busybox's texts. */
function busybox(c: FakeContainer, argv: string[], timeoutMs: number): ExecAnswer {
  const [cmd, ...args] = argv
  switch (cmd) {
    case 'cat': {
      const path = args[0] ?? ''
      const content = c.files.get(path)
      if (content === undefined) return { exitCode: 1, stdout: '', stderr: `cat: can't open '${path}': No such file or directory\n` }
      return { exitCode: 0, stdout: content, stderr: '' }
    }
    case 'true':
      return { exitCode: 0, stdout: '', stderr: '' }
    case 'false':
      return { exitCode: 1, stdout: '', stderr: '' }
    case 'sleep':
      return Number(args[0]) * 1000 >= timeoutMs ? { timedOut: true } : { exitCode: 0, stdout: '', stderr: '' }
    default:
      return { notFound: `exec: ${JSON.stringify(cmd ?? '')}: executable file not found in $PATH` }
  }
}
