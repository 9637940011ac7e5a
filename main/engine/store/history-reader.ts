// Reads the `history` table back, page by page, for the UI's lifecycle history: every change and Event, kept
// or left out by filters that are always bound parameters (a name typed as `%' OR 1=1 --` is a name to look
// for, nothing else). It only reads: history is written by ObjectStore.write and nothing here changes it.

import { MAX_HISTORY_PAGE, type HistoryChange, type HistoryEntry, type HistoryFilter, type HistoryPage, type KubeObject } from '../../kube'
import type { Pod } from '../api/pods/types'
import { podCells } from '../printers/pod-table'
import { definitionFor } from '../resources/registry'
import type { DB } from './cluster-file'
import { decodeStored } from './stored-object'
import { LIVE } from './history/codec'
import { HistoryTexts, LIVE_TEXT, SQL_TEXT, type EncodedRow } from './history/texts'

/** Where a page starts: strictly older than `before`, or strictly newer than `after` (resourceVersions). */
export interface HistoryCursor {
  before?: number
  after?: number
}

/** One version of an object as history recorded it. */
export interface HistoryVersion {
  entry: HistoryEntry
  object: KubeObject
  /** The same object (same uid) as history recorded it just before; null for its first version. */
  previous: { entry: HistoryEntry; object: KubeObject } | null
}

interface Row extends EncodedRow {
  at_ms: number
  type: HistoryChange
  reason: string | null
  event_type: string | null
  message: string | null
  involved_kind: string | null
  involved_namespace: string | null
  involved_name: string | null
}

// Events' fields are read by SQLite (json_extract over SQL_TEXT: an Event's rows are JSON, in `body` or as its
// objects row), so a page of Events never parses their bodies in JS; a pod's text is rebuilt and parsed, since
// its STATUS is printPod's walk over the containers. `EVENT` guards json_extract: a body that is not JSON (a
// damaged or hostile file) reads as no reason rather than failing the whole page.
const EVENT = `resource = 'events' AND json_valid(${SQL_TEXT})`
const eventField = (path: string) => `CASE WHEN ${EVENT} THEN json_extract(${SQL_TEXT}, '${path}') END`
/** The columns of a row; `whole`: its text for every resource, else only a pod's (the others' are not read). */
const columns = (whole: boolean) => {
  const only = (column: string) => (whole ? column : `CASE WHEN resource = 'pods' THEN ${column} END`)
  return `resource_version, at_ms, type, resource, namespace, name, uid, ${only('body')} AS body, encoding, base, ${only('data')} AS data,
  ${only(`CASE WHEN encoding = ${LIVE} THEN ${LIVE_TEXT} END`)} AS live,
  ${eventField('$.reason')} AS reason,
  ${eventField('$.type')} AS event_type,
  ${eventField('$.message')} AS message,
  ${eventField('$.involvedObject.kind')} AS involved_kind,
  ${eventField('$.involvedObject.namespace')} AS involved_namespace,
  ${eventField('$.involvedObject.name')} AS involved_name`
}
const COLUMNS = columns(false)
const WHOLE_COLUMNS = columns(true)

/** `text` as a LIKE pattern matching it anywhere, its own `%`, `_` and `\` taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The WHERE clause (without cursor) and its parameters, in order. */
function whereOf(filter: HistoryFilter): { sql: string[]; params: Array<string | number> } {
  const sql: string[] = []
  const params: Array<string | number> = []
  /** Adds `clause` with `values` for its `?`s, when the filter gives a value. */
  const add = (value: string | number | undefined, clause: string, values: Array<string | number> = value === undefined ? [] : [value]) => {
    if (value === undefined) return
    sql.push(clause)
    params.push(...values)
  }
  add(filter.resource, 'resource = ?')
  add(filter.namespace, 'namespace = ?')
  if (filter.name !== undefined && filter.name !== '') {
    const pattern = containsPattern(filter.name)
    add(pattern, `(name LIKE ? ESCAPE '\\' OR (${EVENT} AND json_extract(${SQL_TEXT}, '$.involvedObject.name') LIKE ? ESCAPE '\\'))`, [pattern, pattern])
  }
  add(filter.reason, `${EVENT} AND json_extract(${SQL_TEXT}, '$.reason') = ?`)
  add(filter.eventType, `${EVENT} AND json_extract(${SQL_TEXT}, '$.type') = ?`)
  add(filter.change, 'type = ?')
  add(filter.fromMs, 'at_ms >= ?')
  add(filter.toMs, 'at_ms <= ?')
  return { sql, params }
}

export class HistoryReader {
  private readonly texts: HistoryTexts

  constructor(private readonly db: DB) {
    this.texts = new HistoryTexts(db)
  }

