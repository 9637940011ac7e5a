import { describe, expect, it } from 'vitest'
import { ApiServer } from '../api/server'
import type { Pod } from '../api/pods/types'
import { MYNGINX, tmpFile } from '../testing/cluster'
import type { World } from '../world'
import type { Controller } from './controller'
import { ControllerDidNotSettle, MAX_SYNCS_PER_KEY_PER_INSTANT } from './manager'
import { ANNOTATION, LabelCopier } from './testing/label-copier'
import { openWorld, transact } from './testing/world'

/** Fails its first `failures` syncs with `messages` in turn (the last repeating), then succeeds. */
function flaky(world: () => World, failures: number, messages = ['boom']): Controller & { at: number[] } {
  const at: number[] = []
  return {
    name: 'flaky',
    at,
    register: () => {},
    sync: () => {
      at.push(world().now())
      if (at.length <= failures) throw new Error(messages[Math.min(at.length, messages.length) - 1])
    },
  }
}

describe('a failing sync (client-go processNextWorkItem: HandleError + AddRateLimited)', () => {
  it('is retried after 5, 10, 20, 40 ms of VIRTUAL time, then forgotten on success: the next failure waits 5 ms again', () => {
    let world!: World
    const c = flaky(() => world, 4)
    world = openWorld(tmpFile(), [c], { bare: true })
    transact(world, () => world.enqueue('flaky', 'k'))
    const t0 = c.at[0] as number
    transact(world, () => world.runUntil(t0 + 1_000))
    expect(c.at.map((t) => t - t0)).toEqual([0, 5, 15, 35, 75])
    expect(world.errors.lastError('flaky', 'k')).toBeUndefined()

    c.at.length = 0
    const again = flaky(() => world, 1)
    Object.assign(c, { sync: again.sync })
    transact(world, () => world.enqueue('flaky', 'k'))
    transact(world, () => world.runUntil(world.now() + 1_000))
    expect(again.at.map((t) => t - (again.at[0] as number))).toEqual([0, 5])
  })

  it('is reported once while it keeps failing the same way, again when its message changes; lastError keeps the count', () => {
    let world!: World
    const c = flaky(() => world, 6, ['boom', 'boom', 'boom', 'bang'])
    world = openWorld(tmpFile(), [c], { bare: true })
    const reported: string[] = []
    world.errors.onReport((e) => reported.push(`${e.controller} ${e.key}: ${e.message} (${e.failures})`))
    transact(world, () => world.enqueue('flaky', 'k'))
    transact(world, () => world.runUntil(world.now() + 30))
    expect(reported).toEqual(['flaky k: boom (1)'])
    expect(world.errors.lastError('flaky', 'k')).toMatchObject({ message: 'boom', failures: 3, retryInMs: 20 })
    transact(world, () => world.runUntil(world.now() + 10_000))
    expect(reported).toEqual(['flaky k: boom (1)', 'flaky k: bang (4)'])
    expect(world.errors.list()).toEqual([])
  })

  it('two controllers requeueing each other forever end the instant with ControllerDidNotSettle recorded, not a thrown command', () => {
    let world!: World
    const ping = (name: string, other: string): Controller => ({ name, register: () => {}, sync: (key) => world.enqueue(other, key) })
    world = openWorld(tmpFile(), [ping('ping', 'pong'), ping('pong', 'ping')], { bare: true })
    expect(() => transact(world, () => world.enqueue('ping', 'k'))).not.toThrow()
    const error = world.errors.lastError('ping', 'k')
    expect(error?.error).toBeInstanceOf(ControllerDidNotSettle)
    expect(error?.message).toBe(`ping synced k ${MAX_SYNCS_PER_KEY_PER_INSTANT} times at one instant: a sync keeps making work for itself`)
  })
})

describe('a controller is a name, its watches and sync(key): the label copier (test only)', () => {
  it('copies a pod\'s app label into an annotation within the same command, next to the scheduler and kubelets', () => {
    const world = openWorld(tmpFile(), (w) => [new LabelCopier(w)])
    transact(world, () => new ApiServer(world).create({ ...MYNGINX, metadata: { name: 'web', labels: { app: 'web' } } }))
    expect(world.errors.list()).toEqual([])
    const pod = world.store.get<Pod>('pods', 'default', 'web')
    expect(pod?.metadata.annotations?.[ANNOTATION]).toBe('web')
    expect(pod?.spec.nodeName).toBeTruthy()
    world.db.close()
  })
})
