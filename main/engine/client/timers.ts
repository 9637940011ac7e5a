// "Look at this key again at time T": the delayed half of the work queues (client-go's AddAfter), stored in
// the cluster file because a CLI call ends long before a container finishes pulling its image.

import type { DB } from '../store/cluster-file'

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

  add(dueMs: number, queue: string, key: string): void {
    this.q.add.run(Math.round(dueMs), queue, key)
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
