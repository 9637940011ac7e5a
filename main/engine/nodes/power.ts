// Whether a node's machine and its kubelet are up (node_state `power`; no row means running, as every node was
// before the engine operations `node stop|start|partition|heal`, kubelet/node-power.ts). Read by the kubelet
// (which does nothing a stopped or partitioned node could not do) and by the node lifecycle controller (which
// stands in for watching the kubelet's 10 s lease renewals: see kubelet/node-heartbeat.ts).

import type { World } from '../world'

export type NodePower = 'running' | 'stopped' | 'partitioned'

export interface PowerRecord {
  state: NodePower
  /** Virtual ms when it entered this state. */
  since: number
}

export const POWER_KEY = 'power'

export function nodePower(world: World, node: string): NodePower {
  return world.nodeState.get<PowerRecord>(node, POWER_KEY)?.state ?? 'running'
}

/** Whether `node`'s kubelet can work and write to the API server now. */
export function kubeletReachable(world: World, node: string): boolean {
  return nodePower(world, node) === 'running'
}
