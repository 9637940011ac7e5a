// Whether a node's machine and its kubelet are up, as the engine operations `node stop|start|partition|heal`
// set it (kept in node_state under `power`; no row means running, as every node was before these operations).
//
// - stopped: the machine is off. Its kubelet posts nothing (no status, no lease, no pod status) and its
//   sandboxes are gone with it: the pods' addresses are released at once. On start containerd reloads its
//   containers from its metadata (kind keeps /var/lib/containerd on the node's /var volume): one that was
//   running has no task any more and is reported exited 255, reason Unknown, finished at the reload
//   (containerd internal/cri/server/restart.go loadContainer, unknownExitCode / unknownExitReason). The kubelet
//   comes up afresh: `Starting kubelet.`, a `Rebooted` warning with a new boot ID, then its first status post
//   and lease renewal, and a sync of every pod still bound to it (pods deleted meanwhile finish; the others get
//   a new sandbox, and their containers restart as their restartPolicy says, restartCount + 1 and lastState
//   the Unknown 255 one, with no back-off: the kubelet's back-off is in its memory, lost with it).
// - partitioned: the machine runs but cannot reach the API server. Its containers keep running; its kubelet
//   cannot post anything, so here it does no API work at all until healed, then syncs every pod it has and
//   posts its status and lease again (no restart, no new boot ID).

import type { Pod } from '../api/pods/types'
import type { Node } from '../api/nodes/types'
import { notFound } from '../api/errors'
import type { World } from '../world'
import type { NodeOperation } from '../engine'
import { NODE_LIFECYCLE_CONTROLLER } from '../controllers/nodelifecycle/node-lifecycle-controller'
import { releaseIp } from './ipam'
import { readPodRuntime, runtimeKey } from './runtime-state'
import { TIMINGS } from './timings'
import { nodePower, POWER_KEY, type NodePower, type PowerRecord } from '../nodes/power'
import { HEARTBEAT_KEY, HEARTBEAT_QUEUE, renewLeaseAtLastBeat, type HeartbeatRecord } from './node-heartbeat'

/** containerd's status of a container whose task is gone after a restart (unknownExitCode, unknownExitReason). */
const CONTAINERD_UNKNOWN_EXIT = { code: 255, reason: 'Unknown' } as const

/** The kubelet's queue key of a node, and of a pod bound to one (kubelet.ts). */
const kubeletNodeKey = (node: string): string => `${node}|`
const kubeletPodKey = (pod: Pod): string => `${pod.spec.nodeName}|${pod.metadata.namespace}/${pod.metadata.name}`

/** The transitions each operation makes: from where to where (stop from a partition powers the machine off too). */
const TRANSITIONS: Record<NodeOperation, { from: readonly NodePower[]; to: NodePower }> = {
  stop: { from: ['running', 'partitioned'], to: 'stopped' },
  start: { from: ['stopped'], to: 'running' },
  partition: { from: ['running'], to: 'partitioned' },
  heal: { from: ['partitioned'], to: 'running' },
}

export type PowerOperation = NodeOperation

/** Why an operation does nothing: the node is already in that state, or in one it cannot leave that way. */
export class NodePowerUnchanged extends Error {
  readonly reason = 'NodePowerUnchanged' as const
  constructor(
    readonly node: string,
    readonly operation: PowerOperation,
    readonly state: NodePower,
  ) {
    super(`node ${node} is ${state === 'running' ? 'running' : state}: it cannot be ${PAST[operation]}`)
    this.name = 'NodePowerUnchanged'
  }
}

const PAST: Record<PowerOperation, string> = { stop: 'stopped', start: 'started', partition: 'partitioned', heal: 'healed' }

/**
 * Stops, starts, partitions or heals `name` (see above) at the current virtual instant. Throws ApiError
 * NotFound (`nodes "x" not found`) for a node that does not exist, NodePowerUnchanged when the node is not in a
 * state the operation leaves (starting a running node).
 */
export function setNodePower(world: World, name: string, operation: PowerOperation): NodePower {
  const node = world.informers.informer<Node>('nodes').lister().get('', name)
  if (!node) throw notFound('nodes', name)
  const from = nodePower(world, name)
  const { from: allowed, to } = TRANSITIONS[operation]
  if (!allowed.includes(from)) throw new NodePowerUnchanged(name, operation, from)
  const pods = world.informers.informer<Pod>('pods').lister().byIndex('nodeName', name)
  // Its last renewal before going silent: the node lifecycle controller counts its grace period from there.
  if (from === 'running') renewLeaseAtLastBeat(world, node)
  if (to === 'running') world.nodeState.remove(name, POWER_KEY)
  else world.nodeState.set(name, POWER_KEY, { state: to, since: world.now() } satisfies PowerRecord)
  if (to === 'stopped') {
    for (const pod of pods) loseSandbox(world, name, pod)
  }
  if (from === 'stopped') {
    for (const pod of pods) reloadContainers(world, name, pod)
  }
  if (to === 'running') {
    world.nodeState.set(name, HEARTBEAT_KEY, (from === 'stopped' ? { booting: true } : {}) satisfies HeartbeatRecord)
    world.enqueue('kubelet', kubeletNodeKey(name))
    for (const pod of pods) world.enqueue('kubelet', kubeletPodKey(pod))
  }
  world.enqueue(HEARTBEAT_QUEUE, name)
  world.enqueue(NODE_LIFECYCLE_CONTROLLER, `monitor/${name}`)
  return to
}

/** A powered-off machine's sandboxes are gone: the pod's address goes with them; its containers' records stay. */
function loseSandbox(world: World, node: string, pod: Pod): void {
  const key = runtimeKey(pod.metadata.namespace ?? '', pod.metadata.name ?? '')
  const rt = readPodRuntime(world.nodeState.get<unknown>(node, key))
  if (!rt) return
  if (rt.ip && !rt.hostNetwork) releaseIp(world.nodeState, node, rt.ip)
  delete rt.ip
  delete rt.hostNetwork
  world.nodeState.set(node, key, rt)
}

/**
 * containerd's reload after the machine started again (see above), at the world's now: a container that was
 * running ended 255 Unknown now; the kubelet's restart back-offs are forgotten; the new sandbox is ready after
 * the usual sandbox time.
 */
function reloadContainers(world: World, node: string, pod: Pod): void {
  const key = runtimeKey(pod.metadata.namespace ?? '', pod.metadata.name ?? '')
  const rt = readPodRuntime(world.nodeState.get<unknown>(node, key))
  if (!rt) return
  const now = world.now()
  for (const records of [rt.initContainers ?? {}, rt.containers]) {
    for (const c of Object.values(records)) {
      delete c.restartBackOff
      if (c.stage === 'running' && c.exit === undefined) {
        c.exit = { at: now, ...CONTAINERD_UNKNOWN_EXIT }
        c.stopping = { kind: 'runtime-lost' }
      }
    }
  }
  rt.sandboxReadyAt = now + TIMINGS.sandboxMs
  world.nodeState.set(node, key, rt)
}
