import { describe, expect, it } from 'vitest'
import type { CoreEvent } from '../api/events/types'
import type { Node } from '../api/nodes/types'
import type { Pod } from '../api/pods/types'
import { nodeObject } from '../bootstrap/default-cluster'
import { openCluster } from '../open-cluster'
import { eventsFor, MYNGINX, pod, tmpFile } from '../testing/cluster'
import { schedulerWorld } from './testing/fixtures'

// Issue 7's cases from real users, each as upstream's kube-scheduler 1.32 answers it.
const TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'

describe('user cases (issue 7)', () => {
  it('a required node affinity no node satisfies keeps the pod Pending: 3 node(s) didn\'t match Pod\'s node affinity/selector', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({
      ...MYNGINX,
      spec: {
        ...MYNGINX.spec,
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['antarctica-east1'] }] }],
            },
          },
        },
      },
    })
    engine.advance(60_000)
    const p = pod(engine)
    expect(p.spec.nodeName).toBeUndefined()
    expect(p.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message).toBe(
      `0/4 nodes are available: ${TAINT}, 3 node(s) didn't match Pod's node affinity/selector. ` +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    )
    engine.close()
  })

  it('an unschedulable pod (nodeSelector disktype: ssd) is retried: after 15 minutes FailedScheduling counts more than one and LAST SEEN moved', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ ...MYNGINX, spec: { ...MYNGINX.spec, nodeSelector: { disktype: 'ssd' } } })
    engine.advance(15 * 60_000)
    const failed = eventsFor(engine, 'mynginx').filter((e) => e.reason === 'FailedScheduling')
    // Attempts at 0, 5m30s and 11m (the 5-minute flush on its 30 s ticks). The first is about the pod before
    // its PodScheduled condition was written, so the repeats are the series of the second event.
    expect(failed.map((e) => [e.eventTime, e.series ?? null])).toEqual([
      ['2025-01-01T00:00:00.000000Z', null],
      ['2025-01-01T00:05:30.000000Z', { count: 2, lastObservedTime: '2025-01-01T00:11:00.000000Z' }],
    ])
    const table = engine.table('events', 'default')
    const row = table.rows.find((r) => r.object.metadata.name === failed[1]?.metadata.name)
    expect(row?.cells.slice(0, 1)).toEqual(['4m'])
    engine.close()
  })

  it('an oversized pod stays Pending with the exact message and is scheduled when a node with room is added', () => {
    const { world, client, advance } = schedulerWorld()
    client.create({
      ...MYNGINX,
      metadata: { name: 'big', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '6' } } }] },
    })
    world.settle()
    advance(30_000)
    const big = () => world.store.get('pods', 'default', 'big') as Pod
    expect(big().spec.nodeName).toBeUndefined()
    expect(big().status?.conditions?.[0]?.message).toBe(
      `0/4 nodes are available: ${TAINT}, 3 Insufficient cpu. ` +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    )
    client.create(
      nodeObject(world, { name: 'podlab-worker4', role: 'worker', cpu: '8', memory: '16Gi', pods: '110', internalIP: '172.18.0.9', podCIDR: '10.244.9.0/24' }) as Node,
    )
    world.settle()
    // NodeResourcesFit's hint queues it at once (the node fits its requests); its 1 s back-off has passed.
    expect(big().spec.nodeName).toBe('podlab-worker4')
    const events = (world.store.eventsAbout<CoreEvent>('default', big().metadata.uid ?? '')).map((e) => e.reason)
    expect(events).toEqual(['FailedScheduling', 'Scheduled'])
  })
})
