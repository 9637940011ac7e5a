// Issue 11 items 4 and 5 through a Session, against a real engine: what the renderer's history and timeline get.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HistoryPage, ClusterTimeline } from '../kube'
import type { HistoryVersionView, Reply } from '../contract'
import type { Engine } from '../engine/engine'
import { openCluster } from '../engine/open-cluster'
import { Session } from './session'

let engine: Engine
let session: Session

beforeEach(() => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-history-door-')), 'c.podlab'), { mode: 'manual' })
  session = new Session(engine, () => {})
  engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'exit 1'] }] } })
  engine.advance(40_000)
  engine.advance(60_000)
})
afterEach(() => {
  session.close()
  engine.close()
})

function result<T>(reply: Reply): T {
  if (!reply.ok) throw new Error(`${reply.error.reason}: ${reply.error.message}`)
  return reply.result as T
}

describe('the history calls', () => {
  it('history.list gives 100 rows when no limit is given, and follows the older cursor', () => {
    const page = result<HistoryPage>(session.call('history.list', {}))
    expect(page.entries.length).toBe(100)
    const next = result<HistoryPage>(session.call('history.list', { before: page.older }))
    expect(next.entries[0]!.resourceVersion).toBeLessThan(page.entries.at(-1)!.resourceVersion)
  })

  it("history.version prints the object as kubectl get -o yaml does (no managedFields) and the version before it", () => {
    const page = result<HistoryPage>(session.call('history.list', { filter: { resource: 'pods', name: 'crash', change: 'MODIFIED' }, limit: 1 }))
    const view = result<HistoryVersionView>(session.call('history.version', { resourceVersion: page.entries[0]!.resourceVersion }))
    expect(view.yaml).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/)
    expect(view.yaml).toContain(`resourceVersion: "${page.entries[0]!.resourceVersion}"`)
    expect(view.yaml).not.toContain('managedFields')
    expect(view.previous?.entry.resourceVersion).toBeLessThan(page.entries[0]!.resourceVersion)
    expect(view.previous?.yaml).toContain(`resourceVersion: "${view.previous?.entry.resourceVersion}"`)
  })

  it('history.version of a resourceVersion no row has is NotFound, not an Internal error', () => {
    expect(session.call('history.version', { resourceVersion: 99_999_999 })).toEqual({
      ok: false,
      error: { reason: 'NotFound', message: "no change with resourceVersion 99999999 in this cluster's history" },
    })
  })

  it("cluster.timeline has the crash-looping pod's row, and a refresh after the clock ran ends at the new now", () => {
    const first = result<ClusterTimeline>(session.call('cluster.timeline', {}))
    expect(first.pods.map((p) => p.name)).toContain('crash')
    engine.advance(10_000)
    const again = result<ClusterTimeline>(session.call('cluster.timeline', { from: first.now }))
    expect(again.now).toBe(first.now + 10_000)
    expect(Math.max(...again.intervals.map((i) => i[2]))).toBe(again.now)
    expect(JSON.parse(JSON.stringify(again))).toEqual(again)
  })
})
