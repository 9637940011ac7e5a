// Podlab's own shapes the engine returns beside Kubernetes' ones: the virtual clock and the cluster's identity.
// The virtual clock as the doors see it. `now` is RFC 3339 in UTC with second precision, as Kubernetes
// writes timestamps; `nowMs` is the same instant in milliseconds since the Unix epoch.

export type ClockMode = 'manual' | 'realtime'

export interface ClockState {
  now: string
  nowMs: number
  mode: ClockMode
  paused: boolean
  /** Virtual seconds per wall-clock second in real-time mode. */
  speed: number
}

export const MIN_SPEED = 0.25
export const MAX_SPEED = 100

/** The cluster file's identity and clock (Engine.info, the `cluster.info` call). resourceVersion is etcd-style, a decimal string. */
export interface ClusterInfo {
  name: string
  seed: string
  resourceVersion: string
  clock: ClockState
}
