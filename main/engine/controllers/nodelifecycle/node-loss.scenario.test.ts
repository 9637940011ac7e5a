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
    const running = rows(engine).filter((r) => r.status === 'Running')
    expect(running).toHaveLength(3)
    expect(running.every((r) => r.node !== victim)).toBe(true)
  })
})
