// The node-side record of one pod: its sandbox and containers as the container runtime knows them.
// Kept in node_state under `pod/<namespace>/<name>` on the pod's node.

export type ContainerStage = 'waiting' | 'pulling' | 'pull-failed' | 'running' | 'exited'

export interface ContainerRuntime {
  stage: ContainerStage
  /** When the current step ends: pull done, pull failure reported, back-off over, process exit. */
  until?: number
  pullStartedAt?: number
  /** Image pull back-off: how many pulls failed in a row, and until when the next pull waits. */
  pullFailures?: number
  backOffUntil?: number
  /** A waiting reason to show instead of ContainerCreating (ErrImagePull, ImagePullBackOff, ...). */
  waitingReason?: string
  waitingMessage?: string
  containerId?: string
  startedAt?: number
  exitCode?: number
  finishedAt?: number
  restartCount: number
}

export interface PodRuntime {
  uid: string
  /** When the kubelet first saw the pod (status.startTime). */
  seenAt: number
  sandboxReadyAt: number
  ip?: string
  containers: Record<string, ContainerRuntime>
  /** Set once the kubelet starts stopping the pod: when each container will be gone. */
  killing?: { startedAt: number; deadline: number }
}

export function runtimeKey(namespace: string, name: string): string {
  return `pod/${namespace}/${name}`
}
