// A -wal beside a cluster file may belong to another cluster file (copied along in a workshop). Nothing in
// SQLite's WAL format ties it to its database, and a -wal from another Podlab file can form a consistent
// database with this one, so SQLite would checkpoint the stranger's pages into this file at the first close.
// What ties them is the cluster's own history: it is append-only, so the file as last checkpointed (read
// without its -wal) must be a beginning of the history seen through the -wal, with the same seed.

import Database from 'better-sqlite3'
import { readFileSync, statSync } from 'node:fs'

/** Files larger than this are not read whole to compare (bytes); their -wal is taken as theirs. */
export const MAX_COMPARED_BYTES = 256 * 1024 * 1024

/**
 * The last history row's leading columns (its identity, not its body: those sit in the row's own page, while a
 * long body spills into overflow pages that a checkpoint running in another process may be copying right now).
 */
interface LastRow {
  resource_version: number
  at_ms: number
  type: string
  uid: string
}

const LAST_ROW = 'SELECT resource_version, at_ms, type, uid FROM history'

function facts(db: Database.Database): { seed: string | undefined; last: LastRow | undefined } {
  const seed = db.prepare("SELECT value FROM meta WHERE key = 'seed'").pluck().get() as string | undefined
  const last = db.prepare(`${LAST_ROW} ORDER BY resource_version DESC LIMIT 1`).get() as LastRow | undefined
  return { seed, last }
}

/**
 * Why the -wal of `path` does not continue the file (a sentence's ending), or undefined when it does, when
 * there is no -wal, or when it cannot be told (the file alone unreadable, as after a crash mid-checkpoint, or
 * larger than MAX_COMPARED_BYTES). `withWal`: a read-only connection that sees the file through its -wal.
 *
 * Another process may be checkpointing while the file is read (the app serving it, a second CLI call): a torn
 * copy can hold pages of two moments and read as a stranger's history. So a mismatch only counts when it is
 * found again on fresh reads, each taken while the file did not change (same size and mtime around the read);
 * a -wal of another cluster file mismatches every time. (Found by the e2e soak: a CLI call beside a serve at
 * 100x was refused once in four minute-long runs.)
 */
export function foreignWalProblem(path: string, withWal: Database.Database): string | undefined {
  let walBytes = 0
  try {
    walBytes = statSync(`${path}-wal`).size
  } catch {
    return undefined
  }
  if (walBytes === 0 || statSync(path).size > MAX_COMPARED_BYTES) return undefined
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const verdict = compare(path, withWal)
    if (verdict !== 'mismatch') return undefined
  }
  return `its "-wal" file belongs to another cluster file (move "${path}-wal" away to open the file as it was last saved whole)`
}

/** Reads before a mismatch is believed. */
const ATTEMPTS = 3

/** The file as last checkpointed against what the -wal shows; 'unknown' when the file cannot be read whole and still. */
function compare(path: string, withWal: Database.Database): 'continues' | 'mismatch' | 'unknown' {
  let alone: Database.Database | undefined
  let before: ReturnType<typeof facts>
  try {
    const bytes = stillBytes(path)
    if (!bytes) return 'unknown'
    // The header's read/write versions say "WAL" (2); an in-memory copy can only be read as a rollback-journal
    // database (1), which for reading is the same file.
    if (bytes.length >= 100) bytes[18] = bytes[19] = 1
    alone = new Database(bytes, { readonly: true })
    before = facts(alone)
  } catch {
    return 'unknown'
  } finally {
    alone?.close()
  }
  const after = facts(withWal)
  if (before.seed !== undefined && before.seed !== after.seed) return 'mismatch'
  if (before.last === undefined) return 'continues'
  const same = withWal.prepare(`${LAST_ROW} WHERE resource_version = ?`).get(before.last.resource_version) as LastRow | undefined
  return JSON.stringify(same) === JSON.stringify(before.last) ? 'continues' : 'mismatch'
}

/** The file's bytes, read while its size and mtime stayed the same (no checkpoint wrote it meanwhile), or undefined. */
function stillBytes(path: string): Buffer | undefined {
  const before = statSync(path, { bigint: true })
  const bytes = readFileSync(path)
  const after = statSync(path, { bigint: true })
  return before.mtimeNs === after.mtimeNs && before.size === after.size && BigInt(bytes.length) === after.size ? bytes : undefined
}
