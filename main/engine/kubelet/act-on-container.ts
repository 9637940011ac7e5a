// Carries out the kubelet's verdicts for one container (pod-actions.ts): find or pull the image, create and
// start the container, stop it for a new definition, record its end and restart it now or behind the back-off
// (kuberuntime SyncPod / startContainer / doBackOff, the image manager's EnsureImageExists). Each container
// is taken as far as the current instant allows, with the events the kubelet records on the way.

import { goDuration } from '../../gostd/go-duration'
import { newContainerId } from '../runtime/ids'
import { reachable } from '../runtime/time-range'
import { involved, type EventRecorder } from '../events/recorder'
import type { Container, Pod } from '../api/pods/types'
import type { World } from '../world'
import { nextBackOff } from './back-off'
import { pullFailure } from './image-catalog'
import { resolveEnv, type ConfigSource } from './container-config'
import type { NodeImages } from './node-images'
import { nextContainerAction, RESTART_BACK_OFF, STEP_ORDER, type ContainerAction, type ContainerStep, type NodeView } from './pod-actions'
import { processRun } from './process'
import type { ImageResolver } from './resolved-image'
import {
  deadOf,
  historyOf,
  waitingOf,
  type ContainerRuntime,
  type CrashBackOffContainer,
  type PullFailedContainer,
  type PullingContainer,
  type RunningContainer,
  type WaitingContainer,
} from './runtime-state'
import { killDeadline, stopOutcome } from './stop-signal'
import { MINIMUM_GRACE_SECONDS } from './lifecycle/pre-stop'
import { instantAfterSeconds } from '../runtime/time-range'
import { TIMINGS } from './timings'

