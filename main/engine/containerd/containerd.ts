// containerd on every node: the CRI RuntimeService the kubelet calls, and a framework Controller (queue
// `containerd`, keys `<node>|<containerId>`) whose timers wake a pod's processes at their times, so a
// container's end reaches the kubelet when it happens (onContainerExit, the PLEG) and not only when asked.
// Every call first brings the pod's processes up to the current instant (kernel.ts), then acts, then saves
// them in node_state and asks for the next wake-up.

import { createHash } from 'node:crypto'
import type { ImageConfig } from '../images/image-config'
import type { SharedInformerFactory } from '../client/informers'
import type { Controller } from '../controller/controller'
import type { RateLimitingQueue } from '../controller/rate-limiting-queue'
import type { FsState } from '../process/memory-fs'
import type { HttpResponse, NetError, WaitStatus } from '../process/program'
import type { Signal } from '../process/signals'
import { exitCodeOfSignal } from '../process/signals'
import { reachable } from '../runtime/time-range'
import type { World } from '../world'
import { containerArgv, containerEnv } from './argv'
import { imageLayer } from './image-layer'
import { PodKernel } from './kernel'
import { Attachments } from './attachments'
import { attachSession, type KernelHost, type ProgramTable } from './kernel-host'
import { LogTable } from './log-table'
import { RecordCache } from './record-cache'
import { runtimeFiles } from './runtime-files'
import type { ContainerConfig, ExecResult, RuntimeContainerStatus, RuntimeService, StartFailure } from './runtime-service'
import { startErrorMessage, execErrorMessage } from './runtime-errors'
import { containerKey, sandboxKey, type ContainerRecord, type SandboxRecord } from './state'

type ExitListener = (node: string, namespace: string, podName: string, containerId: string) => void

/** An exec session's ends: input waiting for the process, output for whoever listens, and the exit. */
export interface Session {
  node: string
  containerId: string
  /** The session's process. */
  pid: number
  input: string
  inputClosed: boolean
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void
  stdout: string
  stderr: string
  ended?: WaitStatus
  /** When its process ended (virtual ms): a session run ahead of the pod ends after the pod's now. */
  endedAt?: number
  /** Killed for running past its time (finishSession). */
  timedOut?: true
  onEnd?: (exitCode: number) => void
}

/** A pod's records loaded for one call, with its kernel. */
interface Loaded {
  node: string
  kernel: PodKernel
  exits: ContainerRecord[]
}

const exitCodeOf = (status: WaitStatus): number => ('exited' in status ? status.exited : exitCodeOfSignal(status.signaled))

const imageKeyOf = (config: ImageConfig): string => `ctr-image/${createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 32)}`

export class Containerd implements Controller, RuntimeService {
  readonly name = 'containerd'
  readonly logs: LogTable
  private queue!: RateLimitingQueue
  private readonly exitListeners: ExitListener[] = []
  private readonly images = new Map<string, ImageConfig>()
  readonly sessions = new Map<string, Session>()
  private readonly attachments = new Attachments()
  private readonly records: RecordCache

  constructor(
    private readonly world: World,
    private readonly programs: ProgramTable,
  ) {
    this.logs = new LogTable(world.db)
    this.records = new RecordCache(world.nodeState)
  }

  register(_informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
  }

  reset(): void {
    this.images.clear()
    this.records.clear()
  }

  /** A timer: the pod of `<node>|<containerId>` is run up to now (its exits reach the kubelet). */
  sync(key: string): void {
    const bar = key.indexOf('|')
    const node = key.slice(0, bar)
    const id = key.slice(bar + 1)
    const loaded = this.loadByContainer(node, id)
    if (loaded) this.save(loaded)
  }

  onContainerExit(listener: ExitListener): void {
    this.exitListeners.push(listener)
  }

  // ---- RuntimeService ----

