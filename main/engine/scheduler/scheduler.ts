// The default-scheduler: every pod without a node goes through filter -> score -> bind, once in its life.
// A pod that fits nowhere gets FailedScheduling and PodScheduled=False/Unschedulable, and is tried again
// when a node changes or another pod goes away (the scheduling queue's cluster events).

import { rfc3339 } from '../runtime/clock'
import { Client } from '../client/client'
import { EventRecorder, involved } from '../events/recorder'
import type { Pod, PodCondition } from '../api/pods/types'
import type { Lister, SharedInformerFactory } from '../client/informers'
import type { Controller } from '../controller/controller'
import type { RateLimitingQueue } from '../controller/rate-limiting-queue'
import type { World } from '../world'
import type { FilterResult, Filter } from './filters/filter'
import { nodeAffinity } from './filters/node-affinity'
import { nodeResourcesFit } from './filters/node-resources-fit'
import { nodeUnschedulable } from './filters/node-unschedulable'
import { taintToleration } from './filters/taint-toleration'
import { fitErrorMessage } from './fit-error'
import type { Node } from '../api/nodes/types'
import { podKey, SchedulerCache } from './scheduler-cache'
import { score } from './score'

export const SCHEDULER_NAME = 'default-scheduler'
const INSTANCE = 'default-scheduler-podlab-control-plane'
const UNSCHEDULABLE_RETRY_MS = 5 * 60_000

/** In the default profile's order; a node is reported with the first filter that rejects it. */
const FILTERS: Filter[] = [nodeUnschedulable, taintToleration, nodeAffinity, nodeResourcesFit]

function waitsForScheduler(pod: Pod): boolean {
  return !pod.spec.nodeName && (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !pod.metadata.deletionTimestamp
}

export class Scheduler implements Controller {
  readonly name = 'scheduler'
  private readonly events: EventRecorder
  private readonly client: Client
  private pods!: Lister<Pod>
  private nodes!: Lister<Node>
  private cache!: SchedulerCache
  private queue!: RateLimitingQueue

  constructor(private readonly world: World) {
    this.events = new EventRecorder(world)
    this.client = new Client(world)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    const pods = informers.informer<Pod>('pods')
    const nodes = informers.informer<Node>('nodes')
    this.pods = pods.lister()
    this.nodes = nodes.lister()
    this.cache = new SchedulerCache(this.pods)
    pods.addEventHandler({
      add: (pod) => this.podChanged(pod, false),
      update: (_old, pod) => this.podChanged(pod, false),
      delete: (pod) => this.podChanged(pod, true),
    })
    const nodeChanged = () => this.retryUnschedulable()
    nodes.addEventHandler({ add: nodeChanged, update: nodeChanged, delete: nodeChanged })
  }

  reset(): void {
    this.cache.reset()
  }

  sync(key: string): void {
    const [namespace = '', name = ''] = key.split('/')
    const pod = this.pods.get(namespace, name)
    if (!pod || !waitsForScheduler(pod)) return

    const nodes = this.nodes.list()
    const infos = this.cache.nodeInfos(nodes)
    const failures: FilterResult[] = []
    const feasible = infos.filter((info) => {
      for (const filter of FILTERS) {
        const result = filter(pod, info)
        if (result) {
          failures.push(result)
          return false
        }
      }
      return true
    })

    if (feasible.length === 0) return this.unschedulable(pod, fitErrorMessage(nodes.length, failures))

    // selectHost: the best score wins; ties are broken at random, here with the cluster's seeded generator.
    const scored = feasible.map((info) => ({ info, score: score(pod, info) }))
    const best = Math.max(...scored.map((s) => s.score))
    const top = scored.filter((s) => s.score === best)
    const chosen = top[this.world.rng.int(top.length)]?.info.node
    if (chosen) this.bind(pod, chosen.metadata.name ?? '')
  }

  private podChanged(pod: Pod, deleted: boolean): void {
    this.cache.observe(pod, deleted)
    if (!deleted && waitsForScheduler(pod)) return this.queue.add(podKey(pod))
    // A pod leaving a node, or finishing on it, frees room: look again at the pods that did not fit.
    const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
    if (pod.spec.nodeName && (deleted || finished)) this.retryUnschedulable()
  }

  private retryUnschedulable(): void {
    for (const key of this.cache.unschedulableKeys()) this.queue.add(key)
  }

  private bind(pod: Pod, nodeName: string): void {
    const bound = this.client.bind(pod.metadata.namespace ?? '', pod.metadata.name ?? '', nodeName)
    this.events.modern(
      involved(bound),
      'Normal',
      'Scheduled',
      'Binding',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
      SCHEDULER_NAME,
      INSTANCE,
    )
  }

  private unschedulable(pod: Pod, message: string): void {
    // Besides cluster events, an unschedulable pod is retried after podMaxInUnschedulablePodsDuration (5m).
    this.queue.addAfter(podKey(pod), UNSCHEDULABLE_RETRY_MS)
    const previous = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')
    if (previous?.status === 'False' && previous.message === message) return
    const condition: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: rfc3339(this.world.now()),
      reason: 'Unschedulable',
      message,
    }
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
    const updated = this.client.updateStatus({ ...pod, status: { ...pod.status, conditions: [...conditions, condition] } })
    this.events.modern(involved(updated), 'Warning', 'FailedScheduling', 'Scheduling', message, SCHEDULER_NAME, INSTANCE)
  }
}
