// Carries out the kubelet's verdicts for one container (pod-actions.ts): find or pull the image, create and
// start the container, stop it for a new definition, record its end and restart it now or behind the back-off
// (kuberuntime SyncPod / startContainer / doBackOff, the image manager's EnsureImageExists). Each container
// is taken as far as the current instant allows, with the events the kubelet records on the way. Containers
// run in the runtime (RuntimeService): started with the config generateContainerConfig builds, stopped with
// the grace period; their end is read from its status (observe-runtime.ts).

import { goDuration } from '../../gostd/go-duration'
import { newContainerId } from '../runtime/ids'
import { involved, type EventRecorder } from '../events/recorder'
import type { Container, Pod } from '../api/pods/types'
import type { World } from '../world'
import type { RuntimeService } from '../containerd/runtime-service'
import { nextBackOff } from './back-off'
import { pullFailure, type ImageResolver } from '../images'
import { resolveEnv, type ConfigSource } from './container-config'
import type { NodeImages } from './node-images'
import {
  afterExit,
  type RestartBackOffStep,
  nextContainerAction,
  RESTART_BACK_OFF,
  STEP_ORDER,
  type ContainerAction,
  type ContainerRole,
  type ContainerStep,
  type NodeView,
  type ReapThen,
} from './pod-actions'
import { containerConfig } from './runtime-config'
import { PodTransitions } from './pod-transitions'
import type { ContainerStateName, TransitionCause } from './transitions'
import {
  deadOf,
  historyOf,
  waitingOf,
  type ContainerRuntime,
  type CrashBackOffContainer,
  type PullFailedContainer,
  type PullingContainer,
  type RunningContainer,
  type TerminatedRecord,
  type WaitingContainer,
} from './runtime-state'
import { MINIMUM_GRACE_SECONDS, stopOutcome } from './stop-signal'
import { instantAfterSeconds } from '../runtime/time-range'
import { hooked, hookTarget, killContainer, sendPlannedStop, type KillContext } from './lifecycle/kill-container'
import { podGraceSeconds, runPostStart } from './lifecycle/post-start'
import { TIMINGS } from './timings'

/**
 * When a container in this state wants to be looked at again (ms), or undefined when only a change will (a
 * running container's end wakes the pod through the runtime's PLEG listener).
 */
export function wakeAt(c: ContainerRuntime, now: number): number | undefined {
  switch (c.stage) {
    case 'running':
      // The kubelet is woken when the postStart hook ends, and when a preStop hook lets the stop signal go.
      if (c.postStart && !c.postStart.killing) return c.postStart.until
      return c.stopAt?.at ?? c.exit?.at
    case 'crash-backoff':
      return c.runError && c.runError.until > now ? c.runError.until : c.until
    case 'pulling':
    case 'pull-failed':
      return c.until
    case 'waiting':
      return c.retryAt
    default:
      return undefined
  }
}

/** The dead container a running record becomes once its process has ended (at `now` at the latest, ms). */
export function endOf(c: RunningContainer, now: number): TerminatedRecord {
  const exit = c.exit
  const dead: TerminatedRecord = { exitCode: exit?.code ?? 0, startedAt: c.startedAt, finishedAt: Math.min(exit?.at ?? now, now), containerId: c.containerId }
  if (exit?.reason !== undefined) dead.reason = exit.reason
  if (exit?.signal !== undefined) dead.signal = exit.signal
  if (exit?.message !== undefined) dead.message = exit.message
  return dead
}

/** The state a record's container shows in its status: the kind of change a transition starts from. */
export function shownState(c: ContainerRuntime): ContainerStateName {
  if (c.stage === 'running') return 'running'
  return deadOf(c) && !waitingOf(c) ? 'terminated' : 'waiting'
}

/** What a not-running record keeps for the next container: its history, the dead one, the reason shown. */
function notRunning(c: ContainerRuntime): Omit<WaitingContainer, 'stage'> {
  const kept: Omit<WaitingContainer, 'stage'> = historyOf(c)
  const dead = deadOf(c)
  const waiting = waitingOf(c)
  if (dead) kept.dead = dead
  if (waiting) kept.waiting = waiting
  return kept
}