  startContainer(config: ContainerConfig): { startedAt: number } | StartFailure {
    const now = this.world.now()
    const node = config.node
    const sandbox: SandboxRecord = this.records.get<SandboxRecord>(node, sandboxKey(config.podUid)) ?? {
      uid: config.podUid,
      namespace: config.namespace,
      podName: config.podName,
      ip: config.podIp,
      hostname: config.podName.slice(0, 63),
      hostNetwork: config.hostNetwork,
      containers: [],
      emptyDirs: {},
      runAt: now,
    }
    const loaded = this.load(node, sandbox)
    const imageKey = imageKeyOf(config.imageConfig)
    this.images.set(imageKey, config.imageConfig)
    this.records.set(node, imageKey, config.imageConfig)
    const env = containerEnv(sandbox.hostname, config.imageConfig, config.env)
    // containerd's oci.WithTTY (CRI container_create_linux.go): a TTY container's process gets TERM=xterm.
    if (config.tty) env.TERM = 'xterm'
    const cwd = config.workingDir || config.imageConfig.workingDir || '/'
    const c: ContainerRecord = {
      id: config.containerId,
      podUid: config.podUid,
      name: config.containerName,
      image: config.image,
      imageKey,
      startedAt: now,
      nextPid: 1,
      processes: {},
      layer: {},
      mounts: config.mounts,
      env,
      workingDir: cwd,
      terminationMessagePath: config.terminationMessagePath || '/dev/termination-log',
      terminationMessagePolicy: config.terminationMessagePolicy,
      logSeq: 0,
    }
    if (config.memoryLimitBytes !== undefined) c.memoryLimitBytes = config.memoryLimitBytes
    if (config.stdin && config.stdinOnce) c.stdinOnce = true
    loaded.kernel.containers.set(c.id, c)
    sandbox.containers.push(c.id)
    const fs = loaded.kernel.fs(c)
    for (const [path, text] of Object.entries(runtimeFiles(sandbox.ip, sandbox.hostname, sandbox.namespace, c.terminationMessagePath))) {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true })
      fs.writeFile(path, text)
    }
    const argv = containerArgv(config.imageConfig, config.command, config.args)
    const failed = argv === undefined ? { error: 'ENOENT' as const } : loaded.kernel.startInit(c, argv, env, cwd, config.stdin, config.tty)
    let result: { startedAt: number } | StartFailure = { startedAt: now }
    if (failed) {
      const message = startErrorMessage(argv, failed.error)
      c.exit = { finishedAt: now, exitCode: 128, reason: 'StartError', message }
      result = { reason: 'StartError', message, exitCode: 128 }
    }
    this.save(loaded)
    return result
  }

  status(node: string, containerId: string): RuntimeContainerStatus {
    const loaded = this.loadByContainer(node, containerId)
    const c = loaded?.kernel.containers.get(containerId)
    if (!loaded || !c) return { state: 'unknown' }
    this.save(loaded)
    if (!c.exit) return { state: 'running', startedAt: c.startedAt }
    const status: RuntimeContainerStatus = {
      state: 'exited',
      startedAt: c.startedAt,
      finishedAt: c.exit.finishedAt,
      exitCode: c.exit.exitCode,
      reason: c.exit.reason,
    }
    if (c.exit.signal) status.signal = c.exit.signal
    if (c.exit.message !== undefined) status.message = c.exit.message
    return status
  }

  stopContainer(node: string, containerId: string, graceMs: number): void {
    this.withContainer(node, containerId, (kernel, c) => kernel.stop(c, this.image(c, node).stopSignal, graceMs))
  }

  signal(node: string, containerId: string, sig: Signal): 'ok' | 'not-running' {
    return this.withContainer(node, containerId, (kernel, c) => kernel.signalFromOutside(c, sig)) ?? 'not-running'
  }

  /** Ends a running container as the kernel's OOM killer does (137, OOMKilled): chaos's `oom`. */
  oomKill(node: string, containerId: string): 'ok' | 'not-running' {
    return (
      this.withContainer(node, containerId, (kernel, c) => {
        if (c.exit) return 'not-running' as const
        kernel.oomKill(c)
        return 'ok' as const
      }) ?? 'not-running'
    )
  }

  execSync(node: string, containerId: string, argv: string[], timeoutMs: number): ExecResult | { timedOut: true } | { notFound: string } {
    const started = this.startSession(node, containerId, argv, { tty: false })
    if ('error' in started) return { notFound: started.error }
    const s = this.finishSession(started.id, Math.max(0, timeoutMs))
    if (s.timedOut || !s.ended) return { timedOut: true }
    const done: ExecResult = { exitCode: exitCodeOf(s.ended), stdout: s.stdout, stderr: s.stderr }
    if (s.endedAt !== undefined && s.endedAt > this.world.now()) done.endedAt = s.endedAt
    return done
  }

  /**
   * Starts `argv` in the container as an exec session (its stdin, stdout and stderr lead to the session; with
   * `tty` stderr joins stdout). It runs at once. Returns the session's id, or containerd's error text when the
   * process cannot start (`exec: "kill": executable file not found in $PATH`) or the container is not running.
   */
  startSession(
    node: string,
    containerId: string,
    argv: string[],
    options: { tty: boolean; input?: string; inputOpen?: boolean; onOutput?: Session['onOutput']; onEnd?: Session['onEnd'] },
  ): { id: string } | { error: string } {
    const out = this.withContainer(node, containerId, (kernel, c): { id: string } | { error: string } => {
      const id = `${c.id.slice(0, 12)}-${c.nextPid}`
      const session: Session = { node, containerId, pid: c.nextPid, input: options.input ?? '', inputClosed: !options.inputOpen, stdout: '', stderr: '' }
      if (options.onOutput) session.onOutput = options.onOutput
      if (options.onEnd) session.onEnd = options.onEnd
      this.sessions.set(id, session)
      // The CRI's exec with a TTY adds TERM=xterm to the process (containerd container_execsync.go): `kubectl exec -it
      // POD -- sh` then runs an interactive shell that shows its prompt (`root@web:/# `, `/ # `) before anything is typed.
      const started = kernel.exec(c, argv, id, options.tty, options.tty ? { ...c.env, TERM: 'xterm' } : c.env, c.workingDir)
      if ('error' in started) {
        this.sessions.delete(id)
        return { error: execErrorMessage(id, argv, started.error, !!c.exit) }
      }
      return { id }
    })
    return out ?? { error: execErrorMessage(containerId, argv, 'ESRCH', true) }
  }

  /**
   * Runs a session's process (and its children) on until it ends or `maxMs` of virtual time has passed for it,
   * without moving the rest of the pod; one still running then is killed. The session is closed and returned.
   */
  finishSession(id: string, maxMs: number): Session {
    const s = this.sessions.get(id)
    if (!s) throw new Error(`no exec session ${id}`)
    this.withContainer(s.node, s.containerId, (kernel, c) => {
      if (s.ended) return
      const done = kernel.runSessionAhead(c, s.pid, kernel.now() + maxMs)
      if (done) return
      s.timedOut = true
      kernel.killProcess(c, s.pid)
    })
    this.sessions.delete(id)
    return s
  }

  /**
   * Attaches a client to the container's PID 1 (CRI Attach): it hears the output from now on, feeds PID 1's stdin
   * when `stdin`, and hears the exit code when PID 1 ends. Returns the attach id (for sessionInput and
   * closeSession), or containerd's error text when the container is not running.
   */
  attach(
    node: string,
    containerId: string,
    options: { stdin: boolean; onOutput: (stream: 'stdout' | 'stderr', text: string) => void; onEnd: (exitCode: number) => void },
  ): { id: string } | { error: string } {
    const out = this.withContainer(node, containerId, (_kernel, c): { id: string } | { error: string } => {
      if (c.exit) return { error: `container ${containerId} is not running` }
      return { id: this.attachments.add({ node, containerId, stdin: options.stdin, input: '', inputClosed: false, onOutput: options.onOutput, onEnd: options.onEnd }) }
    })
    return out ?? { error: `container ${containerId} is not running` }
  }

  /** Input for a session's stdin, or an attached client's (`eof`: the client closed it); the pod runs so a reader wakes at once. */
  sessionInput(id: string, text: string | 'eof'): void {
    const attached = this.attachments.get(id)
    if (attached) {
      if (text === 'eof') attached.inputClosed = true
      else attached.input += text
      this.withContainer(attached.node, attached.containerId, () => undefined)
      return
    }
    const s = this.sessions.get(id)
    if (!s) return
    if (text === 'eof') s.inputClosed = true
    else s.input += text
    this.withContainer(s.node, s.containerId, () => undefined)
  }

  /**
   * Ends a session: its process gets SIGHUP (its terminal went away) and the session is forgotten. An attached
   * client detaches: the container goes on (its stdin closes when it is `stdinOnce`).
   */
  closeSession(id: string): void {
    const attached = this.attachments.get(id)
    if (attached) {
      const gone = this.withContainer(attached.node, attached.containerId, (_kernel, c) => this.attachments.remove(id, c))
      if (gone === undefined) this.attachments.remove(id, undefined)
      return
    }
    const s = this.sessions.get(id)
    if (!s) return
    this.withContainer(s.node, s.containerId, (kernel, c) => {
      if (!s.ended) kernel.signalProcess(c, s.pid, 'SIGHUP')
    })
    this.sessions.delete(id)
  }

  http(
    node: string,
    containerId: string,
    request: { port: number; path: string; host?: string; scheme: 'HTTP' | 'HTTPS'; headers: Record<string, string> },
    _timeoutMs: number,
  ): HttpResponse | NetError {
    const out = this.withContainer(node, containerId, (kernel) =>
      kernel.httpFromOutside({ method: 'GET', host: request.host || kernel.sandbox.ip, port: request.port, path: request.path, headers: request.headers }),
    )
    return out ?? { error: 'ECONNREFUSED' }
  }

  tcp(node: string, containerId: string, port: number, _timeoutMs: number): 'ok' | NetError['error'] {
    return this.withContainer(node, containerId, (kernel) => (kernel.listens(port) ? 'ok' : 'ECONNREFUSED')) ?? 'ECONNREFUSED'
  }

  removeContainer(node: string, containerId: string): void {
    const c = this.records.get<ContainerRecord>(node, containerKey(containerId))
    if (!c) return
    this.records.remove(node, containerKey(containerId))
    this.world.timers.removeKeysStartingWith(this.name, `${node}|${containerId}`)
    const sandbox = this.records.get<SandboxRecord>(node, sandboxKey(c.podUid))
    if (!sandbox) return
    sandbox.containers = sandbox.containers.filter((id) => id !== containerId)
    this.records.set(node, sandboxKey(c.podUid), sandbox)
  }

  removePod(node: string, podUid: string): void {
    const sandbox = this.records.get<SandboxRecord>(node, sandboxKey(podUid))
    for (const id of sandbox?.containers ?? []) {
      this.records.remove(node, containerKey(id))
      this.world.timers.removeKeysStartingWith(this.name, `${node}|${id}`)
    }
    this.records.remove(node, sandboxKey(podUid))
    this.logs.removePod(podUid)
  }

  // ---- what the Engine face, chaos and metrics read ----

  /**
   * What a container uses now (its processes' summed rss in bytes and CPU in millicores), or undefined when the
   * runtime does not know it; a dead container uses nothing.
   */
  usage(node: string, containerId: string): { memoryBytes: number; cpuMillicores: number } | undefined {
    return this.withContainer(node, containerId, (kernel, c) => kernel.usage(c))
  }

  /** The container's record brought up to now, or undefined when the runtime does not know it. */
  container(node: string, containerId: string): ContainerRecord | undefined {
    const loaded = this.loadByContainer(node, containerId)
    if (!loaded) return undefined
    this.save(loaded)
    return loaded.kernel.containers.get(containerId)
  }

  // ---- loading and saving ----

  /** Runs `act` on the container's pod, brought up to now, then saves it; undefined when it is unknown. */
  private withContainer<T>(node: string, containerId: string, act: (kernel: PodKernel, c: ContainerRecord) => T): T | undefined {
    const loaded = this.loadByContainer(node, containerId)
    const c = loaded?.kernel.containers.get(containerId)
    if (!loaded || !c) return undefined
    try {
      return act(loaded.kernel, c)
    } finally {
      this.save(loaded)
    }
  }

  private loadByContainer(node: string, containerId: string): Loaded | undefined {
    const c = this.records.get<ContainerRecord>(node, containerKey(containerId))
    if (!c) return undefined
    const sandbox = this.records.get<SandboxRecord>(node, sandboxKey(c.podUid))
    if (!sandbox) return undefined
    return this.load(node, sandbox)
  }

  /** The pod's containers and a kernel over them, run up to now. */
  private load(node: string, sandbox: SandboxRecord): Loaded {
    const containers = new Map<string, ContainerRecord>()
    for (const id of sandbox.containers) {
      const c = this.records.get<ContainerRecord>(node, containerKey(id))
      if (c) containers.set(id, c)
    }
    const loaded: Loaded = { node, kernel: undefined as never, exits: [] }
    loaded.kernel = new PodKernel(sandbox, containers, this.host(loaded))
    loaded.kernel.runUntil(this.world.now())
    return loaded
  }

  private save(loaded: Loaded): void {
    const { kernel, node } = loaded
    kernel.runUntil(this.world.now())
    kernel.flush()
    let changed = false
    for (const c of kernel.containers.values()) changed = this.records.set(node, containerKey(c.id), c) || changed
    // How far the pod has run is saved only with a change: no event lies between the saved instant and now.
    changed = this.records.set(node, sandboxKey(kernel.sandbox.uid), kernel.sandbox, { ...kernel.sandbox, runAt: 0 }) || changed
    // Unchanged records wait for the wake-up asked for when they were written.
    const next = changed ? kernel.nextEvent() : undefined
    const live = [...kernel.containers.values()].find((c) => !c.exit)
    const at = next === undefined ? undefined : reachable(next)
    if (live && at !== undefined) this.queue.addAfter(`${node}|${live.id}`, Math.max(0, at - this.world.now()))
    const exits = loaded.exits.splice(0)
    for (const c of exits) for (const l of this.exitListeners) l(node, kernel.sandbox.namespace, kernel.sandbox.podName, c.id)
  }

  /** The image config of `c`, kept on its node. */
  image(c: ContainerRecord, node: string): ImageConfig {
    const cached = this.images.get(c.imageKey)
    if (cached) return cached
    const stored = this.records.get<ImageConfig>(node, c.imageKey)
    if (!stored) throw new Error(`containerd has no image config ${c.imageKey} for container ${c.id}`)
    this.images.set(c.imageKey, stored)
    return stored
  }

  private host(loaded: Loaded): KernelHost {
    return {
      programs: this.programs,
      image: (c) => this.image(c, loaded.node),
      lowerLayer: (c): FsState => imageLayer(c.imageKey, this.image(c, loaded.node)),
      random: () => this.world.rng.next(),
      log: (c, atMs, stream, text) => {
        c.logSeq = this.logs.append(c.podUid, c.id, c.logSeq, atMs, stream, text)
        this.attachments.output(c, stream, text)
      },
      logTail: (c, lines) =>
        this.logs
          .tail(c.id, lines)
          .map((r) => r.text)
          .join(''),
      sessionOutput: (id, stream, text) => {
        const s = this.sessions.get(id)
        if (!s) return
        s[stream] += text
        s.onOutput?.(stream, text)
      },
      sessionInput: (id, peek) => {
        if (id.startsWith(attachSession(''))) {
          const c = loaded.kernel.containers.get(id.slice(attachSession('').length))
          return c ? this.attachments.read(c, peek) : 'wait'
        }
        const s = this.sessions.get(id)
        if (!s) return 'eof'
        if (s.input !== '') {
          const text = s.input
          if (!peek) s.input = ''
          return text
        }
        return s.inputClosed ? 'eof' : 'wait'
      },
      sessionEnded: (id, status) => {
        const s = this.sessions.get(id)
        if (!s) return
        s.ended = status
        s.endedAt = loaded.kernel.now()
        s.onEnd?.(exitCodeOf(status))
      },
      exited: (c) => {
        loaded.exits.push(c)
        this.attachments.ended(c)
      },
    }
  }

}
