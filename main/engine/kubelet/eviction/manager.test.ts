import { describe, expect, it } from 'vitest'
import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import type { CoreEvent } from '../../api/events/types'
import { Client } from '../../client/client'
import { transact } from '../../controller/testing/world'
import { rfc3339 } from '../../runtime/clock'
import { bareWorld } from '../../testing/bare-world'
import { fillDisk, freeDisk } from '../../chaos/actions'
import type { World } from '../../world'
import { evictionOf } from './kill-pod'
import { EvictionManager } from './manager'
import { isUnderPressure } from './pressure'
import { NodeHeartbeats } from '../node-heartbeat'
import { NodeLifecycleController } from '../../controllers/nodelifecycle/node-lifecycle-controller'

const NODE = 'podlab-worker'
const Mi = 1024 * 1024

/**
 * A bare cluster (no kubelet, no scheduler) with the eviction manager, the kubelets' node status posts (which
 * write the pressure conditions) and the node lifecycle controller (which taints the node for them).
 */
function managedWorld(): World {
  const world = bareWorld()
  world.register(new EvictionManager(world))
  world.register(new NodeHeartbeats(world))
  world.register(new NodeLifecycleController(world))
  world.timers.knowQueues(world.queueNames())
  return world
}

/** A Running pod on NODE whose one container uses `usage` (the podlab.dev/memory-usage annotation). */
function runningPod(world: World, name: string, usage: string, resources: Record<string, unknown> = {}, priority?: number): void {
  transact(world, () => {
    const client = new Client(world)
    const created = client.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', annotations: { 'podlab.dev/memory-usage': usage } },
      spec: { nodeName: NODE, ...(priority !== undefined ? { priority } : {}), containers: [{ name: 'app', image: 'busybox', resources }] },
    } as unknown as Pod)
    const startedAt = rfc3339(world.now())
    client.updateStatus<Pod>({
      ...created,
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'app', ready: true, restartCount: 0, image: 'busybox', imageID: '', containerID: `containerd://${name}`, state: { running: { startedAt } }, lastState: {} },
        ],
      },
    })
  })
}

