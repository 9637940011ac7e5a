// One container's life on its node, one step at a time: find or pull the image, create and start it, notice
// when its process ends, and restart it as the pod's restartPolicy says, behind the kubelet's back-off
// (kuberuntime computePodActions / SyncPod / doBackOff). Each call does what the current instant allows and
// says when to look again.

import { goDuration } from '../../gostd/go-duration'
import { newContainerId } from '../client/ids'
import { reachable } from '../client/time-range'
import type { EventRecorder } from '../events/recorder'
import { involved } from '../events/recorder'
import type { Container, Pod } from '../api/pods/types'
import type { World } from '../world'
import { inBackOffSince, nextBackOff } from './back-off'
import { findImage, parseImage, pullFailure } from './image-catalog'
import { processRun } from './process'
import { killDeadline, stopOutcome } from './stop-signal'
import type { ContainerRuntime } from './runtime-state'
import { TIMINGS } from './timings'

const IMAGES_KEY = 'images'
const BACK_OFF = { initialMs: TIMINGS.backOffInitialMs, maxMs: TIMINGS.backOffMaxMs }

/** How the restart rules read a container: an app container, a regular init container, or a sidecar. */
export type ContainerRole = 'app' | 'init' | 'sidecar'

export function roleOf(container: Container, init: boolean): ContainerRole {
  if (!init) return 'app'
  return container.restartPolicy === 'Always' ? 'sidecar' : 'init'
}

export class ContainerSync {
  constructor(
    private readonly world: World,
    private readonly events: EventRecorder,
    private readonly pod: Pod,
    private readonly node: string,
  ) {}

  /** Moves `c` as far as now allows; returns when to look again, or undefined when nothing is pending. */
  step(container: Container, c: ContainerRuntime, role: ContainerRole = 'app'): number | undefined {
    const now = this.world.now()
    // Each step below may move the stage on; `at` re-reads it (TypeScript would otherwise keep the narrowing).
    const at = (...stages: ContainerRuntime['stage'][]) => stages.includes(c.stage)
    if (at('running') && !c.replacing && c.image !== undefined && c.image !== container.image) this.definitionChanged(container, c)
    if (at('running') && c.exitAt !== undefined && now >= c.exitAt) this.exited(container, c, role)
    if (at('crash-backoff')) {
      if (now < (c.until ?? now)) return c.until
      this.restart(c)
    }
    if (at('pull-failed')) {
      if (now < (c.until ?? now)) return c.until
      if (c.waitingReason === 'ErrImagePull') return this.imagePullBackOff(container, c)
      c.stage = 'waiting'
    }
    if (at('waiting')) this.pullOrStart(container, c)
    if (at('pulling')) {
      if (now < (c.until ?? now)) return c.until
      this.pulled(container, c)
    }
    if (at('running')) return c.exitAt
    if (at('pull-failed', 'crash-backoff')) return c.until
    return undefined
  }

  private pullOrStart(container: Container, c: ContainerRuntime): void {
    const image = container.image ?? ''
    const ref = parseImage(image)
    const policy = container.imagePullPolicy ?? 'IfNotPresent'
    const present = (this.world.nodeState.get<string[]>(this.node, IMAGES_KEY) ?? []).includes(ref.full)
    if (policy === 'Never' && !present) {
      // Said once: the kubelet's own status write wakes this sync again, and the answer has not changed.
      if (c.waitingReason === 'ErrImageNeverPull') return
      c.waitingReason = 'ErrImageNeverPull'
      c.waitingMessage = `Container image "${image}" is not present with pull policy of Never`
      this.event(container, 'Warning', 'ErrImageNeverPull', c.waitingMessage)
      return
    }
    if (present && policy !== 'Always') {
      this.event(container, 'Normal', 'Pulled', `Container image "${image}" already present on machine`)
      this.start(container, c)
      return
    }
    this.event(container, 'Normal', 'Pulling', `Pulling image "${image}"`)
    const catalog = findImage(ref)
    c.stage = 'pulling'
    c.pullStartedAt = this.world.now()
    // Layers already on the node make a pull a manifest check.
    c.until = this.world.now() + (!catalog ? TIMINGS.failedPullMs : present ? TIMINGS.cachedPullMs : catalog.pullMs)
  }

  private pulled(container: Container, c: ContainerRuntime): void {
    const image = container.image ?? ''
    const ref = parseImage(image)
    const catalog = findImage(ref)
    if (!catalog) return this.pullFailed(container, c)
    // The kubelet truncates pull times to the millisecond (image_manager.go).
    const took = goDuration(Math.floor(this.world.now() - (c.pullStartedAt ?? this.world.now())))
    this.event(
      container,
      'Normal',
      'Pulled',
      `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${catalog.sizeBytes} bytes.`,
    )
    const cached = this.world.nodeState.get<string[]>(this.node, IMAGES_KEY) ?? []
    if (!cached.includes(ref.full)) this.world.nodeState.set(this.node, IMAGES_KEY, [...cached, ref.full])
    c.pullFailures = 0
    this.start(container, c)
  }

