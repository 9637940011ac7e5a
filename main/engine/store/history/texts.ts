// Turns history rows back into the exact JSON text written (codec.ts has the encodings). Every reader of the
// `history` table selects ENCODED_COLUMNS beside its own and asks HistoryTexts for the text. A file may come
// from a stranger: a patch whose base is missing, of another object, newer than itself or part of a loop, data
// that does not inflate or inflates to gigabytes, or a LIVE row with no such objects row all become
// ClusterFileDamaged with a sentence, never a crash or a hang.

import type { DB } from '../cluster-file'
import { damagedRow } from '../open/errors'
import { CodecError, decodeFull, decodePatch, FULL_V1, LIVE, PATCH, WHOLE } from './codec'

/** The text of a LIVE row: its object's row in `objects`, when that is still the same version. */
export const LIVE_TEXT = `(SELECT o.body FROM objects o WHERE o.uid = history.uid AND o.resource_version = history.resource_version)`

/**
 * What a reader selects (beside `body`) to rebuild a row's text. LIVE's text is read in the same statement as
 * the row: read apart, another process could change the Event (and settle its row WHOLE) in between.
 */
export const ENCODED_COLUMNS = `history.encoding AS encoding, history.base AS base, history.data AS data,
  CASE WHEN history.encoding = ${LIVE} THEN ${LIVE_TEXT} END AS live`

/** The text of a WHOLE or LIVE row in SQL (json_extract reads it); '' for a deflated one. */
export const SQL_TEXT = `(CASE history.encoding WHEN ${WHOLE} THEN history.body WHEN ${LIVE} THEN ${LIVE_TEXT} ELSE '' END)`

export interface EncodedRow {
  resource_version: number
  resource: string
  namespace: string
  name: string
  uid: string
  encoding: number
  body: string
  base: number | null
  data: Buffer | null
  live: string | null
}

/** The newest text decoded per uid in one pass over rows in resourceVersion order (a PATCH's base is usually there). */
export type RecentTexts = Map<string, { resourceVersion: number; text: string }>

/** Hops of one chain before it is called damaged: Podlab writes CHAIN_LENGTH (8); a reader allows far more. */
export const MAX_CHAIN = 1024
/** Objects a pass remembers its newest text of (past it, a PATCH's base is read back through its chain). */
const MAX_RECENT = 20_000
/** Characters of decoded texts kept for later reads (a page of the history view, a diff to the version before). */
const MAX_CACHED_CHARS = 8 * 1024 * 1024

export class HistoryTexts {
  private readonly row
  private readonly cache = new Map<number, string>()
  private cachedChars = 0

  constructor(private readonly db: DB) {
    this.row = db.prepare<[number], EncodedRow>(
      `SELECT resource_version, resource, namespace, name, uid, body, ${ENCODED_COLUMNS} FROM history WHERE resource_version = ?`,
    )
  }

  /**
   * The JSON text `row` holds, byte for byte as written. `recent`: texts of this pass (read and updated).
   * Throws ClusterFileDamaged, naming the row, for an encoding, a chain or data Podlab never writes.
   */
  text(row: EncodedRow, recent?: RecentTexts): string {
    const text = this.resolve(row, recent)
    if (recent) {
      // Re-inserted, so the Map's order is oldest-written-first and the oldest go past MAX_RECENT.
      recent.delete(row.uid)
      recent.set(row.uid, { resourceVersion: row.resource_version, text })
      if (recent.size > MAX_RECENT) recent.delete(recent.keys().next().value as string)
    }
    return text
  }

  /** Forgets every decoded text (a rolled-back transaction's rows may have been read; their resourceVersions come again). */
  forget(): void {
    this.cache.clear()
    this.cachedChars = 0
  }

  private resolve(row: EncodedRow, recent: RecentTexts | undefined): string {
    if (row.encoding === WHOLE) return row.body
    if (row.encoding === LIVE) {
      if (row.live === null) throw this.damaged(row, 'says its object is the current one, but objects holds no such version')
      return row.live
    }
    if (row.encoding !== FULL_V1 && row.encoding !== PATCH) throw this.damaged(row, `has an encoding (${String(row.encoding)}) Podlab does not write`)
    // Walk down to a text known (cached, this pass's, or a chain's start), then decode back up.
    const patches: EncodedRow[] = []
    let at = row
    let known: string | undefined
    while (known === undefined) {
      known = this.cache.get(at.resource_version)
      if (known !== undefined) break
      if (at.encoding !== PATCH) {
        known = this.start(at, row)
        break
      }
      if (patches.length >= MAX_CHAIN) throw this.damaged(row, `is a patch on a chain of more than ${MAX_CHAIN} patches`)
      patches.push(at)
      const base = at.base
      if (base === null || !Number.isSafeInteger(base) || base >= at.resource_version) {
        throw this.damaged(at, `is a patch whose base (${String(base)}) is not an older resourceVersion`)
      }
      const mine = recent?.get(at.uid)
      if (mine?.resourceVersion === base) {
        known = mine.text
        break
      }
      const next = this.row.get(base)
      if (!next) throw this.damaged(at, `is a patch whose base (resourceVersion ${base}) is missing`)
      if (next.uid !== row.uid) throw this.damaged(at, `is a patch whose base (resourceVersion ${base}) is another object's row`)
      at = next
    }
    for (let i = patches.length - 1; i >= 0; i--) {
      const p = patches[i] as EncodedRow
      known = this.decode(p, () => decodePatch(this.data(p), known as string))
      this.remember(p.resource_version, known)
    }
    return known
  }

  /** The text of the row a chain starts at (FULL_V1 or WHOLE). */
  private start(at: EncodedRow, asked: EncodedRow): string {
    if (at.encoding === WHOLE) return at.body
    if (at.encoding !== FULL_V1) throw this.damaged(asked, `is a patch on a row (resourceVersion ${at.resource_version}) that no patch is made against`)
    const text = this.decode(at, () => decodeFull(this.data(at)))
    this.remember(at.resource_version, text)
    return text
  }

  private data(row: EncodedRow): Buffer {
    if (!Buffer.isBuffer(row.data)) throw this.damaged(row, 'has no data')
    return row.data
  }

  private decode(row: EncodedRow, inflate: () => string): string {
    try {
      return inflate()
    } catch (e) {
      if (e instanceof CodecError) throw this.damaged(row, `has data that ${e.message}`)
      throw e
    }
  }

  private remember(resourceVersion: number, text: string): void {
    if (this.cache.has(resourceVersion)) return
    this.cache.set(resourceVersion, text)
    this.cachedChars += text.length
    for (const [oldest, t] of this.cache) {
      if (this.cachedChars <= MAX_CACHED_CHARS) break
      this.cache.delete(oldest)
      this.cachedChars -= t.length
    }
  }

  private damaged(row: EncodedRow, what: string): Error {
    const at = [row.resource, row.namespace, row.name].filter((p) => p !== '').join('/')
    return damagedRow(this.db.name, `history row ${at} at resourceVersion ${row.resource_version} ${what}`)
  }
}
