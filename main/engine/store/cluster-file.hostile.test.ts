// One named case per hostile cluster file found in the review of issue 5: each must be refused with one
// sentence as a typed error, before SQLite may write anything, leaving the database and its -wal byte for byte
// as they were and no new companion files behind.

import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCluster } from '../open-cluster'
import { onDisk, smallClusterFile } from '../testing/cluster-file-bytes'
import { tmpFile } from '../testing/cluster'
import { ClusterFileDamaged, ClusterFileRefused } from './cluster-file'

/** Runs raw SQL on the file, as a hostile author would (the file is checkpointed again on close). */
function tamper(path: string, sql: string): void {
  const db = new Database(path)
  db.exec(sql)
  db.close()
}

/** What a learner does with a shared file: open it, `kubectl get pods`, `advance 1s`. */
function use(path: string): void {
  const engine = openCluster(path, { mode: 'manual' })
  try {
    engine.table('pods', 'default')
    engine.advance(1000)
  } finally {
    engine.close()
  }
}

const HANG = `CREATE TRIGGER t AFTER UPDATE ON clock BEGIN
  SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000000) SELECT x FROM c);
END`

type Case = [name: string, sql: string, error: typeof ClusterFileRefused | typeof ClusterFileDamaged, sentence: RegExp]

