// Opens (or creates) a cluster file and wires the engine: store, clock, controllers.

import type { ClockMode } from '../kube'
import { VirtualClock } from './runtime/clock'
import { seedProblem, seedState } from './runtime/rng'
import { Cluster } from './cluster'
import type { Door, HostEngine } from './engine'
import { createDefaultCluster, CLUSTER_NAME } from './bootstrap/default-cluster'
import { registerControllers, type RuntimeFactory } from './controllers'
import { openClusterFile } from './store/cluster-file'
import { CommandLog } from './store/command-log'
import { World } from './world'
import type { HistoryOptions } from './store/history/writer'
import { Containerd } from './containerd/containerd'

export interface OpenOptions {
  /** Seed of a new cluster file (decimal). Ignored for an existing file, which keeps its own. Default 1. */
  seed?: string
  mode: ClockMode
  /** See FileOptions.nativeBinding: the Electron main process passes an Electron-ABI better-sqlite3 here. */
  nativeBinding?: string
  /** The door this process's commands come through, recorded with each (every host passes its own). Default 'test'. */
  door?: Door
  /** For tests: the nodes' container runtime (default: registerControllers'). */
  runtime?: RuntimeFactory
  /** For tests: the writes after which an advance commits and goes on (default ADVANCE_CHUNK_WRITES). */
  advanceChunkWrites?: number
  /** For tests: how history rows are encoded (default compact; see store/history/writer.ts). */
  history?: HistoryOptions
}

/**
 * Opens the cluster file at `path` (creating it with a default cluster when missing) and wires the engine.
 * Throws RangeError for a bad seed before any file is touched; ClusterFileRefused / ClusterFileDamaged (see
 * openClusterFile) for a file Podlab cannot trust.
 */
export function openCluster(path: string, options: OpenOptions): HostEngine {
  const seed = options.seed ?? '1'
  const badSeed = seedProblem(seed)
  if (badSeed) throw new RangeError(`--seed ${badSeed}`)
  const { db } = openClusterFile(path, { nativeBinding: options.nativeBinding })
  try {
    const wire = () => {
      const clock = new VirtualClock(db, options.mode)
      const world = new World(db, clock, { history: options.history })
      const { runtime } = registerControllers(world, options.runtime)
      const containerd = runtime instanceof Containerd ? runtime : undefined
      world.timers.knowQueues(world.queueNames())
      return { clock, world, containerd }
    }
    // A file without a seed has no cluster yet (new, or its first opening was interrupted): the seed, the
    // clock and the default cluster are written in one transaction, so a file has all of them or none. It is
    // IMMEDIATE and looks again inside, because another process may be creating the same cluster right now.
    const hasCluster = () => db.prepare("SELECT 1 FROM meta WHERE key = 'seed'").get() !== undefined
    const bootstrapped = hasCluster()
      ? undefined
      : db
          .transaction(() => {
            if (hasCluster()) return undefined
            db.prepare("INSERT INTO meta (key, value) VALUES ('seed', ?), ('rng', ?), ('cluster_name', ?), ('resource_version', '0')").run(
              seed,
              seedState(seed),
              CLUSTER_NAME,
            )
            VirtualClock.initialise(db)
            const wired = wire()
            createDefaultCluster(wired.world)
            wired.world.settle()
            wired.world.commit()
            return wired
          })
          .immediate()
    const { clock, world, containerd } = bootstrapped ?? wire()
    return new Cluster(world, clock, new CommandLog(db, options.door ?? 'test'), containerd, options.advanceChunkWrites)
  } catch (e) {
    // A file left with its schema and no cluster gets its cluster at the next opening. It is not removed: another
    // process may have opened the new file meanwhile.
    db.close()
    throw e
  }
}
