// Opens (or creates) a cluster file and wires the engine: store, clock, controllers.

import type { ClockMode } from '../contract'
import { VirtualClock } from './client/clock'
import { seedState } from './client/rng'
import { Cluster } from './cluster'
import type { Engine } from './engine'
import { createDefaultCluster, CLUSTER_NAME } from './bootstrap/default-cluster'
import { Kubelets } from './kubelet/kubelet'
import { Scheduler } from './scheduler/scheduler'
import { openClusterFile } from './store/cluster-file'
import { World } from './world'

export interface OpenOptions {
  /** Seed of a new cluster file (decimal). Ignored for an existing file, which keeps its own. Default 1. */
  seed?: string
  mode: ClockMode
  /** See FileOptions.nativeBinding: the Electron main process passes an Electron-ABI better-sqlite3 here. */
  nativeBinding?: string
}

export function openCluster(path: string, options: OpenOptions): Engine {
  const { db, fresh } = openClusterFile(path, { nativeBinding: options.nativeBinding })
  try {
    if (fresh) {
      const seed = options.seed ?? '1'
      if (!/^\d{1,15}$/.test(seed)) throw new Error(`--seed must be a whole number, got "${seed}"`)
      db.transaction(() => {
        db.prepare("INSERT INTO meta (key, value) VALUES ('seed', ?), ('rng', ?), ('cluster_name', ?), ('resource_version', '0')").run(
          seed,
          seedState(seed),
          CLUSTER_NAME,
        )
      })()
    }
    const clock = new VirtualClock(db, options.mode)
    const world = new World(db, clock)
    world.register(new Scheduler(world))
    world.register(new Kubelets(world))
    if (fresh) {
      db.transaction(() => {
        createDefaultCluster(world)
        world.settle()
        world.commit()
      })()
    }
    return new Cluster(world, clock)
  } catch (e) {
    db.close()
    throw e
  }
}
