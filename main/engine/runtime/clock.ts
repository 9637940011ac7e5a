// The virtual clock. The engine's only notion of "now": it moves when a door advances it (the CLI's
// `advance 30s`, the app's real-time driver), never by itself, and it is stored with the cluster.

import { MAX_SPEED, MIN_SPEED, type ClockMode, type ClockState } from '../../kube'
import type { DB } from '../store/cluster-file'
import { damagedRow } from '../store/open/errors'
import { LAST_INSTANT_MS } from './time-range'

/** Where a new cluster's clock starts: a fixed instant, so that a seed alone fixes a whole history. */
export const EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0)

interface ClockRow {
  now_ms: number
  paused: number
  speed: number
}

/** RFC 3339 in UTC at second precision, as metav1.Time serialises. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** metav1.MicroTime: RFC 3339 with six fractional digits (used by events.k8s.io eventTime). */
export function rfc3339Micro(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 23)}000Z`
}

export function parseTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

/**
 * What is wrong with the clock row as read from a file, or undefined: now_ms a whole number of ms from EPOCH_MS to
 * LAST_INSTANT_MS, paused 0 or 1, speed within the app's MIN_SPEED..MAX_SPEED.
 */
export function clockRowProblem(row: { now_ms: unknown; paused: unknown; speed: unknown }): string | undefined {
  const { now_ms: now, paused, speed } = row
  if (typeof now !== 'number' || !Number.isSafeInteger(now) || now < EPOCH_MS || now > LAST_INSTANT_MS) {
    return `the clock's now_ms ${String(now)} is not a time from ${rfc3339(EPOCH_MS)} to ${rfc3339(LAST_INSTANT_MS)}`
  }
  if (paused !== 0 && paused !== 1) return `the clock's paused ${String(paused)} is neither 0 nor 1`
  if (typeof speed !== 'number' || !(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
    return `the clock's speed ${String(speed)} is not from ${MIN_SPEED} to ${MAX_SPEED}`
  }
  return undefined
}

/** Reads the clock row; ClusterFileDamaged when it is missing or holds what Podlab never writes. */
export function readClockRow(db: DB): ClockRow {
  const row = db.prepare('SELECT now_ms, paused, speed FROM clock WHERE id = 1').get() as ClockRow | undefined
  if (!row) throw damagedRow(db.name, 'the clock table has no row')
  const problem = clockRowProblem(row)
  if (problem) throw damagedRow(db.name, problem)
  return row
}

export class VirtualClock {
  private row: ClockRow

  /** Writes a new cluster's clock row, at EPOCH_MS, running at 1x. */
  static initialise(db: DB): void {
    db.prepare('INSERT INTO clock (id, now_ms, paused, speed) VALUES (1, ?, 0, 1)').run(EPOCH_MS)
  }

  private update: { run(nowMs: number, paused: number, speed: number): unknown } | undefined

  constructor(
    private readonly db: DB,
    readonly mode: ClockMode,
  ) {
    this.row = this.read()
  }

  now(): number {
    return this.row.now_ms
  }

  /** Moves the clock forward (never back) inside the caller's transaction. */
  set(ms: number): void {
    if (ms < this.row.now_ms) throw new Error(`the virtual clock cannot go back (${ms} < ${this.row.now_ms})`)
    // No object could carry a later time (metav1.Time stops at year 9999): the clock stops there too.
    if (ms > LAST_INSTANT_MS) throw new RangeError(`the virtual clock cannot go past ${rfc3339(LAST_INSTANT_MS)}`)
    this.save({ ...this.row, now_ms: ms })
  }

  setPaused(paused: boolean): void {
    this.save({ ...this.row, paused: paused ? 1 : 0 })
  }

  setSpeed(speed: number): void {
    this.save({ ...this.row, speed })
  }

  /** Re-reads the row: after a rolled-back transaction, or when another process moved the clock. */
  reload(): void {
    this.row = this.read()
  }

  private read(): ClockRow {
    return readClockRow(this.db)
  }

  state(): ClockState {
    return {
      now: rfc3339(this.row.now_ms),
      nowMs: this.row.now_ms,
      mode: this.mode,
      paused: this.row.paused === 1,
      speed: this.row.speed,
    }
  }

  private save(row: ClockRow): void {
    // Prepared once: the clock moves at every instant something happens (12,000 times in a minute of 1,000 probed pods).
    this.update ??= this.db.prepare<[number, number, number]>('UPDATE clock SET now_ms = ?, paused = ?, speed = ? WHERE id = 1')
    this.update.run(row.now_ms, row.paused, row.speed)
    this.row = row
  }
}
