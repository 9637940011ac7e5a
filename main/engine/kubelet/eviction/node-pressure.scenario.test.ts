// Node pressure end to end on the manual clock (issue 8): `podlab chaos fill-disk NODE` gives the node
// DiskPressure through its kubelet's status posts and the node lifecycle controller's NoSchedule taint, and
// the eviction manager's victims stay Failed/Evicted while their ReplicaSet replaces them elsewhere.

import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../engine'
import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import type { CoreEvent } from '../../api/events/types'
import { openCluster } from '../../open-cluster'
import { tmpFile } from '../../testing/cluster'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
}

/** A fresh cluster running `web` (1 nginx pod), and the worker it runs on, whose disk is then filled. */
function filled(): { engine: Engine; victim: string; pod: string } {
  const engine = openCluster(tmpFile(), { mode: 'manual' })
  opened.push(engine)
  engine.create(deployment)
  engine.advance(60_000)
  const [row] = rows(engine)
  engine.chaos({ op: 'fill-disk', node: row?.node ?? '' })
  return { engine, victim: row?.node ?? '', pod: row?.name ?? '' }
}

const node = (engine: Engine, name: string) => engine.get('nodes', undefined, name) as Node
const condition = (n: Node, type: string) => n.status?.conditions?.find((c) => c.type === type)
/** `kubectl get pods -o wide`: NAME READY STATUS RESTARTS and NODE of each pod. */
function rows(engine: Engine): Array<{ name: string; ready: string; status: string; restarts: string; node: string }> {
  return engine.table('pods', 'default', { wide: true }).rows.map((r) => ({
    name: String(r.cells[0]),
    ready: String(r.cells[1]),
    status: String(r.cells[2]),
    restarts: String(r.cells[3]),
    node: String(r.cells[6]),
  }))
}
const nodeEvents = (engine: Engine, name: string) =>
  (engine.list('events', 'default').items as CoreEvent[]).filter((e) => e.involvedObject?.kind === 'Node' && e.involvedObject.name === name).map((e) => e.reason)

describe('chaos fill-disk on the node running a Deployment pod', () => {
  it('gives the node DiskPressure=True (KubeletHasDiskPressure) and the disk-pressure NoSchedule taint, kept by every later status post', () => {
    const { engine, victim } = filled()
    engine.advance(10_000)
    expect(condition(node(engine, victim), 'DiskPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure' })
    expect(node(engine, victim).spec?.taints).toContainEqual(expect.objectContaining({ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' }))
    expect(nodeEvents(engine, victim)).toContain('NodeHasDiskPressure')
    // Status posts after the pressure (the kubelet's own, or any node change) do not put it back to False.
    engine.advance(120_000)
    expect(condition(node(engine, victim), 'DiskPressure')?.status).toBe('True')
    expect(condition(node(engine, victim), 'MemoryPressure')).toMatchObject({ status: 'False', reason: 'KubeletHasSufficientMemory' })
    expect(nodeEvents(engine, victim).filter((r) => r === 'NodeHasNoDiskPressure')).toHaveLength(0)
  })

  it('keeps the evicted pod Failed with reason Evicted for good (containers stopped, not restarted) while its ReplicaSet runs a replacement on another node', () => {
    const { engine, victim, pod } = filled()
    engine.advance(5_000)
    // kubectl's printPod lets a container's terminated reason override the pod's: once the evicted nginx has ended
    // (0 on its stop signal) a 1.32 cluster prints Completed, not Evicted (kubernetes/kubernetes#105467, seen on
    // v1.32.4: Error, Completed or ContainerStatusUnknown); `-o yaml` keeps phase Failed, reason Evicted.
    expect(rows(engine).find((r) => r.name === pod)).toMatchObject({ ready: '0/1', status: 'Completed', restarts: '0' })
    engine.advance(120_000)
    expect(rows(engine).find((r) => r.name === pod)).toMatchObject({ ready: '0/1', status: 'Completed', restarts: '0' })
    const evicted = engine.get('pods', 'default', pod) as Pod
    expect(evicted.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' })
    expect(evicted.status?.message).toMatch(/^The node was low on resource: ephemeral-storage\. /)
    expect(evicted.status?.containerStatuses?.[0]?.state.terminated).toBeDefined()
    expect(evicted.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' })
    expect(evicted.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'TerminationByKubelet' })
    expect(engine.timeline('default', pod).map((t) => `${t.to} ${t.cause.kind}`).slice(-2)).toEqual(['running started', 'terminated evicted'])
    const replacement = rows(engine).filter((r) => r.name !== pod)
    expect(replacement).toHaveLength(1)
    expect(replacement[0]).toMatchObject({ ready: '1/1', status: 'Running' })
    expect(replacement[0]?.node).not.toBe(victim)
  })
})
