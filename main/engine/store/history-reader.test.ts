// Issue 11 item 5: the lifecycle history is read back page by page through HistoryReader (Engine.history and
// Engine.historyVersion), against a real engine run: a pod that runs and one that crash-loops.
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HistoryEntry, HistoryFilter } from '../../kube'
import type { Engine } from '../engine'
import { openCluster } from '../open-cluster'
import { tmpFile } from '../testing/cluster'
import { containsPattern, HistoryReader } from './history-reader'
import { isClusterFileError } from './open/errors'

let engine: Engine
let file: string

const podOf = (name: string, container: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', ...container }] } })

beforeEach(() => {
  file = tmpFile()
  engine = openCluster(file, { mode: 'manual' })
  engine.create(podOf('web', { image: 'nginx' }))
  engine.create(podOf('crash', { image: 'busybox', command: ['sh', '-c', 'exit 1'] }))
  engine.advance(60_000)
})
afterEach(() => engine.close())

/** Every row passing `filter`, walked page by page (`limit` a page) from the newest. */
function walk(filter: HistoryFilter, limit: number): HistoryEntry[] {
  const all: HistoryEntry[] = []
  let before: number | undefined
  for (;;) {
    const page = engine.history(filter, before === undefined ? {} : { before }, limit)
    all.push(...page.entries)
    if (page.older === null) return all
    before = page.older
  }
}

/** The rows of `history` as SQL sees them, read on a second connection: what the reader must agree with. */
function raw(sql: string, ...params: unknown[]): Array<Record<string, unknown>> {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as Array<Record<string, unknown>>
  } finally {
    db.close()
  }
}

