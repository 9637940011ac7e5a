// What the kubelet decides to do for a pod at one instant, from the pod's spec and the node's record of it
// (kuberuntime_manager.go computePodActions / podActions): pure, no writes, no events. The act half
// (act-on-container.ts, stop-pod.ts, kubelet.ts) carries the verdicts out.
//
// Where this runtime differs from upstream's: pulls take virtual time (a container is `pulling` across syncs,
// and, as SyncPod pulls synchronously, the containers after it wait); the restart back-off is decided when the
// exit is seen (upstream's doBackOff in SyncPod's start); sandboxes never die, so Attempt is always 0 and no
// pod is killed to re-create one; a regular init container that fails under restartPolicy Never leaves the
// pod Failed without a KillPod (nothing of it runs any more but its sidecars, which keep being looked after).

import type { Container, Pod } from '../api/pods/types'
import { inBackOffSince, type BackOffEntry } from './back-off'
import { deadOf, type ContainerRuntime, type PodRuntime } from './runtime-state'
import type { ProbeKill } from './prober/prober-manager'
import { TIMINGS } from './timings'

export const RESTART_BACK_OFF = { initialMs: TIMINGS.backOffInitialMs, maxMs: TIMINGS.backOffMaxMs }

/** How the restart rules read a container: an app container, a regular init container, or a sidecar. */
export type ContainerRole = 'app' | 'init' | 'sidecar'

export function roleOf(container: Container, init: boolean): ContainerRole {
  if (!init) return 'app'
  return container.restartPolicy === 'Always' ? 'sidecar' : 'init'
}

/**
 * One container's next step at this instant, in the order a sync takes them: a sync moves a container through
 * several in one go (its process ended, it is restarted, its image is present, it starts), never back.
 */
export type ContainerAction =
  /** Its postStart hook has ended (startContainer returns): Running, or FailedPostStartHook and the kill. */
  | { kind: 'finish-post-start' }
  /** Its preStop hook has ended (or used up the grace period): send the stop signal (StopContainer). */
  | { kind: 'send-stop' }
  /** Running, but its spec changed (a new image): stop it as on delete and replace it whatever the policy. */
  | { kind: 'kill'; reason: 'DefinitionChanged'; message: string }
  /** Running, but it failed its liveness or startup probe: stop it with `graceSeconds`, restart it if `restart`. */
  | { kind: 'kill'; reason: 'LivenessProbe' | 'StartupProbe'; message: string; graceSeconds: number; restart: boolean; failures: number }
  /** Its process ended: record the dead container, then restart it now, after `delayMs` (CrashLoopBackOff), or never. */
  | { kind: 'reap'; then: ReapThen }
  /** Its restart back-off is over: a new container will replace the dead one. */
  | { kind: 'restart' }
  /** ErrImagePull has been shown: from now on ImagePullBackOff, until the pull back-off ends. */
  | { kind: 'report-pull-back-off' }
  /** The pull back-off is over: try the image again. */
  | { kind: 'retry-pull' }
  /** Find the image (or pull it, or say it may not be pulled) and start the container. */
  | { kind: 'start' }
  /** The pull has taken its time: the image is there (start the container) or it is not (ErrImagePull). */
  | { kind: 'finish-pull' }
  /** Nothing to do before `until` (ms; undefined: until something else changes). */
  | { kind: 'wait'; until?: number }

export type ContainerActionKind = ContainerAction['kind']

/**
 * How a restart moves the container's back-off: Next with the event time given (default: the dead container's
 * finish), or not at all ('untouched': doBackOff found no exited container to measure from).
 */
export type RestartBackOffStep = { eventTime: number } | 'untouched'

/** After a container's end: restart it now, after `delayMs` (CrashLoopBackOff), or never. */
export type ReapThen = { restart: 'now'; backOff?: RestartBackOffStep } | { restart: 'after'; delayMs: number } | { restart: 'never' }

