// The kubelet's eviction manager (pkg/kubelet/eviction/eviction_manager.go synchronize), one per node, as a
// controller keyed by node name. It observes memory.available (the node's capacity minus its working set: its
// daemons and every running container, ../../metrics) and nodefs/imagefs.available (../../chaos/disk.ts),
// compares them with the hard thresholds, answers IsUnderMemoryPressure / IsUnderDiskPressure (True until the
// 5 min pressure transition period has passed without the threshold met: pressure.ts) to the node status
// setters, which post the conditions (node-heartbeat.ts; the node lifecycle controller taints the node), and while
// a threshold is met evicts one pod per 10 s monitoring interval, ranked as upstream ranks them, with a 1 s
// grace period (immediateEvictionGracePeriodSeconds), the Evicted event and status. Critical pods (priority at
// least system-cluster-critical's, static and mirror pods) are never evicted.
//
// Upstream polls every 10 s; here a node is looked at when something that moves its usage changes (its pods'
// running containers or usage annotations, chaos on its disk, `wakeEvictionManager` from the runtime when a
// container's memory changes) and every 10 s while a threshold is met or a pressure condition is True.

import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import type { Lister, SharedInformerFactory } from '../../client/informers'
import type { Controller } from '../../controller/controller'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import { EventRecorder, involved, type InvolvedObject } from '../../events/recorder'
import { nodeDisk } from '../../chaos/disk'
import { EVICTION_QUEUE } from '../../chaos/actions'
import { CPU_USAGE_ANNOTATION, MEMORY_USAGE_ANNOTATION, runningContainerUsage } from '../../metrics/pod-usage'
import { NODE_SYSTEM_USAGE } from '../../metrics/metrics-api'
import { usageSourceOf } from '../../metrics/usage'
import { bytes } from '../../../gostd/quantity'
import type { World } from '../../world'
import { conditionIsTrue, PRESSURE_CONDITIONS } from './conditions'
import { observedRecently, STATE_KEY, type ManagerState } from './pressure'
import { wakeHeartbeatAtNextBeat } from '../node-heartbeat'
import { evictionOf, podKillerOf } from './kill-pod'
import { EVICTED_REASON, evictionMessage } from './message'
import { rankDiskPressure, rankMemoryPressure, type PodStats } from './rank'
import { HARD_THRESHOLDS, SIGNAL_CONDITION, SIGNAL_RESOURCE, thresholdMetInfo, thresholdsMet, thresholdToReclaim, type Observations, type PressureCondition } from './thresholds'

/** The kubelet's housekeeping of the eviction manager (monitoringInterval), ms. */
export const MONITORING_INTERVAL_MS = 10_000
/** immediateEvictionGracePeriodSeconds. */
const HARD_EVICTION_GRACE_SECONDS = 1
/** scheduling.SystemCriticalPriority: pods at or above it are critical (kubelettypes.IsCriticalPodBasedOnPriority). */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000

/** Asks the eviction manager of `node` to look again now (the runtime calls it when a container's memory changes). */
export function wakeEvictionManager(world: World, node: string): void {
  world.enqueue(EVICTION_QUEUE, node)
}

