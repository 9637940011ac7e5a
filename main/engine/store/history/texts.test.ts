// A hostile cluster file's history rows: each way a compact row can lie becomes ClusterFileDamaged with a
// sentence naming the row, through every reader (the history view's version, the informers' and watch's
// since()), never a crash, a hang or gigabytes in memory.

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { deflateRawSync } from 'node:zlib'
import { openCluster } from '../../open-cluster'
import { MYNGINX, tmpFile } from '../../testing/cluster'
import { isClusterFileError } from '../open/errors'
import { ObjectStore } from '../object-store'
import { FULL_V1, LIVE, PATCH } from './codec'
import { DICTIONARY_V1 } from './dictionary-v1'
import { MAX_CHAIN } from './texts'

interface Fixture {
  path: string
  /** The pod's newest row: a PATCH (the pod changed several times since its FULL_V1 row). */
  patch: { resource_version: number; base: number }
  /** An Event row that is LIVE. */
  live: { resource_version: number; uid: string }
  /** Another object's row. */
  other: number
}

function fixture(): Fixture {
  const path = tmpFile()
  const engine = openCluster(path, { mode: 'manual' })
  engine.create(MYNGINX)
  engine.advance(30_000)
  engine.close()
  const db = new Database(path, { readonly: true })
  try {
    const patch = db
      .prepare<[], Fixture['patch']>(`SELECT resource_version, base FROM history WHERE resource = 'pods' AND encoding = ${PATCH} ORDER BY resource_version DESC LIMIT 1`)
      .get()!
    const live = db.prepare<[], Fixture['live']>(`SELECT resource_version, uid FROM history WHERE encoding = ${LIVE} LIMIT 1`).get()!
    const other = db.prepare<[], number>("SELECT resource_version FROM history WHERE resource = 'namespaces' LIMIT 1").pluck().get()!
    return { path, patch, live, other }
  } finally {
    db.close()
  }
}

/** What reading row `rv` through the history view and through since() throws (both must say the same). */
function readErrors(path: string, rv: number): string[] {
  const db = new Database(path)
  const messages: string[] = []
  try {
    for (const read of [() => new ObjectStore(db).since(rv - 1), () => openCluster(path, { mode: 'manual' }).historyVersion(rv)]) {
      try {
        read()
        messages.push('no error')
      } catch (e) {
        messages.push(isClusterFileError(e) ? e.message : `not a cluster file error: ${String(e)}`)
      }
    }
  } finally {
    db.close()
  }
  return messages
}

function change(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path)
  try {
    db.prepare(sql).run(...params)
  } finally {
    db.close()
  }
}

const at = (f: Fixture, rv = f.patch.resource_version) => `history row pods/default/mynginx at resourceVersion ${rv}`

describe('hostile compact history rows', () => {
  it('a patch whose base is missing', () => {
    const f = fixture()
    change(f.path, 'DELETE FROM history WHERE resource_version = ?', f.patch.base)
    for (const m of readErrors(f.path, f.patch.resource_version)) expect(m).toContain(`${at(f)} is a patch whose base (resourceVersion ${f.patch.base}) is missing`)
  })

  it("a patch whose base is another object's row", () => {
    const f = fixture()
    change(f.path, 'UPDATE history SET base = ? WHERE resource_version = ?', f.other, f.patch.resource_version)
    for (const m of readErrors(f.path, f.patch.resource_version)) expect(m).toContain(`${at(f)} is a patch whose base (resourceVersion ${f.other}) is another object's row`)
  })

  it('a patch whose base is itself or newer (a loop)', () => {
    const f = fixture()
    change(f.path, 'UPDATE history SET base = resource_version WHERE resource_version = ?', f.patch.resource_version)
    for (const m of readErrors(f.path, f.patch.resource_version)) expect(m).toContain(`${at(f)} is a patch whose base (${f.patch.resource_version}) is not an older resourceVersion`)
  })

  it('a patch that does not inflate against its base', () => {
    const f = fixture()
    change(f.path, "UPDATE history SET data = x'deadbeef00' WHERE resource_version = ?", f.patch.resource_version)
    for (const m of readErrors(f.path, f.patch.resource_version)) expect(m).toMatch(new RegExp(`${at(f)} has data that does not inflate`))
  })

  it('a row that inflates to gigabytes stops at the cap', () => {
    const f = fixture()
    const bomb = deflateRawSync(Buffer.alloc(256 * 1024 * 1024, 0x20), { dictionary: Buffer.from(DICTIONARY_V1) })
    change(f.path, `UPDATE history SET encoding = ${FULL_V1}, base = NULL, data = ? WHERE resource_version = ?`, bomb, f.patch.resource_version)
    for (const m of readErrors(f.path, f.patch.resource_version)) expect(m).toContain(`${at(f)} has data that inflates to more than 3145728 bytes`)
  })

  it('a FULL or PATCH row without data, and an encoding Podlab does not write', () => {
    const f = fixture()
    change(f.path, 'UPDATE history SET data = NULL WHERE resource_version = ?', f.patch.resource_version)
    for (const m of readErrors(f.path, f.patch.resource_version)) expect(m).toContain(`${at(f)} has no data`)
    change(f.path, 'UPDATE history SET encoding = 9 WHERE resource_version = ?', f.patch.resource_version)
    for (const m of readErrors(f.path, f.patch.resource_version)) expect(m).toContain(`${at(f)} has an encoding (9) Podlab does not write`)
  })

  it('a LIVE row whose object is no longer at that version', () => {
    const f = fixture()
    change(f.path, 'UPDATE objects SET resource_version = resource_version + 1000 WHERE uid = ?', f.live.uid)
    for (const m of readErrors(f.path, f.live.resource_version)) expect(m).toMatch(/history row events\/[^/]+\/\S+ at resourceVersion \d+ says its object is the current one, but objects holds no such version/)
  })

  it(`a chain longer than ${MAX_CHAIN} patches is refused before anything is inflated`, () => {
    const f = fixture()
    const db = new Database(f.path)
    try {
      const top = db.prepare<[], number>('SELECT max(resource_version) FROM history').pluck().get()!
      const insert = db.prepare(
        `INSERT INTO history (resource_version, at_ms, type, resource, namespace, name, uid, encoding, body, base, data)
         VALUES (?, 1, 'MODIFIED', 'pods', 'default', 'long', 'u-long', ${PATCH}, '', ?, x'00')`,
      )
      db.transaction(() => {
        for (let i = 1; i <= MAX_CHAIN + 5; i++) insert.run(top + i, top + i - 1)
      })()
      const rv = top + MAX_CHAIN + 5
      // The chain's first row is another object's (the last row before): the length is found first.
      expect(() => new ObjectStore(db).since(rv - 1)).toThrow(`history row pods/default/long at resourceVersion ${rv} is a patch on a chain of more than ${MAX_CHAIN} patches`)
    } finally {
      db.close()
    }
  })
})
