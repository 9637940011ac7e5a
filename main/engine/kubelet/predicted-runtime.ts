// A container runtime that predicts instead of running: each container's end is known when it starts (the
// forms process.ts understands: `sleep N`, `exit N`, `true`, `false`, the image's default) and a stop ends it
// as the catalog says the image answers its stop signal. It stands in for containerd/ (the processes on the
// virtual clock) until that lands, behind the same RuntimeService, so the kubelet is the same either way; tests
// script it (`Outcome`) to make a container end as they need (OOMKilled, a signal, a start failure).
//
// A framework Controller named `containerd` (the real runtime's name): a container's end is a timer on key
// `<node>|<containerId>`, whose sync tells the listeners (the kubelet's PLEG). Containers are kept in node_state
// (`predicted/<id>`, and `predicted-pod/<uid>` listing a pod's), so they outlive the process between commands.

import type { Controller } from '../controller/controller'
import type { ContainerConfig, ExecResult, RuntimeContainerStatus, RuntimeService, StartFailure } from '../containerd/runtime-service'
import type { HttpResponse, NetError } from '../process/program'
import { SIGNALS, type Signal } from '../process/signals'
import { reachable } from '../runtime/time-range'
import type { World } from '../world'
import { findImage, parseImage } from '../images'
import { processRun } from './process'

/** How a scripted container ends: never by itself, or after `afterMs` with this code (and reason, signal, message). */
export type Outcome =
  | { kind: 'serves' }
  | { kind: 'exits'; afterMs: number; exitCode: number; reason?: string; signal?: Signal; message?: string }
  | StartFailure

/** Decides a container's outcome at its start; undefined leaves it to the prediction. */
export type Script = (config: ContainerConfig) => Outcome | undefined

interface Exit {
  at: number
  exitCode: number
  reason?: string
  signal?: Signal
  message?: string
}

interface Stored {
  namespace: string
  podName: string
  podUid: string
  image: string
  startedAt: number
  exit?: Exit
  /** The listeners were told of the exit. */
  told?: true
}

const KILLED: Exit = { at: 0, exitCode: 128 + SIGNALS.SIGKILL, reason: 'Error', signal: 'SIGKILL' }

const key = (id: string) => `predicted/${id}`
const podKey = (uid: string) => `predicted-pod/${uid}`

/** containerd's reason for an exit: Completed for 0, Error otherwise. */
const reasonFor = (code: number) => (code === 0 ? 'Completed' : 'Error')

export class PredictedRuntime implements RuntimeService, Controller {
  readonly name = 'containerd'
  private readonly listeners: Array<(node: string, namespace: string, podName: string, containerId: string) => void> = []

  constructor(
    readonly world: World,
    private readonly script?: Script,
  ) {}

  register(): void {}

  /** A container's end is due: tell the listeners once. */
  sync(k: string): void {
    const [node = '', id = ''] = k.split('|')
    const c = this.read(node, id)
    if (!c?.exit || c.told || this.world.now() < c.exit.at) return
    c.told = true
    this.world.nodeState.set(node, key(id), c)
    for (const l of this.listeners) l(node, c.namespace, c.podName, id)
  }

  startContainer(config: ContainerConfig): { startedAt: number } | StartFailure {
    const now = this.world.now()
    const outcome = this.script?.(config) ?? this.predict(config)
    const c: Stored = { namespace: config.namespace, podName: config.podName, podUid: config.podUid, image: config.image, startedAt: now }
    if (!('kind' in outcome)) {
      c.exit = { at: now, exitCode: outcome.exitCode, reason: 'StartError', message: outcome.message }
      c.told = true
      this.save(config.node, config.containerId, c)
      return outcome
    }
    if (outcome.kind === 'exits') {
      const at = reachable(now + outcome.afterMs)
      if (at !== undefined) {
        const { kind: _kind, afterMs: _afterMs, ...end } = outcome
        c.exit = { ...end, at, reason: end.reason ?? reasonFor(end.exitCode) }
      }
    }
    this.save(config.node, config.containerId, c)
    return { startedAt: now }
  }

