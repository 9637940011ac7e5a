// Chaos as engine operations: each is one recorded command (Engine.chaos), so a cluster file replays it. Kill a
// container with a signal, OOM-kill it, delete a pod, fill or free a node's disk, start or stop random chaos.

import { binaryQuantity } from '../metrics/quantities'
import { Client } from '../client/client'
import type { World } from '../world'
import { fillDisk, freeDisk, oomKillContainer, runtime, signalContainer, signalNamed } from './actions'
import type { NodeDisk } from './disk'
import { startRandomChaos, stopRandomChaos } from './random-mode'
import { findPod, findRunningContainer } from './target'
import { rfc3339 } from '../runtime/clock'

export type ChaosOperation =
  /** A signal to the container's PID 1 from outside (default SIGKILL, as `docker kill`/`crictl stop -t 0`). */
  | { op: 'kill'; namespace?: string; pod: string; container?: string; signal?: string }
  /** The kernel's OOM killer on the container: exit 137, OOMKilled. */
  | { op: 'oom'; namespace?: string; pod: string; container?: string }
  /** Deletes the pod with its grace period, as `kubectl delete pod` does. */
  | { op: 'delete-pod'; namespace?: string; pod: string }
  /** Writes `bytes` on the node's root filesystem (default: until 5% is left). */
  | { op: 'fill-disk'; node: string; bytes?: number }
  | { op: 'free-disk'; node: string }
  /** Random chaos at `ratePerMinute` actions per virtual minute, for `forMs` (until stopped when absent). */
  | { op: 'random'; ratePerMinute: number; seed?: string; forMs?: number }
  | { op: 'stop' }

export interface ChaosOutcome {
  /** One line saying what was done. */
  summary: string
  /** kubectl's `Defaulted container "a" out of: a, b` when the container was picked for the user. */
  notice?: string
}

function percent(disk: NodeDisk): string {
  return `${Math.round((disk.usedBytes / disk.capacityBytes) * 100)}%`
}

/**
 * Runs one chaos operation inside the caller's transaction. Throws ApiError (NotFound: the pod or node) and
 * ChaosRefused (the container, signal, value or runtime; see errors.ts).
 */
export function runChaos(world: World, operation: ChaosOperation): ChaosOutcome {
  switch (operation.op) {
    case 'kill':
    case 'oom': {
      const namespace = operation.namespace ?? 'default'
      runtime(world)
      const signal = operation.op === 'kill' ? signalNamed(operation.signal ?? 'KILL') : 'SIGKILL'
      const target = findRunningContainer(world, namespace, operation.pod, operation.container)
      if (operation.op === 'kill') signalContainer(world, target, signal)
      else oomKillContainer(world, target)
      const done = operation.op === 'kill' ? `sent ${signal} to container ${target.container}` : `container ${target.container} OOM-killed`
      return { summary: `pod/${operation.pod}: ${done}`, ...(target.notice ? { notice: target.notice } : {}) }
    }
    case 'delete-pod': {
      const namespace = operation.namespace ?? 'default'
      findPod(world, namespace, operation.pod)
      new Client(world).delete('pods', namespace, operation.pod)
      return { summary: `pod "${operation.pod}" deleted` }
    }
    case 'fill-disk': {
      const disk = fillDisk(world, operation.node, operation.bytes)
      return { summary: `node/${operation.node}: disk ${percent(disk)} used, ${binaryQuantity(disk.availableBytes)} available` }
    }
    case 'free-disk': {
      const disk = freeDisk(world, operation.node)
      return { summary: `node/${operation.node}: disk ${percent(disk)} used, ${binaryQuantity(disk.availableBytes)} available` }
    }
    case 'random': {
      const s = startRandomChaos(world, operation.ratePerMinute, operation.seed, operation.forMs)
      const until = s.until === undefined ? 'until stopped' : `until ${rfc3339(s.until)}`
      return { summary: `random chaos: ${s.ratePerMinute} per minute, seed ${s.seed}, ${until}` }
    }
    case 'stop': {
      const s = stopRandomChaos(world)
      return { summary: `random chaos stopped after ${s.actions} action${s.actions === 1 ? '' : 's'}` }
    }
  }
}
