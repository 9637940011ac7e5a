// The scheduler's cache (pkg/scheduler/backend/cache): per node, the pods bound to it and their summed
// requests, kept current by the pod informer's handler instead of re-reading every pod for every decision, plus
// the set of pods that fit nowhere last time (the unschedulable queue) to retry when the cluster changes.
// Built lazily from the pod lister (memory, no SQL), and dropped after a rollback or another process's commit.

import type { Lister } from '../client/informers'
import type { Node } from '../api/nodes/types'
import type { Pod } from '../api/pods/types'
import { addRequests, nonZeroRequests, podRequests, type NodeInfo, type Requests } from './node-info'

interface CachedPod {
  node: string
  requested: Requests
  nonZero: Requests
}

interface Usage {
  podCount: number
  requested: Requests
  nonZeroRequested: Requests
}

interface State {
  bound: Map<string, CachedPod>
  /** The bound pods per node, in the order they were (re)bound: sums add up in that order, as they always did. */
  byNode: Map<string, Map<string, CachedPod>>
  /** Per node, its pods' sums; a node's entry is dropped when its pods change and summed again when asked. */
  usage: Map<string, Usage>
  unschedulable: Set<string>
}

export const podKey = (pod: Pod) => `${pod.metadata.namespace}/${pod.metadata.name}`

/** Pods that hold room on a node: bound and not finished. */
function holdsRoom(pod: Pod): boolean {
  return Boolean(pod.spec.nodeName) && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed'
}

function isUnschedulable(pod: Pod): boolean {
  return !pod.spec.nodeName && Boolean(pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False'))
}

const ZERO: Requests = { milliCpu: 0, memory: 0 }

export class SchedulerCache {
  private state: State | null = null

  constructor(private readonly pods: Lister<Pod>) {}

  /** The pod informer's handler: a pod was written (or deleted). */
  observe(pod: Pod, deleted: boolean): void {
    if (this.state) this.apply(this.state, pod, deleted)
  }

  reset(): void {
    this.state = null
  }

  /** NodeInfo of each of `nodes`, in their order; O(nodes) once the sums are known. */
  nodeInfos(nodes: Node[]): NodeInfo[] {
    const state = this.load()
    return nodes.map((node) => {
      const u = this.usage(state, node.metadata.name ?? '')
      return { node, podCount: u.podCount, requested: { ...u.requested }, nonZeroRequested: { ...u.nonZeroRequested } }
    })
  }

  unschedulableKeys(): string[] {
    return [...this.load().unschedulable].sort()
  }

  private usage(state: State, node: string): Usage {
    let u = state.usage.get(node)
    if (u) return u
    u = { podCount: 0, requested: ZERO, nonZeroRequested: ZERO }
    for (const pod of state.byNode.get(node)?.values() ?? []) {
      u.podCount++
      u.requested = addRequests(u.requested, pod.requested)
      u.nonZeroRequested = addRequests(u.nonZeroRequested, pod.nonZero)
    }
    state.usage.set(node, u)
    return u
  }

  private load(): State {
    if (this.state) return this.state
    const state: State = { bound: new Map(), byNode: new Map(), usage: new Map(), unschedulable: new Set() }
    for (const pod of this.pods.list()) this.apply(state, pod, false)
    this.state = state
    return state
  }

  private apply(state: State, pod: Pod, deleted: boolean): void {
    const key = podKey(pod)
    const before = state.bound.get(key)
    if (before) {
      state.bound.delete(key)
      state.byNode.get(before.node)?.delete(key)
      state.usage.delete(before.node)
    }
    state.unschedulable.delete(key)
    if (deleted) return
    if (holdsRoom(pod)) {
      const cached = { node: pod.spec.nodeName ?? '', requested: podRequests(pod), nonZero: nonZeroRequests(pod) }
      state.bound.set(key, cached)
      let onNode = state.byNode.get(cached.node)
      if (!onNode) state.byNode.set(cached.node, (onNode = new Map()))
      onNode.set(key, cached)
      state.usage.delete(cached.node)
    } else if (isUnschedulable(pod) && !pod.metadata.deletionTimestamp) {
      state.unschedulable.add(key)
    }
  }
}
