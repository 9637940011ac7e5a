import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/pods/types'
import { schedulerWorld } from './testing/fixtures'

// Each pod's last attempt, kept for the UI's "why this node" and "why Pending" (Scheduler.lastAttempt).
describe('the last scheduling attempt of a pod', () => {
  it('a bound pod: the control plane rejected by TaintToleration, the workers scored by plugin, the chosen node', () => {
    const { world, client, scheduler } = schedulerWorld()
    client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
    world.settle()
    const attempt = scheduler.lastAttempt('default', 'web')
    const bound = world.store.get('pods', 'default', 'web') as Pod
    expect(attempt?.outcome).toBe('Scheduled')
    expect(attempt?.node).toBe(bound.spec.nodeName)
    expect(attempt?.nodes.find((n) => n.node === 'podlab-control-plane')?.rejection).toEqual({
      plugin: 'TaintToleration',
      reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    })
    const scored = attempt?.nodes.filter((n) => n.scores) ?? []
    expect(scored.map((n) => n.node).sort()).toEqual(['podlab-worker', 'podlab-worker2', 'podlab-worker3'])
    // A best-effort pod on a worker that runs kind's kindnet (100m, 50Mi) and kube-proxy (best effort, so the
    // scorer's non-zero 100m/200Mi): cpu 300m of 4 -> 92, memory 450Mi of 8Gi -> 94, NodeResourcesFit 93;
    // BalancedAllocation 99 (fractions 0.075 and 0.055); TaintToleration 100*3, ImageLocality 0;
    // PodTopologySpread, InterPodAffinity and NodeAffinity skip.
    expect(scored[0]?.scores).toEqual({ TaintToleration: 300, NodeResourcesFit: 93, NodeResourcesBalancedAllocation: 99, ImageLocality: 0 })
  })

  it('a Pending pod: every node\'s reason and the FailedScheduling text', () => {
    const { world, client, scheduler } = schedulerWorld()
    client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ssd', namespace: 'default' }, spec: { nodeSelector: { disktype: 'ssd' }, containers: [{ name: 'c', image: 'nginx' }] } })
    world.settle()
    const attempt = scheduler.lastAttempt('default', 'ssd')
    expect(attempt?.outcome).toBe('Unschedulable')
    expect(attempt?.nodes.map((n) => `${n.node}: ${n.rejection?.plugin}`)).toEqual([
      'podlab-control-plane: TaintToleration',
      'podlab-worker: NodeAffinity',
      'podlab-worker2: NodeAffinity',
      'podlab-worker3: NodeAffinity',
    ])
    expect(attempt?.message).toMatch(/^0\/4 nodes are available: 1 node\(s\) had untolerated taint/)
  })

  it('a scheduler that lost its queue (another process committed) still retries its unschedulable pods', () => {
    const { world, client, scheduler, advance } = schedulerWorld()
    client.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '6' } } }] } })
    world.settle()
    scheduler.reset()
    advance(6 * 60_000)
    // The stored 5-minute timer found the pod waiting again: a second attempt, counted on a new event.
    expect(scheduler.lastAttempt('default', 'big')?.at).toBe('2025-01-01T00:05:30Z')
  })
})
