// How the eviction manager has a pod killed (the kubelet's killPodFunc with evictPod's status function,
// pkg/kubelet/eviction/eviction_manager.go): the default killer writes the evicted status (Failed, Evicted, the
// message, DisruptionTarget) through the API at once, as syncTerminatingPod posts it before stopping anything,
// and leaves a record on the node (node_state `evicted/<namespace>/<name>`) that the kubelet reads (evictionOf,
// kubelet.ts) to stop the pod's containers with the eviction's grace period (stop-pod.ts) and keep it Failed:
// generateAPIPodStatus never leaves a terminal phase (pod-status.ts), and a pod the kubelet evicted never runs again.

import type { Pod, PodCondition } from '../../api/pods/types'
import { Client } from '../../client/client'
import { updatePodCondition } from '../../resources/pods/conditions'
import { rfc3339 } from '../../runtime/clock'
import type { NodeState } from '../../store/node-state'
import type { World } from '../../world'

/** What an eviction sets on the pod's status (evictPod's status function). */
export interface EvictedStatus {
  phase: 'Failed'
  reason: string
  message: string
  /** DisruptionTarget=True, reason TerminationByKubelet, the same message. */
  condition: Omit<PodCondition, 'lastTransitionTime' | 'lastProbeTime'>
}

export interface PodKiller {
  /** Stops every container of `pod` with `gracePeriodSeconds` and keeps `status` on it. */
  killPod(pod: Pod, gracePeriodSeconds: number, status: EvictedStatus): void
}

export interface EvictionRecord extends EvictedStatus {
  uid: string
  gracePeriodSeconds: number
  /** When the pod was evicted (ms). */
  atMs: number
}

const key = (namespace: string, name: string): string => `evicted/${namespace}/${name}`

/** The eviction of pod `namespace/name` on `node`, if the eviction manager evicted it (and it is that pod: check uid). */
export function evictionOf(nodeState: NodeState, node: string, namespace: string, name: string): EvictionRecord | undefined {
  return nodeState.get<EvictionRecord>(node, key(namespace, name))
}

/** Forgets the eviction record of a pod that is gone. */
export function forgetEviction(nodeState: NodeState, node: string, namespace: string, name: string): void {
  nodeState.remove(node, key(namespace, name))
}

/** The pod's status as the eviction leaves it: phase, reason, message and the DisruptionTarget condition. */
export function evictedPodStatus(pod: Pod, status: EvictedStatus, nowMs: number): Pod {
  const withCondition = updatePodCondition(pod.status ?? {}, status.condition, rfc3339(nowMs))
  return { ...pod, status: { ...withCondition, phase: status.phase, reason: status.reason, message: status.message } }
}

/** The killer used until the kubelet attaches its own (see above). */
export class RecordingKiller implements PodKiller {
  private readonly client: Client

  constructor(private readonly world: World) {
    this.client = new Client(world, 'kubelet')
  }

  killPod(pod: Pod, gracePeriodSeconds: number, status: EvictedStatus): void {
    const node = pod.spec.nodeName ?? ''
    const record: EvictionRecord = { uid: pod.metadata.uid ?? '', gracePeriodSeconds, atMs: this.world.now(), ...status }
    this.world.nodeState.set(node, key(pod.metadata.namespace ?? 'default', pod.metadata.name ?? ''), record)
    this.client.updateStatus(evictedPodStatus(pod, status, this.world.now()))
  }
}

const killers = new WeakMap<World, PodKiller>()

/** The kubelet attaches how it kills a pod; the eviction manager then calls it. */
export function attachPodKiller(world: World, killer: PodKiller): void {
  killers.set(world, killer)
}

export function podKillerOf(world: World): PodKiller {
  return killers.get(world) ?? new RecordingKiller(world)
}
