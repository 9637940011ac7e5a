// Issue 6 item 5: every command a door gives the engine that changes anything is kept in the commands table,
// with its door, call, payload, virtual time and the resourceVersion before and after, in the command's own
// transaction; real-time ticks and failed commands leave no row.

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { EPOCH_MS } from './runtime/clock'
import { openCluster } from './open-cluster'
import type { CommandRow } from './store/command-log'
import { MYNGINX, tmpFile } from './testing/cluster'
import { fingerprint } from './testing/fingerprint'

function commands(path: string): Array<Omit<CommandRow, 'payload'> & { payload: unknown }> {
  const db = new Database(path, { readonly: true })
  try {
    const rows = db
      .prepare('SELECT seq, door, call, payload, at_ms AS atMs, rv_before AS rvBefore, rv_after AS rvAfter FROM commands ORDER BY seq')
      .all() as CommandRow[]
    return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) }))
  } finally {
    db.close()
  }
}

describe('the commands table', () => {
  it('records each changing call with its door, payload, virtual time and resourceVersions before and after', () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'manual', door: 'cli' })
    const rv0 = Number(engine.info().resourceVersion)
    engine.create(MYNGINX, { fieldValidation: 'Strict' })
    const rv1 = Number(engine.info().resourceVersion)
    engine.advance(30_000.4)
    const rv2 = Number(engine.info().resourceVersion)
    const current = engine.get('pods', 'default', 'mynginx')
    engine.update({ ...current, metadata: { ...current.metadata, labels: { run: 'x' } } })
    const rv3 = Number(engine.info().resourceVersion)
    engine.pause()
    engine.setSpeed(2)
    engine.resume()
    engine.delete('pods', 'default', 'mynginx', { gracePeriodSeconds: 0 })
    const rv4 = Number(engine.info().resourceVersion)
    engine.close()

    const rows = commands(path)
    expect(rows.map((r) => [r.door, r.call])).toEqual([
      ['cli', 'create'],
      ['cli', 'advance'],
      ['cli', 'update'],
      ['cli', 'pause'],
      ['cli', 'setSpeed'],
      ['cli', 'resume'],
      ['cli', 'delete'],
    ])
    expect(rows[0]).toMatchObject({ atMs: EPOCH_MS, rvBefore: rv0, rvAfter: rv1, payload: { object: MYNGINX, options: { fieldValidation: 'Strict' } } })
    // The payload is what was asked, before the API server filled in defaults (rv1 > rv0 + 1: the scheduler bound it too).
    expect(rv1).toBeGreaterThan(rv0 + 1)
    expect(rows[1]).toMatchObject({ atMs: EPOCH_MS, rvBefore: rv1, rvAfter: rv2, payload: { milliseconds: 30_000 } })
    expect(rows[2]).toMatchObject({ atMs: EPOCH_MS + 30_000, rvBefore: rv2, rvAfter: rv3 })
    expect(rows[3]).toMatchObject({ payload: {}, rvBefore: rv3, rvAfter: rv3 })
    expect(rows[4]).toMatchObject({ payload: { speed: 2 } })
    expect(rows[6]).toMatchObject({ rvBefore: rv3, rvAfter: rv4, payload: { resource: 'pods', namespace: 'default', name: 'mynginx', options: { gracePeriodSeconds: 0 } } })
  })

  it("a real-time driver's tick moves the clock but is no command; an explicit advance is one", () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'realtime', door: 'web' })
    engine.advance(100, { tick: true })
    engine.advance(250)
    engine.advance(100, { tick: true })
    expect(engine.clock().nowMs).toBe(EPOCH_MS + 450)
    engine.close()
    expect(commands(path)).toEqual([expect.objectContaining({ door: 'web', call: 'advance', atMs: EPOCH_MS + 100, payload: { milliseconds: 250 } })])
  })

  it('a command that fails rolls back with its row: the file is byte for byte as it was', () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'manual' })
    engine.create(MYNGINX)
    const before = fingerprint(path)
    expect(() => engine.create(MYNGINX)).toThrow(/already exists/)
    expect(() => engine.delete('pods', 'default', 'nope')).toThrow(/not found/)
    expect(fingerprint(path)).toBe(before)
    engine.close()
    expect(commands(path).map((r) => `${r.door} ${r.call}`)).toEqual(['test create'])
  })

  it('the clock owner row is no command', () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'realtime', door: 'web' })
    const owner = { door: 'web' as const, pid: 4242, hostname: 'laptop' }
    engine.claimClock(owner)
    expect(engine.clockOwner()).toEqual(owner)
    engine.releaseClock({ ...owner, pid: 4243 })
    expect(engine.clockOwner()).toEqual(owner)
    engine.releaseClock(owner)
    expect(engine.clockOwner()).toBeUndefined()
    engine.close()
    expect(commands(path)).toEqual([])
  })
})
