// A node's root filesystem (nodefs; imagefs is the same device on a kind node), as the kubelet's stats see it:
// its capacity (status.capacity ephemeral-storage), what the node's system and images take, and what chaos
// wrote to fill it (node_state `disk/fill` on the node). Sizes are bytes.

import type { Node } from '../api/nodes/types'
import { bytes } from '../../gostd/quantity'
import type { NodeState } from '../store/node-state'

/** kind's worker's ephemeral-storage when the node says none (259962224Ki). */
const DEFAULT_CAPACITY_BYTES = 259962224 * 1024
/** Podlab's figure for what the node's OS, containerd and its images take on a kind node. */
export const SYSTEM_DISK_BYTES = 20 * 1024 ** 3

const FILL_KEY = 'disk/fill'

export interface NodeDisk {
  capacityBytes: number
  usedBytes: number
  availableBytes: number
}

/** What chaos has written on `node` (bytes; 0 when nothing). */
export function filledBytes(nodeState: NodeState, node: string): number {
  const fill = nodeState.get<{ bytes?: unknown }>(node, FILL_KEY)
  return typeof fill?.bytes === 'number' && Number.isFinite(fill.bytes) && fill.bytes > 0 ? fill.bytes : 0
}

export function setFilledBytes(nodeState: NodeState, node: string, fill: number): void {
  if (fill > 0) nodeState.set(node, FILL_KEY, { bytes: fill })
  else nodeState.remove(node, FILL_KEY)
}

/** The node's root filesystem now. */
export function nodeDisk(node: Node, nodeState: NodeState): NodeDisk {
  const given = node.status?.capacity?.['ephemeral-storage']
  const capacityBytes = given !== undefined && bytes(given) > 0 ? bytes(given) : DEFAULT_CAPACITY_BYTES
  const usedBytes = Math.min(capacityBytes, SYSTEM_DISK_BYTES + filledBytes(nodeState, node.metadata.name ?? ''))
  return { capacityBytes, usedBytes, availableBytes: capacityBytes - usedBytes }
}