  /**
   * A page of at most `limit` rows (1..MAX_HISTORY_PAGE) that pass `filter`, newest first: the newest ones,
   * or those just older than `cursor.before`, or just newer than `cursor.after`. Throws RangeError for a limit
   * out of bounds or both cursors; ClusterFileDamaged for a pod row Podlab never wrote.
   */
  page(filter: HistoryFilter, cursor: HistoryCursor, limit: number): HistoryPage {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY_PAGE) throw new RangeError(`limit must be a whole number from 1 to ${MAX_HISTORY_PAGE}`)
    if (cursor.before !== undefined && cursor.after !== undefined) throw new RangeError('give before or after, not both')
    const where = whereOf(filter)
    const newerFirst = cursor.after === undefined
    const sql = [...where.sql]
    const params = [...where.params]
    if (cursor.before !== undefined) {
      sql.push('resource_version < ?')
      params.push(cursor.before)
    } else if (cursor.after !== undefined) {
      sql.push('resource_version > ?')
      params.push(cursor.after)
    }
    const rows = this.db
      .prepare<Array<string | number>, Row>(
        `SELECT ${COLUMNS} FROM history ${clause(sql)} ORDER BY resource_version ${newerFirst ? 'DESC' : 'ASC'} LIMIT ?`,
      )
      .all(...params, limit + 1)
    const more = rows.length > limit
    const kept = rows.slice(0, limit)
    if (!newerFirst) kept.reverse()
    const entries = kept.map((r) => this.entryOf(r))
    const newest = entries[0]?.resourceVersion
    const oldest = entries[entries.length - 1]?.resourceVersion
    let older: number | null
    let newer: number | null
    if (newerFirst) {
      older = more && oldest !== undefined ? oldest : null
      const from = newest ?? (cursor.before !== undefined ? cursor.before - 1 : undefined)
      newer = from !== undefined && cursor.before !== undefined && this.exists(where, '>', from) ? from : null
    } else {
      newer = more && newest !== undefined ? newest : null
      const from = oldest ?? (cursor.after as number) + 1
      older = this.exists(where, '<', from) ? from : null
    }
    return { entries, older, newer }
  }

  /**
   * The object at `resourceVersion` and its version before (same uid), or undefined when no row has that
   * resourceVersion. Throws ClusterFileDamaged for a row Podlab never wrote.
   */
  version(resourceVersion: number): HistoryVersion | undefined {
    const row = this.db.prepare<[number], Row>(`SELECT ${WHOLE_COLUMNS} FROM history WHERE resource_version = ?`).get(resourceVersion)
    if (!row) return undefined
    const before = this.db
      .prepare<[string, number], Row>(
        `SELECT ${WHOLE_COLUMNS} FROM history INDEXED BY history_uid WHERE uid = ? AND resource_version < ? ORDER BY resource_version DESC LIMIT 1`,
      )
      .get(row.uid, resourceVersion)
    // The version before first: the row's PATCH is usually made against it, so its text is then at hand.
    const previous = before ? { entry: this.entryOf(before), object: this.decode(before) } : null
    return { entry: this.entryOf(row), object: this.decode(row), previous }
  }

  private exists(where: { sql: string[]; params: Array<string | number> }, op: '<' | '>', resourceVersion: number): boolean {
    const sql = [...where.sql, `resource_version ${op} ?`]
    return this.db.prepare(`SELECT 1 FROM history ${clause(sql)} LIMIT 1`).get(...where.params, resourceVersion) !== undefined
  }

  private decode(row: Row): KubeObject {
    const body = this.texts.text(row)
    return decodeStored(this.db.name, { table: 'history', resource: row.resource, namespace: row.namespace, name: row.name, uid: row.uid, body })
  }

  private entryOf(row: Row): HistoryEntry {
    const entry: HistoryEntry = {
      resourceVersion: row.resource_version,
      at: row.at_ms,
      change: row.type,
      resource: row.resource,
      kind: definitionFor(row.resource)?.kind ?? row.resource,
      namespace: row.namespace,
      name: row.name,
      uid: row.uid,
    }
    if (row.resource === 'events') {
      entry.reason = text(row.reason)
      entry.eventType = text(row.event_type)
      entry.message = text(row.message)
      entry.involved = { kind: text(row.involved_kind), namespace: text(row.involved_namespace), name: text(row.involved_name) }
    } else if (row.resource === 'pods') {
      // printPod's STATUS as it read at that version (pkg/printers/internalversion/printers.go).
      entry.status = podCells(this.decode(row) as Pod, row.at_ms)[2] as string
    }
    return entry
  }
}

function clause(sql: string[]): string {
  return sql.length === 0 ? '' : `WHERE ${sql.join(' AND ')}`
}

/** A json_extract result as text: a hostile file may hold a number or nothing where a string belongs. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value)
}
