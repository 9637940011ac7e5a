// A node stopped and started again (`podlab node stop|start`) on the manual clock: its pods come back as on a
// kind node restarted, containerd reporting the containers it lost as exited 255 Unknown (node-power.ts).

import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../engine'
import type { Pod } from '../api/pods/types'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'
import { rfc3339 } from '../runtime/clock'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

const bare = (name: string, restartPolicy: 'Always' | 'Never') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { nodeName: 'podlab-worker', restartPolicy, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] },
})
const statusOf = (engine: Engine, name: string) => (engine.get('pods', 'default', name) as Pod).status

/** Two sleeping pods on podlab-worker, the node stopped 30 s after they started and started 60 s later. */
function rebooted(): { engine: Engine; startedAt: number } {
  const engine = openCluster(tmpFile(), { mode: 'manual' })
  opened.push(engine)
  engine.create(bare('always', 'Always'))
  engine.create(bare('never', 'Never'))
  engine.advance(30_000)
  engine.powerNode('podlab-worker', 'stop')
  engine.advance(60_000)
  engine.powerNode('podlab-worker', 'start')
  // The virtual clock starts at 2025-01-01T00:00:00Z.
  return { engine, startedAt: Date.parse('2025-01-01T00:00:00Z') + 90_000 }
}

describe('a node stopped and started (containerd reloads what it had: running containers exited 255 Unknown)', () => {
  it('restarts a restartPolicy Always container with restartCount 1 and lastState.terminated exitCode 255 reason Unknown, finished when the node came back', () => {
    const { engine, startedAt } = rebooted()
    const before = statusOf(engine, 'always')?.containerStatuses?.[0]?.state.running?.startedAt
    engine.advance(10_000)
    const status = statusOf(engine, 'always')?.containerStatuses?.[0]
    expect(status?.restartCount).toBe(1)
    expect(status?.state.running).toBeDefined()
    expect(status?.lastState.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown', startedAt: before, finishedAt: rfc3339(startedAt) })
    expect(engine.table('pods', 'default').rows.find((r) => r.cells[0] === 'always')?.cells.slice(1, 4)).toEqual(['1/1', 'Running', expect.stringMatching(/^1 \(\d+s ago\)$/)])
  })

  it('leaves a restartPolicy Never pod Failed with its container terminated 255 Unknown (STATUS Unknown)', () => {
    const { engine } = rebooted()
    engine.advance(10_000)
    const status = statusOf(engine, 'never')
    expect(status?.phase).toBe('Failed')
    expect(status?.containerStatuses?.[0]).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 255, reason: 'Unknown' } } })
    expect(engine.table('pods', 'default').rows.find((r) => r.cells[0] === 'never')?.cells[2]).toBe('Unknown')
  })
})