/** What a ContainerActor works with: the node's runtime, images and config objects, and the pod's sandbox. */
export interface ActorContext {
  world: World
  events: EventRecorder
  runtime: RuntimeService
  node: string
  images: ImageResolver
  nodeImages: NodeImages
  view: NodeView
  config: ConfigSource
  sandbox: { ip: string; hostNetwork: boolean }
}

/** The kubelet's hands for one pod during one sync. */
export class ContainerActor {
  private readonly world: World
  private readonly events: EventRecorder
  private readonly node: string
  private readonly images: ImageResolver
  private readonly nodeImages: NodeImages
  private readonly view: NodeView
  private readonly transitions: PodTransitions

  constructor(
    private readonly pod: Pod,
    private readonly ctx: ActorContext,
  ) {
    this.world = ctx.world
    this.events = ctx.events
    this.node = ctx.node
    this.images = ctx.images
    this.nodeImages = ctx.nodeImages
    this.view = ctx.view
    this.transitions = new PodTransitions(ctx.world, pod, ctx.node)
  }

  /**
   * Carries out `step` and each step after it that the same instant allows, in the sync's order; stores the
   * record in `records`. Returns when to look at the container again (ms), or undefined.
   */
  visit(step: ContainerStep, records: Record<string, ContainerRuntime>): number | undefined {
    const name = step.spec.name
    let action: ContainerAction = step.action
    let order = -1
    while (action.kind !== 'wait' && STEP_ORDER[action.kind] > order) {
      order = STEP_ORDER[action.kind]
      records[name] = this.apply(step.spec, step.role, records[name] ?? { stage: 'waiting', restartCount: 0 }, action)
      action = nextContainerAction(this.pod, step.spec, step.role, records[name], this.view)
    }
    const c = records[name]
    return c ? wakeAt(c, this.world.now()) : undefined
  }

  private apply(container: Container, role: ContainerRole, c: ContainerRuntime, action: Exclude<ContainerAction, { kind: 'wait' }>): ContainerRuntime {
    switch (action.kind) {
      case 'finish-post-start':
        return c.stage === 'running' ? this.postStartEnded(container, c) : c
      case 'send-stop':
        return c.stage === 'running' ? sendPlannedStop(this.ctx.runtime, this.node, c) : c
      case 'kill':
        return c.stage === 'running' ? this.definitionChanged(container, c, action) : c
      case 'reap':
        return c.stage === 'running' ? this.exited(container, c, action.then) : c
      case 'restart':
        return c.stage === 'crash-backoff' ? this.restart(c) : c
      case 'report-pull-back-off':
        return c.stage === 'pull-failed' ? this.imagePullBackOff(container, c) : c
      case 'retry-pull':
        return { stage: 'waiting', ...notRunning(c) }
      case 'start':
        return this.pullOrStart(container, role, c)
      case 'finish-pull':
        return c.stage === 'pulling' ? this.pulled(container, role, c) : c
    }
  }

