// What `kubectl logs` receives for a container's rows (kuberuntime/logs ReadLogs): the last tailLines lines,
// those written since sinceSeconds, each prefixed with its time when timestamps are asked for (RFC 3339 with
// nanoseconds, fixed width), cut at limitBytes.

import type { LogRow } from './log-table'

export interface LogFilter {
  tailLines?: number
  /** Only lines written at or after now - sinceSeconds. */
  sinceSeconds?: number
  timestamps?: boolean
  limitBytes?: number
}

/** kubelet's timeFormatOut, "2006-01-02T15:04:05.000000000Z07:00", in UTC. */
export function logTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000000Z`
}

/** The rows kept by `filter` at `nowMs` (tail first, as ReadLogs seeks to the tail before reading). */
export function filterRows(rows: LogRow[], filter: LogFilter, nowMs: number): LogRow[] {
  let kept = rows
  if (filter.tailLines !== undefined && filter.tailLines >= 0) kept = filter.tailLines === 0 ? [] : kept.slice(-filter.tailLines)
  if (filter.sinceSeconds !== undefined) {
    const since = nowMs - filter.sinceSeconds * 1000
    kept = kept.filter((r) => r.atMs >= since)
  }
  return kept
}

/** The text of `rows` as the client gets it. */
export function formatRows(rows: LogRow[], filter: Pick<LogFilter, 'timestamps'>): string {
  return rows.map((r) => (filter.timestamps ? `${logTimestamp(r.atMs)} ${r.text}` : r.text)).join('')
}

/** `text` cut to at most `limitBytes` bytes of UTF-8 (a character cut in half is dropped). */
export function limitBytes(text: string, limit: number | undefined): string {
  if (limit === undefined) return text
  const bytes = Buffer.from(text)
  if (bytes.length <= limit) return text
  return bytes.subarray(0, Math.max(0, limit)).toString().replace(/\uFFFD$/, '')
}
