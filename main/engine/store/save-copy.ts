// "Save a copy" of the cluster (the app's File menu): SQLite's VACUUM INTO writes a consistent copy of the open
// file (committed state only; the WAL folded in) without stopping the cluster. The copy must not say that this
// process runs its clock (the clock_owner row): `podlab advance` on the copy would refuse, naming the app.

import { existsSync, renameSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import type { DB } from './cluster-file'
import { CLOCK_OWNER_KEY } from './clock-owner'

/** Refused: the copy would overwrite the open file itself. */
export class SaveCopyRefused extends Error {
  readonly reason = 'SaveCopyRefused' as const
  constructor(message: string) {
    super(message)
    this.name = 'SaveCopyRefused'
  }
}

/**
 * Writes a copy of `db`'s committed state to `target` (replacing a file there: the save dialog asked), through
 * `target`.partial renamed into place, so a failed copy leaves no half file under the chosen name. Throws
 * SaveCopyRefused when `target` is the open file, and SQLite's or the file system's error when it cannot write.
 */
export function saveCopy(db: DB, target: string): void {
  const path = resolve(target)
  if (path === resolve(db.name)) throw new SaveCopyRefused(`"${target}" is the cluster file that is open: choose another name for the copy`)
  const partial = `${path}.partial`
  rmSync(partial, { force: true })
  try {
    db.prepare('VACUUM INTO ?').run(partial)
    db.prepare('ATTACH DATABASE ? AS copy').run(partial)
    try {
      db.prepare('DELETE FROM copy.meta WHERE key = ?').run(CLOCK_OWNER_KEY)
    } finally {
      db.prepare('DETACH DATABASE copy').run()
    }
    renameSync(partial, path)
  } finally {
    if (existsSync(partial)) rmSync(partial, { force: true })
  }
}
