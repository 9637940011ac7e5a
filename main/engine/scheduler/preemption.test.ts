import { describe, expect, it } from 'vitest'
import type { CoreEvent } from '../api/events/types'
import type { Pod } from '../api/pods/types'
import { schedulerWorld } from './testing/fixtures'

// DefaultPreemption (plugins/defaultpreemption, framework/preemption) on the default cluster: three workers of
// 4 CPU, each holding one 3-CPU pod of priority 0.
const cpuPod = (name: string, cpu: string, priority?: { className: string; value: number }, policy?: 'Never') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: {
    containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }],
    ...(priority ? { priorityClassName: priority.className, priority: priority.value } : {}),
    ...(policy ? { preemptionPolicy: policy } : {}),
  },
})
const HIGH = { className: 'high', value: 1000 }

function filled() {
  const w = schedulerWorld()
  for (const n of ['a', 'b', 'c']) w.client.create(cpuPod(n, '3'))
  w.world.settle()
  const get = (name: string) => w.world.store.get('pods', 'default', name) as Pod
  return { ...w, get }
}

describe('DefaultPreemption', () => {
  it('nominates a node, marks the victim DisruptionTarget/PreemptionByScheduler, deletes it gracefully and records Preempted', () => {
    const { world, client, get, advance } = filled()
    client.create(cpuPod('vip', '3', HIGH))
    world.settle()
    const vip = get('vip')
    const node = vip.status?.nominatedNodeName
    expect(node).toMatch(/^podlab-worker/)
    // The preemption found a candidate: its message is left out of FailedScheduling.
    expect(vip.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu.',
    )
    const victim = ['a', 'b', 'c'].map(get).find((p) => p.spec.nodeName === node) as Pod
    expect(victim.metadata.deletionTimestamp).toBeDefined()
    expect(victim.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    })
    const preempted = world.store.eventsAbout<CoreEvent>('default', victim.metadata.uid ?? '').find((e) => e.reason === 'Preempted')
    expect(preempted?.message).toBe(`Preempted by pod ${vip.metadata.uid} on node ${node}`)
    // Once the victim is gone (its kubelet's final delete), the preemptor binds to the nominated node, after
    // its 1 s back-off.
    client.delete('pods', 'default', victim.metadata.name ?? '', { gracePeriodSeconds: 0 })
    world.settle()
    expect(get('vip').spec.nodeName).toBeUndefined()
    advance(2_000)
    expect(get('vip').spec.nodeName).toBe(node)
  })

  it('the room freed for the nominated pod is kept for it: a lower-priority pod tried meanwhile does not take it (RunFilterPluginsWithNominatedPods)', () => {
    const { world, client, get, advance } = filled()
    client.create(cpuPod('vip', '3', HIGH))
    world.settle()
    const node = get('vip').status?.nominatedNodeName
    const victim = ['a', 'b', 'c'].map(get).find((p) => p.spec.nodeName === node) as Pod
    client.delete('pods', 'default', victim.metadata.name ?? '', { gracePeriodSeconds: 0 })
    world.settle()
    // The preemptor waits out its back-off; a new pod tried meanwhile counts the nominated pod on that node.
    client.create(cpuPod('late', '2'))
    world.settle()
    expect(get('late').spec.nodeName).toBeUndefined()
    advance(30_000)
    expect([get('vip').spec.nodeName, get('late').spec.nodeName]).toEqual([node, undefined])
  })

  it('preemptionPolicy Never: `preemption: not eligible due to preemptionPolicy=Never.`', () => {
    const { world, client, get } = filled()
    client.create(cpuPod('polite', '3', HIGH, 'Never'))
    world.settle()
    expect(get('polite').status?.conditions?.[0]?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: not eligible due to preemptionPolicy=Never.',
    )
    expect(['a', 'b', 'c'].map(get).every((p) => !p.metadata.deletionTimestamp)).toBe(true)
  })

  it('no victim helps when even an emptied node is too small: the filter\'s reason counts in the preemption message', () => {
    const { world, client, get } = filled()
    client.create(cpuPod('huge', '5', HIGH))
    world.settle()
    expect(get('huge').status?.conditions?.[0]?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 Insufficient cpu.',
    )
  })

  it('the active queue is sorted by priority: of two pods waiting for one room, the higher priority binds', () => {
    const { world, client, get } = filled()
    client.delete('pods', 'default', 'a', { gracePeriodSeconds: 0 })
    world.settle()
    // Both come at one instant (one transaction): the scheduler pops the higher priority first.
    client.create(cpuPod('first-low', '3'))
    client.create(cpuPod('second-high', '3', HIGH))
    world.settle()
    expect(get('second-high').spec.nodeName).toMatch(/^podlab-worker/)
  })
})
