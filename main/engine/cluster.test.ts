import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../kube'
import { isApiError } from './api/errors'
import { createDefaultCluster } from './bootstrap/default-cluster'
import { VirtualClock } from './runtime/clock'
import { seedState } from './runtime/rng'
import { Cluster } from './cluster'
import { Kubelets } from './kubelet/kubelet'
import { PredictedRuntime } from './kubelet/predicted-runtime'
import { openCluster } from './open-cluster'
import { Scheduler } from './scheduler/scheduler'
import { openClusterFile } from './store/cluster-file'
import { MYNGINX, pod, tmpFile } from './testing/cluster'
import { fingerprint } from './testing/fingerprint'
import { World } from './world'


/** The nodes' runtime, registered before the kubelets that use it (as registerControllers does). */
function registeredRuntime(world: World): PredictedRuntime {
  const runtime = new PredictedRuntime(world)
  world.register(runtime)
  return runtime
}

describe('default cluster (shaped like kind)', () => {
  it('has a tainted control plane, three Ready workers with 4 CPU / 8Gi / 110 pods and a /24 each, and the API server namespaces', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const nodes = engine.list('nodes').items as Array<KubeObject & { spec: any; status: any }>
    expect(nodes.map((n) => n.metadata.name)).toEqual(['podlab-control-plane', 'podlab-worker', 'podlab-worker2', 'podlab-worker3'])
    expect(nodes[0]?.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }])
    for (const [i, n] of nodes.entries()) {
      expect(n.spec.podCIDR).toBe(`10.244.${i}.0/24`)
      expect(n.status.capacity).toMatchObject({ cpu: '4', memory: '8388608Ki', pods: '110' })
      expect(n.status.conditions.find((c: any) => c.type === 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' })
      expect(n.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    expect(engine.list('namespaces').items.map((n) => n.metadata.name)).toEqual(expect.arrayContaining(['default', 'kube-system']))
    engine.close()
  })
})

describe('the cluster file', () => {
  it('records every change in history with increasing resourceVersions, and watch replays from a resourceVersion', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const from = engine.info().resourceVersion
    const seen: string[] = []
    const stop = engine.watch(from, (e, rv) => seen.push(`${rv} ${e.type} ${e.object.kind}/${e.object.metadata.name}`))
    engine.create(MYNGINX)
    stop()
    const rvs = seen.map((s) => Number(s.split(' ')[0]))
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b))
    expect(rvs[0]).toBe(Number(from) + 1)
    expect(seen[0]).toMatch(/ ADDED Pod\/mynginx$/)
    const replay: string[] = []
    engine.watch(from, (e, rv) => replay.push(`${rv} ${e.type} ${e.object.kind}/${e.object.metadata.name}`))()
    expect(replay).toEqual(seen)
    engine.close()
  })

  it('same seed and same commands give the same history, byte for byte', () => {
    const run = (seed: string) => {
      const path = tmpFile()
      const engine = openCluster(path, { mode: 'manual', seed })
      engine.create(MYNGINX)
      engine.create({ ...MYNGINX, metadata: { generateName: 'web-' } })
      engine.advance(45_000)
      engine.delete('pods', 'default', 'mynginx')
      engine.advance(10_000)
      engine.close()
      return fingerprint(path)
    }
    expect(run('7')).toBe(run('7'))
    expect(run('7')).not.toBe(run('8'))
  })

  it('a failed write leaves the file exactly as it was', () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'manual' })
    engine.create(MYNGINX)
    const before = fingerprint(path)
    const attempts: unknown[] = [
      MYNGINX, // already exists
      { ...MYNGINX, metadata: { name: 'bad' }, spec: { containers: [{ name: 'c' }] } }, // no image
      { apiVersion: 'v1', kind: 'Pod', metadate: { name: 'x' }, spec: MYNGINX.spec }, // unknown field
      { ...MYNGINX, metadata: { name: 'elsewhere', namespace: 'nope' } }, // no such namespace
    ]
    for (const attempt of attempts) {
      let error: unknown
      try {
        engine.create(attempt)
      } catch (e) {
        error = e
      }
      expect(isApiError(error)).toBe(true)
      expect(fingerprint(path)).toBe(before)
    }
    engine.close()
  })

  it('keeps working across opens: a pod created in one process runs after `advance` in the next', () => {
    const path = tmpFile()
    const first = openCluster(path, { mode: 'manual' })
    first.create(MYNGINX)
    first.close()
    const second = openCluster(path, { mode: 'manual' })
    second.advance(30_000)
    expect(pod(second).status?.phase).toBe('Running')
    second.close()
    expect(readFileSync(path).subarray(0, 15).toString()).toBe('SQLite format 3')
  })
})

