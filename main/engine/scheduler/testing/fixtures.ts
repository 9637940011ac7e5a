// For the scheduler's tests: nodes, pods, NodeInfos and a cycle state built the way the plugins' upstream
// tests build theirs (st.MakeNode / st.MakePod), and a world with the scheduler alone.
import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import { Client } from '../../client/client'
import { everything, selectorFromLabelSelector, type LabelSelector } from '../../labels'
import { bareWorld } from '../../testing/bare-world'
import type { World } from '../../world'
import { CycleState, type Snapshot } from '../framework'
import { addRequests, hasPodAffinity, nonZeroRequests, podRequests, ZERO_REQUESTS, type NodeInfo } from '../node-info'
import { Scheduler } from '../scheduler'

export function makeNode(name: string, labels: Record<string, string> = {}, extra: Partial<Node['spec']> = {}, allocatable: Record<string, string> = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: { ...extra },
    status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi', ...allocatable } },
  }
}

export function makePod(name: string, spec: Partial<Pod['spec']> = {}, labels: Record<string, string> = {}, namespace = 'default'): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `uid-${namespace}-${name}`, labels },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  }
}

/** A pod requesting `cpu` and `memory` (Kubernetes quantities) in one container. */
export const withRequests = (name: string, requests: Record<string, string>, spec: Partial<Pod['spec']> = {}): Pod =>
  makePod(name, { containers: [{ name: 'c', image: 'nginx', resources: { requests } }], ...spec })

/** framework.NewNodeInfo(pods...) with SetNode(node). */
export function nodeInfo(node: Node, pods: Pod[] = []): NodeInfo {
  const bound = pods.map((p) => ({ ...p, spec: { ...p.spec, nodeName: node.metadata.name } }))
  return {
    node,
    pods: bound,
    podCount: bound.length,
    requested: bound.reduce((a, p) => addRequests(a, podRequests(p)), ZERO_REQUESTS),
    nonZeroRequested: bound.reduce((a, p) => addRequests(a, nonZeroRequests(p)), ZERO_REQUESTS),
    podsWithAffinity: bound.filter(hasPodAffinity),
    matchCounts: new Map(),
  }
}

export function snapshotOf(nodes: NodeInfo[], namespaces: Record<string, Record<string, string>> = { default: {} }, owner?: LabelSelector): Snapshot {
  return {
    nodes,
    namespaceLabels: (name) => namespaces[name],
    namespacesMatching: (matches) => Object.keys(namespaces).filter((n) => matches(namespaces[n] ?? {})),
    defaultSelector: () => (owner ? selectorFromLabelSelector(owner) : everything()),
  }
}

export const cycle = (pod: Pod, nodes: NodeInfo[] = [], namespaces?: Record<string, Record<string, string>>, owner?: LabelSelector) =>
  new CycleState(pod, snapshotOf(nodes, namespaces, owner))

/** A world over the default cluster with only the scheduler running, and the in-engine client. */
export function schedulerWorld(): { world: World; client: Client; scheduler: Scheduler; advance(ms: number): void } {
  const world = bareWorld()
  const scheduler = new Scheduler(world)
  world.register(scheduler)
  world.timers.knowQueues(world.queueNames())
  const client = new Client(world)
  return { world, client, scheduler, advance: (ms) => world.runUntil(world.now() + ms) }
}
