// Several processes write one cluster file (the app or `podlab serve`, and `podlab kubectl` calls). Every write
// transaction begins IMMEDIATE, so it takes the file's write lock before it reads anything, and SQLite's busy
// handler waits for the other writer (better-sqlite3's default busy timeout: 5 s). A writer that is still
// locked out after that is retried here, so that a long command in another process never shows a learner
// `database is locked`.

import Database from 'better-sqlite3'

/** Attempts of one write before giving up; each waits up to SQLite's busy timeout (5 s): 30 s in all. */
export const WRITE_ATTEMPTS = 6

/** Raised when another process held the cluster file's write lock for longer than every attempt waited. */
export class ClusterFileBusy extends Error {
  readonly reason = 'ClusterFileBusy' as const
  constructor(attempts: number) {
    super(`the cluster file is busy: another Podlab process kept it locked through ${attempts} attempts of 5 s each`)
    this.name = 'ClusterFileBusy'
  }
}

/** True for SQLITE_BUSY and its extended codes (another connection holds the lock). */
export function isBusy(e: unknown): boolean {
  return e instanceof Database.SqliteError && e.code.startsWith('SQLITE_BUSY')
}

/**
 * Runs `write` (one whole IMMEDIATE transaction) until it is not refused as busy, at most `attempts` times.
 * `beforeRetry` runs between attempts (to forget what a failed attempt left in memory). Throws ClusterFileBusy
 * after the last attempt, and any other error at once.
 */
export function retryWhileBusy<T>(write: () => T, beforeRetry: () => void, attempts = WRITE_ATTEMPTS): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return write()
    } catch (e) {
      if (!isBusy(e)) throw e
      if (attempt >= attempts) throw new ClusterFileBusy(attempts)
      beforeRetry()
    }
  }
}
