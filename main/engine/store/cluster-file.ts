// Opening a cluster file: a new file gets the schema; a Podlab file is migrated forward in transactions;
// anything else (another program's SQLite file, a corrupt file, a file from a newer Podlab) is refused
// with a sentence, never a stack trace.

import Database from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations'

/** PRAGMA application_id of every Podlab cluster file: "Podl". */
export const PODLAB_APPLICATION_ID = 0x506f646c

export type DB = Database.Database

export class ClusterFileRefused extends Error {
  readonly reason = 'ClusterFileRefused' as const
  constructor(message: string) {
    super(message)
    this.name = 'ClusterFileRefused'
  }
}

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
}

export function openClusterFile(path: string, options: FileOptions = {}): OpenedFile {
  const migrations = options.migrations ?? MIGRATIONS
  const existed = existsSync(path) && statSync(path).size > 0
  let db: DB
  try {
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  } catch (e) {
    throw new ClusterFileRefused(`cannot open cluster file "${path}": ${(e as Error).message}`)
  }
  try {
    return { db, fresh: prepare(db, path, existed, migrations) }
  } catch (e) {
    db.close()
    if (e instanceof ClusterFileRefused) throw e
    throw new ClusterFileRefused(`cannot open cluster file "${path}": ${(e as Error).message}`)
  }
}

function prepare(db: DB, path: string, existed: boolean, migrations: Migration[]): boolean {
  // Reading the header is the first thing that fails on a file that is not SQLite ("file is not a database").
  const appId = db.pragma('application_id', { simple: true }) as number
  const version = db.pragma('user_version', { simple: true }) as number
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n

  if (existed && appId !== PODLAB_APPLICATION_ID && !(appId === 0 && tables === 0 && version === 0)) {
    throw new ClusterFileRefused(`"${path}" is not a Podlab cluster file (it is an SQLite database of another program)`)
  }
  if (version > migrations.length) {
    throw new ClusterFileRefused(
      `"${path}" was written by a newer Podlab (cluster file version ${version}; this Podlab reads up to version ${migrations.length}). Update Podlab to open it.`,
    )
  }
  const integrity = db.pragma('quick_check', { simple: true }) as string
  if (integrity !== 'ok') throw new ClusterFileRefused(`"${path}" is damaged: ${integrity}`)

  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = NORMAL')

  for (const m of migrations.slice(version)) {
    db.transaction(() => {
      db.exec(m.sql)
      db.pragma(`user_version = ${m.version}`)
      db.pragma(`application_id = ${PODLAB_APPLICATION_ID}`)
    })()
  }
  return version === 0
}

export { SCHEMA_VERSION }
