// Logs and exec as the API server serves them (pods/log, pods/exec), on top of the runtime: which container
// is meant (pod-container.ts), its rows shaped by the request's options (log-format.ts), a follower that hears
// new lines until the container ends, and exec sessions: one run to its end (`kubectl exec POD -- CMD`) or an
// interactive one whose input and output flow while the clock runs (`kubectl exec -it`, the console, the UI).

import { ApiError } from '../api/errors'
import type { Pod } from '../api/pods/types'
import type { Containerd } from './containerd'
import { filterRows, formatRows, limitBytes, type LogFilter } from './log-format'
import { logContainerId, pickContainer, runtimeId } from './pod-container'
import { containerKey, type ContainerRecord } from './state'

export interface LogsRequest extends LogFilter {
  namespace: string
  pod: string
  container?: string
  previous?: boolean
  /** Hear new lines until the container ends (`kubectl logs -f`). */
  follow?: boolean
}

export interface ExecRequest {
  namespace: string
  pod: string
  container?: string
  command: string[]
  /** Text for the command's stdin (closed after it); without it stdin is empty. */
  stdin?: string
  tty?: boolean
}

/** pods/attach's options (core/v1 PodAttachOptions): which container, and whether the client sends stdin. */
export interface AttachRequest {
  namespace: string
  pod: string
  container?: string
  stdin: boolean
}

export interface ExecOutput {
  stdout: string
  stderr: string
  exitCode: number
}

/**
 * Why an exec could not run, as kubectl prints it after `error: ` (it is not a Status from the API server).
 * `runtimeError` is set when the runtime refused the command itself (the kubelet's error stream then carries
 * NewInternalError of `error executing command in container: <runtimeError>`); unset when there was no running
 * container to exec in (the kubelet refuses the upgrade).
 */
export class ExecRefused extends Error {
  readonly reason = 'ExecRefused' as const
  constructor(
    message: string,
    readonly runtimeError?: string,
  ) {
    super(message)
    this.name = 'ExecRefused'
  }
}

/** How long a non-interactive exec may run on its own (virtual ms) before it is killed. */
export const EXEC_MAX_MS = 3_600_000

/** A follower of one container's log: `pump` hands it the lines committed since, and says when it is over. */
export class LogFollower {
  private afterSeq: number
  private over = false

  constructor(
    private readonly containerd: Containerd,
    private readonly node: string,
    private readonly containerId: string,
    lastSeq: number,
    private readonly text: (chunk: string) => void,
    private readonly end: () => void,
    private readonly timestamps: boolean,
  ) {
    this.afterSeq = lastSeq
  }

  /** Delivers new lines; ends the follow once the container has ended (or is gone). Returns true when over. */
  pump(readRecord: (node: string, key: string) => ContainerRecord | undefined): boolean {
    if (this.over) return true
    const rows = this.containerd.logs.rows(this.containerId, this.afterSeq)
    if (rows.length > 0) {
      this.afterSeq = rows[rows.length - 1]!.seq
      this.text(formatRows(rows, { timestamps: this.timestamps }))
    }
    const record = readRecord(this.node, containerKey(this.containerId))
    if (!record || record.exit) {
      this.over = true
      this.end()
    }
    return this.over
  }

  stop(): void {
    this.over = true
  }
}

export class PodIo {
  constructor(private readonly containerd: Containerd) {}

  /**
   * The log text of the container `request` names in `pod`, at `nowMs`. Throws ApiError BadRequest with the API
   * server's or the kubelet's words when there is no such log (yet).
   */
  logs(pod: Pod, request: LogsRequest, nowMs: number): string {
    if (!pod.spec.nodeName) {
      pickContainer(pod, request.container)
      return ''
    }
    const id = logContainerId(pod, pickContainer(pod, request.container), !!request.previous)
    const rows = filterRows(this.containerd.logs.rows(id), request, nowMs)
    return limitBytes(formatRows(rows, request), request.limitBytes)
  }

