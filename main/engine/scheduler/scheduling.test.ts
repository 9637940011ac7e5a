import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/pods/types'
import { openCluster } from '../open-cluster'
import { eventsFor, MYNGINX, pod, tmpFile } from '../testing/cluster'

describe('scheduling (k8s-behaviour.md §8)', () => {
  it('never schedules onto the tainted control plane', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    for (let i = 0; i < 12; i++) engine.create({ ...MYNGINX, metadata: { name: `p${i}` } })
    const nodes = engine.list('pods', 'default').items.map((p) => (p as Pod).spec.nodeName)
    expect(nodes).not.toContain('podlab-control-plane')
    expect(new Set(nodes).size).toBe(3)
    engine.close()
  })

  it('leaves a pod that fits nowhere Pending with FailedScheduling, and schedules it once room is freed (§8)', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const big = (name: string) => ({
      ...MYNGINX,
      metadata: { name },
      spec: { containers: [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '3' } } }] },
    })
    for (const name of ['a', 'b', 'c', 'd']) engine.create(big(name))
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
      'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.'
    expect(pod(engine, 'd').status?.conditions).toEqual([
      { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' },
    ])
    expect(eventsFor(engine, 'd').map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([`Warning FailedScheduling ${message}`])
    engine.advance(30_000)
    engine.delete('pods', 'default', 'a')
    expect(pod(engine, 'd').spec.nodeName).toBeUndefined()
    engine.advance(5_000)
    expect(pod(engine, 'd').spec.nodeName).toMatch(/^podlab-worker/)
    engine.close()
  })

  it('retries a pod that fit nowhere when a pod on a node finishes (its requests no longer count)', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    const job = (name: string, command: string[]) => ({
      ...MYNGINX,
      metadata: { name },
      spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command, resources: { requests: { cpu: '3' } } }] },
    })
    for (const name of ['a', 'b', 'c']) engine.create(job(name, ['sleep', '20']))
    engine.create(job('d', ['sleep', 'infinity']))
    expect(pod(engine, 'd').spec.nodeName).toBeUndefined()
    engine.advance(30_000)
    expect(pod(engine, 'a').status?.phase).toBe('Succeeded')
    expect(pod(engine, 'd').spec.nodeName).toMatch(/^podlab-worker/)
    engine.close()
  })
})
