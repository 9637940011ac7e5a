import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'
import { undoCompactHistory } from '../testing/before-0007'
import { MAX_SCORED } from './verdicts'

const open: Engine[] = []
afterEach(() => open.splice(0).forEach((e) => e.close()))
const engineAt = (path = tmpFile()) => {
  const e = openCluster(path, { mode: 'manual' })
  open.push(e)
  return e
}
const podOf = (name: string, requests?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx', ...(requests ? { resources: { requests } } : {}) }] },
})

describe('the scheduler records its verdicts in the cluster file', () => {
  it('a pod too big for any node: every node with the filter that rejected it, and the workers with their free cpu', () => {
    const engine = engineAt()
    engine.create(podOf('huge', { cpu: '100' }))
    engine.advance(1_000)
    const [v, ...more] = engine.schedulingVerdicts('default', 'huge')
    expect(more).toEqual([])
    expect(v?.outcome).toBe('Unschedulable')
    expect(v?.slot).toBe('last')
    expect(v?.requests.milliCpu).toBe(100_000)
    expect(v?.message).toMatch(/^0\/4 nodes are available: /)
    expect(v?.scored).toEqual([])
    const byNode = Object.fromEntries((v?.rejected ?? []).map((r) => [r.node, r]))
    expect(Object.keys(byNode).sort()).toEqual(['podlab-control-plane', 'podlab-worker', 'podlab-worker2', 'podlab-worker3'])
    expect(byNode['podlab-control-plane']?.plugin).toBe('TaintToleration')
    for (const worker of ['podlab-worker', 'podlab-worker2', 'podlab-worker3']) {
      expect(byNode[worker]?.plugin).toBe('NodeResourcesFit')
      expect(byNode[worker]?.reasons).toEqual(['Insufficient cpu'])
      // What the node had free: its allocatable minus what its pods (kindnet's 100m) request.
      const node = engine.get('nodes', undefined, worker) as { status: { allocatable: { cpu: string } } }
      expect(byNode[worker]?.free?.milliCpu).toBe(Number(node.status.allocatable.cpu) * 1000 - 100)
    }
  })

  it('a scheduled pod: the binding attempt names the chosen node, the one it is bound to, with the highest score', () => {
    const engine = engineAt()
    engine.create(podOf('web'))
    engine.advance(1_000)
    const [v] = engine.schedulingVerdicts('default', 'web')
    const bound = engine.get('pods', 'default', 'web') as { spec: { nodeName: string } }
    expect(v?.slot).toBe('binding')
    expect(v?.outcome).toBe('Scheduled')
    expect(v?.node).toBe(bound.spec.nodeName)
    expect(v?.message).toBe('')
    expect(v?.scored.map((s) => s.node).sort()).toEqual(['podlab-worker', 'podlab-worker2', 'podlab-worker3'])
    const chosen = v?.scored.find((s) => s.node === v.node)
    expect(chosen?.total).toBe(Math.max(...(v?.scored ?? []).map((s) => s.total)))
    expect(Object.values(chosen?.scores ?? {}).reduce((a, b) => a + b, 0)).toBe(chosen?.total)
  })

  it('keeps the last failed attempt beside the binding one once room is made', () => {
    const engine = engineAt()
    engine.create(podOf('hog', { cpu: '3' }))
    engine.create(podOf('hog2', { cpu: '3' }))
    engine.create(podOf('hog3', { cpu: '3' }))
    engine.advance(1_000)
    engine.create(podOf('late', { cpu: '3' }))
    engine.advance(1_000)
    expect(engine.schedulingVerdicts('default', 'late').map((v) => v.slot)).toEqual(['last'])
    engine.delete('pods', 'default', 'hog', { gracePeriodSeconds: 0 })
    engine.advance(10_000)
    expect(engine.schedulingVerdicts('default', 'late').map((v) => `${v.slot} ${v.outcome}`)).toEqual(['last Unschedulable', 'binding Scheduled'])
  })

  it('survives in the file: another process opening it reads the same verdicts', () => {
    const path = tmpFile()
    const first = engineAt(path)
    first.create(podOf('huge', { cpu: '100' }))
    first.advance(1_000)
    const before = first.schedulingVerdicts('default', 'huge')
    first.close()
    open.splice(0)
    expect(engineAt(path).schedulingVerdicts('default', 'huge')).toEqual(before)
  })
})

describe('the verdicts stay small on a big cluster', () => {
  it('keeps the best scored nodes (the chosen one among them) and groups the rejections', () => {
    const engine = engineAt()
    for (let i = 0; i < 40; i++) {
      engine.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: `extra-${i}`, labels: { 'kubernetes.io/hostname': `extra-${i}` } }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' }, conditions: [{ type: 'Ready', status: 'True' }] } })
    }
    engine.create(podOf('web'))
    engine.advance(1_000)
    const [v] = engine.schedulingVerdicts('default', 'web')
    expect(v?.scored.length).toBe(MAX_SCORED)
    expect(v?.scoredNodes).toBeGreaterThan(MAX_SCORED)
    expect(v?.scored.some((s) => s.node === v.node)).toBe(true)
    const totals = v?.scored.map((s) => s.total) ?? []
    expect(totals).toEqual([...totals].sort((a, b) => b - a))
  })
})

describe('migration 0006_scheduling_verdicts', () => {
  it('opens a version-5 file migrated to version 6, with no verdicts, recording from then on', () => {
    const path = tmpFile()
    openCluster(path, { mode: 'manual' }).close()
    const raw = new Database(path)
    // A version-5 file has none of the later tables either (0007's compact history, 0008_object_heads).
    raw.exec('DROP TABLE scheduling_verdicts; DROP TABLE object_heads')
    undoCompactHistory(raw) // 0007's
    raw.pragma('user_version = 5')
    raw.close()
    const engine = engineAt(path)
    expect(engine.schedulingVerdicts('default', 'web')).toEqual([])
    engine.create(podOf('web'))
    engine.advance(1_000)
    expect(engine.schedulingVerdicts('default', 'web').map((v) => v.outcome)).toEqual(['Scheduled'])
  })
})
