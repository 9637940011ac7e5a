// The container_logs table (migrations/0003_container_logs.sql): each container instance's stdout and stderr,
// one row per line (a piece written without its newline is a row of its own, as CRI's partial lines are), and
// rotated as the kubelet's 10 MiB x 5 files would: only the newest MAX_ROWS_PER_CONTAINER rows are kept.

import type { DB } from '../store/cluster-file'
import { damagedRow } from '../store/open/errors'

export interface LogRow {
  seq: number
  /** Virtual ms. */
  atMs: number
  stream: 'stdout' | 'stderr'
  /** The line with its newline, or a piece without one. */
  text: string
}

/** Rows kept per container; older ones go, as rotated log files do. */
export const MAX_ROWS_PER_CONTAINER = 50_000
const TRIM_EVERY = 1_000

/** `text` cut after each newline: `a\nb` is `a\n`, `b`. */
export function splitLines(text: string): string[] {
  const out: string[] = []
  let start = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    out.push(text.slice(start, i + 1))
    start = i + 1
  }
  if (start < text.length) out.push(text.slice(start))
  return out
}

export class LogTable {
  private readonly q

  constructor(private readonly db: DB) {
    this.q = {
      insert: db.prepare('INSERT INTO container_logs (container_id, seq, pod_uid, at_ms, stream, text) VALUES (?, ?, ?, ?, ?, ?)'),
      all: db.prepare<[string, number], { seq: number; at_ms: number; stream: string; text: string }>(
        'SELECT seq, at_ms, stream, text FROM container_logs WHERE container_id = ? AND seq > ? ORDER BY seq',
      ),
      tail: db.prepare<[string, number], { seq: number; at_ms: number; stream: string; text: string }>(
        'SELECT seq, at_ms, stream, text FROM (SELECT * FROM container_logs WHERE container_id = ? ORDER BY seq DESC LIMIT ?) ORDER BY seq',
      ),
      trim: db.prepare('DELETE FROM container_logs WHERE container_id = ? AND seq <= ?'),
      removePod: db.prepare('DELETE FROM container_logs WHERE pod_uid = ?'),
    }
  }

  /** Appends `text` written at `atMs` (ms) from sequence number `seq` on; returns the next free number. */
  append(podUid: string, containerId: string, seq: number, atMs: number, stream: 'stdout' | 'stderr', text: string): number {
    let next = seq
    for (const line of splitLines(text)) {
      this.q.insert.run(containerId, next, podUid, atMs, stream, line)
      next++
      if (next % TRIM_EVERY === 0 && next > MAX_ROWS_PER_CONTAINER) this.q.trim.run(containerId, next - MAX_ROWS_PER_CONTAINER - 1)
    }
    return next
  }

  /** The container's rows after `afterSeq`, oldest first; ClusterFileDamaged for a row Podlab never wrote. */
  rows(containerId: string, afterSeq = -1): LogRow[] {
    return this.q.all.all(containerId, afterSeq).map((r) => this.checked(containerId, r))
  }

  /** The container's last `count` rows, oldest first. */
  tail(containerId: string, count: number): LogRow[] {
    return this.q.tail.all(containerId, count).map((r) => this.checked(containerId, r))
  }

  removePod(podUid: string): void {
    this.q.removePod.run(podUid)
  }

  private checked(containerId: string, r: { seq: number; at_ms: number; stream: string; text: string }): LogRow {
    if (!Number.isSafeInteger(r.at_ms) || r.at_ms < 0) throw damagedRow(this.db.name, `container_logs row ${containerId}/${r.seq} is not at a whole number of ms`)
    if (r.stream !== 'stdout' && r.stream !== 'stderr') throw damagedRow(this.db.name, `container_logs row ${containerId}/${r.seq} names the stream "${r.stream}"`)
    return { seq: r.seq, atMs: r.at_ms, stream: r.stream, text: r.text }
  }
}
