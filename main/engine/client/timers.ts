// "Look at this key again at time T": the delayed half of the work queues (client-go's AddAfter), stored in
// the cluster file because a CLI call ends long before a container finishes pulling its image.

import type { DB } from '../store/cluster-file'

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

  constructor(db: DB) {
    this.q = {
      add: db.prepare('INSERT OR IGNORE INTO timers (due_ms, queue, key) VALUES (?, ?, ?)'),
      next: db.prepare<[], { due_ms: number }>('SELECT due_ms FROM timers ORDER BY due_ms, seq LIMIT 1'),
      due: db.prepare<[number], { seq: number; due_ms: number; queue: string; key: string }>(
        'SELECT seq, due_ms, queue, key FROM timers WHERE due_ms <= ? ORDER BY due_ms, seq',
      ),
      remove: db.prepare('DELETE FROM timers WHERE seq = ?'),
    }
  }

  /** Asks for `key` of `queue` at `dueMs` (ms since the epoch). Throws TimerOutOfRange unless it is a safe integer. */
  add(dueMs: number, queue: string, key: string): void {
    if (!Number.isSafeInteger(dueMs)) throw new TimerOutOfRange(dueMs, queue, key)
    this.q.add.run(dueMs, queue, key)
  }

  /** The earliest due time, or undefined when nothing is waiting. */
  nextDue(): number | undefined {
    return this.q.next.get()?.due_ms
  }

  /** Removes and returns every timer due at or before `ms`, in (due, seq) order. */
  takeDue(ms: number): Timer[] {
    const rows = this.q.due.all(ms)
    for (const r of rows) this.q.remove.run(r.seq)
    return rows.map((r) => ({ seq: r.seq, dueMs: r.due_ms, queue: r.queue, key: r.key }))
  }
}
