// Issue 11 item 3: what the `pods.detail` call answers. One pod as `kubectl describe pod` and
// `kubectl get pod -o yaml` see it, its events, and every state change of its containers with the cause,
// which the renderer lays out (renderer/format/pod-detail.ts) and draws as the pod's timeline.

import type { ContainerTransition, KubeObject, TransitionCause } from '../kube'

/** At most this many timeline entries and events are sent (the newest ones); the rest is counted in `dropped`. */
export const MAX_POD_TIMELINE_ENTRIES = 2000
export const MAX_POD_EVENTS = 500

/** What brought a change about (the engine's TransitionCause). */
export type PodTimelineCause = TransitionCause

/** One container state change of this pod (this incarnation: its uid), oldest first: kube's ContainerTransition without the pod's names. */
export type PodTimelineEntry = Omit<ContainerTransition, 'podUid' | 'namespace' | 'pod'>

/** One of the pod's Events as `kubectl describe pod` lists it (its Type, Reason, Age, From, Message columns). */
export interface PodDetailEvent {
  type: string
  reason: string
  /** describe's Age cell at `now`: `2m`, or `10s (x3 over 2m)` for a repeated event. */
  age: string
  from: string
  message: string
  count: number
  /** First and last seen, virtual ms (the timeline's marks); null when the event has no such time. */
  firstAt: number | null
  lastAt: number | null
}

/** A container's probes as describe writes them (`http-get http://:8080/healthz delay=3s timeout=1s ...`). */
export interface PodDetailProbes {
  liveness?: string
  readiness?: string
  startup?: string
}

export interface PodDetail {
  /** The pod as stored, without metadata.managedFields (as `kubectl get -o yaml` shows it). */
  pod: KubeObject
  /** `kubectl get pod NAME -o yaml`'s output. */
  yaml: string
  /** describe's `QoS Class`. */
  qosClass: string
  /** describe's `Controlled By` (`ReplicaSet/web-7d4b9c`), '' when no controller owns the pod. */
  controlledBy: string
  /** Per container name (init containers included): its probes as describe writes them. */
  probes: Record<string, PodDetailProbes>
  /** Sorted as describe sorts them (by last seen), oldest first. */
  events: PodDetailEvent[]
  timeline: PodTimelineEntry[]
  /** Timeline entries and events left out by the bounds above (the oldest ones). */
  dropped: { timeline: number; events: number }
  /** The cluster's clock when this was read, virtual ms. */
  now: number
}
