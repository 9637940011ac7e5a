// The node-side record of one pod: its sandbox and containers as the container runtime knows them.
// Kept in node_state under `pod/<namespace>/<name>` on the pod's node.

import type { BackOffEntry } from './back-off'

export type ContainerStage =
  | 'waiting' // to be pulled (or found) and started
  | 'pulling'
  | 'pull-failed' // ErrImagePull, then ImagePullBackOff until the pull back-off ends
  | 'running'
  | 'crash-backoff' // dead, to be restarted when the restart back-off ends (CrashLoopBackOff)
  | 'exited' // dead for good: the restart policy says no

export interface TerminatedRecord {
  exitCode: number
  startedAt: number
  finishedAt: number
  containerId: string
}

export interface ContainerRuntime {
  stage: ContainerStage
  /** When the current step ends: pull done, pull failure reported, back-off over. */
  until?: number
  pullStartedAt?: number
  /** Image pull back-off: failures in a row, and until when the next pull waits. */
  pullFailures?: number
  backOffUntil?: number
  /** A waiting reason to show instead of ContainerCreating (ErrImagePull, CrashLoopBackOff, ...). */
  waitingReason?: string
  waitingMessage?: string
  containerId?: string
  /** The image (as the spec wrote it) the current container was started from. */
  image?: string
  /** Being stopped because its definition changed: it is restarted whatever the policy. */
  replacing?: boolean
  startedAt?: number
  /** When the running process ends by itself, and with what code (undefined: it serves until stopped). */
  exitAt?: number
  exitCode?: number
  restartCount: number
  /** The container that died last and has not been replaced yet: state.terminated, or lastState in back-off. */
  dead?: TerminatedRecord
  /** The container before the current one, for lastState.terminated. */
  last?: TerminatedRecord
  restartBackOff?: BackOffEntry
}

export interface PodRuntime {
  uid: string
  /** When the kubelet first saw the pod (status.startTime). */
  seenAt: number
  sandboxReadyAt: number
  ip?: string
  containers: Record<string, ContainerRuntime>
  /** spec.initContainers, which run to completion one after another before any app container. */
  initContainers?: Record<string, ContainerRuntime>
  /** Set once the kubelet starts stopping the pod. */
  killing?: { startedAt: number; deadline: number }
}

export function runtimeKey(namespace: string, name: string): string {
  return `pod/${namespace}/${name}`
}
