// The chaos actions on one container or node, shared by the commands (`podlab chaos kill|oom|fill-disk`) and
// the random mode: each tells the kubelet the cause of the end it brings about (kubelet/transitions.ts
// expectEnd, so container_transitions says `chaos` instead of a plain exit) and reaches the container only
// through the runtime, as `crictl`/the kernel would; what a signal does is the container's program's business.

import type { Node } from '../api/nodes/types'
import { notFound } from '../api/errors'
import { parseSignal, type Signal } from '../process/signals'
import { expectEnd, takeExpectedEnd } from '../kubelet/transitions'
import type { World } from '../world'
import { filledBytes, nodeDisk, setFilledBytes, type NodeDisk } from './disk'
import { ChaosRefused } from './errors'
import { chaosRuntimeOf, type ChaosRuntime } from './runtime'
import type { ContainerTarget } from './target'

/** The kubelet's eviction manager's queue: it looks at a node again when chaos changed its disk. */
export const EVICTION_QUEUE = 'eviction-manager'

/** The runtime chaos reaches containers through; ChaosRefused NoRuntime when none is wired in. */
export function runtime(world: World): ChaosRuntime {
  const found = chaosRuntimeOf(world)
  if (!found) throw new ChaosRefused('NoRuntime', 'no container runtime runs in this cluster to reach the container through')
  return found
}

/** The container had already ended: the announced cause is taken back (random chaos goes on after a miss). */
function notRunning(world: World, target: ContainerTarget): ChaosRefused {
  takeExpectedEnd(world, target.node, target.containerId)
  return new ChaosRefused('NotRunning', `container ${target.container} in pod ${target.pod.metadata.name} is not running`)
}

/** Sends `signal` to the target's PID 1 from outside its namespace. Throws ChaosRefused (NoRuntime, NotRunning). */
export function signalContainer(world: World, target: ContainerTarget, signal: Signal): void {
  const rt = runtime(world)
  expectEnd(world, target.node, target.containerId, { kind: 'chaos', signal })
  if (rt.signal(target.node, target.containerId, signal) === 'not-running') throw notRunning(world, target)
}

/** The kernel's OOM killer on the target (exit 137, OOMKilled). Throws ChaosRefused (NoRuntime, NotRunning). */
export function oomKillContainer(world: World, target: ContainerTarget): void {
  const rt = runtime(world)
  // The transition's reason (OOMKilled, from the runtime) tells the OOM kill from a plain SIGKILL.
  expectEnd(world, target.node, target.containerId, { kind: 'chaos', signal: 'SIGKILL' })
  if (rt.oomKill(target.node, target.containerId) === 'not-running') throw notRunning(world, target)
}

/** A signal as kill(1) takes one (`KILL`, `SIGTERM`, `15`); ChaosRefused BadSignal otherwise. */
export function signalNamed(given: string): Signal {
  const signal = parseSignal(given)
  if (!signal) throw new ChaosRefused('BadSignal', `unknown signal ${JSON.stringify(given)}: name one such as TERM, KILL, INT, QUIT, HUP, USR1 or its number`)
  return signal
}

function findNode(world: World, name: string): Node {
  const node = world.informers.informer<Node>('nodes').lister().get('', name)
  if (!node) throw notFound('nodes', name)
  return node
}

/**
 * Writes `bytes` more on `name`'s root filesystem (default: as much as leaves 5% of it free), at most what is
 * free; the eviction manager looks at the node at once. Returns the disk after. Throws ApiError NotFound for a
 * missing node, ChaosRefused BadValue for a size below one byte.
 */
export function fillDisk(world: World, name: string, bytes?: number): NodeDisk {
  const node = findNode(world, name)
  const before = nodeDisk(node, world.nodeState)
  const wanted = bytes ?? before.availableBytes - Math.floor(before.capacityBytes * 0.05)
  if (bytes !== undefined && !(Number.isFinite(bytes) && bytes >= 1)) throw new ChaosRefused('BadValue', `the size to write must be at least 1 byte, got ${bytes}`)
  setFilledBytes(world.nodeState, name, filledBytes(world.nodeState, name) + Math.max(0, Math.min(wanted, before.availableBytes)))
  world.enqueue(EVICTION_QUEUE, name)
  return nodeDisk(node, world.nodeState)
}

/** Removes what chaos wrote on `name`'s disk. Throws ApiError NotFound for a missing node. */
export function freeDisk(world: World, name: string): NodeDisk {
  const node = findNode(world, name)
  setFilledBytes(world.nodeState, name, 0)
  world.enqueue(EVICTION_QUEUE, name)
  return nodeDisk(node, world.nodeState)
}
