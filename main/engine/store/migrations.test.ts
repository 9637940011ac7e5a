// Migration 0002 (the commands table, issue 6): a file of the previous version opens migrated, its cluster intact.

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openCluster } from '../open-cluster'
import { MYNGINX, tmpFile } from '../testing/cluster'
import { SCHEMA_VERSION } from './migrations'
import { ENCODED_COLUMNS, HistoryTexts, type EncodedRow } from './history/texts'
import { undoCompactHistory } from '../testing/before-0007'

const VERSION_1_TABLES = ['objects', 'history', 'clock', 'meta', 'timers', 'node_state']

/** Every row of the tables version 1 has, in version 1's columns. */
function version1Rows(path: string): string {
  const db = new Database(path, { readonly: true })
  try {
    const columns = (t: string) => (t === 'history' ? 'resource_version, at_ms, type, resource, namespace, name, uid, body' : '*')
    return VERSION_1_TABLES.map((t) => JSON.stringify(db.prepare(`SELECT ${columns(t)} FROM ${t} ORDER BY 1, 2`).all())).join('\n')
  } finally {
    db.close()
  }
}


/** Turns a current file back into what Podlab `version` wrote: the tables later migrations made dropped. */
function makeVersion(path: string, version: number, keep: string[]): void {
  const raw = new Database(path)
  const tables = raw.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all()
  for (const t of tables) if (!keep.includes(t)) raw.exec(`DROP TABLE ${t}`)
  if (version < 7) undoCompactHistory(raw)
  // 0005 indexed tables version 1 already had.
  if (version < 5) raw.exec('DROP INDEX history_resource; DROP INDEX history_uid')
  raw.pragma(`user_version = ${version}`)
  raw.close()
}

/** Turns a current file back into what Podlab 0001 wrote: no commands table, user_version 1. */
function makeVersion1(path: string): void {
  makeVersion(path, 1, VERSION_1_TABLES)
}

