// The default-scheduler (kube-scheduler 1.32's default profile): every pod without a node waits in the
// scheduling queue, is tried by priority (schedule-one.ts), and is bound once in its life. A pod that fits
// nowhere gets FailedScheduling (counted on the event's series when it repeats) and PodScheduled=False, may
// preempt lower-priority pods (preemption.ts), and waits in the queue for a cluster event that could help, or
// 5 minutes at most.

import { rfc3339 } from '../runtime/clock'
import { Client } from '../client/client'
import { EventRecorder, involved } from '../events/recorder'
import type { Pod, PodCondition } from '../api/pods/types'
import type { Lister, SharedInformerFactory } from '../client/informers'
import type { Controller } from '../controller/controller'
import type { RateLimitingQueue } from '../controller/rate-limiting-queue'
import type { Node } from '../api/nodes/types'
import type { World } from '../world'
import { AttemptLog, type SchedulingAttempt } from './attempts'
import { SeriesRecorder } from './event-series'
import { fitErrorMessage } from './fit-error'
import type { ClusterEvent } from './framework'
import { allocatableOf, podPriority, type NodeInfo } from './node-info'
import { preempt, type Candidate } from './preemption'
import { FILTERS, SCORES } from './profile'
import { ScheduleAlgorithm } from './schedule-one'
import { holdsRoom, podKey, SchedulerCache } from './scheduler-cache'
import { SchedulingQueue, type QueuedPodInfo } from './scheduling-queue'
import { nodeTreeOrder, SnapshotSource } from './snapshot'
import { verdictLog } from './verdicts'

export const SCHEDULER_NAME = 'default-scheduler'
const INSTANCE = 'default-scheduler-podlab-control-plane'
/** The event note's limit (schedule_one.go truncateMessage). */
const NOTE_LENGTH_LIMIT = 1024

