// Part of `npm run bench`: the physical limit beside Podlab's figure. Real rows of a benchmark's cluster file
// (its `history` table, whatever columns and indexes it has: the encoding changes) are appended again with
// better-sqlite3 alone, in batched transactions, to a fresh database with the same table, indexes and the pragmas
// Podlab opens its files with (main/engine/store/cluster-file.ts: WAL, synchronous NORMAL). No simulation, no
// JSON: what this machine's SQLite can append of those very rows.
import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'

/** Rows per transaction: one virtual instant of a busy advance commits about this many. */
export const BATCH = 1_000
/** The sample read back: at most this many rows, and at most this many bytes of them. */
const SAMPLE_ROWS = 100_000
const SAMPLE_BYTES = 64 * 1024 * 1024
/** Rounds are repeated (each on a new file) until this much time was measured, and at least MIN_ROUNDS times. */
const MIN_MS = 1_000
const MIN_ROUNDS = 3

/** The rows after `afterRowid`, or every row of a table without rowids (a later encoding may make one). */
function newerRows(source, afterRowid) {
  try {
    return source.prepare(`SELECT * FROM history WHERE rowid > ${Number(afterRowid)} ORDER BY rowid`)
  } catch {
    return source.prepare('SELECT * FROM history')
  }
}

/**
 * Appends the `history` rows of cluster file `db` newer than resourceVersion-ordered row `afterRowid` (SQLite's
 * rowid: for today's table, the resourceVersion) into fresh databases at `scratch` in transactions of BATCH rows.
 * Returns `{ rowsPerS, rows, bytesPerRow }`: rows/s appended in the fastest round (the limit; a shared machine's
 * other work only ever slows a round down), the rows of the sample, their mean size in bytes
 * as SQLite returns them. Throws when the file has no such rows (nothing to measure).
 */
export function rawAppendRate(db, scratch, { afterRowid = 0 } = {}) {
  const source = new Database(db, { readonly: true })
  let schema
  let columns
  const rows = []
  let bytes = 0
  try {
    schema = source
      .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'history' AND sql IS NOT NULL ORDER BY type = 'table' DESC, name")
      .all()
      .map((r) => r.sql)
    const select = newerRows(source, afterRowid)
    columns = select.columns().map((c) => c.name)
    for (const row of select.raw().iterate()) {
      rows.push(row)
      for (const value of row) bytes += typeof value === 'string' ? Buffer.byteLength(value) : value?.length ?? 8
      if (rows.length >= SAMPLE_ROWS || bytes >= SAMPLE_BYTES) break
    }
  } finally {
    source.close()
  }
  if (rows.length === 0) throw new Error(`${db} has no history rows after rowid ${afterRowid}: nothing to append`)
  const insert = `INSERT INTO history (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
  let measuredMs = 0
  let best = 0
  for (let round = 0; round < MIN_ROUNDS || measuredMs < MIN_MS; round++) {
    rmSync(scratch, { force: true })
    rmSync(`${scratch}-wal`, { force: true })
    rmSync(`${scratch}-shm`, { force: true })
    const target = new Database(scratch)
    try {
      target.pragma('journal_mode = WAL')
      target.pragma('synchronous = NORMAL')
      for (const sql of schema) target.exec(sql)
      const statement = target.prepare(insert)
      const batch = target.transaction((from) => {
        for (let i = from; i < Math.min(from + BATCH, rows.length); i++) statement.run(rows[i])
      })
      const started = process.hrtime.bigint()
      for (let from = 0; from < rows.length; from += BATCH) batch(from)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      measuredMs += ms
      best = Math.max(best, rows.length / (ms / 1000))
    } finally {
      target.close()
    }
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratch}${suffix}`, { force: true })
  return { rowsPerS: best, rows: rows.length, bytesPerRow: bytes / rows.length }
}
