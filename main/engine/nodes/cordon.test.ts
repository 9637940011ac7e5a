// Cordon, uncordon and eviction as `kubectl drain` will use them through the Engine face: spec.unschedulable,
// the node.kubernetes.io/unschedulable:NoSchedule taint the node lifecycle controller adds, the kubelet's
// NodeNotSchedulable / NodeSchedulable events, and pods/eviction (no PodDisruptionBudgets yet).

import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import type { Node } from '../api/nodes/types'
import type { Pod } from '../api/pods/types'
import type { CoreEvent } from '../api/events/types'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'
import { setUnschedulable } from './cordon'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

const deployment = (replicas: number) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
})

describe('cordon and eviction', () => {
  it('cordons a worker (taint, event, no new pods there) and uncordons it; a second cordon says it already was', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    opened.push(engine)
    expect(setUnschedulable(engine, 'podlab-worker', true)).toBe(true)
    expect(setUnschedulable(engine, 'podlab-worker', true)).toBe(false)
    const node = engine.get('nodes', undefined, 'podlab-worker') as Node
    expect(node.spec?.unschedulable).toBe(true)
    expect(node.spec?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unschedulable:NoSchedule'])
    expect(engine.table('nodes', undefined).rows.find((r) => r.cells[0] === 'podlab-worker')?.cells[1]).toBe('Ready,SchedulingDisabled')
    engine.create(deployment(6))
    engine.advance(30_000)
    expect((engine.list('pods', 'default').items as Pod[]).map((p) => p.spec.nodeName)).not.toContain('podlab-worker')
    expect(setUnschedulable(engine, 'podlab-worker', false)).toBe(true)
    const back = engine.get('nodes', undefined, 'podlab-worker') as Node
    expect(back.spec?.unschedulable).toBeUndefined()
    expect(back.spec?.taints).toBeUndefined()
    const kubelet = (engine.list('events', 'default').items as CoreEvent[]).filter((e) => e.involvedObject?.name === 'podlab-worker' && e.source?.component === 'kubelet').map((e) => e.message)
    expect(kubelet).toEqual(['Node podlab-worker status is now: NodeNotSchedulable', 'Node podlab-worker status is now: NodeSchedulable'])
  })

  it('evicts a pod through pods/eviction: DisruptionTarget (EvictionByEvictionAPI), Terminating, and its ReplicaSet replaces it', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    opened.push(engine)
    engine.create(deployment(2))
    engine.advance(30_000)
    const [first] = engine.list('pods', 'default').items as Pod[]
    const name = first?.metadata.name ?? ''
    engine.evict('default', name)
    const evicted = engine.get('pods', 'default', name) as Pod
    expect(evicted.metadata.deletionTimestamp).toBeDefined()
    expect(evicted.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' })
    engine.advance(40_000)
    const left = engine.list('pods', 'default').items as Pod[]
    expect(left.map((p) => p.metadata.name)).not.toContain(name)
    expect(left).toHaveLength(2)
  })

  it("refuses to change a node's podCIDRs once set, as ValidateNodeUpdate does", () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    opened.push(engine)
    expect(() => engine.patch('nodes', undefined, 'podlab-worker', 'merge', { spec: { podCIDRs: ['10.244.99.0/24'], podCIDR: '10.244.99.0/24' } })).toThrow(
      'Node "podlab-worker" is invalid: spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid',
    )
  })
})