describe('the end of time', () => {
  it('the clock stops at 9999-12-31T23:59:59Z, the last instant metav1.Time carries, with a sentence and nothing written', () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'manual' })
    const { db } = openClusterFile(path)
    db.prepare('UPDATE clock SET now_ms = ?').run(Date.UTC(9999, 11, 31, 23, 0, 0))
    db.close()
    engine.advance(3_599_000)
    expect(engine.clock().now).toBe('9999-12-31T23:59:59Z')
    const before = fingerprint(path)
    expect(() => engine.advance(1_000)).toThrow('the virtual clock cannot go past 9999-12-31T23:59:59Z')
    expect(fingerprint(path)).toBe(before)
    engine.close()
  })
})

describe('one file, two processes, and failures halfway', () => {
  it('a process whose clock was read just before another process committed writes at the newer time (issue 5: history stamped earlier than the row before)', () => {
    const path = tmpFile()
    const other = openCluster(path, { mode: 'realtime' })
    const { db } = openClusterFile(path)
    const clock = new VirtualClock(db, 'manual') // reads 00:00:00
    other.advance(60_000) // commits between that read and the rest of this process's wiring
    const world = new World(db, clock)
    world.register(new Scheduler(world))
    world.register(new Kubelets(world, registeredRuntime(world)))
    const engine = new Cluster(world, clock)
    engine.create(MYNGINX)
    const times = (db.prepare('SELECT at_ms FROM history ORDER BY resource_version').pluck().all() as number[]).slice(-3)
    expect(times.every((t) => t >= Date.UTC(2025, 0, 1, 0, 1, 0))).toBe(true)
    engine.close()
    other.close()
  })

  it("watchers hear another process's commits at this process's next call, once each and in order", () => {
    const path = tmpFile()
    const app = openCluster(path, { mode: 'realtime' })
    const cli = openCluster(path, { mode: 'manual' })
    const seen: string[] = []
    app.watch(app.info().resourceVersion, (e, rv) => seen.push(`${rv} ${e.type} ${e.object.kind}/${e.object.metadata.name}`))
    cli.create({ ...MYNGINX, metadata: { name: 'from-cli' } })
    expect(seen).toEqual([])
    app.clock()
    expect(seen[0]).toMatch(/ ADDED Pod\/from-cli$/)
    const heard = seen.length
    app.create({ ...MYNGINX, metadata: { name: 'from-app' } })
    app.clock()
    expect(seen.slice(heard).some((s) => s.endsWith('ADDED Pod/from-app'))).toBe(true)
    expect(seen.filter((s) => s.endsWith('ADDED Pod/from-cli'))).toHaveLength(1)
    const rvs = seen.map((s) => Number(s.split(' ')[0]))
    expect(rvs).toEqual([...new Set(rvs)].sort((a, b) => a - b))
    app.close()
    cli.close()
  })

  it("a write that fails right after catching up does not make the watchers miss another process's commits", () => {
    const path = tmpFile()
    const app = openCluster(path, { mode: 'realtime' })
    const cli = openCluster(path, { mode: 'manual' })
    const seen: string[] = []
    app.watch(app.info().resourceVersion, (e) => seen.push(`${e.type} ${e.object.metadata.name}`))
    cli.create({ ...MYNGINX, metadata: { name: 'from-cli' } })
    expect(() => app.create({ ...MYNGINX, metadata: { name: 'bad' }, spec: { containers: [{ name: 'c' }] } })).toThrow()
    app.create({ ...MYNGINX, metadata: { name: 'from-app' } })
    expect(seen).toContain('ADDED from-cli')
    expect(seen).toContain('ADDED from-app')
    app.close()
    cli.close()
  })

  it('the app and the CLI can take turns on one file: each catches up with the other (no reused UIDs, no clock going back)', () => {
    const path = tmpFile()
    const app = openCluster(path, { mode: 'realtime' })
    const cli = openCluster(path, { mode: 'manual' })
    app.create({ ...MYNGINX, metadata: { name: 'from-app' } })
    cli.create({ ...MYNGINX, metadata: { name: 'from-cli' } })
    cli.advance(60_000)
    app.create({ ...MYNGINX, metadata: { name: 'again-app' } })
    expect(app.clock().now).toBe('2025-01-01T00:01:00Z')
    app.advance(1_000)
    expect(cli.clock().now).toBe('2025-01-01T00:01:01Z')
    const uids = app.list('pods', 'default').items.map((p) => p.metadata.uid)
    expect(new Set(uids).size).toBe(3)
    app.close()
    cli.close()
  })

  it('a file whose first opening stopped after the schema gets its cluster on the next opening', () => {
    const path = tmpFile()
    openClusterFile(path).db.close()
    const engine = openCluster(path, { mode: 'manual', seed: '42' })
    expect(engine.info().seed).toBe('42')
    expect(engine.list('nodes').items).toHaveLength(4)
    engine.create(MYNGINX)
    engine.close()
  })

  it('a sync that throws does not roll back the command nor stop the clock: its key is retried with back-off and reported once (it used to fail the whole create)', () => {
    const path = tmpFile()
    const { db } = openClusterFile(path)
    db.prepare("INSERT INTO meta (key, value) VALUES ('seed', '1'), ('rng', ?), ('cluster_name', 'podlab'), ('resource_version', '0')").run(seedState('1'))
    VirtualClock.initialise(db)
    const clock = new VirtualClock(db, 'manual')
    const world = new World(db, clock)
    world.register(new Scheduler(world))
    world.register(new Kubelets(world, registeredRuntime(world)))
    // Runs after the scheduler and the kubelet have written (it is registered last): a bug in a third controller.
    let calls = 0
    world.register({
      name: 'broken',
      register: (informers, queue) => {
        // The user's pods only: the default cluster's own pods are written as it is made.
        const dirty = (pod: KubeObject) => {
          if (pod.metadata.namespace === 'default') queue.add('x')
        }
        informers.informer('pods').addEventHandler({ add: dirty, update: (_old, pod) => dirty(pod), delete: dirty })
      },
      sync: () => { calls++; throw new Error('boom') },
    })
    const reported: string[] = []
    world.errors.onReport((e) => reported.push(`${e.controller} ${e.key}: ${e.message}`))
    db.transaction(() => {
      createDefaultCluster(world)
      world.settle()
      world.commit()
    })()
    const engine = new Cluster(world, clock)
    expect(engine.create(MYNGINX).metadata.name).toBe('mynginx')
    expect(pod(engine).spec.nodeName).toBeTruthy()
    expect(world.errors.lastError('broken', 'x')).toMatchObject({ message: 'boom', failures: 1, retryInMs: 5 })
    expect(engine.advance(1_000).now).toBe('2025-01-01T00:00:01Z')
    expect(calls).toBeGreaterThan(1)
    expect(reported).toEqual(['broken x: boom'])
    engine.close()
  })

  it('a watcher that throws does not turn a committed write into an error', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const seen: string[] = []
    engine.watch(engine.info().resourceVersion, () => {
      throw new Error('watcher bug')
    })
    engine.watch(engine.info().resourceVersion, (e) => seen.push(e.object.metadata.name ?? ''))
    expect(engine.create(MYNGINX).metadata.name).toBe('mynginx')
    expect(seen).toContain('mynginx')
    engine.close()
  })
})
