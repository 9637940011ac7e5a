// The default-scheduler: every pod without a node goes through filter -> score -> bind, once in its life.
// A pod that fits nowhere gets FailedScheduling and PodScheduled=False/Unschedulable, and is tried again
// when a node changes or another pod goes away (the scheduling queue's cluster events).

import { rfc3339 } from '../client/clock'
import { EventRecorder, involved } from '../events/recorder'
import type { Pod, PodCondition } from '../api/pods/types'
import type { StoredEvent } from '../store/object-store'
import type { Controller, World } from '../world'
import type { FilterResult, Filter } from './filters/filter'
import { nodeAffinity } from './filters/node-affinity'
import { nodeResourcesFit } from './filters/node-resources-fit'
import { nodeUnschedulable } from './filters/node-unschedulable'
import { taintToleration } from './filters/taint-toleration'
import { fitErrorMessage } from './fit-error'
import type { Node } from '../api/nodes/types'
import { SchedulerCache } from './scheduler-cache'
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
  readonly queue = 'scheduler'
  private readonly events: EventRecorder
  private readonly cache: SchedulerCache

  constructor(private readonly world: World) {
    this.events = new EventRecorder(world)
    this.cache = new SchedulerCache(world.store)
  }

  keysFor(event: StoredEvent): string[] {
    this.cache.observe(event)
    if (event.resource === 'pods') {
      const pod = event.object as Pod
      if (event.type !== 'DELETED' && waitsForScheduler(pod)) return [`${pod.metadata.namespace}/${pod.metadata.name}`]
      // A pod leaving a node, or finishing on it, frees room: look again at the pods that did not fit.
      const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
      if (pod.spec.nodeName && (event.type === 'DELETED' || finished)) return this.cache.unschedulableKeys()
      return []
    }
    if (event.resource === 'nodes') return this.cache.unschedulableKeys()
    return []
  }

  reset(): void {
    this.cache.reset()
  }

  sync(key: string): void {
    const [namespace = '', name = ''] = key.split('/')
    const pod = this.world.store.get<Pod>('pods', namespace, name)
    if (!pod || !waitsForScheduler(pod)) return

    const nodes = this.world.store.list<Node>('nodes')
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

  private bind(pod: Pod, nodeName: string): void {
    const now = rfc3339(this.world.now())
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled')
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now })
    const bound = this.world.write('MODIFIED', 'pods', {
      ...pod,
      spec: { ...pod.spec, nodeName },
      status: { ...pod.status, conditions },
    }) as Pod
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
    this.world.after(this.queue, `${pod.metadata.namespace}/${pod.metadata.name}`, UNSCHEDULABLE_RETRY_MS)
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
    const updated = this.world.write('MODIFIED', 'pods', { ...pod, status: { ...pod.status, conditions: [...conditions, condition] } })
    this.events.modern(involved(updated), 'Warning', 'FailedScheduling', 'Scheduling', message, SCHEDULER_NAME, INSTANCE)
  }
}
