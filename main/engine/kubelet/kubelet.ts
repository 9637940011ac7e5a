// The kubelets of every node, as one controller keyed by `<node>|<namespace>/<name>` (a framework Controller:
// the pods informer enqueues every bound pod's change). Each sync reads the pod and its node from the listers
// and the node's record of the pod, decides what to do (computePodActions, pod-actions.ts), carries it out (the
// sandbox, then each container's pull, start, exit and restart: act-on-container.ts; or stop and remove:
// stop-pod.ts), writes the status the real kubelet would write through the in-engine client, and asks to be
// woken for the next step. The key `<node>|` is the node's own: its registration (node-registration.ts) when it
// was created without a kubelet, and the end of its kubelet when it is deleted (node_state and timers go).
// Containers run in the node's runtime (RuntimeService); its PLEG listener wakes a pod when one of its
// containers ends.

import { Client } from '../client/client'
import { EventRecorder } from '../events/recorder'
import type { Pod } from '../api/pods/types'
import { nodeInternalIP, type Node } from '../api/nodes/types'
import type { Lister, SharedInformerFactory } from '../client/informers'
import type { Controller } from '../controller/controller'
import type { RateLimitingQueue } from '../controller/rate-limiting-queue'
import type { World } from '../world'
import type { ConfigMap, Secret } from '../api/config/types'
import type { RuntimeService } from '../containerd/runtime-service'
import { involved } from '../events/recorder'
import { ContainerActor } from './act-on-container'
import type { ConfigSource } from './container-config'
import { mountVolumes } from './mount-volumes'
import { NodeAddresses } from './node-addresses'
import { needsRegistration, registerNode } from './node-registration'
import { kubeletReachable } from '../nodes/power'
import { allocateIp, releaseIp } from './ipam'
import { NodeImages } from './node-images'
import { observeRuntime } from './observe-runtime'
import { computePodActions, runningToKill, type NodeView } from './pod-actions'
import { evictionOf, forgetEviction } from './eviction/kill-pod'
import { buildStatus } from './pod-status'
import { ImageResolver } from '../images'
import { readPodRuntime, runtimeKey, type PodRuntime } from './runtime-state'
import { sameJson } from './same-json'
import { stopPod } from './stop-pod'
import { TIMINGS } from './timings'
import { newContainerId } from '../runtime/ids'
import { ProbeManager, type ProbeVerdict } from './prober/prober-manager'
import { PredictedRuntime } from './predicted-runtime'
import { probeTargets } from './prober/probe-targets'

/** What one sync of one pod works with: images resolved once, the node's image store, the decision's view. */
interface SyncContext {
  images: ImageResolver
  nodeImages: NodeImages
  view: NodeView
  /** The prober's answer at this sync (none without a runtime to probe through, or before the sandbox). */
  probes?: ProbeVerdict
}

/**
 * A pod whose last full sync found nothing to do before `until` (ms) but probe: the pod and node versions and
 * the runtime record it saw (JSON). While they hold, a probe tick whose results change nothing is all the sync
 * does (probeOnly).
 */
interface Steady {
  podVersion: string
  nodeVersion: string
  runtime: string
  until: number
}

/** The kubelet's queue key of its node itself: `<node>|`. */
const nodeKey = (node: string): string => `${node}|`

/** The kubelet's queue key of a pod bound to a node: `<node>|<namespace>/<name>`. */
function kubeletKey(pod: Pod): string {
  return `${pod.spec.nodeName}|${pod.metadata.namespace}/${pod.metadata.name}`
}

export class Kubelets implements Controller {
  readonly name = 'kubelet'
  private readonly events: EventRecorder
  private readonly client: Client
  private pods!: Lister<Pod>
  private nodes!: Lister<Node>
  private config!: ConfigSource
  private queue!: RateLimitingQueue
  private addresses!: NodeAddresses
  /** None over the predicting runtime (a runtime that runs processes, containerd or a test's, is probed). */
  private readonly prober?: ProbeManager
  /** Per pod key, what its last full sync saw (memory only: a new process syncs each pod in full first). */
  private readonly steady = new Map<string, Steady>()