describe('migration 0002_commands', () => {
  it('opens a version-1 file migrated to version 2, with its objects, history and clock unchanged, and records from then on', () => {
    const path = tmpFile()
    const first = openCluster(path, { mode: 'manual' })
    first.create(MYNGINX)
    first.advance(30_000)
    first.close()
    makeVersion1(path)
    const before = version1Rows(path)
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(1)
    expect(raw.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'commands'").pluck().get()).toBe(0)
    raw.close()

    const engine = openCluster(path, { mode: 'manual', door: 'cli' })
    expect(engine.get('pods', 'default', 'mynginx').status).toMatchObject({ phase: 'Running' })
    engine.close()
    expect(version1Rows(path)).toBe(before)
    const migrated = new Database(path, { readonly: true })
    expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(migrated.prepare('SELECT count(*) FROM commands').pluck().get()).toBe(0)
    migrated.close()

    const again = openCluster(path, { mode: 'manual', door: 'cli' })
    again.advance(1_000)
    again.close()
    const after = new Database(path, { readonly: true })
    expect(after.prepare('SELECT door, call FROM commands').all()).toEqual([{ door: 'cli', call: 'advance' }])
    after.close()
  })

  it('the schema check of a version-1 file expects version 1 (no commands table), not the newest', () => {
    const path = tmpFile()
    openCluster(path, { mode: 'manual' }).close()
    makeVersion1(path)
    const raw = new Database(path)
    raw.exec('CREATE TABLE commands (x)')
    raw.close()
    expect(() => openCluster(path, { mode: 'manual' })).toThrow(/it has a table "commands" that Podlab did not create$/)
  })
})

describe('migration 0003_container_logs', () => {
  it('opens a version-2 file migrated to version 3 with its commands kept, and an empty container_logs table', () => {
    const path = tmpFile()
    const first = openCluster(path, { mode: 'manual', door: 'cli' })
    first.create(MYNGINX)
    first.close()
    makeVersion(path, 2, [...VERSION_1_TABLES, 'commands'])
    const engine = openCluster(path, { mode: 'manual' })
    engine.close()
    const migrated = new Database(path, { readonly: true })
    expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(migrated.prepare('SELECT call FROM commands').pluck().all()).toEqual(['create'])
    expect(migrated.prepare('SELECT count(*) FROM container_logs').pluck().get()).toBe(0)
    migrated.close()
  })
})

describe('migration 0005_history_indexes', () => {
  it('opens a version-4 file migrated to version 5, its history unchanged and now indexed by resource and by uid', () => {
    const path = tmpFile()
    const first = openCluster(path, { mode: 'manual' })
    first.create(MYNGINX)
    first.advance(30_000)
    first.close()
    const raw = new Database(path)
    // What 0005 and the later 0006 (scheduling_verdicts), 0007 (compact history) and 0008 (object_heads) added to version 4.
    undoCompactHistory(raw)
    raw.exec('DROP INDEX history_resource; DROP INDEX history_uid; DROP TABLE scheduling_verdicts; DROP TABLE object_heads')
    raw.pragma('user_version = 4')
    raw.close()
    const before = version1Rows(path)
    const engine = openCluster(path, { mode: 'manual' })
    expect(engine.history({ resource: 'pods', name: 'mynginx' }, {}, 500).entries.length).toBeGreaterThan(1)
    engine.close()
    expect(version1Rows(path)).toBe(before)
    const migrated = new Database(path, { readonly: true })
    expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    const plan = migrated.prepare("EXPLAIN QUERY PLAN SELECT * FROM history WHERE resource = 'pods' AND resource_version > 3 ORDER BY resource_version").all()
    expect(JSON.stringify(plan)).toContain('history_resource')
    migrated.close()
  })
})

describe('migration 0007_compact_history', () => {
  it('opens a version-6 file migrated to version 7: old rows stay whole and read as before, new ones are compact, a patch may stand on an old row', () => {
    const path = tmpFile()
    const first = openCluster(path, { mode: 'manual' })
    first.create(MYNGINX)
    first.advance(30_000)
    first.close()
    makeVersion(path, 6, [...VERSION_1_TABLES, 'commands', 'container_logs', 'container_transitions', 'scheduling_verdicts'])
    const raw = new Database(path, { readonly: true })
    const oldRows = raw.prepare<[], { resource_version: number; body: string }>('SELECT resource_version, body FROM history ORDER BY resource_version').all()
    raw.close()
    const oldTop = oldRows.at(-1)!.resource_version

    const engine = openCluster(path, { mode: 'manual' })
    // Reading old rows: the history view's versions, and a watch replayed from the file's beginning.
    const replayed: string[] = []
    engine.watch('0', (e) => void replayed.push(`${e.type} ${e.object.kind} ${e.object.metadata.name}`))()
    expect(replayed.length).toBe(oldTop)
    expect(engine.historyVersion(oldTop)?.object.metadata.resourceVersion).toBe(String(oldTop))
    engine.delete('pods', 'default', 'mynginx')
    engine.advance(30_000)
    engine.close()

    const migrated = new Database(path, { readonly: true })
    try {
      expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      const rows = migrated.prepare<[], EncodedRow>(`SELECT resource_version, resource, namespace, name, uid, body, ${ENCODED_COLUMNS} FROM history ORDER BY resource_version`).all()
      const old = rows.filter((r) => r.resource_version <= oldTop)
      expect(old.every((r) => r.encoding === 0 && r.base === null && r.data === null)).toBe(true)
      expect(old.map((r) => ({ resource_version: r.resource_version, body: r.body }))).toEqual(oldRows)
      // The pod's first change after the migration is a patch on its last whole row.
      const pod = rows.find((r) => r.resource_version > oldTop && r.resource === 'pods')!
      expect(pod.encoding).toBe(3)
      expect(old.find((r) => r.resource_version === pod.base)?.name).toBe('mynginx')
      const texts = new HistoryTexts(migrated)
      expect(JSON.parse(texts.text(pod)).metadata.resourceVersion).toBe(String(pod.resource_version))
    } finally {
      migrated.close()
    }
  })
})