describe('the history reader', () => {
  it('keeps only the pod named like the filter (any case), newest first, every change of it', () => {
    const entries = walk({ resource: 'pods', name: 'RAS' }, 500)
    const expected = raw(`SELECT resource_version FROM history WHERE resource = 'pods' AND name = 'crash' ORDER BY resource_version DESC`).map((r) => r.resource_version)
    expect(entries.map((e) => e.resourceVersion)).toEqual(expected)
    expect(new Set(entries.map((e) => `${e.kind}/${e.name}`))).toEqual(new Set(['Pod/crash']))
    expect(entries.at(-1)?.change).toBe('ADDED')
    expect(entries.map((e) => e.status)).toContain('CrashLoopBackOff')
  })

  it("an Event matches the name of the object it is about, with its reason, type, message and involvedObject", () => {
    const backOffs = walk({ resource: 'events', name: 'crash', reason: 'BackOff' }, 500)
    expect(backOffs.length).toBeGreaterThan(0)
    for (const e of backOffs) {
      expect(e).toMatchObject({ kind: 'Event', reason: 'BackOff', eventType: 'Warning', involved: { kind: 'Pod', namespace: 'default', name: 'crash' } })
      // pkg/kubelet/kuberuntime/kuberuntime_manager.go: "Back-off restarting failed container %s in pod %s".
      expect(e.message).toMatch(/^Back-off restarting failed container c in pod crash_default\([0-9a-f-]{36}\)$/)
    }
    expect(walk({ eventType: 'Warning', name: 'web' }, 500)).toEqual([])
  })

  it('walks every row once in pages of 7, the same rows as one page of 500', () => {
    const one = engine.history({}, {}, 500)
    expect(one.entries.length).toBeGreaterThan(20)
    expect(walk({}, 7).slice(0, 500)).toEqual(one.entries)
  })

  it('keeps a cursor stable while the cluster writes more: the next older page is the one it was before', () => {
    const first = engine.history({ resource: 'pods' }, {}, 5)
    const second = engine.history({ resource: 'pods' }, { before: first.older! }, 5)
    engine.advance(120_000)
    expect(engine.history({ resource: 'pods' }, { before: first.older! }, 5)).toEqual(second)
    // The page now on top is newer than the first one was: its `newer` page from the old first page's cursor.
    const newer = engine.history({ resource: 'pods' }, { after: first.entries[0]!.resourceVersion }, 500)
    expect(newer.entries.every((e) => e.resourceVersion > first.entries[0]!.resourceVersion)).toBe(true)
    expect(newer.entries.length).toBeGreaterThan(0)
  })

  it('pages back towards the newest with `after`, the same rows again, and says where each way goes on', () => {
    const top = engine.history({}, {}, 10)
    const down = engine.history({}, { before: top.older! }, 10)
    expect(down.newer).toBe(down.entries[0]!.resourceVersion)
    expect(engine.history({}, { after: down.newer! }, 10)).toEqual({ ...top, older: top.older })
    expect(top.newer).toBeNull()
  })

  it('keeps the rows of a time range, bounds included', () => {
    const fromMs = engine.history({}, {}, 500).entries.at(-1)!.at + 5_000
    const toMs = fromMs + 20_000
    const entries = walk({ fromMs, toMs }, 500)
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.every((e) => e.at >= fromMs && e.at <= toMs)).toBe(true)
    expect(entries.length).toBe(raw('SELECT 1 FROM history WHERE at_ms BETWEEN ? AND ?', fromMs, toMs).length)
  })

  it.each(['%', '_', "' OR 1=1 --", '\\', '"); DROP TABLE history; --', 'c%h'])('takes the hostile name %j as text to look for, matching nothing', (name) => {
    expect(engine.history({ name }, {}, 500).entries).toEqual([])
    expect(raw('SELECT count(*) AS n FROM history')[0]!.n).toBeGreaterThan(0)
  })

  it('escapes LIKE wildcards so that they match themselves', () => {
    expect(containsPattern('a_b%c\\')).toBe('%a\\_b\\%c\\\\%')
  })

  it('refuses a limit out of 1..500 and both cursors at once', () => {
    expect(() => engine.history({}, {}, 0)).toThrow(RangeError)
    expect(() => engine.history({}, {}, 501)).toThrow(RangeError)
    expect(() => engine.history({}, { before: 10, after: 2 }, 5)).toThrow(RangeError)
  })

  it("gives a MODIFIED row's object and the same object's version just before it", () => {
    const modified = walk({ resource: 'pods', name: 'crash', change: 'MODIFIED' }, 500)
    const at = modified[Math.floor(modified.length / 2)]!
    const v = engine.historyVersion(at.resourceVersion)!
    expect(v.object.metadata.resourceVersion).toBe(String(at.resourceVersion))
    const previous = raw('SELECT max(resource_version) AS rv FROM history WHERE uid = ? AND resource_version < ?', at.uid, at.resourceVersion)[0]!.rv
    expect(v.previous?.entry.resourceVersion).toBe(previous)
    expect(v.previous?.object.metadata.uid).toBe(at.uid)
    expect(engine.historyVersion(10_000_000)).toBeUndefined()
    const added = walk({ resource: 'pods', name: 'web', change: 'ADDED' }, 500)[0]!
    expect(engine.historyVersion(added.resourceVersion)?.previous).toBeNull()
  })

  /** A WHOLE row (encoding 0 by default), as every row before migration 0007. */
  const INSERT = 'INSERT INTO history (resource_version, at_ms, type, resource, namespace, name, uid, body)'

  it('reads an Event row whose body is not JSON (a damaged file) as one without reason; a pod row like it is ClusterFileDamaged', () => {
    // Straight on the file: the engine's own informers refuse such a row before any read gets to it.
    const db = new Database(file)
    try {
      const rv = (db.prepare('SELECT max(resource_version) AS rv FROM history').get() as { rv: number }).rv
      db.prepare(`${INSERT} VALUES (?, 1, 'ADDED', 'events', 'default', 'bad', 'u-bad', 'not json')`).run(rv + 1)
      const reader = new HistoryReader(db)
      expect(reader.page({ resource: 'events' }, {}, 2).entries[0]).toMatchObject({ resourceVersion: rv + 1, name: 'bad', reason: '', eventType: '' })
      expect(() => reader.page({ reason: 'BackOff', name: 'crash' }, {}, 5)).not.toThrow()
      db.prepare(`${INSERT} VALUES (?, 1, 'ADDED', 'pods', 'default', 'bad', 'u-bad-pod', 'not json')`).run(rv + 2)
      let thrown: unknown
      try {
        reader.page({ resource: 'pods' }, {}, 1)
      } catch (e) {
        thrown = e
      }
      expect(isClusterFileError(thrown)).toBe(true)
    } finally {
      db.close()
    }
  })
})