  private pullOrStart(container: Container, role: ContainerRole, c: ContainerRuntime): ContainerRuntime {
    // EnsureImageExists: a reference that does not parse is refused before the node's images are looked at, and
    // the sync fails (startContainer adds "Error: <reason>"), to be tried again on the pod worker's back-off.
    const image = this.images.resolve(container.image ?? '')
    if (image.invalid) {
      this.event(container, 'Warning', image.invalid.eventReason, image.invalid.message)
      return this.syncError(container, c, { reason: image.invalid.reason, message: image.invalid.message }, `Error: ${image.invalid.reason}`)
    }
    const policy = container.imagePullPolicy ?? 'IfNotPresent'
    const present = this.nodeImages.has(image.ref.full)
    if (policy === 'Never' && !present) {
      const waiting = { reason: 'ErrImageNeverPull', message: `Container image "${image.given}" is not present with pull policy of Never` }
      this.event(container, 'Warning', 'ErrImageNeverPull', waiting.message)
      this.waitingChanged(container, c, waiting, { kind: 'image', message: waiting.message })
      return { stage: 'waiting', ...notRunning(c), waiting }
    }
    if (present && policy !== 'Always') {
      this.event(container, 'Normal', 'Pulled', `Container image "${image.given}" already present on machine`)
      return this.start(container, role, c)
    }
    this.event(container, 'Normal', 'Pulling', `Pulling image "${image.given}"`)
    const now = this.world.now()
    // Layers already on the node make a pull a manifest check.
    const takes = !image.found ? TIMINGS.failedPullMs : present ? TIMINGS.cachedPullMs : image.found.pullMs
    const pulling: PullingContainer = { stage: 'pulling', ...notRunning(c), pullStartedAt: now, until: now + takes }
    return pulling
  }

  private pulled(container: Container, role: ContainerRole, c: PullingContainer): ContainerRuntime {
    const image = this.images.resolve(container.image ?? '')
    if (!image.found) return this.pullFailed(container, c)
    // The kubelet truncates pull times to the millisecond (image_manager.go).
    const took = goDuration(Math.floor(this.world.now() - c.pullStartedAt))
    this.event(
      container,
      'Normal',
      'Pulled',
      `Successfully pulled image "${image.given}" in ${took} (${took} including waiting). Image size: ${image.found.sizeBytes} bytes.`,
    )
    this.nodeImages.add(image.ref.full)
    return this.start(container, role, { ...c, pullFailures: 0 })
  }

  // The registry has no such repository or tag: containerd's words for it, as kubelet events carry them.
  private pullFailed(container: Container, c: PullingContainer): PullFailedContainer {
    const image = this.images.resolve(container.image ?? '')
    const reason = pullFailure(image.ref)
    this.event(container, 'Warning', 'Failed', `Failed to pull image "${image.given}": ${reason}`)
    this.event(container, 'Warning', 'Failed', 'Error: ErrImagePull')
    const now = this.world.now()
    const failures = (c.pullFailures ?? 0) + 1
    this.waitingChanged(container, c, { reason: 'ErrImagePull' }, { kind: 'image', message: reason })
    const failed: PullFailedContainer = {
      stage: 'pull-failed',
      ...notRunning(c),
      pullFailures: failures,
      waiting: { reason: 'ErrImagePull', message: reason },
      until: now + TIMINGS.resyncAfterErrorMs,
      backOffUntil: now + Math.min(TIMINGS.backOffInitialMs * 2 ** (failures - 1), TIMINGS.backOffMaxMs),
    }
    return failed
  }

