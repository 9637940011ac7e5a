// A node's kubelet coming up: for a Node created without a kubelet behind it (a learner's manifest, `podlab node
// add`, a benchmark's thousands), the simulated kubelet registers it as kind's would, at once: it keeps its
// default labels (updateDefaultLabels), gets the next InternalIP and pod range (node-addresses.ts; the range
// is kube-controller-manager's node IPAM's work, written to spec.podCIDR(s)), and posts its status
// (node-status.ts: capacity and allocatable from the manifest where given, as KWOK's nodes take them, else
// kind's worker's; Ready). The node lifecycle controller's `node.kubernetes.io/not-ready` taint goes once the
// node is Ready.

import type { Client } from '../client/client'
import { nodeInternalIP, type Node, type Taint } from '../api/nodes/types'
import type { World } from '../world'
import type { NodeAddresses } from './node-addresses'
import { kubeletLabels, registeredStatus, WORKER_CAPACITY } from './node-status'

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready'

const isReady = (node: Node): boolean => node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
const hasReadyCondition = (node: Node): boolean => node.status?.conditions?.some((c) => c.type === 'Ready') ?? false
const notReadyTaint = (t: Taint): boolean => t.key === NOT_READY_TAINT

/** Whether the kubelet has work on `node`: it never posted a Ready condition, or it is Ready and still tainted not-ready. */
export function needsRegistration(node: Node): boolean {
  return !hasReadyCondition(node) || (isReady(node) && (node.spec?.taints ?? []).some(notReadyTaint))
}

/**
 * Registers `node` (see above) through `client`: one update of the node (labels, podCIDR(s), taints), then one
 * of its status. Throws ApiError when a write is refused, and Error when the network or the pod ranges are full.
 */
export function registerNode(world: World, client: Client, addresses: NodeAddresses, node: Node): void {
  const name = node.metadata.name ?? ''
  const spec = { ...node.spec }
  if (!spec.podCIDR) {
    const cidr = addresses.nextPodCIDR()
    if (!cidr) throw new Error(`node ${name} gets no pod range: every /24 of Podlab's cluster CIDR is taken`)
    spec.podCIDR = cidr
    spec.podCIDRs = [cidr]
  }
  const taints = (spec.taints ?? []).filter((t) => !notReadyTaint(t))
  if (taints.length > 0) spec.taints = taints
  else delete spec.taints
  const labels = { ...node.metadata.labels, ...kubeletLabels(name) }
  const updated = client.update<Node>({ ...node, metadata: { ...node.metadata, labels }, spec })
  if (hasReadyCondition(node)) return

  const given = node.status ?? {}
  const capacity = { ...WORKER_CAPACITY, ...given.capacity }
  const allocatable = { ...capacity, ...given.allocatable }
  const internalIP = nodeInternalIP(node) ?? addresses.nextInternalIP()
  if (!internalIP) throw new Error(`node ${name} gets no address: the network 172.18.0.0/16 is full`)
  const status = { ...given, ...registeredStatus({ name, internalIP, capacity, allocatable, nowMs: world.now(), rng: world.rng }) }
  if (given.addresses?.length) status.addresses = given.addresses
  if (given.nodeInfo) status.nodeInfo = { ...(status.nodeInfo as Record<string, string>), ...given.nodeInfo }
  client.updateStatus<Node>({ ...updated, status })
}
