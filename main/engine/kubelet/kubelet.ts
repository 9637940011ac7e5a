// The kubelets of every node, as one controller keyed by `<node>|<namespace>/<name>`. Each sync looks at
// the pod and the node's record of it, takes the steps whose time has come (sandbox, then each container's
// pull, start, exit and restart; or stop and remove), writes the status the real kubelet would write, and asks
// to be woken for the next step.

import { EventRecorder } from '../events/recorder'
import type { Pod } from '../api/pods/types'
import { nodeInternalIP, type Node } from '../api/nodes/types'
import type { StoredEvent } from '../store/object-store'
import type { Controller, World } from '../world'
import { ContainerSync, roleOf, type ContainerRole } from './container-sync'
import { allocateIp, releaseIp } from './ipam'
import { buildStatus } from './pod-status'
import { runtimeKey, type ContainerRuntime, type PodRuntime } from './runtime-state'
import { stopPod } from './stop-pod'
import { TIMINGS } from './timings'

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

    // A pod of the same name that is not the one the node ran (deleted and created again) starts afresh.
    if (saved && (!pod || pod.spec.nodeName !== node || saved.uid !== pod.metadata.uid)) this.forget(node, namespace, name, saved)
    if (!pod || pod.spec.nodeName !== node) return
    const nodeObject = this.world.store.get<Node>('nodes', '', node)
    if (!nodeObject) return
    const now = this.world.now()
    const rt: PodRuntime =
      saved && saved.uid === pod.metadata.uid
        ? saved
        : { uid: pod.metadata.uid ?? '', seenAt: now, sandboxReadyAt: now + TIMINGS.sandboxMs, containers: {} }

    if (pod.metadata.deletionTimestamp) {
      const next = stopPod(this.world, this.events, pod, rt, nodeObject)
      if (next === 'gone') return this.forget(node, namespace, name, rt)
      return this.save(pod, rt, nodeObject, next === undefined ? [] : [next])
    }
    this.run(pod, rt, nodeObject)
  }

  /** Sandbox first, then the containers in order (kuberuntime SyncPod). */
  private run(pod: Pod, rt: PodRuntime, node: Node): void {
    const nodeName = node.metadata.name ?? ''
    const wakeups: number[] = []
    if (!rt.ip && this.world.now() >= rt.sandboxReadyAt) {
      rt.ip = allocateIp(this.world.nodeState, nodeName, node.spec?.podCIDR ?? '10.244.0.0/24')
    }
    if (!rt.ip) wakeups.push(rt.sandboxReadyAt)
    else {
      const containers = new ContainerSync(this.world, this.events, pod, nodeName)
      // Init containers one at a time, each to success (a sidecar only to running); app containers after.
      let initialized = true
      const inits = (rt.initContainers ??= {})
      for (const init of pod.spec.initContainers ?? []) {
        const role = roleOf(init, true)
        const c = (inits[init.name] ??= { stage: 'waiting', restartCount: 0 })
        // A sidecar keeps being looked after (restarted when it ends) after it let the next one start.
        if (role === 'sidecar' || !initDone(c, role)) {
          const next = containers.step(init, c, role)
          if (next !== undefined) wakeups.push(next)
        }
        if (!initDone(c, role)) {
          initialized = false
          break
        }
      }
      for (const container of initialized ? pod.spec.containers : []) {
        const c = (rt.containers[container.name] ??= { stage: 'waiting', restartCount: 0 })
        const next = containers.step(container, c)
        if (next !== undefined) wakeups.push(next)
        // Pulls are synchronous in SyncPod: the next container waits for this one's image. A container in
        // back-off or with a failed pull does not hold the others.
        if (c.stage === 'pulling') break
      }
    }
    this.save(pod, rt, node, wakeups)
  }

  private save(pod: Pod, rt: PodRuntime, node: Node, wakeups: number[]): void {
    const nodeName = node.metadata.name ?? ''
    const namespace = pod.metadata.namespace ?? ''
    const name = pod.metadata.name ?? ''
    this.world.nodeState.set(nodeName, runtimeKey(namespace, name), rt)
    const status = buildStatus(pod, rt, nodeInternalIP(node) ?? '', this.world.now())
    if (JSON.stringify(status) !== JSON.stringify(pod.status)) this.world.write('MODIFIED', 'pods', { ...pod, status })
    const next = wakeups.filter((t) => t > this.world.now())
    if (next.length > 0) this.world.after(this.queue, `${nodeName}|${namespace}/${name}`, Math.min(...next) - this.world.now())
  }

  private forget(node: string, namespace: string, name: string, rt: PodRuntime): void {
    if (rt.ip) releaseIp(this.world.nodeState, node, rt.ip)
    this.world.nodeState.remove(node, runtimeKey(namespace, name))
  }
}

/** An init container lets the next one start once it has succeeded; a sidecar, once it runs. */
export function initDone(c: ContainerRuntime, role: ContainerRole): boolean {
  if (role === 'sidecar') return c.startedAt !== undefined
  return c.stage === 'exited' && c.dead?.exitCode === 0
}