  /** Starts following: `text` gets what `logs` would give now, then each new line; `end` when the container ends. */
  follow(pod: Pod, request: LogsRequest, nowMs: number, text: (chunk: string) => void, end: () => void): LogFollower {
    const container = pickContainer(pod, request.container)
    const id = logContainerId(pod, container, !!request.previous)
    const all = this.containerd.logs.rows(id)
    const first = formatRows(filterRows(all, request, nowMs), request)
    if (first !== '') text(first)
    const last = all.length > 0 ? all[all.length - 1]!.seq : -1
    return new LogFollower(this.containerd, pod.spec.nodeName ?? '', id, last, text, end, !!request.timestamps)
  }

  /**
   * Runs `request.command` in the container to its end (`kubectl exec POD -- CMD`). Throws ApiError for a
   * request the API server refuses, ExecRefused (kubectl's text) when the container is not running or the
   * runtime cannot start the command.
   */
  exec(pod: Pod, request: ExecRequest): ExecOutput {
    const { node, containerId } = this.target(pod, request.container)
    const started = this.containerd.startSession(node, containerId, request.command, { tty: !!request.tty, input: request.stdin ?? '' })
    if ('error' in started) throw refused(started.error)
    const s = this.containerd.finishSession(started.id, EXEC_MAX_MS)
    const exitCode = s.ended ? ('exited' in s.ended ? s.ended.exited : 137) : 137
    return { stdout: s.stdout, stderr: s.stderr, exitCode }
  }

  /** Opens an interactive session (`kubectl exec -it`); output and the exit code reach the listener. Returns its id. */
  open(pod: Pod, request: Omit<ExecRequest, 'stdin'>, listener: { output(stream: 'stdout' | 'stderr', text: string): void; exit(code: number): void }): string {
    const { node, containerId } = this.target(pod, request.container)
    const started = this.containerd.startSession(node, containerId, request.command, {
      tty: !!request.tty,
      inputOpen: true,
      onOutput: (stream, text) => listener.output(stream, text),
      onEnd: (code) => listener.exit(code),
    })
    if ('error' in started) throw refused(started.error)
    return started.id
  }

  /**
   * Attaches to the PID 1 of the container `request` names (`kubectl attach`, `kubectl run -i`): the listener hears
   * its output from now on and its exit code when it ends. Returns the attach id. Throws ApiError for the request,
   * ExecRefused (`unable to upgrade connection: container not found ("c")`) when the container is not running.
   */
  attach(pod: Pod, request: AttachRequest, listener: { output(stream: 'stdout' | 'stderr', text: string): void; exit(code: number): void }): string {
    const { node, containerId } = this.target(pod, request.container)
    const attached = this.containerd.attach(node, containerId, {
      stdin: request.stdin,
      onOutput: (stream, text) => listener.output(stream, text),
      onEnd: (code) => listener.exit(code),
    })
    if ('error' in attached) throw new ExecRefused(`unable to upgrade connection: container not found ("${pickContainer(pod, request.container)}")`)
    return attached.id
  }

  private target(pod: Pod, given: string | undefined): { node: string; containerId: string } {
    const name = pod.metadata.name ?? ''
    const container = pickContainer(pod, given)
    const node = pod.spec.nodeName
    if (!node) throw new ApiError('BadRequest', `pod ${name} does not have a host assigned`)
    const status = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === container)
    const containerId = status?.state?.running ? runtimeId(status.containerID) : ''
    const record = containerId ? this.containerd.container(node, containerId) : undefined
    if (!record || record.exit) {
      throw new ExecRefused(`unable to upgrade connection: container not found ("${container}")`)
    }
    return { node, containerId }
  }
}

/** The API server wraps the kubelet's exec failure as an InternalError; kubectl prints its message. */
function refused(runtimeError: string): ExecRefused {
  return new ExecRefused(`Internal error occurred: error executing command in container: ${runtimeError}`, runtimeError)
}