/** The order of the steps within one sync; a container never goes back to an earlier one at the same instant. */
export const STEP_ORDER: Record<Exclude<ContainerActionKind, 'wait'>, number> = {
  'finish-post-start': 0,
  'send-stop': 1,
  kill: 2,
  reap: 3,
  restart: 4,
  'report-pull-back-off': 5,
  'retry-pull': 5,
  start: 6,
  'finish-pull': 7,
}

/** What the decision needs to know about the node: its clock (ms) and its image store. */
export interface NodeView {
  now: number
  /** Whether the node holds the image the spec names (as written: `nginx`). */
  hasImage(given: string): boolean
}

/** Whether a container that ended is started again (kubecontainer.ShouldContainerBeRestarted, by role). */
export function shouldRestart(pod: Pod, role: ContainerRole, exitCode: number): boolean {
  const policy = pod.spec.restartPolicy ?? 'Always'
  const failed = exitCode !== 0
  // An init container that succeeded is done; one that failed is retried unless the pod's policy is Never.
  // A sidecar (an init container with restartPolicy: Always) is always restarted.
  if (role === 'sidecar') return true
  if (role === 'init') return failed && policy !== 'Never'
  return policy === 'Always' || (policy === 'OnFailure' && failed)
}

/** What of a container decides its restart: its back-off, and whether (since when, ms) the kubelet replaces it. */
interface ExitedHistory {
  replacing?: true
  replaceRequestedAt?: number
  restartBackOff?: BackOffEntry
  /** The container before this one (lastState). */
  last?: { finishedAt: number }
}

/** What follows the end of container `c` (exit code `exitCode`) at `now`: restart now, after the back-off, or never. */
export function afterExit(pod: Pod, role: ContainerRole, c: ExitedHistory, exitCode: number, now: number): ReapThen {
  if (!(c.replacing === true || shouldRestart(pod, role, exitCode))) return { restart: 'never' }
  if (c.replacing === true && c.replaceRequestedAt !== undefined) return afterReplacingKill(c, c.replaceRequestedAt)
  // doBackOff: a container restarted recently enough stays dead until finishedAt + the back-off's delay.
  if (!inBackOffSince(c.restartBackOff, now, now, RESTART_BACK_OFF)) return { restart: 'now' }
  return { restart: 'after', delayMs: c.restartBackOff?.delayMs ?? RESTART_BACK_OFF.initialMs }
}

/**
 * A container the kubelet killed to start it again (failed liveness or startup probe, changed definition) is
 * started in the same SyncPod, whose doBackOff (kuberuntime_container.go) measured from the latest *exited*
 * container in the pod status read before the kill, at `requestedAt` (ms): the instance before this one
 * (lastState), never the one being killed. None (the first such restart): no back-off, and Next is not called.
 * Else in back-off while requestedAt - its finish < the delay; the next sync then measures from the killed one's
 * end. So the docs' exec liveness pod (a kill every ~75 s) restarts at once 5 times, as on a real node, before
 * the delay (10, 20, 40, 80 s) outgrows its ~45 s between a start and the next kill.
 */
function afterReplacingKill(c: ExitedHistory, requestedAt: number): ReapThen {
  const previous = c.last?.finishedAt
  if (previous === undefined) return { restart: 'now', backOff: 'untouched' }
  if (!inBackOffSince(c.restartBackOff, previous, requestedAt, RESTART_BACK_OFF)) return { restart: 'now', backOff: { eventTime: previous } }
  return { restart: 'after', delayMs: c.restartBackOff?.delayMs ?? RESTART_BACK_OFF.initialMs }
}

/**
 * The next step for container `spec` (record `c`, none before its first look) at `node.now`; `probeKill`: the
 * prober says this container failed its liveness or startup probe.
 */
