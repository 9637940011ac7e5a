// PodGC's orphans (gc_controller.go gcOrphaned): pods on a deleted node are marked Failed with
// DisruptionTarget/DeletionByPodGC and deleted, after the node has stayed gone for the quarantine.

import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import { openCluster } from '../../open-cluster'
import { openClusterFile } from '../../store/cluster-file'
import { HistoryReader } from '../../store/history-reader'
import { tmpFile } from '../../testing/cluster'

const pinned = (name: string, node: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { nodeSelector: { 'kubernetes.io/hostname': node }, containers: [{ name: 'c', image: 'nginx' }] },
})

function setUp() {
  const path = tmpFile()
  const engine = openCluster(path, { mode: 'manual' })
  engine.create(pinned('a', 'podlab-worker'))
  engine.create(pinned('b', 'podlab-worker'))
  engine.create(pinned('other', 'podlab-worker2'))
  engine.advance(30_000)
  return { path, engine }
}

const names = (engine: ReturnType<typeof openCluster>) => engine.list('pods', 'default').items.map((p) => p.metadata.name)

describe('PodGC deletes the pods of a deleted node after the quarantine', () => {
  it('keeps them through the 40 s quarantine (from the first 20 s tick), then deletes them; pods of other nodes stay', () => {
    const { engine } = setUp()
    engine.advance(5_000) // 00:00:35: the next GC tick is 00:00:40, the quarantine ends at 00:01:20.
    engine.delete('nodes', undefined, 'podlab-worker')
    engine.advance(44_999)
    expect(names(engine)).toEqual(['a', 'b', 'other'])
    engine.advance(1)
    expect(names(engine)).toEqual(['other'])
  })

  it('marks each pod Failed with DisruptionTarget (DeletionByPodGC, "PodGC: node no longer exists") before the delete with grace 0', () => {
    const { path, engine } = setUp()
    engine.delete('nodes', undefined, 'podlab-worker')
    engine.advance(60_000)
    const { db } = openClusterFile(path)
    const rows = db.prepare("SELECT type, resource_version FROM history WHERE resource = 'pods' AND name = 'a' ORDER BY resource_version DESC LIMIT 2").all() as Array<{ type: string; resource_version: number }>
    const failed = new HistoryReader(db).version(rows[1]?.resource_version ?? 0)?.object as Pod
    db.close()
    expect(rows.map((r) => r.type)).toEqual(['DELETED', 'MODIFIED'])
    expect(failed.status?.phase).toBe('Failed')
    expect(failed.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toEqual({
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: '2025-01-01T00:01:20Z',
      reason: 'DeletionByPodGC',
      message: 'PodGC: node no longer exists',
    })
  })

  it('a node that comes back within the quarantine keeps its pods', () => {
    const { engine } = setUp()
    const node = engine.get('nodes', undefined, 'podlab-worker')
    engine.delete('nodes', undefined, 'podlab-worker')
    engine.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'podlab-worker', labels: node.metadata.labels } })
    engine.advance(120_000)
    expect(names(engine)).toEqual(['a', 'b', 'other'])
  })

  it('a pod bound to a node that never existed is an orphan too', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ghost' }, spec: { nodeName: 'nowhere', containers: [{ name: 'c', image: 'nginx' }] } })
    // Seen at 00:00:00, itself a GC tick: gone at 00:00:40.
    engine.advance(39_999)
    expect(names(engine)).toEqual(['ghost'])
    engine.advance(1)
    expect(names(engine)).toEqual([])
  })
})