  // The registry has no such repository or tag: containerd's words for it, as kubelet events carry them.
  private pullFailed(container: Container, c: ContainerRuntime): void {
    const image = container.image ?? ''
    const reason = pullFailure(parseImage(image))
    this.event(container, 'Warning', 'Failed', `Failed to pull image "${image}": ${reason}`)
    this.event(container, 'Warning', 'Failed', 'Error: ErrImagePull')
    const failures = (c.pullFailures ?? 0) + 1
    c.pullFailures = failures
    c.stage = 'pull-failed'
    c.waitingReason = 'ErrImagePull'
    c.waitingMessage = reason
    c.backOffUntil = this.world.now() + Math.min(TIMINGS.backOffInitialMs * 2 ** (failures - 1), TIMINGS.backOffMaxMs)
    c.until = this.world.now() + TIMINGS.resyncAfterErrorMs
  }

  /** The next sync finds the image in back-off and says so until the back-off ends. */
  private imagePullBackOff(container: Container, c: ContainerRuntime): number | undefined {
    const image = container.image ?? ''
    c.waitingReason = 'ImagePullBackOff'
    c.waitingMessage = `Back-off pulling image "${image}"`
    this.event(container, 'Normal', 'BackOff', `Back-off pulling image "${image}"`)
    this.event(container, 'Warning', 'Failed', 'Error: ImagePullBackOff')
    c.until = c.backOffUntil
    return c.until
  }

  private start(container: Container, c: ContainerRuntime): void {
    const now = this.world.now()
    c.containerId = newContainerId(this.world.rng)
    this.event(container, 'Normal', 'Created', `Created container ${container.name}`)
    this.event(container, 'Normal', 'Started', `Started container ${container.name}`)
    const run = processRun(container, findImage(parseImage(container.image ?? '')))
    if (c.dead) {
      // The replacement is running: the dead container becomes lastState and counts as a restart.
      c.last = c.dead
      delete c.dead
      c.restartCount += 1
    }
    c.stage = 'running'
    c.image = container.image
    delete c.replacing
    c.startedAt = now
    // A process that ends after the last instant the clock can reach runs for good: no timer is asked for.
    c.exitAt = run.kind === 'exits' ? reachable(now + run.afterMs) : undefined
    c.exitCode = c.exitAt !== undefined && run.kind === 'exits' ? run.exitCode : undefined
    delete c.waitingReason
    delete c.waitingMessage
    delete c.until
  }

  /**
   * computePodActions: a running container whose spec changed (a new image, through apply or set image) is
   * stopped, as on delete, and restarted regardless of the restart policy.
   */
  private definitionChanged(container: Container, c: ContainerRuntime): void {
    const now = this.world.now()
    this.event(container, 'Normal', 'Killing', `Container ${container.name} definition changed, will be restarted`)
    const end = stopOutcome(c, c.image ?? '', now, killDeadline(this.pod, now))
    c.exitAt = end.at
    c.exitCode = end.exitCode
    c.replacing = true
  }

  /** The process ended (by itself, or stopped for a new definition): restart it now, later (CrashLoopBackOff), or never, by restartPolicy. */
  private exited(container: Container, c: ContainerRuntime, role: ContainerRole): void {
    const now = this.world.now()
    c.dead = { exitCode: c.exitCode ?? 0, startedAt: c.startedAt ?? now, finishedAt: now, containerId: c.containerId ?? '' }
    c.stage = 'exited'
    const policy = this.pod.spec.restartPolicy ?? 'Always'
    const failed = (c.exitCode ?? 0) !== 0
    // An init container that succeeded is done; one that failed is retried unless the pod's policy is Never.
    // A sidecar (an init container with restartPolicy: Always) is always restarted.
    const restart =
      c.replacing === true ||
      role === 'sidecar' ||
      (role === 'init' ? failed && policy !== 'Never' : policy === 'Always' || (policy === 'OnFailure' && failed))
    if (!restart) return
    if (!inBackOffSince(c.restartBackOff, now, now, BACK_OFF)) {
      this.restart(c)
      return
    }
    // doBackOff: the container stays dead until finishedAt + delay.
    const delay = c.restartBackOff?.delayMs ?? BACK_OFF.initialMs
    const pod = `${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.pod.metadata.uid})`
    c.stage = 'crash-backoff'
    c.until = now + delay
    c.waitingReason = 'CrashLoopBackOff'
    c.waitingMessage = `back-off ${goDuration(delay)} restarting failed container=${container.name} pod=${pod}`
    this.event(container, 'Warning', 'BackOff', `Back-off restarting failed container ${container.name} in pod ${pod}`)
  }

  /** Out of back-off (or never in it): a new container will replace the dead one, from the image step on. */
  private restart(c: ContainerRuntime): void {
    const now = this.world.now()
    c.restartBackOff = nextBackOff(c.restartBackOff, c.dead?.finishedAt ?? now, now, BACK_OFF)
    c.stage = 'waiting'
    delete c.until
    delete c.waitingReason
    delete c.waitingMessage
  }

  private event(container: Container, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.legacy(involved(this.pod, `spec.containers{${container.name}}`), type, reason, message, {
      component: 'kubelet',
      host: this.node,
    })
  }
}
