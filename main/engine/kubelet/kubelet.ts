// The kubelets of every node, as one controller keyed by `<node>|<namespace>/<name>`. Each sync looks at
// the pod and the node's record of it, takes the steps whose time has come (sandbox, pull, create, start;
// or stop and remove), writes the status the real kubelet would write, and asks to be woken for the next step.

import type { KubeObject } from '../../contract'
import { parseTime } from '../client/clock'
import { newContainerId } from '../client/ids'
import { EventRecorder, involved } from '../events/recorder'
import type { Pod } from '../api/pods/types'
import type { Node } from '../scheduler/node-info'
import type { StoredEvent } from '../store/object-store'
import type { Controller, World } from '../world'
import { goDuration } from '../printers/go-duration'
import { findImage, parseImage } from './image-catalog'
import { allocateIp, releaseIp } from './ipam'
import { buildStatus } from './pod-status'
import { runtimeKey, type ContainerRuntime, type PodRuntime } from './runtime-state'
import { TIMINGS } from './timings'

const IMAGES_KEY = 'images'

export class Kubelets implements Controller {
  readonly queue = 'kubelet'
  private readonly events: EventRecorder

  constructor(private readonly world: World) {
    this.events = new EventRecorder(world)
  }

  keysFor(event: StoredEvent): string[] {
    if (event.resource !== 'pods') return []
    const pod = event.object as Pod
    return pod.spec.nodeName ? [`${pod.spec.nodeName}|${pod.metadata.namespace}/${pod.metadata.name}`] : []
  }

  sync(key: string): void {
    const [node = '', podKey = ''] = key.split('|')
    const [namespace = '', name = ''] = podKey.split('/')
    const pod = this.world.store.get<Pod>('pods', namespace, name)
    const saved = this.world.nodeState.get<PodRuntime>(node, runtimeKey(namespace, name))

    if (!pod || pod.spec.nodeName !== node || (saved && saved.uid !== pod.metadata.uid)) {
      if (saved) this.forget(node, namespace, name, saved)
      if (!pod || pod.spec.nodeName !== node) return
    }
    const nodeObject = this.world.store.get<Node>('nodes', '', node)
    if (!nodeObject) return
    const rt: PodRuntime =
      saved && saved.uid === pod.metadata.uid
        ? saved
        : { uid: pod.metadata.uid ?? '', seenAt: this.world.now(), sandboxReadyAt: this.world.now() + TIMINGS.sandboxMs, containers: {} }

    if (pod.metadata.deletionTimestamp) this.stop(pod, rt, nodeObject)
    else this.run(pod, rt, nodeObject)
  }

  /** Sandbox, then each container in order: pull (or find) its image, create it, start it. */
  private run(pod: Pod, rt: PodRuntime, node: Node): void {
    const now = this.world.now()
    const nodeName = node.metadata.name ?? ''
    const wakeups: number[] = []

    if (!rt.ip && now >= rt.sandboxReadyAt) rt.ip = allocateIp(this.world.nodeState, nodeName, node.spec.podCIDR ?? '10.244.0.0/24')
    if (!rt.ip) wakeups.push(rt.sandboxReadyAt)

    if (rt.ip) {
      // Containers start one after another, each after the one before it is running (kuberuntime SyncPod).
      for (const container of pod.spec.containers) {
        const c = (rt.containers[container.name] ??= { stage: 'waiting', restartCount: 0 })
        const next = this.step(pod, container.name, container.image ?? '', container.imagePullPolicy ?? 'IfNotPresent', c, nodeName)
        if (next !== undefined) wakeups.push(next)
        if (c.stage !== 'running' && c.stage !== 'exited') break
      }
    }
    this.save(pod, rt, node, wakeups)
  }

