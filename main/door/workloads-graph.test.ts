import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { workloadsGraph } from './workloads-graph'

let engine: Engine
beforeEach(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-graph-')), 'c.podlab'), { mode: 'manual' })
})
afterEach(() => engine.close())

describe('the ownership graph', () => {
  it('links a Deployment to its ReplicaSet and the ReplicaSet to its 3 pods, and a Job to its pod', () => {
    engine.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    })
    engine.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', namespace: 'default' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['true'] }] } } } })
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lonely', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
    engine.advance(30_000)
    const g = workloadsGraph(engine, 'default')
    const rs = g.objects.find((o) => o.kind === 'ReplicaSet')
    expect(rs?.name).toMatch(/^web-[a-z0-9]+$/)
    expect(g.edges).toContainEqual({ from: 'Deployment/default/web', to: rs?.id })
    const pods = g.edges.filter((e) => e.from === rs?.id).map((e) => e.to)
    expect(pods).toHaveLength(3)
    expect(g.objects.filter((o) => pods.includes(o.id)).map((o) => o.status)).toEqual(['Running', 'Running', 'Running'])
    expect(g.objects.find((o) => o.id === 'Deployment/default/web')?.status).toBe('3/3')
    expect(g.edges.filter((e) => e.from === 'Job/default/pi')).toHaveLength(1)
    expect(g.objects.some((o) => o.name === 'lonely')).toBe(false)
  })

  it('stops at the limit and counts what it left out', () => {
    engine.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    })
    engine.advance(5_000)
    const g = workloadsGraph(engine, undefined, 3)
    expect(g.objects).toHaveLength(3)
    expect(g.omitted).toBe(3)
  })
})