const node = (world: World) => world.store.get('nodes', '', NODE) as Node
const condition = (world: World, type: string) => (node(world).status?.conditions as Array<{ type: string; status: string; reason: string; message: string }>).find((c) => c.type === type)
const podOf = (world: World, name: string) => world.store.get('pods', 'default', name) as Pod
const events = (world: World) =>
  world.store
    .list('events', 'default')
    .map((e) => e as CoreEvent)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.type} ${e.reason} ${e.involvedObject?.kind}/${e.involvedObject?.name}: ${e.message}`)
const advance = (world: World, ms: number) => transact(world, () => world.runUntil(world.now() + ms))

describe('the eviction manager under memory pressure (memory.available < 100Mi)', () => {
  it('reports MemoryPressure through the node status setters (the node lifecycle controller taints the node), with its event, evicts the pod ranked first with the Evicted status and event, then lets the pressure go after 5 min', () => {
    const world = managedWorld()
    // 8192Mi capacity: 200Mi of node daemons + 900 + 3000 + 4000 leaves 92Mi.
    runningPod(world, 'guaranteed', '900Mi', { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } })
    runningPod(world, 'burstable', '3000Mi', { requests: { memory: '100Mi' } })
    runningPod(world, 'besteffort', '4000Mi')
    const at = world.now()

    expect(condition(world, 'MemoryPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' })
    expect(node(world).spec?.taints).toContainEqual({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule', timeAdded: rfc3339(at) })
    expect(isUnderPressure(world, NODE, 'MemoryPressure')).toBe(true)

    const evicted = podOf(world, 'besteffort')
    const message =
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 92Mi. Container app was using 4000Mi, request is 0, has larger consumption of memory. '
    expect(evicted.status).toMatchObject({ phase: 'Failed', reason: 'Evicted', message })
    expect(evicted.status?.conditions).toContainEqual({ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message, lastProbeTime: null, lastTransitionTime: rfc3339(at) })
    expect(evictionOf(world.nodeState, NODE, 'default', 'besteffort')).toMatchObject({ uid: evicted.metadata.uid, gracePeriodSeconds: 1 })
    expect(podOf(world, 'burstable').status?.phase).toBe('Running')
    // The setter records its event when the status update after the manager's look runs.
    expect(events(world)).toEqual([
      `Warning EvictionThresholdMet Node/${NODE}: Attempting to reclaim memory`,
      `Warning Evicted Pod/besteffort: ${message}`,
      `Normal NodeHasInsufficientMemory Node/${NODE}: Node ${NODE} status is now: NodeHasInsufficientMemory`,
    ])

    // The evicted pod's memory is gone: no threshold met, but the condition holds for the transition period.
    advance(world, 4 * 60_000)
    expect(condition(world, 'MemoryPressure')?.status).toBe('True')
    advance(world, 70_000)
    expect(condition(world, 'MemoryPressure')).toMatchObject({ status: 'False', reason: 'KubeletHasSufficientMemory' })
    expect((node(world).spec?.taints ?? []).map((t) => t.key)).not.toContain('node.kubernetes.io/memory-pressure')
    expect(events(world).at(-1)).toBe(`Normal NodeHasSufficientMemory Node/${NODE}: Node ${NODE} status is now: NodeHasSufficientMemory`)
    expect(podOf(world, 'burstable').status?.phase).toBe('Running')
  })

  it('evicts at most one pod per 10 s interval while the threshold stays met, and never a critical pod', () => {
    const world = managedWorld()
    runningPod(world, 'critical', '7000Mi', {}, 2_000_000_000)
    runningPod(world, 'a', '500Mi')
    runningPod(world, 'b', '450Mi')
    // 200 + 7000 + 500 + 450 = 8150Mi: 42Mi left. Evicting a (the larger) leaves 542Mi.
    expect(podOf(world, 'a').status?.reason).toBe('Evicted')
    expect(podOf(world, 'b').status?.phase).toBe('Running')
    transact(world, () => new Client(world).patch('pods', 'default', 'b', 'merge', { metadata: { annotations: { 'podlab.dev/memory-usage': '1000Mi' } } }))
    // 200 + 7000 + 1000 = 8200Mi: met again right away, but the last eviction was less than 10 s ago.
    expect(podOf(world, 'b').status?.phase).toBe('Running')
    advance(world, 10_000)
    expect(podOf(world, 'b').status?.reason).toBe('Evicted')
    advance(world, 60_000)
    expect(podOf(world, 'critical').status?.phase).toBe('Running')
  })
})

describe('the eviction manager under disk pressure (nodefs.available < 10%)', () => {
  it('chaos fill-disk brings DiskPressure and its taint, and an eviction reclaiming ephemeral-storage; free-disk ends it after the transition period', () => {
    const world = managedWorld()
    runningPod(world, 'web', '10Mi')
    const at = world.now()
    transact(world, () => fillDisk(world, NODE))
    expect(condition(world, 'DiskPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure' })
    expect(node(world).spec?.taints).toContainEqual({ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule', timeAdded: rfc3339(at) })
    expect(podOf(world, 'web').status?.message).toMatch(/^The node was low on resource: ephemeral-storage\. Threshold quantity: 26620131737, available: \d+\w*\. $/)
    transact(world, () => freeDisk(world, NODE))
    advance(world, 5 * 60_000 + 10_000)
    expect(condition(world, 'DiskPressure')).toMatchObject({ status: 'False', reason: 'KubeletHasNoDiskPressure' })
  })

  it('a node without pressure gets no conditions rewritten and no timers', () => {
    const world = managedWorld()
    const before = node(world).metadata.resourceVersion
    runningPod(world, 'small', '10Mi')
    expect(node(world).metadata.resourceVersion).toBe(before)
    expect(world.timers.nextDue()).toBeUndefined()
  })
})
