// A cluster file's schema must be exactly the one Podlab's migrations create at its version: a trigger, a view,
// an extra table or index, or a changed definition would run someone else's SQL inside our transactions.
// The expected set is made by applying the migrations to an in-memory database, never written out by hand.

import type Database from 'better-sqlite3'
import type { Migration } from '../migrations'

type DB = Database.Database

export interface SchemaEntry {
  type: string
  name: string
  tbl_name: string
  sql: string | null
}

const READ = 'SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name'

const expectedCache = new Map<string, SchemaEntry[]>()

/** sqlite_schema of a database made by `migrations[0..version)`, in `memory` (an empty in-memory database, closed here). */
export function expectedSchema(migrations: Migration[], version: number, memory: () => DB): SchemaEntry[] {
  const key = migrations
    .slice(0, version)
    .map((m) => m.sql)
    .join('\u0000')
  const cached = expectedCache.get(key)
  if (cached) return cached
  const db = memory()
  try {
    for (const m of migrations.slice(0, version)) db.exec(m.sql)
    const entries = db.prepare<[], SchemaEntry>(READ).all()
    expectedCache.set(key, entries)
    return entries
  } finally {
    db.close()
  }
}

/** The first difference between the file's schema and the expected one, as a clause; undefined when they match. */
export function schemaProblem(db: DB, expected: SchemaEntry[]): { untrusted: boolean; what: string } | undefined {
  const actual = db.prepare<[], SchemaEntry>(READ).all()
  const key = (e: SchemaEntry) => `${e.type}\u0000${e.name}`
  const want = new Map(expected.map((e) => [key(e), e]))
  const have = new Map(actual.map((e) => [key(e), e]))
  for (const e of actual) {
    const w = want.get(key(e))
    if (!w) return { untrusted: true, what: `it has a ${e.type} "${e.name}" that Podlab did not create` }
    if (w.tbl_name !== e.tbl_name || w.sql !== e.sql) return { untrusted: true, what: `its ${e.type} "${e.name}" is not defined the way Podlab defines it` }
  }
  // A dropped table takes its indexes with it: name the table.
  const missing = expected.filter((e) => !have.has(key(e))).sort((a, b) => Number(b.type === 'table') - Number(a.type === 'table'))
  if (missing[0]) return { untrusted: false, what: `${missing[0].type} ${missing[0].name} is missing` }
  return undefined
}
