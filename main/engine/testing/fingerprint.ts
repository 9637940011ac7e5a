// For tests: everything a cluster file says about its cluster (objects, history, clock, meta, timers, node
// state), hashed, read through a connection of its own, so that a half-written transaction would show.

import Database from 'better-sqlite3'
import { createHash } from 'node:crypto'

const TABLES = ['objects', 'history', 'clock', 'meta', 'timers', 'node_state']

export function fingerprint(path: string): string {
  const db = new Database(path, { readonly: true })
  try {
    const hash = createHash('sha256')
    for (const table of TABLES) hash.update(JSON.stringify(db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()))
    return hash.digest('hex')
  } finally {
    db.close()
  }
}