export function nextContainerAction(
  pod: Pod,
  spec: Container,
  role: ContainerRole,
  c: ContainerRuntime | undefined,
  node: NodeView,
  probeKill?: ProbeKill,
): ContainerAction {
  const now = node.now
  if (!c) return { kind: 'start' }
  switch (c.stage) {
    case 'running': {
      // The kubelet is still in startContainer (the hook) or killContainer (preStop): nothing else happens.
      if (c.postStart && !c.postStart.killing) return now < c.postStart.until ? { kind: 'wait', until: c.postStart.until } : { kind: 'finish-post-start' }
      if (c.stopAt) return now < c.stopAt.at ? { kind: 'wait', until: c.stopAt.at } : { kind: 'send-stop' }
      if (c.postStart?.killing) return c.exit === undefined || now < c.exit.at ? { kind: 'wait', until: c.exit?.at } : { kind: 'reap', then: afterExit(pod, role, c, c.exit.code, now) }
      if (!c.replacing && c.image !== undefined && c.image !== spec.image) {
        return {
          kind: 'kill',
          reason: 'DefinitionChanged',
          message: `Container ${spec.name} definition changed, will be restarted`,
        }
      }
      if (probeKill?.containerId === c.containerId) {
        const reason = probeKill.probe === 'liveness' ? 'LivenessProbe' : 'StartupProbe'
        const { message, graceSeconds, restart, failures } = probeKill
        return { kind: 'kill', reason, message, graceSeconds, restart, failures }
      }
      if (c.exit === undefined || now < c.exit.at) return { kind: 'wait', until: c.exit?.at }
      return { kind: 'reap', then: afterExit(pod, role, c, c.exit.code, now) }
    }
    case 'crash-backoff':
      return now < c.until ? { kind: 'wait', until: c.until } : { kind: 'restart' }
    case 'pull-failed':
      if (now < c.until) return { kind: 'wait', until: c.until }
      return c.waiting.reason === 'ErrImagePull' ? { kind: 'report-pull-back-off' } : { kind: 'retry-pull' }
    case 'waiting': {
      if (c.retryAt !== undefined && now < c.retryAt) return { kind: 'wait', until: c.retryAt }
      // Said once: the kubelet's own status write wakes the sync again, and the answer has not changed.
      const neverPull = (spec.imagePullPolicy ?? 'IfNotPresent') === 'Never' && !node.hasImage(spec.image ?? '')
      if (neverPull && c.waiting?.reason === 'ErrImageNeverPull') return { kind: 'wait' }
      return { kind: 'start' }
    }
    case 'pulling':
      return now < c.until ? { kind: 'wait', until: c.until } : { kind: 'finish-pull' }
    case 'exited':
      return { kind: 'wait' }
  }
}

/** An init container lets the next one start once it has succeeded; a sidecar, once it has been started. */
export function initDone(c: ContainerRuntime | undefined, role: ContainerRole): boolean {
  if (!c) return false
  if (role === 'sidecar') return (c.stage === 'running' && !c.postStart) || deadOf(c) !== undefined || c.last !== undefined
  return c.stage === 'exited' && c.dead.exitCode === 0
}

/** One container a sync looks at, and its next step. */
export interface ContainerStep {
  init: boolean
  /** Index in spec.initContainers or spec.containers. */
  index: number
  /** Position in the sync's walk: init containers first, then app containers. */
  position: number
  spec: Container
  role: ContainerRole
  action: ContainerAction
}

/** kuberuntime containerToKillInfo: which container, and the message its Killing event carries. */
export interface ContainerToKill {
  init: boolean
  index: number
  name: string
  reason: 'DefinitionChanged' | 'PodDeleted' | 'LivenessProbe' | 'StartupProbe'
  message: string
}

