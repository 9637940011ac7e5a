import { describe, expect, it } from 'vitest'
import { Cluster } from '../cluster'
import { openWorld } from '../controller/testing/world'
import { tmpFile } from '../testing/cluster'
import type { CoreEvent } from '../api/events/types'
import type { Pod } from '../api/pods/types'
import { chaosCluster, refusal } from './testing/chaos-cluster'

describe('random chaos: seeded, at a rate, on the virtual clock', () => {
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  }

  // What random chaos did: chaoskube's event for each pod it deleted, and each container end whose cause is chaos.
  function run(seed: string) {
    const world = openWorld(tmpFile())
    const engine = new Cluster(world, world.clock)
    engine.create(deployment)
    engine.advance(30_000)
    const started = engine.chaos({ op: 'random', ratePerMinute: 6, seed, forMs: 60_000 })
    engine.advance(60_000)
    const events = engine.list('events', 'default').items as CoreEvent[]
    const deleted = events
      .filter((e) => e.source?.component === 'chaoskube')
      .map((e) => `${e.lastTimestamp} ${e.involvedObject?.name} ${e.type} ${e.reason} ${e.message}`)
      .sort()
    const names = [...new Set(events.map((e) => e.involvedObject?.name ?? ''))].sort()
    const ended = names
      .flatMap((name) => engine.timeline('default', name))
      .filter((t) => t.cause.kind === 'chaos')
      .map((t) => `${t.at} ${t.pod} ${t.container} ${t.reason} ${JSON.stringify(t.cause)}`)
    const actions = [...deleted, ...ended]
    const noOtherEvent = events.every((e) => e.reason !== 'Chaos')
    const pods = (engine.list('pods', 'default').items as Pod[]).map((p) => p.metadata.name)
    engine.close()
    return { started, actions, deleted, ended, noOtherEvent, pods }
  }

  it('the same seed gives the same actions at the same instants', () => {
    const a = run('42')
    expect(a.started.summary).toBe('random chaos: 6 per minute, seed 42, until 2025-01-01T00:01:30Z')
    expect(a.actions.length).toBeGreaterThan(0)
    expect(a.noOtherEvent).toBe(true)
    expect(run('42')).toEqual(a)
  })

  it('another seed gives other actions', () => {
    expect(run('7').actions).not.toEqual(run('42').actions)
  })

  it('a deleted pod gets chaoskube’s own event (chaoskube.go DeletePod), a killed container only its cause', () => {
    // The first seed whose minute of chaos both deletes a pod and ends a container.
    let both: ReturnType<typeof run> | undefined
    for (let seed = 1; seed <= 8 && !both; seed++) {
      const r = run(String(seed))
      if (r.deleted.length > 0 && r.ended.length > 0) both = r
    }
    expect(both).toBeDefined()
    for (const line of both?.deleted ?? []) expect(line).toMatch(/^\S+ web-\S+ Normal Killing Pod was terminated by chaoskube to introduce chaos\.$/)
    for (const line of both?.ended ?? []) expect(line).toMatch(/ (Error|OOMKilled) \{"kind":"chaos","signal":"SIGKILL"\}$/)
  })

  it('stops by itself after --for, and `stop` ends it early', () => {
    const world = openWorld(tmpFile())
    const engine = new Cluster(world, world.clock)
    engine.chaos({ op: 'random', ratePerMinute: 60, seed: '1', forMs: 60_000 })
    engine.advance(61_000)
    expect(world.store.meta('chaos_random')).toBeUndefined()
    expect(refusal(() => engine.chaos({ op: 'stop' }))).toBe('NotRandom: no random chaos is running')
    engine.chaos({ op: 'random', ratePerMinute: 60, seed: '1' })
    engine.advance(10_000)
    expect(engine.chaos({ op: 'stop' }).summary).toMatch(/^random chaos stopped after \d+ actions?$/)
    engine.close()
  })

  it('draws from its own generator: the cluster generator moves exactly as without chaos', () => {
    // Nothing to act on outside the system namespaces, so chaos only draws its own numbers.
    const rngAfter = (withChaos: boolean) => {
      const world = openWorld(tmpFile())
      const engine = new Cluster(world, world.clock)
      if (withChaos) engine.chaos({ op: 'random', ratePerMinute: 30, seed: '5' })
      engine.advance(5 * 60_000)
      const state = world.store.meta('rng')
      engine.close()
      return state
    }
    expect(rngAfter(true)).toBe(rngAfter(false))
  })

  it('refuses a rate out of range and a bad seed', () => {
    const world = openWorld(tmpFile())
    const engine = new Cluster(world, world.clock)
    expect(refusal(() => engine.chaos({ op: 'random', ratePerMinute: 0 }))).toBe('BadValue: the rate must be more than 0 and at most 600 actions per minute, got 0')
    expect(refusal(() => engine.chaos({ op: 'random', ratePerMinute: 1, seed: 'x' }))).toBe('BadValue: the seed must be a whole number of 1 to 15 digits, got "x"')
    engine.close()
  })

  it('kills and OOM-kills too when a runtime is wired in', () => {
    const { engine, calls } = chaosCluster()
    engine.create(deployment)
    engine.advance(30_000)
    engine.chaos({ op: 'random', ratePerMinute: 10, seed: '3', forMs: 3 * 60_000 })
    engine.advance(3 * 60_000)
    expect(new Set(calls.map((c) => c.call))).toEqual(new Set(['signal', 'oom']))
    engine.close()
  })
})