  /**
   * The next sync finds the image in back-off and says so until the back-off ends. The event says only
   * `Back-off pulling image %q`; the waiting message adds the last pull's error as `<err>: <msg>` (1.32,
   * pkg/kubelet/images/image_manager.go EnsureImageExists, prevPullErrMsg: kubernetes#127918).
   */
  private imagePullBackOff(container: Container, c: PullFailedContainer): PullFailedContainer {
    const image = container.image ?? ''
    const lastPullError = `ErrImagePull: ${pullFailure(this.images.resolve(image).ref)}`
    const waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ${lastPullError}` }
    this.event(container, 'Normal', 'BackOff', `Back-off pulling image "${image}"`)
    this.event(container, 'Warning', 'Failed', 'Error: ImagePullBackOff')
    this.waitingChanged(container, c, waiting, { kind: 'image', message: waiting.message })
    return { ...c, waiting, until: c.backOffUntil }
  }

  private start(container: Container, role: ContainerRole, c: ContainerRuntime): ContainerRuntime {
    // generateContainerConfig: the environment from ConfigMaps and Secrets, before the container is created.
    const env = resolveEnv(this.pod, container, this.ctx.config)
    if (!env.ok) return this.syncError(container, c, { reason: 'CreateContainerConfigError', message: env.message }, `Error: ${env.message}`)
    const containerId = newContainerId(this.world.rng)
    const config = containerConfig({
      pod: this.pod,
      container,
      node: this.node,
      podIp: this.ctx.sandbox.ip,
      hostNetwork: this.ctx.sandbox.hostNetwork,
      containerId,
      image: this.images.resolve(container.image ?? ''),
      env: env.env,
      source: this.ctx.config,
    })
    this.event(container, 'Normal', 'Created', `Created container ${container.name}`)
    const started = this.ctx.runtime.startContainer(config)
    const dead = deadOf(c)
    // Container GC keeps one dead instance per container (for logs --previous): the one before it goes.
    if (dead && c.last && c.last.containerId !== dead.containerId) this.ctx.runtime.removeContainer(this.node, c.last.containerId)
    if ('reason' in started) return this.startFailed(container, role, c, containerId, started.message, started.exitCode)
    this.event(container, 'Normal', 'Started', `Started container ${container.name}`)
    const cause: TransitionCause = c.backOffMs !== undefined ? { kind: 'back-off-expired', delayMs: c.backOffMs } : { kind: 'started' }
    const running: RunningContainer = { stage: 'running', ...historyOf(c), containerId, startedAt: started.startedAt, cri: true }
    delete running.backOffMs
    if (dead) {
      // The replacement is running: the dead container becomes lastState and counts as a restart.
      running.last = dead
      running.restartCount += 1
    }
    if (container.image !== undefined) running.image = container.image
    if (env.env.length > 0) running.env = env.env
    // startContainer step 4: the postStart hook, right after StartContainer (the Started event is already out).
    const now = this.world.now()
    const hook = runPostStart(this.pod, hooked(this.ctx.runtime, container), hookTarget(this.killContext(container), containerId), now)
    if (hook.kind === 'none' || (hook.kind === 'done' && hook.doneAt <= now)) {
      this.transitions.record(container.name, containerId, shownState(c), 'running', '', cause)
      return running
    }
    running.postStart = { until: hook.doneAt, before: c, cause, ...(hook.kind === 'failed' ? { failed: hook.waiting.message } : {}) }
    return hook.doneAt <= now ? this.postStartEnded(container, running) : running
  }

  /**
   * The postStart hook has ended (startContainer returns): the container shows Running from now on; or it
   * failed, and the kubelet records FailedPostStartHook (without the handler's message, so that secrets do not
   * leak) and kills the container with the message `FailedPostStartHook` under the pod's grace period
   * (kuberuntime_container.go startContainer); PostStartHookError is shown once it is dead.
   */
  private postStartEnded(container: Container, c: RunningContainer): RunningContainer {
    const hook = c.postStart
    if (!hook) return c
    if (hook.failed === undefined) {
      const { postStart: _ended, ...running } = c
      this.transitions.record(container.name, c.containerId, shownState(hook.before), 'running', '', hook.cause)
      return running
    }
    this.event(container, 'Warning', 'FailedPostStartHook', 'PostStartHook failed')
    this.event(container, 'Normal', 'Killing', 'FailedPostStartHook')
    const killing = { ...c, postStart: { ...hook, killing: true as const } }
    return killContainer(this.killContext(container), this.pod, container, killing, podGraceSeconds(this.pod), this.world.now(), { kind: 'post-start-failed', message: hook.failed })
  }

  /** Where container `container`'s hooks run and its kill's events go. */
  private killContext(container: Container): KillContext {
    return {
      runtime: this.ctx.runtime,
      node: this.node,
      podIp: this.ctx.sandbox.ip,
      newExecId: () => newContainerId(this.world.rng),
      record: (e) => this.event(container, e.type, e.reason, e.message),
    }
  }

  /**
   * StartContainer failed (its executable is missing, say): kuberuntime's Failed event with the runtime's text,
   * RunContainerError until the next sync, and the created container dead with StartError and its exit code
   * (128), never started (startedAt is the zero time, as containerd reports it), restarted under the policy
   * and back-off as any other end.
   */
  private startFailed(container: Container, role: ContainerRole, c: ContainerRuntime, containerId: string, message: string, exitCode: number): ContainerRuntime {
    const now = this.world.now()
    this.event(container, 'Warning', 'Failed', `Error: ${message}`)
    const dead: TerminatedRecord = { exitCode, startedAt: 0, finishedAt: now, containerId, reason: 'StartError', message }
    this.transitions.record(container.name, containerId, shownState(c), 'terminated', 'StartError', { kind: 'start-failed', message }, exitCode)
    const previous = deadOf(c)
    const history = historyOf(c)
    // The failed instance replaces the dead one before it, as a replacement that ran would: a restart.
    if (previous) {
      history.last = previous
      history.restartCount += 1
    }
    const runError = { message, until: now + TIMINGS.resyncAfterErrorMs }
    const then = afterExit(this.pod, role, history, exitCode, now)
    if (then.restart === 'never') return { stage: 'exited', ...history, dead }
    if (then.restart === 'now') {
      const restartBackOff = nextBackOff(history.restartBackOff, now, now, RESTART_BACK_OFF)
      return { stage: 'waiting', ...history, restartBackOff, dead, waiting: { reason: 'RunContainerError', message }, retryAt: runError.until }
    }
    return { ...this.backOff(container, history, dead, then.delayMs), runError }
  }

  /**
   * A failed sync (CreateContainerConfigError, InvalidImageName): the Failed event, the reason shown while
   * waiting, and the pod worker's back-off after a failed sync before the next try (drawn from the seeded
   * generator, as wait.Jitter draws).
   */
  private syncError(container: Container, c: ContainerRuntime, waiting: { reason: string; message: string }, event: string): WaitingContainer {
    this.event(container, 'Warning', 'Failed', event)
    this.waitingChanged(container, c, waiting, waiting.reason === 'InvalidImageName' ? { kind: 'image', message: waiting.message } : { kind: 'config', message: waiting.message })
    const base = TIMINGS.syncErrorBackOffMs
    const retryAt = this.world.now() + base + Math.floor(this.world.rng.next() * TIMINGS.syncErrorJitter * base)
    return { stage: 'waiting', ...notRunning(c), waiting, retryAt }
  }

  /**
   * computePodActions' containersToKill: a running container whose spec changed (a new image, through apply or
   * set image) or whose liveness probe failed is stopped, as on delete, and restarted regardless of the policy.
   */
  private definitionChanged(container: Container, c: RunningContainer, kill: Extract<ContainerAction, { kind: 'kill' }>): RunningContainer {
    const now = this.world.now()
    this.event(container, 'Normal', 'Killing', kill.message)
    // A failed liveness/startup probe: its own grace (setTerminationGracePeriod), restarted as the policy says.
    const probed = kill.reason === 'DefinitionChanged' ? undefined : kill
    const graceSeconds = probed ? probed.graceSeconds : podGraceSeconds(this.pod)
    const replacing = !probed || probed.restart ? { replacing: true as const, replaceRequestedAt: now } : {}
    if (c.cri) {
      const cause: TransitionCause = probed
        ? { kind: 'probe', probe: probed.reason === 'LivenessProbe' ? 'liveness' : 'startup', failures: probed.failures }
        : { kind: 'definition-changed' }
      return killContainer(this.killContext(container), this.pod, container, { ...c, ...replacing }, graceSeconds, now, cause)
    }
    // A record from before issue 8 (predicted end): no hooks, the stop's outcome predicted from the image.
    const deadline = instantAfterSeconds(now, Math.max(graceSeconds, MINIMUM_GRACE_SECONDS))
    const end = stopOutcome(c, this.images.resolve(c.image ?? ''), now, deadline)
    return { ...c, exit: { at: end.at, code: end.exitCode }, ...replacing }
  }

  /** The process ended (by itself, or stopped for a new definition): restart it now, later (CrashLoopBackOff), or never. */
  private exited(container: Container, c: RunningContainer, then: ReapThen): ContainerRuntime {
    const dead = endOf(c, this.world.now())
    this.transitions.ended(container.name, c, dead, c.postStart ? shownState(c.postStart.before) : 'running')
    if (c.postStart?.failed !== undefined) return this.postStartFailed(container, c, dead, c.postStart.failed, then)
    if (then.restart === 'never') return { stage: 'exited', ...historyOf(c), dead }
    if (then.restart === 'now') return this.restart({ stage: 'exited', ...historyOf(c), dead }, then.backOff)
    return this.backOff(container, historyOf(c), dead, then.delayMs)
  }

  /**
   * The container killed for its failed postStart hook is dead: startContainer returned PostStartHookError,
   * which the reason cache shows over it until the next sync (TIMINGS.resyncAfterErrorMs); then it is restarted
   * under the policy and back-off as any other end.
   */
  private postStartFailed(container: Container, c: RunningContainer, dead: TerminatedRecord, message: string, then: ReapThen): ContainerRuntime {
    const history = historyOf(c)
    if (then.restart === 'never') return { stage: 'exited', ...history, dead }
    const until = this.world.now() + TIMINGS.resyncAfterErrorMs
    if (then.restart === 'after') return { ...this.backOff(container, history, dead, then.delayMs), runError: { message, until, reason: 'PostStartHookError' } }
    const waiting = { reason: 'PostStartHookError', message }
    this.transitions.record(container.name, dead.containerId, 'terminated', 'waiting', waiting.reason, { kind: 'post-start-failed', message })
    return { ...this.restart({ stage: 'exited', ...history, dead }), waiting, retryAt: until }
  }

  /** doBackOff: the container stays dead until now + delay (CrashLoopBackOff), with the kubelet's BackOff event. */
  private backOff(container: Container, history: ReturnType<typeof historyOf>, dead: TerminatedRecord, delayMs: number): CrashBackOffContainer {
    const pod = `${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.pod.metadata.uid})`
    this.event(container, 'Warning', 'BackOff', `Back-off restarting failed container ${container.name} in pod ${pod}`)
    this.transitions.record(container.name, dead.containerId, 'terminated', 'waiting', 'CrashLoopBackOff', { kind: 'back-off', delayMs })
    return {
      stage: 'crash-backoff',
      ...history,
      dead,
      until: this.world.now() + delayMs,
      waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delayMs)} restarting failed container=${container.name} pod=${pod}` },
    }
  }

  /** Out of back-off (or never in it): a new container will replace the dead one, from the image step on. */
  private restart(c: CrashBackOffContainer | Extract<ContainerRuntime, { stage: 'exited' }>, backOff?: RestartBackOffStep): WaitingContainer {
    const now = this.world.now()
    const restarted: WaitingContainer = { stage: 'waiting', ...historyOf(c), dead: c.dead }
    // backOff.Next(key, eventTime), unless doBackOff found no exited container (see afterExit).
    if (backOff !== 'untouched') restarted.restartBackOff = nextBackOff(c.restartBackOff, backOff?.eventTime ?? c.dead.finishedAt, now, RESTART_BACK_OFF)
    else if (c.restartBackOff) restarted.restartBackOff = c.restartBackOff
    if (c.stage === 'crash-backoff') restarted.backOffMs = c.until - c.dead.finishedAt
    return restarted
  }

  /** A new waiting reason (ErrImagePull, InvalidImageName, ...): recorded once, not at each retry. */
  private waitingChanged(container: Container, c: ContainerRuntime, waiting: { reason: string }, cause: TransitionCause): void {
    if (waitingOf(c)?.reason === waiting.reason) return
    this.transitions.record(container.name, '', shownState(c), 'waiting', waiting.reason, cause)
  }

  private event(container: Container, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.legacy(involved(this.pod, `spec.containers{${container.name}}`), type, reason, message, {
      component: 'kubelet',
      host: this.node,
    })
  }
}
