import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { clusterMap, restartCount } from './cluster-map'
import { Session } from './session'

let engine: Engine
beforeEach(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-map-')), 'c.podlab'), { mode: 'manual' })
})
afterEach(() => engine.close())

const deployment = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '250m', memory: '64Mi' } } }] } },
  },
})

describe('the cluster map', () => {
  it('puts each Running pod of a Deployment in its node box with its IP, and counts its requests on the node', () => {
    engine.create(deployment(3))
    engine.advance(30_000)
    const map = clusterMap(engine)
    expect(map.nodes.map((n) => n.name)).toEqual(['podlab-control-plane', 'podlab-worker', 'podlab-worker2', 'podlab-worker3'])
    const web = map.nodes.flatMap((n) => n.pods.filter((p) => p.name.startsWith('web-')).map((p) => ({ ...p, box: n.name })))
    expect(web).toHaveLength(3)
    for (const p of web) {
      expect(p.status).toBe('Running')
      expect(p.box).toBe(p.node)
      expect(p.ip).toMatch(/^10\.244\.\d+\.\d+$/)
      expect(p.restarts).toBe(0)
    }
    for (const n of map.nodes.filter((n) => n.name !== 'podlab-control-plane')) {
      const mine = n.pods.filter((p) => p.name.startsWith('web-')).length
      // kindnet asks 100m and 50Mi on every node; each web pod 250m and 64Mi.
      expect(n.requested.milliCpu).toBe(100 + 250 * mine)
      expect(n.requested.memory).toBe((50 + 64 * mine) * 1024 * 1024)
    }
    expect(map.unscheduled).toEqual([])
    expect(map.omittedPods).toBe(0)
  })

  it('shows the control plane tainted with its role, and a cordoned node SchedulingDisabled', () => {
    engine.patch('nodes', undefined, 'podlab-worker', 'merge', { spec: { unschedulable: true } })
    const map = clusterMap(engine)
    const cp = map.nodes.find((n) => n.name === 'podlab-control-plane')
    expect(cp?.roles).toBe('control-plane')
    expect(cp?.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }])
    const worker = map.nodes.find((n) => n.name === 'podlab-worker')
    expect(worker).toMatchObject({ status: 'Ready,SchedulingDisabled', ready: 'Ready', cordoned: true, problems: [] })
    expect(worker?.allocatable.milliCpu).toBeGreaterThan(0)
  })

  it('keeps a pod no node can hold in the unscheduled box, Pending', () => {
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'huge', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100' } } }] } })
    engine.advance(5_000)
    const map = clusterMap(engine)
    expect(map.unscheduled).toEqual([{ namespace: 'default', name: 'huge', status: 'Pending', ready: '0/1', restarts: 0, ip: '', node: '', images: ['nginx'] }])
  })

  it('draws at most the limit and counts the pods it leaves out', () => {
    engine.create(deployment(4))
    engine.advance(10_000)
    const all = clusterMap(engine)
    const limited = clusterMap(engine, 3)
    const drawn = limited.nodes.reduce((a, n) => a + n.pods.length, 0) + limited.unscheduled.length
    expect(drawn).toBe(3)
    expect(limited.omittedPods).toBe(all.totalPods - 3)
  })

  it('reads the count of a RESTARTS cell with its last restart', () => {
    expect(restartCount('4 (80s ago)')).toBe(4)
    expect(restartCount(0)).toBe(0)
  })

  it('answers cluster.map, scheduling.verdicts and images.catalog through a session', () => {
    const session = new Session(engine, () => {})
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'huge', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100' } } }] } })
    engine.advance(1_000)
    const map = session.call('cluster.map', {})
    expect(map.ok && (map.result as { unscheduled: unknown[] }).unscheduled).toHaveLength(1)
    const verdicts = session.call('scheduling.verdicts', { namespace: 'default', name: 'huge' })
    expect(verdicts.ok && (verdicts.result as { verdicts: Array<{ outcome: string }> }).verdicts.map((v) => v.outcome)).toEqual(['Unschedulable'])
    const catalog = session.call('images.catalog', { image: 'helloimage' })
    expect(catalog.ok && (catalog.result as { lookup: unknown }).lookup).toEqual({
      found: false,
      repositoryKnown: false,
      registryAnswer:
        'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/helloimage:latest": failed to resolve reference "docker.io/library/helloimage:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    })
    session.close()
  })
})