  /** Moves one container as far as the current instant allows; returns when to look again. */
  private step(pod: Pod, name: string, image: string, policy: string, c: ContainerRuntime, node: string): number | undefined {
    const now = this.world.now()
    const ref = parseImage(image)
    const catalog = findImage(ref)
    const on = involved(pod, `spec.containers{${name}}`)
    const kubelet = { component: 'kubelet', host: node }

    if (c.stage === 'pull-failed') {
      if (now < (c.until ?? now)) return c.until
      if (c.waitingReason === 'ErrImagePull') {
        // The next sync finds the image in back-off and says so until the back-off ends.
        c.waitingReason = 'ImagePullBackOff'
        c.waitingMessage = `Back-off pulling image "${image}"`
        this.events.legacy(on, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, kubelet)
        this.events.legacy(on, 'Warning', 'Failed', 'Error: ImagePullBackOff', kubelet)
        c.until = c.backOffUntil
        return c.until
      }
      c.stage = 'waiting'
    }

    if (c.stage === 'waiting') {
      const cached = this.world.nodeState.get<string[]>(node, IMAGES_KEY) ?? []
      const present = cached.includes(ref.full)
      if (policy === 'Never' && !present) {
        c.waitingReason = 'ErrImageNeverPull'
        c.waitingMessage = `Container image "${image}" is not present with pull policy of Never`
        this.events.legacy(on, 'Warning', 'ErrImageNeverPull', c.waitingMessage, kubelet)
        return undefined
      }
      if (present && policy !== 'Always') {
        this.events.legacy(on, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, kubelet)
        return this.start(pod, name, image, c, node)
      }
      this.events.legacy(on, 'Normal', 'Pulling', `Pulling image "${image}"`, kubelet)
      c.stage = 'pulling'
      c.pullStartedAt = now
      c.until = now + (catalog ? catalog.pullMs : TIMINGS.failedPullMs)
      return c.until
    }

    if (c.stage === 'pulling') {
      if (now < (c.until ?? now)) return c.until
      if (!catalog) return this.pullFailed(pod, name, image, c, node)
      // The kubelet truncates pull times to the millisecond (image_manager.go).
      const took = goDuration(Math.floor(now - (c.pullStartedAt ?? now)))
      this.events.legacy(
        on,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${catalog.sizeBytes} bytes.`,
        kubelet,
      )
      const cached = this.world.nodeState.get<string[]>(node, IMAGES_KEY) ?? []
      if (!cached.includes(ref.full)) this.world.nodeState.set(node, IMAGES_KEY, [...cached, ref.full])
      c.pullFailures = 0
      return this.start(pod, name, image, c, node)
    }
    return undefined
  }

  private start(pod: Pod, name: string, _image: string, c: ContainerRuntime, node: string): undefined {
    const on = involved(pod, `spec.containers{${name}}`)
    const kubelet = { component: 'kubelet', host: node }
    c.containerId = newContainerId(this.world.rng)
    this.events.legacy(on, 'Normal', 'Created', `Created container ${name}`, kubelet)
    this.events.legacy(on, 'Normal', 'Started', `Started container ${name}`, kubelet)
    c.stage = 'running'
    c.startedAt = this.world.now()
    delete c.waitingReason
    delete c.waitingMessage
    delete c.until
    return undefined
  }

  // The registry has no such repository. containerd's words for it, as kubelet events carry them.
  private pullFailed(pod: Pod, name: string, image: string, c: ContainerRuntime, node: string): number {
    const now = this.world.now()
    const ref = parseImage(image)
    const on = involved(pod, `spec.containers{${name}}`)
    const kubelet = { component: 'kubelet', host: node }
    const reason =
      `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ` +
      'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
    this.events.legacy(on, 'Warning', 'Failed', `Failed to pull image "${image}": ${reason}`, kubelet)
    this.events.legacy(on, 'Warning', 'Failed', 'Error: ErrImagePull', kubelet)
    const failures = (c.pullFailures ?? 0) + 1
    const backOff = Math.min(TIMINGS.backOffInitialMs * 2 ** (failures - 1), TIMINGS.backOffMaxMs)
    c.pullFailures = failures
    c.stage = 'pull-failed'
    c.waitingReason = 'ErrImagePull'
    c.waitingMessage = reason
    c.backOffUntil = now + backOff
    c.until = now + TIMINGS.resyncAfterErrorMs
    return c.until
  }

  /**
   * Graceful stop (killContainer): `Killing` for each running container, the stop signal, then SIGKILL at
   * the end of the grace period for whatever is still running. When every container is gone the pod gets
   * its terminal phase and is removed from the API.
   */
  private stop(pod: Pod, rt: PodRuntime, node: Node): void {
    const now = this.world.now()
    const nodeName = node.metadata.name ?? ''
    if (!rt.killing) {
      const deadline = parseTime(pod.metadata.deletionTimestamp) ?? now
      rt.killing = { startedAt: now, deadline: Math.max(deadline, now) }
      for (const container of pod.spec.containers) {
        const c = rt.containers[container.name]
        if (c?.stage !== 'running') continue
        this.events.legacy(involved(pod, `spec.containers{${container.name}}`), 'Normal', 'Killing', `Stopping container ${container.name}`, {
          component: 'kubelet',
          host: nodeName,
        })
        const onStop = findImage(parseImage(container.image ?? ''))?.onStop ?? { kind: 'ignores' }
        const graceful = onStop.kind === 'exits' ? now + onStop.afterMs : Number.POSITIVE_INFINITY
        c.until = Math.min(graceful, rt.killing.deadline)
        c.exitCode = graceful <= rt.killing.deadline && onStop.kind === 'exits' ? onStop.exitCode : 137
      }
    }
    const stillRunning = Object.values(rt.containers).filter((c) => c.stage === 'running')
    for (const c of stillRunning) {
      if (now >= (c.until ?? now)) {
        c.stage = 'exited'
        c.finishedAt = now
      }
    }
    const pending = Object.values(rt.containers).filter((c) => c.stage === 'running').map((c) => c.until ?? now)
    if (pending.length > 0) return this.save(pod, rt, node, pending)

    // Every container has stopped: report the terminal phase, then let the API server forget the pod.
    const hostIP = node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? ''
    const final = this.world.write('MODIFIED', 'pods', { ...pod, status: buildStatus(pod, rt, hostIP, now, true) })
    this.world.write('DELETED', 'pods', final as KubeObject)
    this.forget(nodeName, pod.metadata.namespace ?? '', pod.metadata.name ?? '', rt)
  }

  private save(pod: Pod, rt: PodRuntime, node: Node, wakeups: number[]): void {
    const nodeName = node.metadata.name ?? ''
    const namespace = pod.metadata.namespace ?? ''
    const name = pod.metadata.name ?? ''
    this.world.nodeState.set(nodeName, runtimeKey(namespace, name), rt)
    const hostIP = node.status.addresses.find((a) => a.type === 'InternalIP')?.address ?? ''
    const status = buildStatus(pod, rt, hostIP, this.world.now())
    if (JSON.stringify(status) !== JSON.stringify(pod.status)) this.world.write('MODIFIED', 'pods', { ...pod, status })
    const next = wakeups.filter((t) => t > this.world.now())
    if (next.length > 0) this.world.after(this.queue, `${nodeName}|${namespace}/${name}`, Math.min(...next) - this.world.now())
  }

  private forget(node: string, namespace: string, name: string, rt: PodRuntime): void {
    if (rt.ip) releaseIp(this.world.nodeState, node, rt.ip)
    this.world.nodeState.remove(node, runtimeKey(namespace, name))
  }
}
