// The API status the kubelet writes for a pod (generateAPIPodStatus): container statuses from the runtime,
// the phase by getPhase, and the kubelet's conditions in its fixed order.

import { rfc3339 } from '../runtime/clock'
import type { ContainerStateTerminated, ContainerStatus, Pod, PodCondition, PodPhase, PodStatus } from '../api/pods/types'
import { roleOf, type ContainerRole } from './pod-actions'
import type { ImageResolver } from '../images'
import { deadOf, waitingOf, type ContainerRuntime, type PodRuntime, type TerminatedRecord } from './runtime-state'
import type { ContainerVerdict } from './prober/prober-manager'

/**
 * The runtime's reason (OOMKilled, StartError, ...), or containerd's Completed for exit 0 and Error otherwise
 * (k8s-behaviour.md §1.3) for records that have none; the termination message. No `signal`: the kubelet's
 * convertToAPIContainerStatuses never sets it (the CRI reports no signal), whatever ended the container.
 */
function terminated(r: TerminatedRecord): ContainerStateTerminated {
  const t: ContainerStateTerminated = { exitCode: r.exitCode }
  t.reason = r.reason ?? (r.exitCode === 0 ? 'Completed' : 'Error')
  if (r.message !== undefined) t.message = r.message
  return { ...t, startedAt: rfc3339(r.startedAt), finishedAt: rfc3339(r.finishedAt), containerID: `containerd://${r.containerId}` }
}

/** A failed start's reasons, which the kubelet's reason cache shows over the dead container's state. */
const REASON_CACHED = new Set(['RunContainerError', 'PostStartHookError'])

/**
 * One entry of containerStatuses / initContainerStatuses. A regular init container counts as ready once it has
 * succeeded (prober manager UpdatePodStatus); an app container or a sidecar while it runs.
 */
function containerStatus(
  name: string,
  image: string,
  rt: ContainerRuntime | undefined,
  defaultReason: string,
  images: ImageResolver,
  now: number,
  role: ContainerRole = 'app',
  probed?: ContainerVerdict,
): ContainerStatus {
  // While its postStart hook runs the kubelet is still in startContainer: the status written before stays.
  if (rt?.stage === 'running' && rt.postStart) rt = rt.postStart.before
  const record = (r: TerminatedRecord | undefined) => (r ? { terminated: terminated(r) } : {})
  // The reason cache: RunContainerError (PostStartHookError) stays until the sync after the failed start.
  const runError =
    rt?.stage === 'crash-backoff' && rt.runError && now < rt.runError.until ? { reason: rt.runError.reason ?? 'RunContainerError', message: rt.runError.message } : undefined
  const shown = runError ?? (rt && waitingOf(rt))
  const waiting = (): { reason: string; message?: string } => {
    const w: { reason: string; message?: string } = { reason: shown?.reason ?? defaultReason }
    if (shown?.message) w.message = shown.message
    return w
  }
  const restartCount = rt?.restartCount ?? 0
  const dead = rt && deadOf(rt)
  // Until a container has existed, the runtime knows only the image as written; after, its resolved name,
  // digest and the (latest) container's id.
  const latestId = rt?.stage === 'running' ? rt.containerId : (dead?.containerId ?? rt?.last?.containerId)
  if (!rt || latestId === undefined) {
    return { name, lastState: {}, restartCount, image, imageID: '', ready: false, started: false, state: { waiting: waiting() } }
  }
  const { ref, found } = images.resolve(image)
  const created = { name, restartCount, containerID: `containerd://${latestId}`, image: ref.full, imageID: found ? `${ref.repository}@${found.digest}` : '' }
  if (rt.stage === 'running') {
    // The prober's UpdatePodStatus, for the containers it looks after; without probes, started and ready at once.
    const { ready, started } = probed ?? { ready: role !== 'init', started: true }
    return { ...created, lastState: record(rt.last), ready, started, state: { running: { startedAt: rfc3339(rt.startedAt) } } }
  }
  // (Except after a failed start: the reason cache's RunContainerError is shown until the next try.)
  if (dead && rt.stage !== 'crash-backoff' && !REASON_CACHED.has(shown?.reason ?? '')) {
    // Dead and not (yet) replaced: the runtime still reports the exited container.
    const succeededInit = role === 'init' && dead.exitCode === 0
    return { ...created, lastState: record(rt.last), ready: succeededInit, started: false, state: record(dead) }
  }
  return { ...created, lastState: record(dead ?? rt.last), ready: false, started: false, state: { waiting: waiting() } }
}

