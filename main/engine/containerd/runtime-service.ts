// The kubelet's view of the container runtime (the CRI RuntimeService, trimmed to what a simulated node
// needs): create and start a container, read its status, stop it with the image's stop signal and a grace
// period, signal it, run a command in it (exec probes, hooks), and reach what listens in its pod (HTTP and TCP
// probes). Implemented by containerd/ (the processes on the virtual clock); the kubelet never touches a
// process itself.

import type { HttpResponse, NetError } from '../process/program'
import type { Signal } from '../process/signals'
import type { ImageConfig } from '../images/image-config'

/** A volume as the runtime mounts it: a pod's emptyDir (shared by its containers), or files the kubelet made. */
export type VolumeSource =
  | { kind: 'emptyDir'; name: string; medium?: 'Memory' }
  /** configMap, secret, downwardAPI, projected: relative path -> content, already resolved by the kubelet. */
  | { kind: 'files'; name: string; files: Record<string, string>; mode?: number }
  | { kind: 'hostPath'; name: string; path: string }

export interface Mount {
  containerPath: string
  volume: VolumeSource
  readOnly: boolean
  subPath?: string
}

/** CreateContainerRequest + StartContainer, flattened. Times are virtual ms, sizes bytes. */
export interface ContainerConfig {
  node: string
  podUid: string
  namespace: string
  podName: string
  podIp: string
  hostNetwork: boolean
  containerName: string
  /** The id the kubelet chose (64 hex digits); `containerd://` is added in statuses, not here. */
  containerId: string
  /** Full reference, as in containerStatuses[].image: docker.io/library/nginx:1.27. */
  image: string
  imageConfig: ImageConfig
  command?: string[]
  args?: string[]
  /** The container's env, resolved (valueFrom, envFrom, $(VAR) references) in the kubelet's order. */
  env: Array<{ name: string; value: string }>
  workingDir?: string
  mounts: Mount[]
  memoryLimitBytes?: number
  cpuLimitMillicores?: number
  /** Default /dev/termination-log. */
  terminationMessagePath: string
  terminationMessagePolicy: 'File' | 'FallbackToLogsOnError'
  stdin: boolean
  /** The container's stdin closes when the first attached client detaches (CRI ContainerConfig.stdin_once). */
  stdinOnce?: boolean
  tty: boolean
}

/** StartError: the runtime could not start the process (its executable is missing, say); exit code 128. */
export interface StartFailure {
  reason: 'StartError'
  /** containerd's text: `failed to create containerd task: ... exec: "foo": executable file not found in $PATH: unknown`. */
  message: string
  exitCode: number
}

export type RuntimeContainerStatus =
  | { state: 'running'; startedAt: number }
  | {
      state: 'exited'
      startedAt: number
      finishedAt: number
      exitCode: number
      /** Completed (0), Error, OOMKilled, StartError. */
      reason: string
      signal?: Signal
      /** The termination message (the file at terminationMessagePath, or the log's tail on error). */
      message?: string
    }
  | { state: 'unknown' }

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
  /** When the command ended (virtual ms), if after the call's instant: it ran in virtual time (`sleep 5`). */
  endedAt?: number
}

export interface RuntimeService {
  /** Creates and starts a container; its PID 1 runs at once until it first waits or ends. */
  startContainer(config: ContainerConfig): { startedAt: number } | StartFailure
  /** Where the container's processes are now (they are brought up to the current instant first). */
  status(node: string, containerId: string): RuntimeContainerStatus
  /** StopContainer: the image's stop signal now, SIGKILL when `graceMs` has passed (0: SIGKILL at once). */
  stopContainer(node: string, containerId: string, graceMs: number): void
  /** A signal to the container's PID 1 from outside its namespace (chaos, `podlab chaos kill`). */
  signal(node: string, containerId: string, sig: Signal): 'ok' | 'not-running'
  /**
   * ExecSync: runs argv in the container (probes, hooks). `timedOut` when it has not ended by `timeoutMs`;
   * `notFound` (the runtime's text) when the image has no such executable.
   */
  execSync(node: string, containerId: string, argv: string[], timeoutMs: number): ExecResult | { timedOut: true } | { notFound: string }
  /** An HTTP request to `port` in the pod of `containerId` (probes, httpGet hooks), from the node. */
  http(node: string, containerId: string, request: { port: number; path: string; host?: string; scheme: 'HTTP' | 'HTTPS'; headers: Record<string, string> }, timeoutMs: number): HttpResponse | NetError
  tcp(node: string, containerId: string, port: number, timeoutMs: number): 'ok' | NetError['error']
  /** Forgets a dead container (its log stays until the pod goes). */
  removeContainer(node: string, containerId: string): void
  /** Forgets everything of a pod: containers, logs, its emptyDirs. */
  removePod(node: string, podUid: string): void
  /** PLEG: called when a container's PID 1 ends, so the kubelet syncs its pod. */
  onContainerExit(listener: (node: string, namespace: string, podName: string, containerId: string) => void): void
}
