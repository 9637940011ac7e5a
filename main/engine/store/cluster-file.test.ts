import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClusterFileRefused, openClusterFile, PODLAB_APPLICATION_ID } from './cluster-file'
import { MIGRATIONS, parseMigrations, SCHEMA_VERSION } from './migrations'

const tmp = () => join(mkdtempSync(join(tmpdir(), 'podlab-file-')), 'c.podlab')

describe('cluster file', () => {
  it('creates a new file with every migration applied, recorded in user_version, in WAL mode', () => {
    const path = tmp()
    const { db, fresh } = openClusterFile(path)
    expect(fresh).toBe(true)
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(db.pragma('application_id', { simple: true })).toBe(PODLAB_APPLICATION_ID)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all()
    expect(tables.map((t) => (t as { name: string }).name)).toEqual(
      expect.arrayContaining(['clock', 'history', 'meta', 'node_state', 'objects', 'timers']),
    )
    db.close()
    const again = openClusterFile(path)
    expect(again.fresh).toBe(false)
    again.db.close()
  })

  it('refuses a folder with a sentence naming a file in it, not SQLite\'s "disk I/O error", and writes nothing there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-dir-'))
    expect(() => openClusterFile(dir)).toThrow(new ClusterFileRefused(`"${dir}" is a folder, not a cluster file; name a file in it, such as "${join(dir, 'cluster.podlab')}"`))
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses an SQLite file of another program', () => {
    const path = tmp()
    const other = new Database(path)
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)')
    other.close()
    expect(() => openClusterFile(path)).toThrow(ClusterFileRefused)
    expect(() => openClusterFile(path)).toThrow(/is not a Podlab cluster file/)
  })

  it('refuses a file that is not SQLite at all, with a sentence', () => {
    const path = tmp()
    writeFileSync(path, 'apiVersion: v1\nkind: Pod\n'.repeat(200))
    expect(() => openClusterFile(path)).toThrow(/cannot open cluster file .*file is not a database/)
  })

  it('refuses a file from a newer Podlab', () => {
    const path = tmp()
    openClusterFile(path).db.close()
    const raw = new Database(path)
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()
    expect(() => openClusterFile(path)).toThrow(
      `written by a newer Podlab (cluster file version ${SCHEMA_VERSION + 1}; this Podlab reads up to version ${SCHEMA_VERSION})`,
    )
  })

  it('applies later migrations in order inside transactions, and a failing one leaves the file at the last good version', () => {
    const path = tmp()
    const first = MIGRATIONS.slice(0, 1)
    openClusterFile(path, { migrations: first }).db.close()
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE extra (x); SELECT nope FROM nowhere;' }]
    expect(() => openClusterFile(path, { migrations: broken })).toThrow(ClusterFileRefused)
    const raw = new Database(path)
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'extra'").get()).toEqual({ n: 0 })
    raw.close()
  })

  it('requires migrations numbered 0001, 0002, ... without gaps', () => {
    expect(() => parseMigrations({ 'a/0001_init.sql': '', 'a/0003_x.sql': '' })).toThrow(/without gaps/)
    expect(parseMigrations({ 'a/0002_b.sql': 'B', 'a/0001_a.sql': 'A' }).map((m) => m.sql)).toEqual(['A', 'B'])
  })
})

describe('an existing file is checked read-only before SQLite may write to it (issue 5)', () => {
  it('a rollback journal next to a cluster file is refused, not played back into it', () => {
    const path = tmp()
    openClusterFile(path).db.close()
    writeFileSync(`${path}-journal`, Buffer.alloc(512, 1))
    expect(() => openClusterFile(path)).toThrow(/can trust: it has a rollback journal ".*c\.podlab-journal" that Podlab did not write$/)
  })

  it('an empty file with a -wal beside it is refused instead of taking the -wal in as its content', () => {
    const path = tmp()
    writeFileSync(path, '')
    writeFileSync(`${path}-wal`, Buffer.alloc(4096, 7))
    expect(() => openClusterFile(path)).toThrow(/c\.podlab" is empty but its "-wal" file is there; move that file away or choose another file$/)
  })

  it('a file that passes is left without the -wal and -shm the read-only check had to create', () => {
    const path = tmp()
    openClusterFile(path).db.close()
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false)
    const { db } = openClusterFile(path, { checkedDir: null })
    db.close()
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false)
  })
})
