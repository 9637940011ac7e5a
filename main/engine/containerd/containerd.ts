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
import { PodKernel, type KernelHost, type ProgramTable } from './kernel'
import { LogTable } from './log-table'
import { runtimeFiles } from './runtime-files'
import type { ContainerConfig, ExecResult, RuntimeContainerStatus, RuntimeService, StartFailure } from './runtime-service'
import { startErrorMessage, execErrorMessage } from './runtime-errors'
import { containerKey, sandboxKey, type ContainerRecord, type SandboxRecord } from './state'

type ExitListener = (node: string, namespace: string, podName: string, containerId: string) => void

/** An exec session's ends: input waiting for the process, output for whoever listens, and the exit. */
export interface Session {
  input: string
  inputClosed: boolean
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void
  stdout: string
  stderr: string
  ended?: WaitStatus
  onEnd?: (exitCode: number) => void
}

/** A pod's records loaded for one call, with its kernel. */
interface Loaded {
  node: string
  kernel: PodKernel
  exits: ContainerRecord[]
}

const imageKeyOf = (config: ImageConfig): string => `ctr-image/${createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 32)}`

export class Containerd implements Controller, RuntimeService {
  readonly name = 'containerd'
  readonly logs: LogTable
  private queue!: RateLimitingQueue
  private readonly exitListeners: ExitListener[] = []
  private readonly images = new Map<string, ImageConfig>()
  readonly sessions = new Map<string, Session>()

  constructor(
    private readonly world: World,
    private readonly programs: ProgramTable,
  ) {
    this.logs = new LogTable(world.db)
  }

  register(_informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
  }

  reset(): void {
    this.images.clear()
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
    const sandbox: SandboxRecord = this.world.nodeState.get<SandboxRecord>(node, sandboxKey(config.podUid)) ?? {
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
    this.world.nodeState.set(node, imageKey, config.imageConfig)
    const env = containerEnv(sandbox.hostname, config.imageConfig, config.env)
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
    loaded.kernel.containers.set(c.id, c)
    sandbox.containers.push(c.id)
    const fs = loaded.kernel.fs(c)
    for (const [path, text] of Object.entries(runtimeFiles(sandbox.ip, sandbox.hostname, sandbox.namespace, c.terminationMessagePath))) {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { parents: true })
      fs.writeFile(path, text)
    }
    const argv = containerArgv(config.imageConfig, config.command, config.args)
    const failed = argv === undefined ? { error: 'ENOENT' as const } : loaded.kernel.startInit(c, argv, env, cwd)
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
    this.withContainer(node, containerId, (kernel, c) => kernel.stop(c, this.image(c).stopSignal, graceMs))
  }

  signal(node: string, containerId: string, sig: Signal): 'ok' | 'not-running' {
    return this.withContainer(node, containerId, (kernel, c) => kernel.signalFromOutside(c, sig)) ?? 'not-running'
  }

  execSync(node: string, containerId: string, argv: string[], timeoutMs: number): ExecResult | { timedOut: true } | { notFound: string } {
    const result = this.withContainer(node, containerId, (kernel, c): ExecResult | { timedOut: true } | { notFound: string } => {
      const session = this.openSession(c)
      const started = kernel.exec(c, argv, session.id, false, c.env, c.workingDir)
      if ('error' in started) {
        this.sessions.delete(session.id)
        return { notFound: execErrorMessage(session.id, argv, started.error, !!c.exit) }
      }
      const done = kernel.runSessionAhead(c, started.pid, kernel.now() + Math.max(0, timeoutMs))
      if (!done) kernel.killProcess(c, started.pid)
      const s = session.session
      this.sessions.delete(session.id)
      if (!done || !s.ended) return { timedOut: true }
      return { exitCode: 'exited' in s.ended ? s.ended.exited : exitCodeOfSignal(s.ended.signaled), stdout: s.stdout, stderr: s.stderr }
    })
    return result ?? { notFound: execErrorMessage(containerId, argv, 'ESRCH', true) }
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
    const c = this.world.nodeState.get<ContainerRecord>(node, containerKey(containerId))
    if (!c) return
    this.world.nodeState.remove(node, containerKey(containerId))
    this.world.timers.removeKeysStartingWith(this.name, `${node}|${containerId}`)
    const sandbox = this.world.nodeState.get<SandboxRecord>(node, sandboxKey(c.podUid))
    if (!sandbox) return
    sandbox.containers = sandbox.containers.filter((id) => id !== containerId)
    this.world.nodeState.set(node, sandboxKey(c.podUid), sandbox)
  }

  removePod(node: string, podUid: string): void {
    const sandbox = this.world.nodeState.get<SandboxRecord>(node, sandboxKey(podUid))
    for (const id of sandbox?.containers ?? []) {
      this.world.nodeState.remove(node, containerKey(id))
      this.world.timers.removeKeysStartingWith(this.name, `${node}|${id}`)
    }
    this.world.nodeState.remove(node, sandboxKey(podUid))
    this.logs.removePod(podUid)
  }

  // ---- what the Engine face and chaos read ----

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
    const c = this.world.nodeState.get<ContainerRecord>(node, containerKey(containerId))
    if (!c) return undefined
    const sandbox = this.world.nodeState.get<SandboxRecord>(node, sandboxKey(c.podUid))
    if (!sandbox) return undefined
    return this.load(node, sandbox)
  }

  /** The pod's containers and a kernel over them, run up to now. */
  private load(node: string, sandbox: SandboxRecord): Loaded {
    const containers = new Map<string, ContainerRecord>()
    for (const id of sandbox.containers) {
      const c = this.world.nodeState.get<ContainerRecord>(node, containerKey(id))
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
    for (const c of kernel.containers.values()) this.world.nodeState.set(node, containerKey(c.id), c)
    this.world.nodeState.set(node, sandboxKey(kernel.sandbox.uid), kernel.sandbox)
    const next = kernel.nextEvent()
    const live = [...kernel.containers.values()].find((c) => !c.exit)
    const at = next === undefined ? undefined : reachable(next)
    if (live && at !== undefined) this.queue.addAfter(`${node}|${live.id}`, Math.max(0, at - this.world.now()))
    const exits = loaded.exits.splice(0)
    for (const c of exits) for (const l of this.exitListeners) l(node, kernel.sandbox.namespace, kernel.sandbox.podName, c.id)
  }

  image(c: ContainerRecord, node?: string): ImageConfig {
    const cached = this.images.get(c.imageKey)
    if (cached) return cached
    const stored = node === undefined ? undefined : this.world.nodeState.get<ImageConfig>(node, c.imageKey)
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
      sessionInput: (id) => {
        const s = this.sessions.get(id)
        if (!s) return 'eof'
        if (s.input !== '') {
          const text = s.input
          s.input = ''
          return text
        }
        return s.inputClosed ? 'eof' : 'wait'
      },
      sessionEnded: (id, status) => {
        const s = this.sessions.get(id)
        if (!s) return
        s.ended = status
        s.onEnd?.('exited' in status ? status.exited : exitCodeOfSignal(status.signaled))
      },
      exited: (c) => loaded.exits.push(c),
    }
  }

  /** A new exec session in `c`, named for the pid its process will have (deterministic, for replays). */
  private openSession(c: ContainerRecord): { id: string; session: Session } {
    const id = `${c.id.slice(0, 12)}-${c.nextPid}`
    const session: Session = { input: '', inputClosed: true, stdout: '', stderr: '' }
    this.sessions.set(id, session)
    return { id, session }
  }
}
