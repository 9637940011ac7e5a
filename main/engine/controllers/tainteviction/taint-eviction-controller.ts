// The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go, kube-controller-manager v1.32,
// running as its own controller under SeparateTaintEvictionController). A pod on a node with NoExecute taints it
// does not all tolerate is deleted at once; one that tolerates them for a while (the DefaultTolerationSeconds
// admission gives every pod 300 s for not-ready and unreachable) is deleted when the shortest of the used
// tolerations' tolerationSeconds has passed since the controller first saw it tainted: a Normal
// `TaintManagerEviction` event "Marking for deletion Pod <ns>/<name>", the DisruptionTarget condition
// (DeletionByTaintManager), then a delete with the pod's own grace period. When the taints go (the node is back)
// or the pod comes to tolerate them for ever, the scheduled deletion is cancelled with "Cancelling deletion of
// Pod <ns>/<name>". The TimedWorkerQueue's work is kept in node_state (`taint-eviction/<ns>/<name>` of the
// pod's node: created at, fires at), its wake-ups in the timers.
// Keys: node/<node> (handleNodeUpdate), pod/<node>/<ns>/<name> (handlePodUpdate), fire/<node>/<ns>/<name>.

import type { Node, Taint } from '../../api/nodes/types'
import type { Pod, Toleration } from '../../api/pods/types'
import { isApiError } from '../../api/errors'
import { Client } from '../../client/client'
import type { Lister, SharedInformerFactory } from '../../client/informers'
import type { Controller } from '../../controller/controller'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import { EventRecorder } from '../../events/recorder'
import { updatePodCondition } from '../../resources/pods/conditions'
import { rfc3339 } from '../../runtime/clock'
import { LAST_INSTANT_MS } from '../../runtime/time-range'
import type { World } from '../../world'
import { matchingTolerations, minTolerationMs } from './tolerations'

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller'
const SOURCE = { component: TAINT_EVICTION_CONTROLLER }

interface ScheduledEviction {
  /** Virtual ms: when the work was first added (its CreatedAt), and when it fires. */
  createdAt: number
  fireAt: number
}

const workKey = (namespace: string, name: string): string => `taint-eviction/${namespace}/${name}`
const noExecute = (taints: readonly Taint[] | undefined): Taint[] => (taints ?? []).filter((t) => t.effect === 'NoExecute')

function sameTaints(a: readonly Taint[], b: readonly Taint[]): boolean {
  return a.length === b.length && a.every((t, i) => t.key === b[i]?.key && (t.value ?? '') === (b[i]?.value ?? '') && t.effect === b[i]?.effect && t.timeAdded === b[i]?.timeAdded)
}

export class TaintEvictionController implements Controller {
  readonly name = TAINT_EVICTION_CONTROLLER
  private readonly client: Client
  private readonly events: EventRecorder
  private nodes!: Lister<Node>
  private pods!: Lister<Pod>
  private queue!: RateLimitingQueue

  constructor(private readonly world: World) {
    this.client = new Client(world)
    this.events = new EventRecorder(world)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    const nodes = informers.informer<Node>('nodes')
    const pods = informers.informer<Pod>('pods')
    this.nodes = nodes.lister()
    this.pods = pods.lister()
    nodes.addEventHandler({
      add: (node) => queue.add(`node/${node.metadata.name ?? ''}`),
      update: (old, node) => {
        if (!sameTaints(noExecute(old.spec?.taints), noExecute(node.spec?.taints))) queue.add(`node/${node.metadata.name ?? ''}`)
      },
    })
    const podKey = (pod: Pod) => `pod/${pod.spec.nodeName ?? ''}/${pod.metadata.namespace}/${pod.metadata.name}`
    pods.addEventHandler({
      add: (pod) => queue.add(podKey(pod)),
      update: (old, pod) => {
        if (old.spec.nodeName !== pod.spec.nodeName || JSON.stringify(old.spec.tolerations) !== JSON.stringify(pod.spec.tolerations)) queue.add(podKey(pod))
      },
      delete: (pod) => queue.add(podKey(pod)),
    })
  }

  sync(key: string): void {
    const [verb = '', node = '', namespace = '', name = ''] = key.split('/')
    if (verb === 'node') return this.handleNodeUpdate(node)
    if (verb === 'pod') return this.handlePodUpdate(node, namespace, name)
    if (verb === 'fire') return this.fire(node, namespace, name)
  }

