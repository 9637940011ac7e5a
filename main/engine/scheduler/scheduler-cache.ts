// The scheduler's cache (pkg/scheduler/backend/cache): per node, the pods bound to it and their summed
// requests, kept current by the pod event handler instead of re-reading every pod for every decision, plus
// the set of pods that fit nowhere last time (the unschedulable queue) to retry when the cluster changes.
// Built lazily from the store, and dropped when a transaction rolls back.

import type { Node } from '../api/nodes/types'
import type { Pod } from '../api/pods/types'
import type { ObjectStore, StoredEvent } from '../store/object-store'
import { addRequests, nonZeroRequests, podRequests, type NodeInfo, type Requests } from './node-info'

interface CachedPod {
  node: string
  requested: Requests
  nonZero: Requests
}

interface State {
  bound: Map<string, CachedPod>
  unschedulable: Set<string>
}

const keyOf = (pod: Pod) => `${pod.metadata.namespace}/${pod.metadata.name}`

/** Pods that hold room on a node: bound and not finished. */
function holdsRoom(pod: Pod): boolean {
  return Boolean(pod.spec.nodeName) && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed'
}

function isUnschedulable(pod: Pod): boolean {
  return !pod.spec.nodeName && Boolean(pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False'))
}

export class SchedulerCache {
  private state: State | null = null

  constructor(private readonly store: ObjectStore) {}

  observe(event: StoredEvent): void {
    if (!this.state || event.resource !== 'pods') return
    this.apply(this.state, event.object as Pod, event.type === 'DELETED')
  }

  reset(): void {
    this.state = null
  }

  nodeInfos(nodes: Node[]): NodeInfo[] {
    const { bound } = this.load()
    const infos = new Map<string, NodeInfo>(
      nodes.map((node) => [
        node.metadata.name ?? '',
        { node, podCount: 0, requested: { milliCpu: 0, memory: 0 }, nonZeroRequested: { milliCpu: 0, memory: 0 } },
      ]),
    )
    for (const pod of bound.values()) {
      const info = infos.get(pod.node)
      if (!info) continue
      info.podCount++
      info.requested = addRequests(info.requested, pod.requested)
      info.nonZeroRequested = addRequests(info.nonZeroRequested, pod.nonZero)
    }
    return [...infos.values()]
  }

  unschedulableKeys(): string[] {
    return [...this.load().unschedulable].sort()
  }

  private load(): State {
    if (this.state) return this.state
    const state: State = { bound: new Map(), unschedulable: new Set() }
    for (const pod of this.store.list<Pod>('pods')) this.apply(state, pod, false)
    this.state = state
    return state
  }

  private apply(state: State, pod: Pod, deleted: boolean): void {
    const key = keyOf(pod)
    state.bound.delete(key)
    state.unschedulable.delete(key)
    if (deleted) return
    if (holdsRoom(pod)) {
      state.bound.set(key, { node: pod.spec.nodeName ?? '', requested: podRequests(pod), nonZero: nonZeroRequests(pod) })
    } else if (isUnschedulable(pod) && !pod.metadata.deletionTimestamp) {
      state.unschedulable.add(key)
    }
  }
}