  constructor(
    private readonly world: World,
    private readonly runtime: RuntimeService,
  ) {
    this.events = new EventRecorder(world, 'kubelet')
    this.client = new Client(world, 'kubelet')
    // The predicting runtime itself runs nothing to probe (its exec always succeeds, its HTTP always refuses).
    if (runtime.constructor !== PredictedRuntime) this.prober = new ProbeManager(world.nodeState)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    // PLEG: a container's end is a change of its pod.
    this.runtime.onContainerExit((node, namespace, name) => {
      this.steady.delete(`${node}|${namespace}/${name}`)
      queue.add(`${node}|${namespace}/${name}`)
    })
    const pods = informers.informer<Pod>('pods')
    this.pods = pods.lister()
    const nodes = informers.informer<Node>('nodes')
    this.nodes = nodes.lister()
    this.addresses = new NodeAddresses(this.nodes)
    const nodeChanged = (node: Node) => {
      this.addresses.observe(node, false)
      if (needsRegistration(node)) queue.add(nodeKey(node.metadata.name ?? ''))
    }
    nodes.addEventHandler({
      add: nodeChanged,
      update: (_old, node) => nodeChanged(node),
      delete: (node) => {
        this.addresses.observe(node, true)
        queue.add(nodeKey(node.metadata.name ?? ''))
      },
    })
    // Read when a container is created or a volume set up; a change does not wake a pod (upstream's kubelet
    // retries on its back-off, it does not watch for the objects a pod waits on).
    const configMaps = informers.informer<ConfigMap>('configmaps').lister()
    const secrets = informers.informer<Secret>('secrets').lister()
    this.config = { configMap: (ns, name) => configMaps.get(ns, name), secret: (ns, name) => secrets.get(ns, name) }
    // Every change of a bound pod, its removal included, is its node's kubelet's business.
    const podChanged = (pod: Pod) => {
      if (pod.spec.nodeName) queue.add(kubeletKey(pod))
    }
    pods.addEventHandler({ add: podChanged, update: (_old, pod) => podChanged(pod), delete: podChanged })
  }

  reset(): void {
    this.addresses.reset()
    this.steady.clear()
  }

  sync(key: string): void {
    const [node = '', podKey = ''] = key.split('|')
    if (podKey === '') return this.syncNode(node)
    // A stopped or partitioned node's kubelet does nothing the API server could see (node-power.ts).
    if (!kubeletReachable(this.world, node)) return
    const [namespace = '', name = ''] = podKey.split('/')
    const pod = this.pods.get(namespace, name)
    const saved = readPodRuntime(this.world.nodeState.get<unknown>(node, runtimeKey(namespace, name)))

    // A pod of the same name that is not the one the node ran (deleted and created again) starts afresh.
    if (saved && (!pod || pod.spec.nodeName !== node || saved.uid !== pod.metadata.uid)) this.forget(node, namespace, name, saved)
    if (!pod || pod.spec.nodeName !== node) return
    const nodeObject = this.nodes.get('', node)
    if (!nodeObject) return
    const now = this.world.now()
    const probed = saved && saved.uid === pod.metadata.uid ? this.probeOnly(key, pod, nodeObject, saved, now) : undefined
    if (probed === 'done') return
    const rt: PodRuntime =
      saved && saved.uid === pod.metadata.uid
        ? saved
        : { uid: pod.metadata.uid ?? '', seenAt: now, sandboxReadyAt: now + TIMINGS.sandboxMs, containers: {} }
    const images = new ImageResolver()
    const nodeImages = new NodeImages(this.world.nodeState, node)
    const ctx: SyncContext = { images, nodeImages, view: { now, hasImage: (given) => nodeImages.has(images.resolve(given).ref.full) } }
    // A probe tick already run by probeOnly changed a result: the full sync goes on with its verdict.
    if (!probed) observeRuntime(this.runtime, node, rt, now)

    ctx.probes = probed ?? this.probe(pod, rt, nodeObject)
    // The eviction manager's killPodFunc (eviction/kill-pod.ts): stopped like a deleted pod, kept Failed/Evicted.
    const record = evictionOf(this.world.nodeState, node, namespace, name)
    const eviction = record?.uid === pod.metadata.uid && !pod.metadata.deletionTimestamp ? record : undefined
    if (pod.metadata.deletionTimestamp || eviction) {
      const actions = computePodActions(pod, rt, ctx.view)
      if (eviction && !rt.killing) actions.containersToKill = runningToKill(pod, rt)
      const next = stopPod(this.world, this.runtime, this.client, this.events, pod, rt, nodeObject, actions, images, eviction)
      if (next === 'gone') return this.forget(node, namespace, name, rt)
      if (eviction && next === undefined) {
        this.world.nodeState.set(node, runtimeKey(namespace, name), rt)
        return
      }
      this.save(pod, rt, nodeObject, ctx, next === undefined ? [] : [next].concat(ctx.probes?.wakeAt ?? []))
      return
    }
    this.run(pod, rt, nodeObject, ctx)
  }