  status(node: string, containerId: string): RuntimeContainerStatus {
    const c = this.read(node, containerId)
    if (!c) return { state: 'unknown' }
    if (!c.exit || this.world.now() < c.exit.at) return { state: 'running', startedAt: c.startedAt }
    const s: RuntimeContainerStatus = { state: 'exited', startedAt: c.startedAt, finishedAt: c.exit.at, exitCode: c.exit.exitCode, reason: c.exit.reason ?? reasonFor(c.exit.exitCode) }
    if (c.exit.signal) s.signal = c.exit.signal
    if (c.exit.message) s.message = c.exit.message
    return s
  }

  /** The image's stop signal ends it as the catalog says (nginx: gone in 180 ms); SIGKILL after `graceMs`. */
  stopContainer(node: string, containerId: string, graceMs: number): void {
    const c = this.read(node, containerId)
    if (!c || this.ended(c)) return
    const now = this.world.now()
    const onStop = findImage(parseImage(c.image))?.onStop ?? { kind: 'ignores' }
    const graceful = onStop.kind === 'exits' && graceMs > 0 ? now + onStop.afterMs : Number.POSITIVE_INFINITY
    const selfExit = c.exit?.at ?? Number.POSITIVE_INFINITY
    const killAt = now + Math.max(0, graceMs)
    const at = Math.min(graceful, selfExit, killAt)
    if (at === selfExit && c.exit) return
    const exit: Exit = at === graceful && onStop.kind === 'exits' ? { at, exitCode: onStop.exitCode, reason: reasonFor(onStop.exitCode) } : { ...KILLED, at }
    this.save(node, containerId, { ...c, exit })
  }

  /** SIGKILL (or any signal the image does not answer as a stop) ends PID 1 now with 128 + n; others are ignored. */
  signal(node: string, containerId: string, sig: Signal): 'ok' | 'not-running' {
    const c = this.read(node, containerId)
    if (!c || this.ended(c)) return 'not-running'
    if (sig === 'SIGKILL') this.save(node, containerId, { ...c, exit: { ...KILLED, at: this.world.now() } })
    return 'ok'
  }

  execSync(): ExecResult | { timedOut: true } | { notFound: string } {
    return { exitCode: 0, stdout: '', stderr: '' }
  }

  http(): HttpResponse | NetError {
    return { error: 'ECONNREFUSED' }
  }

  tcp(): 'ok' | NetError['error'] {
    return 'ECONNREFUSED'
  }

  removeContainer(node: string, containerId: string): void {
    const c = this.read(node, containerId)
    this.world.nodeState.remove(node, key(containerId))
    if (!c) return
    const ids = (this.world.nodeState.get<string[]>(node, podKey(c.podUid)) ?? []).filter((id) => id !== containerId)
    this.world.nodeState.set(node, podKey(c.podUid), ids)
  }

  removePod(node: string, podUid: string): void {
    for (const id of this.world.nodeState.get<string[]>(node, podKey(podUid)) ?? []) this.world.nodeState.remove(node, key(id))
    this.world.nodeState.remove(node, podKey(podUid))
  }

  onContainerExit(listener: (node: string, namespace: string, podName: string, containerId: string) => void): void {
    this.listeners.push(listener)
  }

  private predict(config: ContainerConfig): Outcome {
    const container = { name: config.containerName, ...(config.command ? { command: config.command } : {}), ...(config.args ? { args: config.args } : {}) }
    return processRun(container, findImage(parseImage(config.image)))
  }

  private ended(c: Stored): boolean {
    return c.exit !== undefined && this.world.now() >= c.exit.at
  }

  private read(node: string, id: string): Stored | undefined {
    return this.world.nodeState.get<Stored>(node, key(id))
  }

  private save(node: string, id: string, c: Stored): void {
    const fresh = this.read(node, id) === undefined
    this.world.nodeState.set(node, key(id), c)
    if (fresh) this.world.nodeState.set(node, podKey(c.podUid), [...(this.world.nodeState.get<string[]>(node, podKey(c.podUid)) ?? []), id])
    if (c.exit && !c.told) this.world.after(this.name, `${node}|${id}`, c.exit.at - this.world.now())
  }
}
