import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ClusterFileBusy, isBusy, retryWhileBusy } from './busy'

const busy = () => new Database.SqliteError('database is locked', 'SQLITE_BUSY')

describe('a write locked out by another process is retried (issue 5: no user-visible `database is locked`)', () => {
  it('retries a write refused as SQLITE_BUSY, forgetting the failed attempt in between, until it goes through', () => {
    let calls = 0
    let forgotten = 0
    const result = retryWhileBusy(
      () => {
        if (++calls < 3) throw busy()
        return 'written'
      },
      () => forgotten++,
    )
    expect(result).toBe('written')
    expect([calls, forgotten]).toEqual([3, 2])
  })

  it('gives up with ClusterFileBusy, a typed error with a sentence, after the last attempt', () => {
    let calls = 0
    const attempt = () =>
      retryWhileBusy(
        () => {
          calls++
          throw busy()
        },
        () => {},
        4,
      )
    expect(attempt).toThrow(ClusterFileBusy)
    expect(calls).toBe(4)
    expect(attempt).toThrow(/the cluster file is busy: another Podlab process kept it locked/)
  })

  it('passes any other error through at once', () => {
    let calls = 0
    const constraint = new Database.SqliteError('UNIQUE constraint failed: objects.uid', 'SQLITE_CONSTRAINT_UNIQUE')
    expect(() =>
      retryWhileBusy(
        () => {
          calls++
          throw constraint
        },
        () => {},
      ),
    ).toThrow(constraint)
    expect(calls).toBe(1)
    expect(isBusy(new Error('SQLITE_BUSY'))).toBe(false)
    expect(isBusy(new Database.SqliteError('locked', 'SQLITE_BUSY_SNAPSHOT'))).toBe(true)
  })
})
