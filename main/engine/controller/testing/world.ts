// For tests: a World on a cluster file with the cluster's controllers (plus any a test adds), and a transaction
// run as Cluster.transact runs one: catch up, change, settle, commit; roll back on a throw.

import { existsSync } from 'node:fs'
import { VirtualClock } from '../../runtime/clock'
import { registerControllers } from '../../controllers'
import { openCluster } from '../../open-cluster'
import { openClusterFile } from '../../store/cluster-file'
import { World } from '../../world'
import type { Controller } from '../controller'

/**
 * Opens `path` (creating a default cluster there first when missing) as a World with the cluster's controllers
 * (unless `bare`) and then `extra`.
 */
export function openWorld(path: string, extra: Controller[] | ((world: World) => Controller[]) = [], options: { bare?: boolean } = {}): World {
  if (!existsSync(path)) openCluster(path, { mode: 'manual' }).close()
  const { db } = openClusterFile(path)
  const world = new World(db, new VirtualClock(db, 'manual'))
  if (!options.bare) registerControllers(world)
  for (const c of typeof extra === 'function' ? extra(world) : extra) world.register(c)
  world.timers.knowQueues(world.queueNames())
  return world
}

/** Runs `change` in one IMMEDIATE transaction with everything the controllers do about it. */
export function transact<T>(world: World, change: () => T): T {
  try {
    return world.db
      .transaction(() => {
        world.catchUp()
        const result = change()
        world.settle()
        world.commit()
        return result
      })
      .immediate()
  } catch (e) {
    world.rollback()
    throw e
  }
}
