import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../kube'
import { Cluster } from '../cluster'
import { openWorld } from '../controller/testing/world'
import { MYNGINX, pod, tmpFile } from '../testing/cluster'
import type { Pod } from '../api/pods/types'
import { attachUsageSource, type ContainerUsage } from './usage'
import type { PodMetrics, NodeMetrics } from './metrics-api'

/** A cluster whose runtime reports `usage` for every container (keyed by container id, else `fallback`). */
function clusterWithUsage(fallback: ContainerUsage, byId: Record<string, ContainerUsage> = {}) {
  const world = openWorld(tmpFile())
  attachUsageSource(world, { usage: (_node, id) => byId[id] ?? fallback })
  return { world, engine: new Cluster(world, world.clock) }
}

describe('metrics.k8s.io/v1beta1 served as metrics-server 0.7 serves it', () => {
  it('is discovered as metrics-server registers it: pods (namespaced) and nodes, no short names', () => {
    const { engine } = clusterWithUsage({ memoryBytes: 0, cpuMillicores: 0 })
    const metrics = engine.resources().filter((r) => r.group === 'metrics.k8s.io')
    expect(metrics.map((r) => [r.resource, r.version, r.kind, r.namespaced, r.shortNames])).toEqual([
      ['nodes', 'v1beta1', 'NodeMetrics', false, []],
      ['pods', 'v1beta1', 'PodMetrics', true, []],
    ])
    // kubectl get pods still means core pods.
    expect(engine.resources().find((r) => r.resource === 'pods')?.group).toBe('')
    engine.close()
  })

  it('a Running pod gets PodMetrics once scraped twice: Ki memory, n/m CPU, a 15s window on the scrape grid', () => {
    const { engine } = clusterWithUsage({ memoryBytes: 2616 * 1024 + 5, cpuMillicores: 1.5 })
    engine.create(MYNGINX)
    engine.advance(10_000)
    expect(pod(engine).status?.phase).toBe('Running')
    // Running since ~00:00:0x; the scrapes at 00:00:15 and 00:00:30 are needed.
    expect(() => engine.get('pods', 'default', 'mynginx', 'metrics.k8s.io')).toThrow('pods.metrics.k8s.io "default/mynginx" not found')
    expect(engine.list('pods', 'default', {}, 'metrics.k8s.io').items).toEqual([])
    engine.advance(25_000)
    const m = engine.get('pods', 'default', 'mynginx', 'metrics.k8s.io') as PodMetrics
    expect(m).toEqual({
      apiVersion: 'metrics.k8s.io/v1beta1',
      kind: 'PodMetrics',
      metadata: { name: 'mynginx', namespace: 'default', creationTimestamp: '2025-01-01T00:00:35Z', labels: { run: 'mynginx' } },
      timestamp: '2025-01-01T00:00:30Z',
      window: '15s',
      // 2616Ki + 5 bytes is 655 pages: 2620Ki.
      containers: [{ name: 'nginx', usage: { cpu: '1500u', memory: '2620Ki' } }],
    })
    expect(() => engine.get('pods', 'default', 'nope', 'metrics.k8s.io')).toThrow('pods "nope" not found')
    engine.close()
  })

  it('the podlab.dev/memory-usage and cpu-usage annotations override what the runtime measures, per container or for all', () => {
    const { engine } = clusterWithUsage({ memoryBytes: 4096, cpuMillicores: 1 })
    engine.create({
      ...MYNGINX,
      metadata: { name: 'two', annotations: { 'podlab.dev/memory-usage': 'a=300Mi', 'podlab.dev/cpu-usage': '250m' } },
      spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox', command: ['sleep', '3600'] }] },
    })
    engine.advance(60_000)
    const m = engine.get('pods', 'default', 'two', 'metrics.k8s.io') as PodMetrics
    expect(m.containers).toEqual([
      { name: 'a', usage: { cpu: '250m', memory: '300Mi' } },
      { name: 'b', usage: { cpu: '250m', memory: '4Ki' } },
    ])
    engine.close()
  })

  it('NodeMetrics: the node daemons plus its pods; unknown node NotFound as the nodes lister says it', () => {
    const { engine } = clusterWithUsage({ memoryBytes: 10 * 1024 * 1024, cpuMillicores: 5 })
    engine.create(MYNGINX)
    engine.advance(60_000)
    const node = pod(engine).spec.nodeName ?? ''
    const podsOnNode = (engine.list('pods').items as Pod[]).filter((p) => p.spec.nodeName === node && p.status?.phase === 'Running')
    const containers = podsOnNode.reduce((n, p) => n + (p.status?.containerStatuses ?? []).filter((s) => s.state.running).length, 0)
    const m = engine.get('nodes', undefined, node, 'metrics.k8s.io') as NodeMetrics
    expect(m.usage).toEqual({ cpu: `${30 + 5 * containers}m`, memory: `${200 + 10 * containers}Mi` })
    expect(m.window).toBe('15s')
    const all = engine.list('nodes', undefined, {}, 'metrics.k8s.io').items
    expect(all.map((n) => n.metadata.name)).toEqual(['podlab-control-plane', 'podlab-worker', 'podlab-worker2', 'podlab-worker3'])
    expect(() => engine.get('nodes', undefined, 'nope', 'metrics.k8s.io')).toThrow('nodes "nope" not found')
    engine.close()
  })

  it('is read-only: creating a PodMetrics is refused with the API server words', () => {
    const { engine } = clusterWithUsage({ memoryBytes: 0, cpuMillicores: 0 })
    expect(() => engine.create({ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'PodMetrics', metadata: { name: 'x' } })).toThrow(
      'the server does not allow this method on the requested resource',
    )
    engine.close()
  })

  it('a watch from the beginning replays each stored object once (not the metrics, not events twice)', () => {
    const { engine } = clusterWithUsage({ memoryBytes: 0, cpuMillicores: 0 })
    engine.create(MYNGINX)
    engine.advance(60_000)
    const seen: KubeObject[] = []
    engine.watch(undefined, (e) => seen.push(e.object))
    const uids = seen.map((o) => o.metadata.uid)
    expect(new Set(uids).size).toBe(uids.length)
    expect(seen.some((o) => o.kind === 'PodMetrics' || o.kind === 'NodeMetrics')).toBe(false)
    engine.close()
  })
})