  /**
   * The prober's fast path (upstream's probe workers run on their own and only a result change syncs the pod,
   * pkg/kubelet/prober/worker.go, results_manager.go): when the pod, its node and its runtime record are as the
   * last full sync left them and nothing but a probe is due, the probes run and, if no worker's state changed,
   * the sync ends there: no runtime look, no status, no write. 'done' then; the verdict when a result changed
   * (the full sync goes on with it); undefined when a full sync is due. With 1,000 nginx pods probed twice
   * every 10 s, most syncs are such ticks.
   */
  private probeOnly(key: string, pod: Pod, node: Node, rt: PodRuntime, now: number): ProbeVerdict | 'done' | undefined {
    const s = this.steady.get(key)
    this.steady.delete(key)
    if (!s || !this.prober || pod.metadata.deletionTimestamp || now >= s.until) return undefined
    if (s.podVersion !== pod.metadata.resourceVersion || s.nodeVersion !== node.metadata.resourceVersion || s.runtime !== JSON.stringify(rt)) return undefined
    // The eviction manager's kill is kept beside the pod's record: it needs the full sync.
    if (evictionOf(this.world.nodeState, node.metadata.name ?? '', pod.metadata.namespace ?? '', pod.metadata.name ?? '')) return undefined
    const probes = this.probe(pod, rt, node)
    if (!probes || probes.changed || probes.toKill.length > 0) return probes
    this.steady.set(key, s)
    const next = Math.min(s.until, probes.wakeAt ?? Infinity)
    if (next !== Infinity) this.queue.addAfter(key, next - now)
    return 'done'
  }

  /** The node's own key: register it if no kubelet has yet, or forget everything of a node that is gone. */
  private syncNode(name: string): void {
    const node = this.nodes.get('', name)
    if (!node) {
      this.world.nodeState.removeNode(name)
      this.world.timers.removeKeysStartingWith(this.name, nodeKey(name))
      return
    }
    if (needsRegistration(node) && kubeletReachable(this.world, name)) registerNode(this.world, this.client, this.addresses, node)
  }

