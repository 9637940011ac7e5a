// The files SQLite keeps next to a database: `-wal`, `-shm` (WAL mode) and `-journal` (rollback mode). Opening a
// WAL-mode file read-only creates an empty `-wal` and a `-shm` when they are missing; a refused file must be left
// as it was found, so we note what existed before and remove only what our own open created.

import { rmSync, statSync } from 'node:fs'

export const COMPANIONS = ['-wal', '-shm', '-journal'] as const
export type Companion = (typeof COMPANIONS)[number]

/** Sizes in bytes of the database and its companions; undefined for a file that does not exist. */
export type Found = Record<'' | Companion, number | undefined>

export function findCompanions(path: string): Found {
  const size = (p: string) => {
    try {
      return statSync(p).size
    } catch {
      return undefined
    }
  }
  return { '': size(path), '-wal': size(`${path}-wal`), '-shm': size(`${path}-shm`), '-journal': size(`${path}-journal`) }
}

/** Removes the companions (and, with `database`, the database) that did not exist in `before`. */
export function removeCreated(path: string, before: Found, database = false): void {
  for (const suffix of COMPANIONS) if (before[suffix] === undefined) rmSync(`${path}${suffix}`, { force: true })
  if (database && before[''] === undefined) rmSync(path, { force: true })
}
