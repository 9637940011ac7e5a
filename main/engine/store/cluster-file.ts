// Opening a cluster file. Cluster files are shared between strangers, so an existing file is first opened
// READ-ONLY and checked (SQLite header and application_id, version, the exact schema our migrations make, the
// pages, the one-row facts), with its -wal applied as SQLite would apply it; only a file that passes is opened
// read-write (WAL mode, migrations). A refused file is left byte for byte as it was: SQLite never had the
// chance to checkpoint a -wal into it, roll back a journal, or fire a trigger.

import Database from 'better-sqlite3'
import { existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations'
import { findCompanions, removeCreated } from './open/companions'
import { ClusterFileRefused, damagedFile, isClusterFileError, oneLine, untrusted } from './open/errors'
import { checkedBefore, defaultCheckedDir, fingerprint, integrityProblem, rememberChecked } from './open/integrity'
import { checkSingletonRows } from './open/rows'
import { foreignWalProblem } from './open/wal-owner'
import { expectedSchema, schemaProblem } from './open/schema'

export { ClusterFileDamaged, ClusterFileRefused, isClusterFileError } from './open/errors'

/** PRAGMA application_id of every Podlab cluster file: "Podl". */
export const PODLAB_APPLICATION_ID = 0x506f646c

export type DB = Database.Database

export interface OpenedFile {
  db: DB
  /** True when the file was created (or was empty) and needs a default cluster. */
  fresh: boolean
}

export interface FileOptions {
  migrations?: Migration[]
  /**
   * better-sqlite3's compiled addon to load instead of the one in node_modules. The Electron main process
   * needs one built for Electron's ABI, while the CLI, the web host and the tests run on Node's.
   */
  nativeBinding?: string
  /** Folder of the fingerprints of files whose pages passed quick_check (see open/integrity.ts); null: check every time. */
  checkedDir?: string | null
}

/** Every connection Podlab makes goes through here (one place for connection options). */
function connect(path: string, options: FileOptions, readonly = false): DB {
  return new Database(path, {
    readonly,
    fileMustExist: readonly,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
}

/**
 * Opens (or creates) the cluster file at `path`, migrated to the newest version. Throws ClusterFileRefused
 * (one sentence) for a file that is not a Podlab cluster file, is from a newer Podlab, has a schema Podlab
 * did not make, or is damaged, and ClusterFileDamaged for a bad clock or meta row; either way the file, its
 * -wal and its journal are left unchanged.
 */
export function openClusterFile(path: string, options: FileOptions = {}): OpenedFile {
  const migrations = options.migrations ?? MIGRATIONS
  const checkedDir = options.checkedDir === undefined ? defaultCheckedDir() : options.checkedDir
  if (path === ':memory:') return openReadWrite(path, options, migrations, 0, null)
  // SQLite opens a folder and then fails on its first read with "disk I/O error", which blames the disk.
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ClusterFileRefused(`"${path}" is a folder, not a cluster file; name a file in it, such as "${join(path, 'cluster.podlab')}"`)
  }

  const before = findCompanions(path)
  if (!before['']) {
    if (before['-wal'] || before['-journal']) {
      const state = before[''] === undefined ? 'missing' : 'empty'
      throw new ClusterFileRefused(`"${path}" is ${state} but its "${before['-wal'] ? '-wal' : '-journal'}" file is there; move that file away or choose another file`)
    }
    if (before[''] === 0) return openReadWrite(path, options, migrations, 0, checkedDir) // made by `touch`: fill it in place
    createNew(path, options, migrations)
    if (!existsSync(path)) throw new ClusterFileRefused(`cannot create cluster file "${path}": it vanished as it was made`)
    return { ...openClusterFile(path, options), fresh: true }
  }
  // A Podlab file is always in WAL mode: a rollback journal next to it is another database's, and opening
  // read-write would play it back into this file.
  if (before['-journal']) throw untrusted(path, `it has a rollback journal "${path}-journal" that Podlab did not write`)

  let version: number
  let ro: DB | undefined
  const seen = fingerprint(path)
  try {
    ro = connect(path, options, true)
    version = check(ro, path, migrations, checkedDir, seen)
  } catch (e) {
    ro?.close()
    // The -wal and -shm the read-only open made are removed only when the file itself was judged: after a
    // passing check, or a failure such as SQLITE_BUSY, another Podlab process may be using them right now
    // (two `podlab kubectl` calls at once), and deleting a live -wal would lose its commits.
    if (isVerdict(e)) removeCreated(path, before)
    throw asRefusal(e, path)
  }
  ro.close()
  return openReadWrite(path, options, migrations, version, checkedDir)
}

/** True when `e` says the file is not one Podlab can use (as opposed to a momentary failure to read it). */
function isVerdict(e: unknown): boolean {
  return isClusterFileError(e) || /^SQLITE_(CORRUPT|NOTADB)/.test(String((e as { code?: unknown } | null)?.code))
}

function asRefusal(e: unknown, path: string): Error {
  if (isClusterFileError(e)) return e
  const message = oneLine((e as Error).message)
  if (/^SQLITE_CORRUPT/.test(String((e as { code?: unknown }).code))) return damagedFile(path, message)
  return new ClusterFileRefused(`cannot open cluster file "${path}": ${message}`)
}

/** The read-only checks; returns the file's version. `seen`: the file's fingerprint before it was opened. */
function check(db: DB, path: string, migrations: Migration[], checkedDir: string | null, seen: string): number {
  // Reading the header is the first thing that fails on a file that is not SQLite ("file is not a database").
  const appId = db.pragma('application_id', { simple: true }) as number
  const version = db.pragma('user_version', { simple: true }) as number
  const objects = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n

  if (appId !== PODLAB_APPLICATION_ID && !(appId === 0 && objects === 0 && version === 0)) {
    throw new ClusterFileRefused(`"${path}" is not a Podlab cluster file (it is an SQLite database of another program)`)
  }
  if (version > migrations.length) {
    throw new ClusterFileRefused(
      `"${path}" was written by a newer Podlab (cluster file version ${version}; this Podlab reads up to version ${migrations.length}). Update Podlab to open it.`,
    )
  }
  if (version < 0) throw untrusted(path, `its cluster file version (PRAGMA user_version) is ${version}, which no Podlab writes`)

  const schema = schemaProblem(db, expectedSchema(migrations, version, () => connect(':memory:', {})))
  if (schema) throw schema.untrusted ? untrusted(path, schema.what) : damagedFile(path, schema.what)

  if (!checkedBefore(checkedDir, path, seen)) {
    const integrity = integrityProblem(db)
    if (integrity) throw damagedFile(path, integrity)
    const foreignWal = version === migrations.length ? foreignWalProblem(path, db) : undefined
    if (foreignWal) throw untrusted(path, foreignWal)
    rememberChecked(checkedDir, path, seen)
  }
  if (version === migrations.length) checkSingletonRows(db, path)
  return version
}

/** Applies `migrations` after `version`, each in its own transaction. */
function migrate(db: DB, migrations: Migration[], version: number): void {
  for (const m of migrations.slice(version)) {
    // IMMEDIATE, and the version read again inside: two Podlab processes migrating one file at once must not
    // both apply a migration.
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
      db.pragma(`application_id = ${PODLAB_APPLICATION_ID}`)
    }).immediate()
  }
}

