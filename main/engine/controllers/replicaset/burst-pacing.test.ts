// A huge scale-up must not hang the command that asked for it: a ReplicaSet creates at most one burst of
// pods per virtual second (see lastFullBurst in replicaset-controller.ts), here with a burst of 2.
import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import { Client } from '../../client/client'
import { openWorld, transact } from '../../controller/testing/world'
import { tmpFile } from '../../testing/cluster'
import { ReplicaSetController } from './replicaset-controller'

describe('ReplicaSet burst pacing', () => {
  it('5 replicas with a burst of 2: 2 pods in the creating command, 4 one virtual second later, 5 after two', () => {
    const world = openWorld(tmpFile(), (w) => [new ReplicaSetController(w, 2)], { bare: true })
    const client = new Client(world)
    const pods = () => (world.store.list('pods', 'default') as Pod[]).filter((p) => p.metadata.ownerReferences?.[0]?.name === 'web').length
    transact(world, () =>
      client.create({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: 'web', namespace: 'default' },
        spec: { replicas: 5, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
      }),
    )
    expect(pods()).toBe(2)
    transact(world, () => world.runUntil(world.now() + 999))
    expect(pods()).toBe(2)
    transact(world, () => world.runUntil(world.now() + 1))
    expect(pods()).toBe(4)
    transact(world, () => world.runUntil(world.now() + 1000))
    expect(pods()).toBe(5)
  })
})
