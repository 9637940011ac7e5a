// For tests: everything a cluster file says about its cluster (objects, history, clock, meta, timers, node
// state, commands), hashed, read through a connection of its own, so that a half-written transaction would show.

import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'

export const TABLES = ['objects', 'history', 'clock', 'meta', 'timers', 'node_state', 'commands']

/** The hash of `tables` (all of TABLES by default) as a fresh read-only connection reads them. */
export function fingerprint(path: string, tables: readonly string[] = TABLES): string {
  const db = new Database(path, { readonly: true })
  try {
    const hash = createHash('sha256')
    const present = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all())
    // A file of an older version (before 0002_commands) has fewer tables.
    for (const table of tables.filter((t) => present.has(t))) hash.update(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()))
    return hash.digest('hex')
  } finally {
    db.close()
  }
}