let creations = 0

/**
 * Makes a new cluster file at `path` whole or not at all: the schema is written to a file of its own beside it,
 * which is then linked into place. Done in place, a second process opening the same new path meanwhile (the
 * app and a first `podlab kubectl`) would find a half-made file with a rollback journal beside it (SQLite
 * writes the first pages through one) and refuse it. A process that loses the race keeps the winner's file.
 */
function createNew(path: string, options: FileOptions, migrations: Migration[]): void {
  const temp = `${path}.new-${process.pid}-${++creations}`
  try {
    const db = connect(temp, options)
    try {
      db.pragma('journal_mode = WAL')
      migrate(db, migrations, 0)
    } finally {
      db.close() // the last connection checkpoints and removes the -wal: the file stands alone
    }
    try {
      linkSync(temp, path) // atomic, and refuses to replace a file another process made first
    } catch (e) {
      const code = (e as { code?: unknown }).code
      // Some file systems (FAT on a workshop's USB stick) have no hard links: a rename is nearly as good.
      if (code !== 'EEXIST' && !existsSync(path)) renameSync(temp, path)
    }
  } catch (e) {
    throw asRefusal(e, path)
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${temp}${suffix}`, { force: true })
  }
}

function openReadWrite(path: string, options: FileOptions, migrations: Migration[], version: number, checkedDir: string | null): OpenedFile {
  const before = findCompanions(path)
  let db: DB
  try {
    db = connect(path, options)
  } catch (e) {
    throw asRefusal(e, path)
  }
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    migrate(db, migrations, version)
  } catch (e) {
    db.close()
    // A file this call created and could not finish is removed; an existing one keeps its last good version.
    if (path !== ':memory:' && !before['']) removeCreated(path, before, true)
    throw asRefusal(e, path)
  }
  if (checkedDir !== null) rememberOnClose(db, path, checkedDir)
  return { db, fresh: version === 0 }
}

/**
 * What Podlab itself wrote needs no check on the next open: once this connection closes, the file's new
 * fingerprint is remembered as checked. (Wrapping close here keeps it true for every owner of the connection.)
 */
function rememberOnClose(db: DB, path: string, checkedDir: string): void {
  const close = db.close.bind(db)
  db.close = () => {
    const open = db.open
    close()
    if (open) rememberChecked(checkedDir, path)
    return db
  }
}

export { SCHEMA_VERSION }