export interface PodActions {
  /** The pod is being deleted: stop what runs; nothing starts again. */
  killPod: boolean
  /** The sandbox's time has come and it is not there yet: create it (allocate the pod's IP). */
  createSandbox: boolean
  /** While the sandbox is not ready: when it will be (ms). */
  sandboxReadyAt?: number
  /** Sandboxes are never re-created here: always the first attempt. */
  attempt: 0
  /** The next init containers to start (or restart), by index. */
  initContainersToStart: number[]
  containersToStart: number[]
  containersToKill: ContainerToKill[]
  /** Always empty: the API refuses ephemeral containers on create and serves no subresource to add them yet. */
  ephemeralContainersToStart: number[]
  /** The containers the sync looks at, in its order (SyncPod: init containers, then app containers). */
  steps: ContainerStep[]
}

const STARTS: ReadonlySet<ContainerActionKind> = new Set(['start', 'restart', 'retry-pull', 'finish-pull'])

function startsNow(action: ContainerAction): boolean {
  return STARTS.has(action.kind) || (action.kind === 'reap' && action.then.restart === 'now')
}

/**
 * computePodActions: what to do for `pod` given the node's record `rt` at `node.now`. Init containers one at a time, each to success (a sidecar only to running), the app
 * containers after; a container whose image is being pulled holds the ones after it.
 */
export function computePodActions(pod: Pod, rt: PodRuntime, node: NodeView, probeKills: readonly ProbeKill[] = []): PodActions {
  const killFor = (name: string) => probeKills.find((k) => k.container === name)
  const actions: PodActions = {
    killPod: pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null,
    createSandbox: false,
    attempt: 0,
    initContainersToStart: [],
    containersToStart: [],
    containersToKill: [],
    ephemeralContainersToStart: [],
    steps: [],
  }
  if (actions.killPod) {
    if (!rt.killing) actions.containersToKill = runningToKill(pod, rt)
    return actions
  }
  if (!rt.ip) {
    if (node.now < rt.sandboxReadyAt) {
      actions.sandboxReadyAt = rt.sandboxReadyAt
      return actions
    }
    actions.createSandbox = true
  }
  const inits = pod.spec.initContainers ?? []
  let initialized = true
  for (const [index, spec] of inits.entries()) {
    const role = roleOf(spec, true)
    const c = rt.initContainers?.[spec.name]
    // A sidecar keeps being looked after (restarted when it ends) after it let the next one start.
    if (role === 'sidecar' || !initDone(c, role)) {
      actions.steps.push({ init: true, index, position: index, spec, role, action: nextContainerAction(pod, spec, role, c, node, killFor(spec.name)) })
    }
    if (!initDone(c, role)) {
      initialized = false
      break
    }
  }
  for (const [index, spec] of (initialized ? pod.spec.containers : []).entries()) {
    const c = rt.containers[spec.name]
    actions.steps.push({
      init: false,
      index,
      position: inits.length + index,
      spec,
      role: 'app',
      action: nextContainerAction(pod, spec, 'app', c, node, killFor(spec.name)),
    })
    // Pulls and postStart hooks are synchronous in SyncPod: the next container waits for this one's image or hook.
    if (c?.stage === 'pulling' || (c?.stage === 'running' && c.postStart)) break
  }
  for (const step of actions.steps) {
    if (startsNow(step.action)) (step.init ? actions.initContainersToStart : actions.containersToStart).push(step.index)
    if (step.action.kind === 'kill') {
      actions.containersToKill.push({ init: step.init, index: step.index, name: step.spec.name, reason: step.action.reason, message: step.action.message })
    }
  }
  return actions
}

/** killPodWithSyncResult: every running container, each with the message of its Killing event. */
export function runningToKill(pod: Pod, rt: PodRuntime): ContainerToKill[] {
  const kill: ContainerToKill[] = []
  const look = (specs: Container[], records: Record<string, ContainerRuntime> | undefined, init: boolean) => {
    for (const [index, spec] of specs.entries()) {
      if (records?.[spec.name]?.stage === 'running') {
        kill.push({ init, index, name: spec.name, reason: 'PodDeleted', message: `Stopping container ${spec.name}` })
      }
    }
  }
  look(pod.spec.initContainers ?? [], rt.initContainers, true)
  look(pod.spec.containers, rt.containers, false)
  return kill
}