/** When a container in this state wants to be looked at again (ms), or undefined when only a change will. */
export function wakeAt(c: ContainerRuntime): number | undefined {
  switch (c.stage) {
    case 'running':
      return c.exit?.at
    case 'pulling':
    case 'pull-failed':
    case 'crash-backoff':
      return c.until
    case 'waiting':
      return c.retryAt
    default:
      return undefined
  }
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

/** The kubelet's hands for one pod during one sync. */
export class ContainerActor {
  constructor(
    private readonly world: World,
    private readonly events: EventRecorder,
    private readonly pod: Pod,
    private readonly node: string,
    private readonly images: ImageResolver,
    private readonly nodeImages: NodeImages,
    private readonly view: NodeView,
    private readonly config: ConfigSource,
  ) {}

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
      records[name] = this.apply(step.spec, records[name] ?? { stage: 'waiting', restartCount: 0 }, action)
      action = nextContainerAction(this.pod, step.spec, step.role, records[name], this.view)
    }
    const c = records[name]
    return c ? wakeAt(c) : undefined
  }

  private apply(container: Container, c: ContainerRuntime, action: Exclude<ContainerAction, { kind: 'wait' }>): ContainerRuntime {
    switch (action.kind) {
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
        return this.pullOrStart(container, c)
      case 'finish-pull':
        return c.stage === 'pulling' ? this.pulled(container, c) : c
    }
  }

  private pullOrStart(container: Container, c: ContainerRuntime): ContainerRuntime {
    const image = this.images.resolve(container.image ?? '')
    const policy = container.imagePullPolicy ?? 'IfNotPresent'
    const present = this.nodeImages.has(image.ref.full)
    if (policy === 'Never' && !present) {
      const waiting = { reason: 'ErrImageNeverPull', message: `Container image "${image.given}" is not present with pull policy of Never` }
      this.event(container, 'Warning', 'ErrImageNeverPull', waiting.message)
      return { stage: 'waiting', ...notRunning(c), waiting }
    }
    if (present && policy !== 'Always') {
      this.event(container, 'Normal', 'Pulled', `Container image "${image.given}" already present on machine`)
      return this.start(container, c)
    }
    this.event(container, 'Normal', 'Pulling', `Pulling image "${image.given}"`)
    const now = this.world.now()
    // Layers already on the node make a pull a manifest check.
    const takes = !image.found ? TIMINGS.failedPullMs : present ? TIMINGS.cachedPullMs : image.found.pullMs
    const pulling: PullingContainer = { stage: 'pulling', ...notRunning(c), pullStartedAt: now, until: now + takes }
    return pulling
  }

  private pulled(container: Container, c: PullingContainer): ContainerRuntime {
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
    return this.start(container, { ...c, pullFailures: 0 })
  }

  // The registry has no such repository or tag: containerd's words for it, as kubelet events carry them.
  private pullFailed(container: Container, c: PullingContainer): PullFailedContainer {
    const image = this.images.resolve(container.image ?? '')
    const reason = pullFailure(image.ref)
    this.event(container, 'Warning', 'Failed', `Failed to pull image "${image.given}": ${reason}`)
    this.event(container, 'Warning', 'Failed', 'Error: ErrImagePull')
    const now = this.world.now()
    const failures = (c.pullFailures ?? 0) + 1
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

  /** The next sync finds the image in back-off and says so until the back-off ends. */
  private imagePullBackOff(container: Container, c: PullFailedContainer): PullFailedContainer {
    const image = container.image ?? ''
    const waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` }
    this.event(container, 'Normal', 'BackOff', `Back-off pulling image "${image}"`)
    this.event(container, 'Warning', 'Failed', 'Error: ImagePullBackOff')
    return { ...c, waiting, until: c.backOffUntil }
  }

  private start(container: Container, c: ContainerRuntime): ContainerRuntime {
    const now = this.world.now()
    // generateContainerConfig: the environment from ConfigMaps and Secrets, before the container is created.
    const env = resolveEnv(this.pod, container, this.config)
    if (!env.ok) return this.configError(container, c, env.message)
    const containerId = newContainerId(this.world.rng)
    this.event(container, 'Normal', 'Created', `Created container ${container.name}`)
    this.event(container, 'Normal', 'Started', `Started container ${container.name}`)
    const run = processRun(container, this.images.resolve(container.image ?? '').found)
    const running: RunningContainer = { stage: 'running', ...historyOf(c), containerId, startedAt: now }
    const dead = deadOf(c)
    if (dead) {
      // The replacement is running: the dead container becomes lastState and counts as a restart.
      running.last = dead
      running.restartCount += 1
    }
    if (container.image !== undefined) running.image = container.image
    if (env.env.length > 0) running.env = env.env
    // A process that ends after the last instant the clock can reach runs for good: no timer is asked for.
    const at = run.kind === 'exits' ? reachable(now + run.afterMs) : undefined
    if (at !== undefined && run.kind === 'exits') running.exit = { at, code: run.exitCode }
    return running
  }

  /**
   * startContainer's ErrCreateContainerConfig: the Failed event, CreateContainerConfigError with the error as
   * its message, and the pod worker's back-off after a failed sync before the next try (drawn from the seeded
   * generator, as wait.Jitter draws).
   */
  private configError(container: Container, c: ContainerRuntime, message: string): WaitingContainer {
    this.event(container, 'Warning', 'Failed', `Error: ${message}`)
    const base = TIMINGS.syncErrorBackOffMs
    const retryAt = this.world.now() + base + Math.floor(this.world.rng.next() * TIMINGS.syncErrorJitter * base)
    return { stage: 'waiting', ...notRunning(c), waiting: { reason: 'CreateContainerConfigError', message }, retryAt }
  }

  /**
   * computePodActions: a running container whose spec changed (a new image, through apply or set image) is
   * stopped, as on delete, and restarted regardless of the restart policy.
   */
  private definitionChanged(container: Container, c: RunningContainer, kill: Extract<ContainerAction, { kind: 'kill' }>): RunningContainer {
    const now = this.world.now()
    this.event(container, 'Normal', 'Killing', kill.message)
    // A failed liveness/startup probe: its own grace (setTerminationGracePeriod), restarted as the policy says.
    const probed = kill.reason === 'DefinitionChanged' ? undefined : kill
    const deadline = probed ? instantAfterSeconds(now, Math.max(probed.graceSeconds, MINIMUM_GRACE_SECONDS)) : killDeadline(this.pod, now)
    const end = stopOutcome(c, this.images.resolve(c.image ?? ''), now, deadline)
    const stopped: RunningContainer = { ...c, exit: { at: end.at, code: end.exitCode } }
    if (!probed || probed.restart) stopped.replacing = true
    return stopped
  }

  /** The process ended (by itself, or stopped for a new definition): restart it now, later (CrashLoopBackOff), or never. */
  private exited(container: Container, c: RunningContainer, then: Extract<ContainerAction, { kind: 'reap' }>['then']): ContainerRuntime {
    const now = this.world.now()
    const dead = { exitCode: c.exit?.code ?? 0, startedAt: c.startedAt, finishedAt: now, containerId: c.containerId }
    if (then.restart === 'never') return { stage: 'exited', ...historyOf(c), dead }
    if (then.restart === 'now') return this.restart({ stage: 'exited', ...historyOf(c), dead })
    // doBackOff: the container stays dead until finishedAt + delay.
    const pod = `${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.pod.metadata.uid})`
    const backOff: CrashBackOffContainer = {
      stage: 'crash-backoff',
      ...historyOf(c),
      dead,
      until: now + then.delayMs,
      waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(then.delayMs)} restarting failed container=${container.name} pod=${pod}` },
    }
    this.event(container, 'Warning', 'BackOff', `Back-off restarting failed container ${container.name} in pod ${pod}`)
    return backOff
  }

  /** Out of back-off (or never in it): a new container will replace the dead one, from the image step on. */
  private restart(c: CrashBackOffContainer | Extract<ContainerRuntime, { stage: 'exited' }>): WaitingContainer {
    const now = this.world.now()
    return { stage: 'waiting', ...historyOf(c), restartBackOff: nextBackOff(c.restartBackOff, c.dead.finishedAt, now, RESTART_BACK_OFF), dead: c.dead }
  }

  private event(container: Container, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.legacy(involved(this.pod, `spec.containers{${container.name}}`), type, reason, message, {
      component: 'kubelet',
      host: this.node,
    })
  }
}
