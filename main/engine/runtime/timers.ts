// "Look at this key again at time T": the delayed half of the work queues (client-go's AddAfter), stored in
// the cluster file because a CLI call ends long before a container finishes pulling its image.

import type { DB } from '../store/cluster-file'
import { damagedRow } from '../store/open/errors'

/** A due time that is not a safe integer of ms: a bug upstream, which must decide "never" before it gets here. */
export class TimerOutOfRange extends Error {
  readonly reason = 'TimerOutOfRange' as const
  constructor(readonly dueMs: number, queue: string, key: string) {
    super(`a timer for ${queue} ${key} cannot be due at ${dueMs} ms: due times are whole milliseconds below 2^53`)
    this.name = 'TimerOutOfRange'
  }
}

export interface Timer {
  seq: number
  dueMs: number
  queue: string
  key: string
}

export class Timers {
  private readonly q

  /** The queues the controllers own; a due timer naming another is damaged. Until set, any name passes. */
  private known: ReadonlySet<string> | undefined

  constructor(private readonly db: DB) {
    this.q = {
      add: db.prepare('INSERT OR IGNORE INTO timers (due_ms, queue, key) VALUES (?, ?, ?)'),
      next: db.prepare<[], { due_ms: number }>('SELECT due_ms FROM timers ORDER BY due_ms, seq LIMIT 1'),
      due: db.prepare<[number], { seq: number; due_ms: number; queue: string; key: string }>(
        'SELECT seq, due_ms, queue, key FROM timers WHERE due_ms <= ? ORDER BY due_ms, seq',
      ),
      remove: db.prepare('DELETE FROM timers WHERE seq = ?'),
      removePrefix: db.prepare('DELETE FROM timers WHERE queue = ? AND substr(key, 1, length(?)) = ?'),
    }
  }

  /** Names the queues that exist (the controllers' queues), so that a timer row naming another is refused. */
  knowQueues(queues: Iterable<string>): void {
    this.known = new Set(queues)
  }

  /** Asks for `key` of `queue` at `dueMs` (ms since the epoch). Throws TimerOutOfRange unless it is a safe integer. */
  add(dueMs: number, queue: string, key: string): void {
    if (!Number.isSafeInteger(dueMs)) throw new TimerOutOfRange(dueMs, queue, key)
    this.q.add.run(dueMs, queue, key)
  }

  /** Drops every timer of `queue` whose key starts with `prefix` (the work of something that is gone). */
  removeKeysStartingWith(queue: string, prefix: string): void {
    this.q.removePrefix.run(queue, prefix, prefix)
  }

  /** The earliest due time in ms, or undefined when nothing is waiting; ClusterFileDamaged when it is not whole. */
  nextDue(): number | undefined {
    const due = this.q.next.get()?.due_ms
    if (due !== undefined && !Number.isSafeInteger(due)) throw damagedRow(this.db.name, `timers row due at ${String(due)} is not at a whole number of ms`)
    return due
  }

  /** Removes and returns every timer due at or before `ms`, in (due, seq) order; ClusterFileDamaged for a row Podlab never wrote. */
  takeDue(ms: number): Timer[] {
    const rows = this.q.due.all(ms)
    for (const r of rows) {
      if (!Number.isSafeInteger(r.due_ms)) throw damagedRow(this.db.name, `timers row ${r.seq} is due at ${String(r.due_ms)}, not a whole number of ms`)
      if (this.known && !this.known.has(r.queue)) throw damagedRow(this.db.name, `timers row ${r.seq} names the queue "${r.queue}" that no controller owns`)
      this.q.remove.run(r.seq)
    }
    return rows.map((r) => ({ seq: r.seq, dueMs: r.due_ms, queue: r.queue, key: r.key }))
  }
}
