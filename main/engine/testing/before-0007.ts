// For tests that turn a current cluster file back into an older version: its history as Podlab wrote it before
// migration 0007 (compact history).

import type Database from 'better-sqlite3'
import { ENCODED_COLUMNS, HistoryTexts, type EncodedRow } from '../store/history/texts'

/**
 * Rewrites every history row of the file open as `raw` whole (its text read back through the compact
 * encodings into `body`), then drops the columns 0007 added: the history table is then version 6's.
 */
export function undoCompactHistory(raw: Database.Database): void {
  const texts = new HistoryTexts(raw)
  const rows = raw.prepare<[], EncodedRow>(`SELECT resource_version, resource, namespace, name, uid, body, ${ENCODED_COLUMNS} FROM history ORDER BY resource_version`).all()
  const whole = rows.map((r) => [texts.text(r), r.resource_version] as const)
  const set = raw.prepare('UPDATE history SET body = ? WHERE resource_version = ?')
  for (const [text, rv] of whole) set.run(text, rv)
  raw.exec('ALTER TABLE history DROP COLUMN data; ALTER TABLE history DROP COLUMN base; ALTER TABLE history DROP COLUMN encoding')
}
