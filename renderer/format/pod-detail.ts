// Issue 11 item 3: `kubectl describe pod`'s facts laid out for people. The door sends what describe computes
// (probes, QoS class, Controlled By; main/door/pod-detail.ts); this file picks the rest out of the pod object as
// describe.go's describePod and describeContainerState read it, so each fact here names describe's line.

import type { PodDetail } from '../../main/contract'
import { humanDuration } from '../../main/gostd/human-duration'

/** The parts of a core/v1 Pod this presenter reads. */
interface ContainerStateShape {
  waiting?: { reason?: string; message?: string }
  running?: { startedAt?: string }
  terminated?: { reason?: string; message?: string; exitCode: number; signal?: number; startedAt?: string; finishedAt?: string }
}
interface ContainerStatusShape {
  name: string
  ready?: boolean
  restartCount?: number
  state?: ContainerStateShape
  lastState?: ContainerStateShape
}
interface PodShape {
  metadata: { name?: string; namespace?: string; labels?: Record<string, string>; deletionTimestamp?: string; deletionGracePeriodSeconds?: number }
  spec?: { nodeName?: string; containers?: Array<{ name: string; image?: string }>; initContainers?: Array<{ name: string; image?: string }> }
  status?: {
    phase?: string
    reason?: string
    message?: string
    hostIP?: string
    podIP?: string
    startTime?: string
    conditions?: Array<{ type: string; status: string }>
    containerStatuses?: ContainerStatusShape[]
    initContainerStatuses?: ContainerStatusShape[]
  }
}

/** One fact: an i18n key under podDetail.fact for its label, and its value as Kubernetes writes it. */
export interface Fact {
  label: 'namespace' | 'node' | 'ip' | 'status' | 'reason' | 'message' | 'qos' | 'controlledBy' | 'startTime'
  value: string
}

const age = (timestamp: string | undefined, nowMs: number): string => (timestamp ? humanDuration(nowMs - Date.parse(timestamp)) : '')

/**
 * describePod's header lines, in its order: Namespace, Node (`node/hostIP` or `<none>`), Start Time, Status
 * (`Terminating (lasts 5s)` while being deleted), Reason, Message, IP, Controlled By, QoS Class.
 */
export function podFacts(detail: PodDetail): Fact[] {
  const pod = detail.pod as unknown as PodShape
  const status = pod.status ?? {}
  const facts: Fact[] = [
    { label: 'namespace', value: pod.metadata.namespace ?? '' },
    { label: 'node', value: pod.spec?.nodeName ? `${pod.spec.nodeName}/${status.hostIP ?? ''}` : '<none>' },
  ]
  if (status.startTime) facts.push({ label: 'startTime', value: `${status.startTime} (${age(status.startTime, detail.now)})` })
  const terminating = pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded'
  facts.push({ label: 'status', value: terminating ? `Terminating (lasts ${age(pod.metadata.deletionTimestamp, detail.now)})` : (status.phase ?? '') })
  if (status.reason) facts.push({ label: 'reason', value: status.reason })
  if (status.message) facts.push({ label: 'message', value: status.message })
  facts.push({ label: 'ip', value: status.podIP ?? '' })
  if (detail.controlledBy) facts.push({ label: 'controlledBy', value: detail.controlledBy })
  facts.push({ label: 'qos', value: detail.qosClass })
  return facts
}

/** `key=value`, sorted by key as describe's printLabelsMultiline does. */
export function podLabels(detail: PodDetail): string[] {
  const labels = (detail.pod as unknown as PodShape).metadata.labels ?? {}
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
}

export function podConditions(detail: PodDetail): Array<{ type: string; status: string }> {
  return (detail.pod as unknown as PodShape).status?.conditions ?? []
}

/** A container state as describe's describeStatus prints it, with the age of its times at the pod's now. */
export type StateText =
  | { state: 'Running'; startedAt: string; age: string }
  | { state: 'Waiting'; reason: string; message: string }
  | { state: 'Terminated'; reason: string; message: string; exitCode: number; signal: number; startedAt: string; finishedAt: string; age: string }

export function stateText(state: ContainerStateShape | undefined, nowMs: number): StateText {
  if (state?.running) return { state: 'Running', startedAt: state.running.startedAt ?? '', age: age(state.running.startedAt, nowMs) }
  if (state?.terminated) {
    const t = state.terminated
    return {
      state: 'Terminated',
      reason: t.reason ?? '',
      message: t.message ?? '',
      exitCode: t.exitCode,
      signal: t.signal ?? 0,
      startedAt: t.startedAt ?? '',
      finishedAt: t.finishedAt ?? '',
      age: age(t.finishedAt, nowMs),
    }
  }
  // describeStatus prints an empty state as Waiting too.
  return { state: 'Waiting', reason: state?.waiting?.reason ?? '', message: state?.waiting?.message ?? '' }
}

export interface ContainerView {
  name: string
  init: boolean
  image: string
  /** No status yet (the pod is not on a node): describe prints neither state nor Ready nor Restart Count. */
  hasStatus: boolean
  state: StateText
  /** describe prints Last State only when it is a termination. */
  lastState: StateText | null
  ready: boolean
  restartCount: number
  probes: Array<{ kind: 'liveness' | 'readiness' | 'startup'; text: string }>
}

/** describeContainers for the init containers then the containers: image, State, Last State, Ready, Restart Count, probes. */
export function containerViews(detail: PodDetail): ContainerView[] {
  const pod = detail.pod as unknown as PodShape
  const views: ContainerView[] = []
  const add = (containers: Array<{ name: string; image?: string }> | undefined, statuses: ContainerStatusShape[] | undefined, init: boolean) => {
    for (const c of containers ?? []) {
      const s = statuses?.find((x) => x.name === c.name)
      const probes = detail.probes[c.name] ?? {}
      views.push({
        name: c.name,
        init,
        image: c.image ?? '',
        hasStatus: s !== undefined,
        state: stateText(s?.state, detail.now),
        lastState: s?.lastState?.terminated ? stateText(s.lastState, detail.now) : null,
        ready: s?.ready === true,
        restartCount: s?.restartCount ?? 0,
        probes: (['liveness', 'readiness', 'startup'] as const).filter((k) => probes[k]).map((k) => ({ kind: k, text: probes[k]! })),
      })
    }
  }
  add(pod.spec?.initContainers, pod.status?.initContainerStatuses, true)
  add(pod.spec?.containers, pod.status?.containerStatuses, false)
  return views
}

/** The containers a log or shell can be asked of, init containers first (kubectl's `-c` takes either). */
export function containerNames(detail: PodDetail): string[] {
  return containerViews(detail).map((c) => c.name)
}
