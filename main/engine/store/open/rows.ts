// The one-row facts every command reads first (the clock, the seed, the generator state, the last
// resourceVersion), checked while the file is still open read-only, so that a file with a bad one is refused
// before SQLite may write anything. Object bodies, timers and node state are checked when they are read.

import type Database from 'better-sqlite3'
import { readClockRow } from '../../runtime/clock'
import { metaProblem } from '../object-store'
import { damagedRow } from './errors'

const REQUIRED_META = ['seed', 'rng', 'resource_version', 'cluster_name']

/** Throws ClusterFileDamaged naming the row when a bootstrapped file's clock or meta rows are not Podlab's. */
export function checkSingletonRows(db: Database.Database, file: string): void {
  const meta = new Map(db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all().map((r) => [r.key, r.value]))
  // A file without a seed has no cluster yet: openCluster writes all of these in one transaction.
  if (!meta.has('seed')) return
  for (const key of REQUIRED_META) {
    const value = meta.get(key)
    if (value === undefined) throw damagedRow(file, `meta row ${key} is missing`)
    const problem = metaProblem(key, value)
    if (problem) throw damagedRow(file, `meta row ${key}: ${problem}`)
  }
  readClockRow(db)
}
