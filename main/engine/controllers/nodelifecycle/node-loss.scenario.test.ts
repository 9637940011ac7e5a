// A stopped node, end to end on the manual clock (issue 8, item 8): its Deployment's pods are replaced elsewhere
// about 50 + 300 s after it stopped, with the node's conditions, taints, events and the pods' STATUS column as
// kubectl 1.32 shows them on the way; and the node coming back.

import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../engine'
import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import type { CoreEvent } from '../../api/events/types'
import { openCluster } from '../../open-cluster'
import { tmpFile } from '../../testing/cluster'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

function cluster(): Engine {
  const engine = openCluster(tmpFile(), { mode: 'manual' })
  opened.push(engine)
  return engine
}

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
}

const node = (engine: Engine, name: string) => engine.get('nodes', undefined, name) as Node
const condition = (n: Node, type: string) => n.status?.conditions?.find((c) => c.type === type) as { status: string; reason: string; message: string } | undefined
const taints = (n: Node) => (n.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`)
const pods = (engine: Engine) => engine.list('pods', 'default').items as Pod[]
/** `kubectl get pods` NAME STATUS READY for each pod, and its node. */
function rows(engine: Engine): Array<{ name: string; ready: string; status: string; node: string }> {
  const table = engine.table('pods', 'default', { wide: true })
  return table.rows.map((r) => ({ name: String(r.cells[0]), ready: String(r.cells[1]), status: String(r.cells[2]), node: String(r.cells[6]) }))
}
const events = (engine: Engine, reason: string) => (engine.list('events', 'default').items as CoreEvent[]).filter((e) => e.reason === reason)

describe('a stopped node (node-monitor-grace-period 50 s, default tolerationSeconds 300 s)', () => {
  it('goes Unknown after about 50 s, is tainted unreachable, and its pods are replaced elsewhere about 300 s later', () => {
    const engine = cluster()
    engine.create(deployment)
    engine.advance(60_000)
    const victim = rows(engine).find((r) => r.status === 'Running')?.node ?? ''
    expect(victim).toMatch(/^podlab-worker/)
    const onVictim = rows(engine).filter((r) => r.node === victim).map((r) => r.name)
    expect(onVictim.length).toBeGreaterThan(0)

    expect(engine.powerNode(victim, 'stop')).toBe('stopped')
    engine.advance(40_000)
    expect(condition(node(engine, victim), 'Ready')?.status).toBe('True')

    engine.advance(20_000) // 60 s after the stop: past the grace period and the pass after it
    const lost = node(engine, victim)
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(condition(lost, type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' })
    }
    expect(taints(lost)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute'])
    expect(engine.table('nodes', undefined).rows.find((r) => r.cells[0] === victim)?.cells[1]).toBe('NotReady')
    expect(events(engine, 'NodeNotReady').map((e) => e.message)).toContain(`Node ${victim} status is now: NodeNotReady`)
    // MarkPodsNotReady sets the pods' Ready condition False; kubectl's READY counts the containers' own ready
    // flags, which only the (silent) kubelet writes: the pods still read 1/1 Running.
    for (const name of onVictim) {
      expect(rows(engine).find((r) => r.name === name)).toMatchObject({ ready: '1/1', status: 'Running' })
      const pod = engine.get('pods', 'default', name) as Pod
      expect(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False')
      expect(events(engine, 'NodeNotReady').some((e) => e.involvedObject?.name === name && e.message === 'Node is not ready' && e.type === 'Warning')).toBe(true)
    }

    engine.advance(300_000) // 360 s after the stop: the 300 s tolerations have run out
    for (const name of onVictim) {
      expect(rows(engine).find((r) => r.name === name)).toMatchObject({ status: 'Terminating' })
      const marked = events(engine, 'TaintManagerEviction').filter((e) => e.message === `Marking for deletion Pod default/${name}`)
      expect(marked).toHaveLength(1)
    }
    engine.advance(30_000) // the replacements pull and start elsewhere
    const running = rows(engine).filter((r) => r.status === 'Running')
    expect(running).toHaveLength(3)
    expect(running.every((r) => r.node !== victim)).toBe(true)
  })

  /** A Deployment of 3 on a fresh cluster, and the worker running one of its pods, stopped 360 s ago. */
  function evicted(): { engine: Engine; victim: string; lost: string[] } {
    const engine = cluster()
    engine.create(deployment)
    engine.advance(60_000)
    const victim = rows(engine).find((r) => r.status === 'Running')?.node ?? ''
    const lost = rows(engine).filter((r) => r.node === victim).map((r) => r.name)
    engine.powerNode(victim, 'stop')
    engine.advance(360_000)
    return { engine, victim, lost }
  }

  it('shows its evicted pods Terminating (not Unknown: 1.32 sets no NodeLost reason) until the node is deleted, then the pod GC removes them', () => {
    const { engine, victim, lost } = evicted()
    engine.advance(600_000)
    for (const name of lost) {
      const pod = engine.get('pods', 'default', name) as Pod
      expect(pod.status?.reason).toBeUndefined()
      expect(pod.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' })
      expect(rows(engine).find((r) => r.name === name)?.status).toBe('Terminating')
    }
    engine.delete('nodes', undefined, victim)
    engine.advance(60_000)
    expect(pods(engine).filter((p) => lost.includes(p.metadata.name ?? ''))).toEqual([])
    expect(events(engine, 'RemovingNode').map((e) => e.message)).toEqual([`Node ${victim} event: Removing Node ${victim} from Controller`])
  })

  it('coming back after the eviction: its kubelet restarts (Starting kubelet., Rebooted), finishes the Terminating pods, and the taints come off', () => {
    const { engine, victim, lost } = evicted()
    expect(engine.powerNode(victim, 'start')).toBe('running')
    engine.advance(10_000)
    const back = node(engine, victim)
    expect(condition(back, 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady' })
    expect(condition(back, 'MemoryPressure')).toMatchObject({ status: 'False', reason: 'KubeletHasSufficientMemory' })
    expect(taints(back)).toEqual([])
    expect(engine.table('nodes', undefined).rows.find((r) => r.cells[0] === victim)?.cells[1]).toBe('Ready')
    expect(pods(engine).filter((p) => lost.includes(p.metadata.name ?? ''))).toEqual([])
    const kubelet = (engine.list('events', 'default').items as CoreEvent[]).filter((e) => e.source?.component === 'kubelet' && e.involvedObject?.name === victim)
    expect(kubelet.map((e) => e.reason)).toEqual(['Starting', 'Rebooted', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady'])
    expect(kubelet[1]?.message).toMatch(new RegExp(`^Node ${victim} has been rebooted, boot id: [0-9a-f-]{36}$`))
    expect(rows(engine).filter((r) => r.status === 'Running')).toHaveLength(3)
  })

  it('back within the 300 s: the deletions are cancelled ("Cancelling deletion of Pod ...") and its pods run there again', () => {
    const engine = cluster()
    engine.create(deployment)
    engine.advance(60_000)
    const victim = rows(engine).find((r) => r.status === 'Running')?.node ?? ''
    const kept = rows(engine).filter((r) => r.node === victim).map((r) => r.name)
    engine.powerNode(victim, 'stop')
    engine.advance(120_000)
    expect(taints(node(engine, victim))).toContain('node.kubernetes.io/unreachable:NoExecute')
    engine.powerNode(victim, 'start')
    engine.advance(60_000)
    for (const name of kept) {
      expect(events(engine, 'TaintManagerEviction').filter((e) => e.involvedObject?.name === name).map((e) => e.message)).toEqual([`Cancelling deletion of Pod default/${name}`])
      expect(rows(engine).find((r) => r.name === name)).toMatchObject({ ready: '1/1', status: 'Running', node: victim })
    }
    expect(rows(engine)).toHaveLength(3)
  })

  it('partitioned rather than stopped: the same NotReady and eviction, and healed before 300 s its containers were never stopped', () => {
    const engine = cluster()
    engine.create(deployment)
    engine.advance(60_000)
    const victim = rows(engine).find((r) => r.status === 'Running')?.node ?? ''
    const kept = rows(engine).filter((r) => r.node === victim)
    const ips = kept.map((r) => (engine.get('pods', 'default', r.name) as Pod).status?.podIP)
    engine.powerNode(victim, 'partition')
    engine.advance(60_000)
    expect(condition(node(engine, victim), 'Ready')?.status).toBe('Unknown')
    engine.powerNode(victim, 'heal')
    engine.advance(10_000)
    expect(condition(node(engine, victim), 'Ready')?.status).toBe('True')
    expect(kept.map((r) => (engine.get('pods', 'default', r.name) as Pod).status?.podIP)).toEqual(ips)
    expect(events(engine, 'Rebooted')).toEqual([])
  })

  it('keeps upstream\'s clock: Unknown on the first 5 s pass more than 50 s after the last renewal, NoExecute one pass later, eviction 300 s after that', () => {
    const engine = cluster() // the virtual clock starts at 2025-01-01T00:00:00Z; the kubelets beat every 10 s from there
    engine.create(deployment)
    engine.advance(60_000)
    const victim = rows(engine).find((r) => r.status === 'Running')?.node ?? ''
    const first = rows(engine).find((r) => r.node === victim)?.name ?? ''
    engine.powerNode(victim, 'stop') // at 00:01:00, on a beat: its lease says renewed 00:01:00
    expect((engine.get('leases', 'kube-node-lease', victim) as { spec: { renewTime: string } }).spec.renewTime).toBe('2025-01-01T00:01:00.000000Z')
    engine.advance(54_999)
    expect(condition(node(engine, victim), 'Ready')?.status).toBe('True')
    engine.advance(1)
    const ready = node(engine, victim).status?.conditions?.find((c) => c.type === 'Ready') as unknown as { lastTransitionTime: string }
    expect(ready.lastTransitionTime).toBe('2025-01-01T00:01:55Z')
    expect(taints(node(engine, victim))).toEqual(['node.kubernetes.io/unreachable:NoSchedule'])
    engine.advance(5_000)
    expect(node(engine, victim).spec?.taints?.find((t) => t.effect === 'NoExecute')?.timeAdded).toBe('2025-01-01T00:02:00Z')
    engine.advance(299_999)
    expect(rows(engine).find((r) => r.name === first)?.status).toBe('Running')
    engine.advance(1)
    expect(rows(engine).find((r) => r.name === first)?.status).toBe('Terminating')
    expect(events(engine, 'TaintManagerEviction').find((e) => e.involvedObject?.name === first)?.lastTimestamp).toBe('2025-01-01T00:07:00Z')
  })
})
