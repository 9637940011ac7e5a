import { describe, expect, it } from 'vitest'
import { ApiServer } from '../../api/server'
import type { Pod } from '../../api/pods/types'
import type { Node } from '../../api/nodes/types'
import { openWorld, transact } from '../../controller/testing/world'
import { MYNGINX, tmpFile } from '../../testing/cluster'

const create = (world: ReturnType<typeof openWorld>, name: string) =>
  transact(world, () => new ApiServer(world).create({ ...MYNGINX, metadata: { name, labels: { app: name } } }))

/** The app and a CLI call on one cluster file, the app having created pod `a`. */
function twoProcessesWithPodA() {
  const path = tmpFile()
  const app = openWorld(path)
  const cli = openWorld(path)
  create(app, 'a')
  return { app, cli }
}

describe('shared informers across processes and rollbacks', () => {
  it("catch up with another process's commit by replaying its history rows: unchanged objects keep their cached copy", () => {
    const { app, cli } = twoProcessesWithPodA()
    const nodes = app.informers.informer<Node>('nodes').lister()
    const pods = app.informers.informer<Pod>('pods').lister()
    const nodeBefore = nodes.get('', 'podlab-worker')
    expect(pods.list('default').map((p) => p.metadata.name)).toEqual(['a'])

    create(cli, 'b')
    transact(cli, () => cli.runUntil(cli.now() + 60_000))
    expect(app.catchUp()).toBe(true)
    expect(pods.list()).toEqual(app.store.list('pods'))
    expect(pods.get('default', 'b')?.status?.phase).toBe('Running')
    expect(pods.byIndex('nodeName', pods.get('default', 'b')?.spec.nodeName ?? '')).toContainEqual(pods.get('default', 'b'))
    // Replayed, not re-listed: a node nobody wrote is the very object cached before.
    expect(nodes.get('', 'podlab-worker')).toBe(nodeBefore)
    // And the app's scheduler, whose cache is fed by the informer, sees b's room taken on its node.
    create(app, 'c')
    expect(app.store.list<Pod>('pods').every((p) => p.spec.nodeName)).toBe(true)
    app.db.close()
    cli.db.close()
  })

  it('lists the store again when history rows between its resourceVersion and the file\'s are missing (replay would skip them)', () => {
    const { app, cli } = twoProcessesWithPodA()
    const pods = app.informers.informer<Pod>('pods').lister()
    expect(pods.list('default')).toHaveLength(1)
    create(cli, 'b')
    const rv = Number(cli.store.get('pods', 'default', 'b')?.metadata.resourceVersion)
    cli.db.prepare('DELETE FROM history WHERE resource_version <= ?').run(rv)
    app.catchUp()
    expect(pods.list()).toEqual(app.store.list('pods'))
    expect(pods.get('default', 'b')).toBeDefined()
    app.db.close()
    cli.db.close()
  })

  it('a rolled-back transaction leaves no uncommitted object in the listers', () => {
    const world = openWorld(tmpFile())
    const pods = world.informers.informer<Pod>('pods').lister()
    create(world, 'kept')
    expect(pods.list('default')).toHaveLength(1)
    expect(() =>
      transact(world, () => {
        new ApiServer(world).create({ ...MYNGINX, metadata: { name: 'lost' } })
        expect(pods.get('default', 'lost')).toBeDefined()
        throw new Error('the command fails after its write')
      }),
    ).toThrow('the command fails after its write')
    expect(pods.get('default', 'lost')).toBeUndefined()
    expect(pods.list()).toEqual(world.store.list('pods'))
    // And the scheduler's cache (fed by the informer) forgot the lost pod's room: the next pod still schedules.
    create(world, 'next')
    expect(world.store.get<Pod>('pods', 'default', 'next')?.spec.nodeName).toBeTruthy()
    world.db.close()
  })

  it('cached objects are shared and frozen under the tests: a controller mutating one fails loudly', () => {
    const world = openWorld(tmpFile())
    create(world, 'a')
    const pod = world.informers.informer<Pod>('pods').lister().get('default', 'a') as Pod
    expect(() => {
      ;(pod.metadata as { name?: string }).name = 'b'
    }).toThrow(TypeError)
    expect(() => pod.spec.containers.push(pod.spec.containers[0] as never)).toThrow(TypeError)
    world.db.close()
  })
})