  private handleNodeUpdate(nodeName: string): void {
    const node = this.nodes.get('', nodeName)
    if (!node) return
    const taints = noExecute(node.spec?.taints)
    const pods = this.pods.byIndex('nodeName', nodeName)
    for (const pod of pods) this.processPodOnNode(pod, nodeName, pod.spec.tolerations ?? [], taints)
  }

  private handlePodUpdate(nodeName: string, namespace: string, name: string): void {
    const pod = this.pods.get(namespace, name)
    if (!pod) return this.cancel(nodeName, namespace, name)
    if (!nodeName || pod.spec.nodeName !== nodeName) return
    const taints = noExecute(this.nodes.get('', nodeName)?.spec?.taints)
    // Upstream keeps only tainted nodes in its map: an untainted node's pods are left alone here.
    if (taints.length === 0) return
    this.processPodOnNode(pod, nodeName, pod.spec.tolerations ?? [], taints)
  }

  private processPodOnNode(pod: Pod, nodeName: string, tolerations: readonly Toleration[], taints: readonly Taint[]): void {
    const namespace = pod.metadata.namespace ?? ''
    const name = pod.metadata.name ?? ''
    const now = this.world.now()
    if (taints.length === 0) return this.cancel(nodeName, namespace, name)
    const { all, used } = matchingTolerations(taints, tolerations)
    if (!all) {
      this.cancel(nodeName, namespace, name)
      return this.addWork(nodeName, namespace, name, { createdAt: now, fireAt: now })
    }
    const min = minTolerationMs(used)
    if (min < 0) return this.cancel(nodeName, namespace, name)
    const scheduled = this.scheduled(nodeName, namespace, name)
    let createdAt = now
    if (scheduled) {
      createdAt = scheduled.createdAt
      // Upstream keeps work that fires before now + min; at the same virtual instant it fires at that very time.
      if (createdAt + min <= now + min) return
      this.cancel(nodeName, namespace, name)
    }
    this.addWork(nodeName, namespace, name, { createdAt, fireAt: createdAt + min })
  }

  private scheduled(nodeName: string, namespace: string, name: string): ScheduledEviction | undefined {
    return this.world.nodeState.get<ScheduledEviction>(nodeName, workKey(namespace, name))
  }

  private addWork(nodeName: string, namespace: string, name: string, work: ScheduledEviction): void {
    this.world.nodeState.set(nodeName, workKey(namespace, name), work)
    const key = `fire/${nodeName}/${namespace}/${name}`
    const delay = work.fireAt - this.world.now()
    if (delay <= 0) this.queue.add(key)
    // A tolerationSeconds the clock can never reach (up to int64's) tolerates for good: no timer past the end.
    else if (work.fireAt <= LAST_INSTANT_MS) this.queue.addAfter(key, delay)
  }

  /** cancelWorkWithEvent: drops scheduled work, saying so. */
  private cancel(nodeName: string, namespace: string, name: string): void {
    if (!this.scheduled(nodeName, namespace, name)) return
    this.world.nodeState.remove(nodeName, workKey(namespace, name))
    this.podEvent(namespace, name, `Cancelling deletion of Pod ${namespace}/${name}`)
  }

  /** The TimedWorker's function: deletePodHandler. */
  private fire(nodeName: string, namespace: string, name: string): void {
    const work = this.scheduled(nodeName, namespace, name)
    if (!work) return
    const now = this.world.now()
    if (work.fireAt > now) return this.queue.addAfter(`fire/${nodeName}/${namespace}/${name}`, work.fireAt - now)
    this.world.nodeState.remove(nodeName, workKey(namespace, name))
    this.podEvent(namespace, name, `Marking for deletion Pod ${namespace}/${name}`)
    this.addConditionAndDeletePod(namespace, name)
  }

  private podEvent(namespace: string, name: string, message: string): void {
    // The reference carries no uid: upstream builds it from the namespaced name alone.
    this.events.legacy({ apiVersion: 'v1', kind: 'Pod', name, namespace, uid: '' }, 'Normal', 'TaintManagerEviction', message, SOURCE)
  }

  private addConditionAndDeletePod(namespace: string, name: string): void {
    const pod = this.pods.get(namespace, name)
    if (!pod) return
    const condition = { type: 'DisruptionTarget', status: 'True' as const, reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' }
    const status = updatePodCondition(pod.status ?? {}, condition, rfc3339(this.world.now()))
    try {
      if (JSON.stringify(status) !== JSON.stringify(pod.status)) this.client.updateStatus<Pod>({ ...pod, status })
      this.client.delete('pods', namespace, name)
    } catch (e) {
      if (!isApiError(e) || e.reason !== 'NotFound') throw e
    }
  }
}