const cases: Case[] = [
  ['a trigger that never returns on UPDATE clock is refused before it can fire', HANG, ClusterFileRefused, /^".*c\.podlab" is not a cluster file this Podlab can trust: it has a trigger "t" that Podlab did not create$/],
  [
    'a trigger that deletes a pod on every history insert',
    `CREATE TRIGGER d AFTER INSERT ON history BEGIN DELETE FROM objects WHERE resource = 'pods'; END`,
    ClusterFileRefused,
    /can trust: it has a trigger "d" that Podlab did not create$/,
  ],
  ['a view', 'CREATE VIEW v AS SELECT 1', ClusterFileRefused, /can trust: it has a view "v" that Podlab did not create$/],
  ['an extra index', 'CREATE INDEX i ON objects (name)', ClusterFileRefused, /can trust: it has a index "i" that Podlab did not create$/],
  ["an object body that is not JSON", "UPDATE objects SET body = 'not json' WHERE resource = 'pods'", ClusterFileDamaged, /^".*c\.podlab" is damaged: objects row pods\/default\/mynginx has a body that is not JSON$/],
  ['an object body that is not an object', "UPDATE objects SET body = '[1,2]' WHERE resource = 'pods'", ClusterFileDamaged, /objects row pods\/default\/mynginx has a body that is not a JSON object$/],
  ['a pod body without spec', "UPDATE objects SET body = json_remove(body, '$.spec') WHERE resource = 'pods'", ClusterFileDamaged, /objects row pods\/default\/mynginx has a pod body without spec\.containers$/],
  ['a clock at int64 max', 'UPDATE clock SET now_ms = 9223372036854775807', ClusterFileDamaged, /is damaged: the clock's now_ms 9223372036854776000 is not a time from 2025-01-01T00:00:00Z to 9999-12-31T23:59:59Z$/],
  ['a speed of 1e308', 'UPDATE clock SET speed = 1e308', ClusterFileDamaged, /is damaged: the clock's speed 1e\+308 is not from 0\.25 to 100$/],
  ['a resource_version that is not a number', "UPDATE meta SET value = 'abc' WHERE key = 'resource_version'", ClusterFileDamaged, /is damaged: meta row resource_version: the resource_version "abc" is not a whole number$/],
  ['user_version -1', 'PRAGMA user_version = -1', ClusterFileRefused, /can trust: its cluster file version \(PRAGMA user_version\) is -1, which no Podlab writes$/],
  ['a dropped table', 'DROP TABLE history', ClusterFileRefused, /^".*c\.podlab" is damaged: table history is missing$/],
]

describe('hostile cluster files are refused with a sentence and left unchanged (issue 5, opening a file)', () => {
  it.each(cases)('%s', (_name, sql, error, sentence) => {
    const path = smallClusterFile()
    tamper(path, sql)
    const before = onDisk(path)
    expect(() => use(path)).toThrow(error)
    expect(() => use(path)).toThrow(sentence)
    expect(onDisk(path)).toEqual(before)
  })

  it('a -wal from another program\'s database is refused and neither file is changed, the healthy file opens once it is gone', () => {
    const path = smallClusterFile()
    const other = join(dirname(path), 'other.db')
    const db = new Database(other)
    db.pragma('journal_mode = WAL')
    db.pragma('wal_autocheckpoint = 0')
    db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO invoices (body) VALUES ('x')")
    copyFileSync(`${other}-wal`, `${path}-wal`)
    db.close()
    const before = onDisk(path)
    expect(() => use(path)).toThrow(/is not a Podlab cluster file \(it is an SQLite database of another program\)$/)
    expect(onDisk(path)).toEqual(before)
    expect(existsSync(`${path}-shm`)).toBe(false)
    rmSync(`${path}-wal`)
    expect(() => use(path)).not.toThrow()
  })

  it("a -wal from another Podlab cluster file that forms a consistent database with this one is refused, not checkpointed into it (found by a fresh attacker)", () => {
    const path = smallClusterFile()
    const other = smallClusterFile()
    const writer = new Database(other)
    writer.pragma('wal_autocheckpoint = 0')
    writer.exec("UPDATE meta SET value = '77' WHERE key = 'seed'")
    copyFileSync(`${other}-wal`, `${path}-wal`)
    writer.close()
    const before = onDisk(path)
    expect(() => use(path)).toThrow(/is not a cluster file this Podlab can trust: its "-wal" file belongs to another cluster file \(move ".*-wal" away to open the file as it was last saved whole\)$/)
    expect(onDisk(path)).toEqual(before)
    rmSync(`${path}-wal`)
    expect(() => use(path)).not.toThrow()
  })

  it('a -wal from a cluster file of the same seed whose history does not continue this one is refused too', () => {
    const path = smallClusterFile()
    const other = join(dirname(path), 'other', 'c.podlab')
    mkdirSync(dirname(other))
    copyFileSync(path, other)
    const writer = new Database(other)
    writer.pragma('wal_autocheckpoint = 0')
    writer.exec("UPDATE history SET uid = 'another-cluster' WHERE resource_version = (SELECT max(resource_version) FROM history)")
    copyFileSync(`${other}-wal`, `${path}-wal`)
    writer.close()
    const before = onDisk(path)
    expect(() => use(path)).toThrow(/its "-wal" file belongs to another cluster file/)
    expect(onDisk(path)).toEqual(before)
  })

  it('the -wal a killed Podlab left behind is its own: the file opens with every commit in it (kill -9 loses nothing)', () => {
    const path = smallClusterFile()
    const engine = openCluster(path, { mode: 'manual' })
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'after-crash' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
    // A copy taken while the engine is still open is what a kill -9 leaves: the file and a -wal holding the commit.
    const copy = join(dirname(path), 'copy', 'c.podlab')
    mkdirSync(dirname(copy))
    copyFileSync(path, copy)
    copyFileSync(`${path}-wal`, `${copy}-wal`)
    engine.close()
    const reopened = openCluster(copy, { mode: 'manual' })
    expect(reopened.get('pods', 'default', 'after-crash').metadata.name).toBe('after-crash')
    reopened.close()
  })

  it('--seed -1 is refused and leaves no file behind', () => {
    const path = tmpFile()
    expect(() => openCluster(path, { mode: 'manual', seed: '-1' })).toThrow(/^--seed must be a whole number of 1 to 15 digits, got "-1"$/)
    expect(existsSync(path)).toBe(false)
    expect(onDisk(path).files).toEqual([])
  })
})
