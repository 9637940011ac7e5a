// For tests: a small valid cluster file, and the bytes on disk of a file and its companions, to show that a
// refused file is left exactly as it was found.

import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { MYNGINX, tmpFile } from './cluster'
import { openCluster } from '../open-cluster'

/** A cluster file with the default cluster and one running pod (default/mynginx), closed (no -wal). */
export function smallClusterFile(): string {
  const path = tmpFile()
  const engine = openCluster(path, { mode: 'manual' })
  engine.create(MYNGINX)
  engine.advance(5000)
  engine.close()
  return path
}

/** sha256 of the database and of its -wal, and the names in its folder. */
export function onDisk(path: string): { db: string; wal: string; files: string[] } {
  const hash = (p: string) => (existsSync(p) ? createHash('sha256').update(readFileSync(p)).digest('hex') : 'absent')
  return { db: hash(path), wal: hash(`${path}-wal`), files: readdirSync(dirname(path)).sort() }
}
