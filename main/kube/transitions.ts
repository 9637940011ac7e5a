// Why each container of a pod changed state, as the engine records it (main/engine/kubelet/transitions.ts) and
// Engine.timeline returns it: Podlab's own shape, which the doors carry to the UI's pod timeline unchanged.

/** What brought a change about. Times in ms. */
export type TransitionCause =
  | { kind: 'started' }
  | { kind: 'exited'; exitCode: number }
  | { kind: 'back-off'; delayMs: number }
  | { kind: 'back-off-expired'; delayMs: number }
  | { kind: 'probe'; probe: 'liveness' | 'startup'; failures: number }
  | { kind: 'pod-deleted' }
  /** The eviction manager killed the pod (node pressure). */
  | { kind: 'evicted' }
  | { kind: 'definition-changed' }
  | { kind: 'oom' }
  | { kind: 'chaos'; signal: string }
  | { kind: 'node-unreachable' }
  | { kind: 'image'; message: string }
  | { kind: 'config'; message: string }
  | { kind: 'start-failed'; message: string }
  /** The postStart hook failed (its handler's message): the kubelet killed the container. */
  | { kind: 'post-start-failed'; message: string }
  | { kind: 'runtime-lost' }

export type ContainerStateName = 'waiting' | 'running' | 'terminated'

export interface ContainerTransition {
  podUid: string
  namespace: string
  pod: string
  container: string
  /** '' while no container exists yet. */
  containerId: string
  /** Virtual ms. */
  at: number
  /** '' for a container's first recorded state. */
  from: ContainerStateName | ''
  to: ContainerStateName
  /** The state's reason (CrashLoopBackOff, Error, OOMKilled, ...); '' for running. */
  reason: string
  exitCode?: number
  cause: TransitionCause
}
