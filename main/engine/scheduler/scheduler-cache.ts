// The scheduler's cache (pkg/scheduler/backend/cache): per node, the pods bound to it and their summed
// requests, kept current by the pod informer's handler instead of re-reading every pod for every decision,
// plus the pods nominated to a node by preemption (the queue's nominator). Built lazily from the pod lister
// (memory, no SQL), and dropped after a rollback or another process's commit.

import type { Lister } from '../client/informers'
import type { Node } from '../api/nodes/types'
import type { Pod } from '../api/pods/types'
import { addRequests, countsFor, hasPodAffinity, nonZeroRequests, podRequests, ZERO_REQUESTS, type MatchCount, type NodeInfo, type Requests } from './node-info'

interface CachedPod {
  pod: Pod
  node: string
  requested: Requests
  nonZero: Requests
}

interface Usage {
  pods: Pod[]
  podsWithAffinity: Pod[]
  matchCounts: Map<string, MatchCount>
  requested: Requests
  nonZeroRequested: Requests
  /** The NodeInfo last handed out for these sums, reused while its node object is the same. */
  info?: NodeInfo
}

interface State {
  bound: Map<string, CachedPod>
  /** The bound pods per node, in the order they were bound: sums add up in that order, as they always did. */
  byNode: Map<string, Map<string, CachedPod>>
  /**
   * Per node, its pods' sums, summed when first asked and then kept current as pods come and go (a pod removed
   * and added again moves to the end, as in byNode): at 1,000 nodes, summing a node again after each change to
   * one of its pods, and counting its pods again for every spreading selector, was a quarter of a placement.
   */
  usage: Map<string, Usage>
  /** Pods waiting for a node that preemption nominated (status.nominatedNodeName), by that node. */
  nominated: Map<string, Map<string, Pod>>
  nominatedNodeOf: Map<string, string>
  /** Nodes whose sums changed since the last nodeInfos (their NodeInfo is made again there). */
  dirty: Set<string>
  /** The last nodeInfos: for the same node list, only the dirty nodes' entries are made again. */
  last?: { nodes: readonly Node[]; infos: NodeInfo[]; index: Map<string, number> }
}

export const podKey = (pod: Pod) => `${pod.metadata.namespace}/${pod.metadata.name}`

/**
 * Pods that hold room on a node: bound and not finished. The scheduler's pod informer never sees finished pods
 * (its field selector is `status.phase!=Succeeded,status.phase!=Failed`), so one that finishes is a deletion.
 */
export function holdsRoom(pod: Pod): boolean {
  return Boolean(pod.spec.nodeName) && !isTerminal(pod)
}

export const isTerminal = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'

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
  nodeInfos(nodes: readonly Node[]): NodeInfo[] {
    const state = this.load()
    // Upstream's UpdateSnapshot copies only the nodes whose generation moved; here a node's NodeInfo is made
    // again only when its pods or its Node object changed (1,000 allocations per attempt were a tenth of it),
    // and for the same node list only the nodes whose pods changed are looked at (5,000 nodes per attempt).
    const last = state.last
    if (last && last.nodes === nodes) {
      for (const name of state.dirty) {
        const at = last.index.get(name)
        if (at !== undefined) last.infos[at] = this.infoOf(state, nodes[at] as Node)
      }
      state.dirty.clear()
      return last.infos.slice()
    }
    const infos = nodes.map((node) => this.infoOf(state, node))
    state.last = { nodes, infos, index: new Map(nodes.map((n, i) => [n.metadata.name ?? '', i])) }
    state.dirty.clear()
    return infos.slice()
  }

  private infoOf(state: State, node: Node): NodeInfo {
    const u = this.usage(state, node.metadata.name ?? '')
    if (u.info?.node === node) return u.info
    u.info = {
      node,
      pods: u.pods,
      podCount: u.pods.length,
      requested: u.requested,
      nonZeroRequested: u.nonZeroRequested,
      podsWithAffinity: u.podsWithAffinity,
      matchCounts: u.matchCounts,
    }
    return u.info
  }

  /** The pods nominated to `node` (waiting for their victims to go), in the order they were nominated. */
  nominatedPods(node: string): Pod[] {
    return [...(this.load().nominated.get(node)?.values() ?? [])]
  }

  private usage(state: State, node: string): Usage {
    let u = state.usage.get(node)
    if (u) return u
    u = { pods: [], podsWithAffinity: [], matchCounts: new Map(), requested: ZERO_REQUESTS, nonZeroRequested: ZERO_REQUESTS }
    for (const cached of state.byNode.get(node)?.values() ?? []) account(u, cached)
    state.usage.set(node, u)
    return u
  }

  private load(): State {
    if (this.state) return this.state
    const state: State = { bound: new Map(), byNode: new Map(), usage: new Map(), nominated: new Map(), nominatedNodeOf: new Map(), dirty: new Set() }
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
      const u = state.usage.get(before.node)
      if (u) unaccount(u, before)
      state.dirty.add(before.node)
    }
    const nominatedBefore = state.nominatedNodeOf.get(key)
    if (nominatedBefore !== undefined) {
      state.nominatedNodeOf.delete(key)
      state.nominated.get(nominatedBefore)?.delete(key)
    }
    if (deleted) return
    if (holdsRoom(pod)) {
      const cached = { pod, node: pod.spec.nodeName ?? '', requested: podRequests(pod), nonZero: nonZeroRequests(pod) }
      state.bound.set(key, cached)
      let onNode = state.byNode.get(cached.node)
      if (!onNode) state.byNode.set(cached.node, (onNode = new Map()))
      onNode.set(key, cached)
      const u = state.usage.get(cached.node)
      if (u) account(u, cached)
      state.dirty.add(cached.node)
    } else if (!pod.spec.nodeName && pod.status?.nominatedNodeName && !pod.metadata.deletionTimestamp) {
      const node = pod.status.nominatedNodeName
      state.nominatedNodeOf.set(key, node)
      let onNode = state.nominated.get(node)
      if (!onNode) state.nominated.set(node, (onNode = new Map()))
      onNode.set(key, pod)
    }
  }
}

/** Adds a pod bound to the node to its sums, lists and counts. */
function account(u: Usage, cached: CachedPod): void {
  u.pods.push(cached.pod)
  if (hasPodAffinity(cached.pod)) u.podsWithAffinity.push(cached.pod)
  u.requested = addRequests(u.requested, cached.requested)
  u.nonZeroRequested = addRequests(u.nonZeroRequested, cached.nonZero)
  for (const m of u.matchCounts.values()) if (countsFor(m, cached.pod)) m.count++
  u.info = undefined
}

/** Takes a pod that left the node (or changed) out of its sums, lists and counts. */
function unaccount(u: Usage, cached: CachedPod): void {
  remove(u.pods, cached.pod)
  remove(u.podsWithAffinity, cached.pod)
  u.requested = addRequests(u.requested, cached.requested, -1)
  u.nonZeroRequested = addRequests(u.nonZeroRequested, cached.nonZero, -1)
  for (const m of u.matchCounts.values()) if (countsFor(m, cached.pod)) m.count--
  u.info = undefined
}

function remove(list: Pod[], pod: Pod): void {
  const at = list.lastIndexOf(pod)
  if (at >= 0) list.splice(at, 1)
}