  /**
   * Decides, then acts, one container at a time in SyncPod's order (sandbox, init containers, app containers):
   * each decision is taken again after the container before it has moved, as that may open the way (an init
   * container done) or close it (a pull under way).
   */
  private run(pod: Pod, rt: PodRuntime, node: Node, ctx: SyncContext): void {
    const nodeName = node.metadata.name ?? ''
    const wakeups: number[] = []
    if (!rt.ip) {
      const failed = (message: string) => this.events.legacy(involved(pod), 'Warning', 'FailedMount', message, { component: 'kubelet', host: nodeName })
      const retryAt = mountVolumes(pod, rt, this.world.now(), this.config, failed)
      if (retryAt !== undefined) {
        this.save(pod, rt, node, ctx, [retryAt])
        return
      }
    }
    const kills = ctx.probes?.toKill ?? []
    let actions = computePodActions(pod, rt, ctx.view, kills)
    if (actions.createSandbox) {
      // A hostNetwork pod shares its node's network namespace: its IP is the node's, from no pod range.
      if (pod.spec.hostNetwork) [rt.ip, rt.hostNetwork] = [nodeInternalIP(node) ?? '', true]
      else rt.ip = allocateIp(this.world.nodeState, nodeName, node.spec?.podCIDR ?? '10.244.0.0/24')
      actions = computePodActions(pod, rt, ctx.view, kills)
    }
    if (!rt.ip) wakeups.push(rt.sandboxReadyAt)
    else {
      const inits = (rt.initContainers ??= {})
      const actor = new ContainerActor(pod, {
        world: this.world,
        events: this.events,
        runtime: this.runtime,
        node: nodeName,
        images: ctx.images,
        nodeImages: ctx.nodeImages,
        view: ctx.view,
        config: this.config,
        sandbox: { ip: rt.ip, hostNetwork: rt.hostNetwork === true },
      })
      let done = -1
      for (;;) {
        const step = actions.steps.find((s) => s.position > done)
        if (!step) break
        const next = actor.visit(step, step.init ? inits : rt.containers)
        if (next !== undefined) wakeups.push(next)
        done = step.position
        actions = computePodActions(pod, rt, ctx.view, kills)
      }
    }
    const wrote = this.save(pod, rt, node, ctx, ctx.probes?.wakeAt === undefined ? wakeups : [...wakeups, ctx.probes.wakeAt])
    // Nothing written and nothing due but probes until the next wake-up: the probe ticks before it may take
    // the fast path (probeOnly).
    const until = Math.min(...wakeups.filter((t) => t > this.world.now()))
    if (!wrote && this.prober && ctx.probes) {
      this.steady.set(kubeletKey(pod), {
        podVersion: pod.metadata.resourceVersion ?? '',
        nodeVersion: node.metadata.resourceVersion ?? '',
        runtime: JSON.stringify(rt),
        until,
      })
    }
  }

  /** Saves the runtime record, writes the status if it changed (returns whether it did) and asks to be woken. */
  private save(pod: Pod, rt: PodRuntime, node: Node, ctx: SyncContext, wakeups: number[]): boolean {
    const nodeName = node.metadata.name ?? ''
    const namespace = pod.metadata.namespace ?? ''
    const name = pod.metadata.name ?? ''
    this.world.nodeState.set(nodeName, runtimeKey(namespace, name), rt)
    const probed = ctx.probes?.statusOf(probeTargets(pod, rt))
    const status = buildStatus(pod, rt, nodeInternalIP(node) ?? '', this.world.now(), ctx.images, false, probed)
    const changed = !sameJson(status, pod.status)
    if (changed) this.client.updateStatus({ ...pod, status })
    const next = wakeups.filter((t) => t > this.world.now())
    if (next.length > 0) this.queue.addAfter(kubeletKey(pod), Math.min(...next) - this.world.now())
    return changed
  }

  private forget(node: string, namespace: string, name: string, rt: PodRuntime): void {
    if (rt.ip && !rt.hostNetwork) releaseIp(this.world.nodeState, node, rt.ip)
    this.runtime.removePod(node, rt.uid)
    this.world.nodeState.remove(node, runtimeKey(namespace, name))
    forgetEviction(this.world.nodeState, node, namespace, name)
    this.prober?.forget(node, namespace, name)
  }

  /**
   * The prober's sync for a pod (its workers start with the pod's first sync on the node, as AddPod in
   * SyncPod): the probes due now, their events, who failed for good. The kubelet started when its node
   * registered.
   */
  private probe(pod: Pod, rt: PodRuntime, node: Node): ProbeVerdict | undefined {
    if (!this.prober) return undefined
    const nodeName = node.metadata.name ?? ''
    const rng = this.world.rng
    return this.prober.sync(
      pod,
      probeTargets(pod, rt),
      {
        runtime: this.runtime,
        node: nodeName,
        podIp: rt.ip ?? '',
        kubeletStartedAt: Date.parse(node.metadata.creationTimestamp ?? '') || 0,
        random: () => rng.next(),
        newExecId: () => newContainerId(rng),
        record: (c, e) =>
          this.events.legacy(involved(pod, `spec.${c.sidecar ? 'initContainers' : 'containers'}{${c.name}}`), e.type, e.reason, e.message, {
            component: 'kubelet',
            host: nodeName,
          }),
      },
      this.world.now(),
    )
  }
}