function waitsForScheduler(pod: Pod): boolean {
  return !pod.spec.nodeName && (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !pod.metadata.deletionTimestamp
}

function truncateMessage(message: string): string {
  if (message.length <= NOTE_LENGTH_LIMIT) return message
  const suffix = ' ...'
  return message.slice(0, NOTE_LENGTH_LIMIT - suffix.length) + suffix
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** nodeSchedulingPropertiesChange: only a node change a plugin looks at is a cluster event. */
function nodeSchedulingPropertiesChanged(old: Node, node: Node): boolean {
  return (
    Boolean(old.spec?.unschedulable) !== Boolean(node.spec?.unschedulable) ||
    !sameJson(old.metadata.labels, node.metadata.labels) ||
    !sameJson(old.spec?.taints, node.spec?.taints) ||
    !sameJson(allocatableOf(old), allocatableOf(node))
  )
}

export class Scheduler implements Controller {
  readonly name = 'scheduler'
  private readonly events: EventRecorder
  private readonly series: SeriesRecorder
  private readonly client: Client
  private readonly algorithm: ScheduleAlgorithm
  private readonly attempts = new AttemptLog()
  private pods!: Lister<Pod>
  private nodes!: Lister<Node>
  private cache!: SchedulerCache
  private snapshots!: SnapshotSource
  private queue!: RateLimitingQueue
  private schedulingQueue!: SchedulingQueue
  /** The scheduling queue is rebuilt from the pods waiting for it after a reset. */
  private queueLoaded = false
  /**
   * The nodes in the node tree's order as of the last change to any node (dropped by every node event and by
   * reset): listing and ordering 5,000 nodes at each attempt was a twentieth of a placement.
   */
  private orderedNodes: Node[] | undefined
  /** The pod of the attempt under way: its own writes are not queue events. */
  private inFlight: string | undefined

  constructor(private readonly world: World) {
    this.events = new EventRecorder(world, 'kube-scheduler')
    this.series = new SeriesRecorder(world, SCHEDULER_NAME, INSTANCE)
    this.client = new Client(world, 'kube-scheduler')
    this.algorithm = new ScheduleAlgorithm({ filters: FILTERS, scores: SCORES }, () => world.rng)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    const pods = informers.informer<Pod>('pods')
    const nodes = informers.informer<Node>('nodes')
    this.pods = pods.lister()
    this.nodes = nodes.lister()
    this.cache = new SchedulerCache(this.pods)
    this.snapshots = new SnapshotSource(informers)
    this.schedulingQueue = new SchedulingQueue(
      {
        wakeAt: (key, atMs) => queue.addAfter(key, atMs - this.world.now()),
        wake: (key) => queue.add(key),
      },
      () => this.world.now(),
      FILTERS,
    )
    pods.addEventHandler({
      add: (pod) => this.podChanged(undefined, pod),
      update: (old, pod) => this.podChanged(old, pod),
      delete: (pod) => this.podChanged(pod, undefined),
    })
    nodes.addEventHandler({
      add: (node) => {
        this.orderedNodes = undefined
        this.clusterEvent({ kind: 'NodeAdd', node })
      },
      update: (old, node) => {
        this.orderedNodes = undefined
        if (nodeSchedulingPropertiesChanged(old, node)) this.clusterEvent({ kind: 'NodeUpdate', old, node })
      },
      delete: () => {
        this.orderedNodes = undefined
      },
    })
  }

  reset(): void {
    this.orderedNodes = undefined
    this.cache.reset()
    this.schedulingQueue.clear()
    this.queueLoaded = false
  }

  /** The last scheduling attempt of pod `namespace/name` this scheduler made, if it still remembers it. */
  lastAttempt(namespace: string, name: string): SchedulingAttempt | undefined {
    return this.attempts.get(`${namespace}/${name}`)
  }

  sync(key: string): void {
    this.loadQueue()
    this.schedulingQueue.timerFired(key)
    const info = this.schedulingQueue.pop()
    if (!info) return
    this.inFlight = info.key
    try {
      this.scheduleOne(info)
    } finally {
      this.inFlight = undefined
    }
    const next = this.schedulingQueue.activeKey()
    if (next !== undefined) this.queue.add(next)
  }

  /** A restarted scheduler's queue: the pods waiting for it, the ones that failed before marked unschedulable. */
  private loadQueue(): void {
    if (this.queueLoaded) return
    this.queueLoaded = true
    for (const pod of this.pods.list()) {
      if (!waitsForScheduler(pod)) continue
      const failed = pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False')
      this.schedulingQueue.addOrUpdate(podKey(pod), pod, failed)
    }
  }

  private podChanged(old: Pod | undefined, pod: Pod | undefined): void {
    const current = pod ?? (old as Pod)
    const key = podKey(current)
    this.cache.observe(current, pod === undefined)
    this.loadQueue()
    if (pod && waitsForScheduler(pod)) {
      if (key !== this.inFlight) this.schedulingQueue.addOrUpdate(key, pod)
      return
    }
    this.schedulingQueue.delete(key)
    // The assigned pods' events (the scheduler's pod informer sees no finished pods: finishing is deletion).
    const wasAssigned = old !== undefined && holdsRoom(old)
    const isAssigned = pod !== undefined && holdsRoom(pod)
    if (wasAssigned && !isAssigned) this.clusterEvent({ kind: 'AssignedPodDelete', pod: old })
    else if (!wasAssigned && isAssigned) this.clusterEvent({ kind: 'AssignedPodAdd', pod })
    else if (wasAssigned && isAssigned && !sameJson(old.metadata.labels, pod.metadata.labels)) {
      this.clusterEvent({ kind: 'AssignedPodUpdate', old, pod })
    }
  }

  private clusterEvent(event: ClusterEvent): void {
    this.loadQueue()
    this.schedulingQueue.clusterEvent(event)
  }

  private scheduleOne(info: QueuedPodInfo): void {
    const [namespace = '', name = ''] = info.key.split('/')
    const pod = this.pods.get(namespace, name)
    if (!pod || !waitsForScheduler(pod)) return
    const nodes = (this.orderedNodes ??= nodeTreeOrder(this.nodes.list()))
    const snapshot = this.snapshots.snapshot(this.cache.nodeInfos(nodes))
    const at = rfc3339(this.world.now())
    if (nodes.length === 0) {
      this.attempts.record(info.key, { at, outcome: 'Unschedulable', message: 'no nodes available to schedule pods', nodes: [], notEvaluated: 0 })
      verdictLog(this.world).record(pod, this.world.now(), { outcome: 'Unschedulable', message: 'no nodes available to schedule pods', verdicts: [], notEvaluated: 0, allNodes: 0 })
      return this.failed(info, pod, 'no nodes available to schedule pods', 'SchedulerError', new Set(), undefined)
    }
    const nominated = (node: string) => this.cache.nominatedPods(node)
    const attempt = this.algorithm.schedulePod(pod, snapshot, nominated)
    if (attempt.node) {
      this.attempts.record(info.key, { at, outcome: 'Scheduled', node: attempt.node, nodes: attempt.verdicts, notEvaluated: attempt.notEvaluated })
      verdictLog(this.world).record(pod, this.world.now(), { outcome: 'Scheduled', node: attempt.node, verdicts: attempt.verdicts, notEvaluated: attempt.notEvaluated, allNodes: nodes.length })
      return this.bind(pod, attempt.node)
    }
    const filters = attempt.filters ?? []
    const filter = (i: NodeInfo) => this.algorithm.filterWithNominated(filters, attempt.state, i, nominated)
    const outcome = preempt(pod, snapshot, attempt.diagnosis, filter, this.world.rng)
    attempt.diagnosis.postFilterMsg = outcome.message
    const message = fitErrorMessage(nodes.length, attempt.diagnosis)
    if (outcome.candidate) this.prepareCandidate(pod, outcome.candidate)
    this.attempts.record(info.key, {
      at,
      outcome: outcome.candidate ? 'Nominated' : 'Unschedulable',
      node: outcome.candidate?.node,
      message,
      nodes: attempt.verdicts,
      notEvaluated: attempt.notEvaluated,
    })
    verdictLog(this.world).record(pod, this.world.now(), {
      outcome: outcome.candidate ? 'Nominated' : 'Unschedulable',
      node: outcome.candidate?.node,
      message,
      verdicts: attempt.verdicts,
      notEvaluated: attempt.notEvaluated,
      absent: attempt.diagnosis.absent,
      allNodes: nodes.length,
    })
    this.failed(info, pod, message, 'Unschedulable', attempt.diagnosis.unschedulablePlugins, outcome.nominatedNodeName)
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

  /**
   * handleSchedulingFailure: back to the queue (unschedulablePods), FailedScheduling about the pod as it was
   * tried, then the PodScheduled=False condition and the nominated node (updatePod: only when they change).
   */
  private failed(info: QueuedPodInfo, pod: Pod, message: string, reason: string, plugins: Set<string>, nominatedNodeName: string | undefined): void {
    this.schedulingQueue.addUnschedulable(info, pod, plugins)
    this.series.eventf(involved(pod), 'Warning', 'FailedScheduling', 'Scheduling', truncateMessage(message))
    const previous = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')
    const condition: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: previous?.status === 'False' ? previous.lastTransitionTime : rfc3339(this.world.now()),
      reason,
      message,
    }
    const nnnNeedsUpdate = nominatedNodeName !== undefined && (pod.status?.nominatedNodeName ?? '') !== nominatedNodeName
    const conditionChanged =
      !previous ||
      previous.status !== condition.status ||
      previous.reason !== condition.reason ||
      previous.message !== condition.message ||
      previous.lastProbeTime !== null ||
      previous.lastTransitionTime !== condition.lastTransitionTime
    if (!conditionChanged && !nnnNeedsUpdate) return
    const conditions = (pod.status?.conditions ?? []).map((c) => (c.type === 'PodScheduled' ? condition : c))
    if (!previous) conditions.push(condition)
    const status = { ...pod.status, conditions }
    if (nnnNeedsUpdate) {
      if (nominatedNodeName) status.nominatedNodeName = nominatedNodeName
      else delete status.nominatedNodeName
    }
    this.client.updateStatus({ ...pod, status })
  }

  /**
   * prepareCandidate: each victim gets DisruptionTarget=True (PreemptionByScheduler), is deleted gracefully
   * and gets a Preempted event; lower-priority pods nominated to the node lose their nomination.
   */
  private prepareCandidate(preemptor: Pod, candidate: Candidate): void {
    const now = rfc3339(this.world.now())
    for (const victim of candidate.victims) {
      const ns = victim.metadata.namespace ?? ''
      const name = victim.metadata.name ?? ''
      const current = this.pods.get(ns, name) ?? victim
      const condition: PodCondition = {
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: now,
        reason: 'PreemptionByScheduler',
        message: `${preemptor.spec.schedulerName ?? SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
      }
      const existing = current.status?.conditions?.find((c) => c.type === 'DisruptionTarget')
      if (!existing || existing.status !== 'True' || existing.reason !== condition.reason || existing.message !== condition.message) {
        const conditions = [...(current.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition]
        this.client.updateStatus({ ...current, status: { ...current.status, conditions } })
      }
      this.client.delete('pods', ns, name)
      this.events.modern(
        involved(current),
        'Normal',
        'Preempted',
        'Preempting',
        `Preempted by pod ${preemptor.metadata.uid} on node ${candidate.node}`,
        SCHEDULER_NAME,
        INSTANCE,
      )
    }
    for (const p of this.cache.nominatedPods(candidate.node)) {
      if (p.metadata.uid === preemptor.metadata.uid || podPriority(p) >= podPriority(preemptor)) continue
      const current = this.pods.get(p.metadata.namespace ?? '', p.metadata.name ?? '')
      if (!current?.status?.nominatedNodeName) continue
      const { nominatedNodeName: _cleared, ...status } = current.status
      this.client.updateStatus({ ...current, status })
    }
  }
}
