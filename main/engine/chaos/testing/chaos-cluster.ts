// For tests: a cluster whose container runtime is a fake that records what chaos asks of it, and a way to read a
// refusal as `Reason: message`.

import { Cluster } from '../../cluster'
import { openWorld } from '../../controller/testing/world'
import type { Signal } from '../../process/signals'
import { CommandLog } from '../../store/command-log'
import { tmpFile } from '../../testing/cluster'
import { ChaosRefused } from '../errors'
import { attachChaosRuntime } from '../runtime'

/** A cluster with a fake runtime that records what chaos asks of it. */
export function chaosCluster(answer: 'ok' | 'not-running' = 'ok') {
  const world = openWorld(tmpFile())
  const calls: Array<{ call: string; node: string; id: string; signal?: Signal }> = []
  attachChaosRuntime(world, {
    signal: (node, id, signal) => (calls.push({ call: 'signal', node, id, signal }), answer),
    oomKill: (node, id) => (calls.push({ call: 'oom', node, id }), answer),
  })
  const engine = new Cluster(world, world.clock, new CommandLog(world.db, 'cli'))
  return { world, engine, calls }
}

export const refusal = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    return e instanceof ChaosRefused ? `${e.reason}: ${e.message}` : `${(e as Error).name}: ${(e as Error).message}`
  }
  return 'no error'
}
