// For tests: a world over a fresh cluster file with the default cluster and no controllers, so that what a
// test writes stays as written (no scheduler binds, no kubelet runs).

import { createDefaultCluster } from '../bootstrap/default-cluster'
import { VirtualClock } from '../runtime/clock'
import { seedState } from '../runtime/rng'
import { openClusterFile } from '../store/cluster-file'
import { tmpFile } from './cluster'
import { World } from '../world'

export function bareWorld(): World {
  const { db } = openClusterFile(tmpFile())
  db.prepare("INSERT INTO meta (key, value) VALUES ('seed', '1'), ('rng', ?), ('cluster_name', 'podlab'), ('resource_version', '0')").run(seedState('1'))
  VirtualClock.initialise(db)
  const world = new World(db, new VirtualClock(db, 'manual'))
  createDefaultCluster(world)
  world.commit()
  return world
}

/** The seed notes' pod, as a fresh copy. */
export const nginxPod = (name = 'web') => ({
  apiVersion: 'v1' as const,
  kind: 'Pod' as const,
  metadata: { name, labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
})