/** kubelettypes.IsCriticalPod: static, mirror, or priority at least system-cluster-critical's. */
function isCritical(pod: Pod): boolean {
  const annotations = pod.metadata.annotations ?? {}
  const source = annotations['kubernetes.io/config.source']
  const isStatic = source !== undefined && source !== 'api'
  return isStatic || annotations['kubernetes.io/config.mirror'] !== undefined || (pod.spec.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY
}

const isTerminal = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'

/** What of a pod moves its node's usage: its running containers and its usage annotations. */
function usageKey(pod: Pod): string {
  const running = (pod.status?.containerStatuses ?? []).filter((s) => s.state.running).map((s) => s.containerID ?? '')
  const annotations = pod.metadata.annotations ?? {}
  return JSON.stringify([running, annotations[MEMORY_USAGE_ANNOTATION], annotations[CPU_USAGE_ANNOTATION], pod.status?.phase])
}

/** The kubelet's reference to its node in events: kind Node, the node's name as its uid, no namespace. */
function nodeRef(node: Node): InvolvedObject {
  const name = node.metadata.name ?? ''
  return { kind: 'Node', name, uid: name }
}

export class EvictionManager implements Controller {
  readonly name = EVICTION_QUEUE
  private queue!: RateLimitingQueue
  private pods!: Lister<Pod>
  private nodes!: Lister<Node>
  private readonly events: EventRecorder

  constructor(private readonly world: World) {
    this.events = new EventRecorder(world, 'kubelet')
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    const pods = informers.informer<Pod>('pods')
    this.pods = pods.lister()
    this.nodes = informers.informer<Node>('nodes').lister()
    const look = (pod: Pod) => {
      if (pod.spec.nodeName) queue.add(pod.spec.nodeName)
    }
    pods.addEventHandler({
      add: look,
      update: (old, pod) => {
        if (usageKey(old) !== usageKey(pod)) look(pod)
      },
      delete: look,
    })
  }

  sync(nodeName: string): void {
    const node = this.nodes.get('', nodeName)
    if (!node) return this.world.nodeState.remove(nodeName, STATE_KEY)
    const now = this.world.now()
    const source = usageSourceOf(this.world)
    const active = this.pods.byIndex('nodeName', nodeName).filter((p) => !isTerminal(p) && evictionOf(this.world.nodeState, nodeName, p.metadata.namespace ?? '', p.metadata.name ?? '')?.uid !== p.metadata.uid)
    const stats = new Map<Pod, PodStats>()
    let workingSet = NODE_SYSTEM_USAGE.memoryBytes
    for (const pod of active) {
      const containers = runningContainerUsage(pod, source).map((c) => ({ name: c.name, memoryBytes: c.usage.memoryBytes }))
      stats.set(pod, { containers, diskBytes: 0 })
      workingSet += containers.reduce((n, c) => n + c.memoryBytes, 0)
    }
    const memoryCapacity = bytes(node.status?.capacity?.memory ?? node.status?.allocatable?.memory)
    const disk = nodeDisk(node, this.world.nodeState)
    const observations: Observations = {
      'nodefs.available': { availableBytes: disk.availableBytes, capacityBytes: disk.capacityBytes },
      'imagefs.available': { availableBytes: disk.availableBytes, capacityBytes: disk.capacityBytes },
    }
    if (memoryCapacity > 0) observations['memory.available'] = { availableBytes: memoryCapacity - workingSet, capacityBytes: memoryCapacity }
    const met = thresholdsMet(HARD_THRESHOLDS, observations)

    const state: ManagerState = this.world.nodeState.get<ManagerState>(nodeName, STATE_KEY) ?? { observedAt: {} }
    for (const t of met) state.observedAt[SIGNAL_CONDITION[t.signal]] = now
    const pressure = (type: PressureCondition) => observedRecently(state, type, now)
    // The status setters read IsUnder*Pressure on the kubelet's next status update: wake it when the Node
    // shows otherwise.
    if (PRESSURE_CONDITIONS.some((type) => conditionIsTrue(node, type) !== pressure(type))) wakeHeartbeatAtNextBeat(this.world, nodeName)

    const reclaim = thresholdToReclaim(met)
    if (reclaim && (state.lastEvictionAt === undefined || now - state.lastEvictionAt >= MONITORING_INTERVAL_MS)) {
      const resource = SIGNAL_RESOURCE[reclaim.signal]
      this.events.legacy(nodeRef(node), 'Warning', 'EvictionThresholdMet', `Attempting to reclaim ${resource}`, { component: 'kubelet', host: nodeName })
      const statsOf = (p: Pod) => stats.get(p)
      const ranked = resource === 'memory' ? rankMemoryPressure(active, statsOf) : rankDiskPressure(active, statsOf)
      const victim = ranked.find((p) => !isCritical(p))
      if (victim) {
        const { message } = evictionMessage(resource, victim, stats.get(victim), thresholdMetInfo(resource, met, observations))
        this.events.legacy(involved(victim), 'Warning', EVICTED_REASON, message, { component: 'kubelet', host: nodeName })
        podKillerOf(this.world).killPod(victim, HARD_EVICTION_GRACE_SECONDS, {
          phase: 'Failed',
          reason: EVICTED_REASON,
          message,
          condition: { type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message },
        })
        state.lastEvictionAt = now
      }
    }

    const underPressure = PRESSURE_CONDITIONS.some(pressure)
    if (underPressure || met.length > 0) {
      this.world.nodeState.set(nodeName, STATE_KEY, state)
      this.queue.addAfter(nodeName, MONITORING_INTERVAL_MS)
    } else this.world.nodeState.remove(nodeName, STATE_KEY)
  }
}
