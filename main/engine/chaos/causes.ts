// Why a container is about to end, when chaos made it end: kept on the node (node_state `chaos/<containerId>`)
// so that the kubelet, when it sees the container's exit, can record the cause of the transition
// ({kind: 'chaos', signal}) instead of guessing. The kubelet takes (reads and removes) the record.

import type { Signal } from '../process/signals'
import type { NodeState } from '../store/node-state'

export interface ChaosCause {
  kind: 'chaos'
  /** The signal sent; an OOM kill is SIGKILL from the kernel. */
  signal: Signal
  /** Set for an OOM kill. */
  oom?: true
  /** When chaos acted (virtual ms). */
  atMs: number
}

const key = (containerId: string): string => `chaos/${containerId}`

export function recordChaosCause(nodeState: NodeState, node: string, containerId: string, cause: ChaosCause): void {
  nodeState.set(node, key(containerId), cause)
}

/** The cause chaos left for `containerId` on `node`, removed as it is read; undefined when chaos did not act. */
export function takeChaosCause(nodeState: NodeState, node: string, containerId: string): ChaosCause | undefined {
  const cause = nodeState.get<ChaosCause>(node, key(containerId))
  if (cause === undefined) return undefined
  nodeState.remove(node, key(containerId))
  return cause
}