/** getPhase in pkg/kubelet/kubelet_pods.go. `inits` are the regular init containers' statuses (sidecars excluded). */
export function podPhase(pod: Pod, statuses: ContainerStatus[], terminal: boolean, inits: ContainerStatus[] = []): PodPhase {
  let pendingInitialization = 0
  let failedInitialization = 0
  for (const s of inits) {
    if (s.state.running) pendingInitialization++
    else if (s.state.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++
    } else if (s.lastState.terminated) {
      if (s.lastState.terminated.exitCode !== 0) failedInitialization++
    } else pendingInitialization++
  }
  if (failedInitialization > 0 && pod.spec.restartPolicy === 'Never') return 'Failed'
  let running = 0
  let waiting = 0
  let stopped = 0
  let succeeded = 0
  for (const s of statuses) {
    if (s.state.running) running++
    else if (s.state.terminated) {
      stopped++
      if (s.state.terminated.exitCode === 0) succeeded++
    } else if (s.state.waiting && s.lastState.terminated) stopped++
    else waiting++
  }
  const anyStarted = statuses.some((s) => s.state.running || s.state.terminated || s.lastState.terminated)
  if (pendingInitialization > 0 && !anyStarted) return 'Pending'
  if (waiting > 0) return 'Pending'
  if (running > 0) return 'Running'
  if (stopped > 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed'
    const policy = pod.spec.restartPolicy ?? 'Always'
    if (policy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    return policy === 'Never' ? 'Failed' : 'Running'
  }
  return 'Pending'
}

const isTerminalPhase = (phase: PodPhase | undefined): boolean => phase === 'Failed' || phase === 'Succeeded'

/**
 * generateAPIPodStatus's three-way merge (pkg/kubelet/kubelet_pods.go): a phase the API server already shows as
 * terminal stays (an evicted pod is Failed whatever its containers did as they stopped: nginx ends 0 on SIGTERM),
 * as "pods are not allowed to transition out of terminal phases".
 */
function keepTerminalPhase(pod: Pod, phase: PodPhase): PodPhase {
  const api = pod.status?.phase
  return isTerminalPhase(api) ? (api as PodPhase) : phase
}

function condition(
  previous: PodCondition[] | undefined,
  type: string,
  status: 'True' | 'False',
  now: number,
  reason?: string,
  message?: string,
): PodCondition {
  const before = previous?.find((c) => c.type === type)
  const c: PodCondition = {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: before && before.status === status ? before.lastTransitionTime : rfc3339(now),
  }
  if (reason) c.reason = reason
  if (message) c.message = message
  return c
}

const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']

/** The status to write for `pod` at `now` (ms); `terminal` once every container has stopped on delete. */
export function buildStatus(
  pod: Pod,
  rt: PodRuntime,
  hostIP: string,
  now: number,
  images: ImageResolver,
  terminal = false,
  probes?: Record<string, ContainerVerdict>,
): PodStatus {
  const previous = pod.status?.conditions
  const initSpecs = pod.spec.initContainers ?? []
  // defaultWaitingState: PodInitializing when the pod has init containers, else ContainerCreating.
  const defaultReason = initSpecs.length > 0 ? 'PodInitializing' : 'ContainerCreating'
  const initStatuses = initSpecs.map((c) =>
    containerStatus(c.name, c.image ?? '', rt.initContainers?.[c.name], 'PodInitializing', images, now, roleOf(c, true), probes?.[c.name]),
  )
  const statuses = pod.spec.containers.map((c) => containerStatus(c.name, c.image ?? '', rt.containers[c.name], defaultReason, images, now, 'app', probes?.[c.name]))
  const regularInits = initStatuses.filter((_, i) => roleOf(initSpecs[i]!, true) === 'init')
  const phase = keepTerminalPhase(pod, podPhase(pod, statuses, terminal, regularInits))

  // GeneratePodInitializedCondition: a regular init container is complete once it succeeded, a sidecar once started.
  const incomplete = initStatuses
    .filter((s, i) => (roleOf(initSpecs[i]!, true) === 'sidecar' ? !s.started && !s.state.running : !(s.state.terminated?.exitCode === 0)))
    .map((s) => s.name)
  // GenerateContainersReadyCondition (pkg/kubelet/status/generate.go): the sidecars' readiness counts, in the
  // spec's order before the app containers'; a terminal pod is not ready (PodCompleted / PodFailed, no message).
  const sidecars = initStatuses.filter((_, i) => roleOf(initSpecs[i]!, true) === 'sidecar')
  const notReady = [...sidecars, ...statuses].filter((s) => !s.ready).map((s) => s.name)
  const completed = phase === 'Succeeded' || phase === 'Failed'
  const allReady = notReady.length === 0 && !completed
  const readyReason = completed ? (phase === 'Failed' ? 'PodFailed' : 'PodCompleted') : 'ContainersNotReady'
  const readyMessage = completed ? undefined : `containers with unready status: [${notReady.join(' ')}]`

  const conditions: PodCondition[] = [
    ...(previous ?? []).filter((c) => !KUBELET_CONDITIONS.includes(c.type)),
    condition(previous, 'PodReadyToStartContainers', rt.ip && !completed ? 'True' : 'False', now),
    incomplete.length === 0
      ? condition(previous, 'Initialized', 'True', now)
      : condition(previous, 'Initialized', 'False', now, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`),
    allReady ? condition(previous, 'Ready', 'True', now) : condition(previous, 'Ready', 'False', now, readyReason, readyMessage),
    allReady
      ? condition(previous, 'ContainersReady', 'True', now)
      : condition(previous, 'ContainersReady', 'False', now, readyReason, readyMessage),
    condition(previous, 'PodScheduled', 'True', now),
  ]

  const status: PodStatus = {
    ...pod.status,
    phase,
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: rfc3339(rt.seenAt),
    ...(initStatuses.length > 0 ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: statuses,
  }
  // The reason and message go with their phase: kept while it stays (Evicted), dropped when it changes.
  if (pod.status?.phase !== phase) {
    delete status.reason
    delete status.message
  }
  if (rt.ip) {
    status.podIP = rt.ip
    status.podIPs = [{ ip: rt.ip }]
  }
  return status
}
