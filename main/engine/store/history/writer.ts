// Appends the history rows of ObjectStore.write in the compact encodings of codec.ts, inside the caller's
// transaction. What a row costs (measure.test.ts): a pod's first version ~230 bytes (FULL_V1), each change
// after ~150 bytes (PATCH against the version before), an Event's first version nothing beyond its `objects`
// row (LIVE): 1.1 KB of history per pod from create to Running, against 29.7 KB of whole rows.
//
// The version a PATCH is made against is the object's previous text, held in memory per uid for the objects
// written lately; after a rollback or another process's commit (forget()), or for an object not written
// lately, it is the object's `objects` row, which holds exactly the text of its newest history row.

import type { WatchEventType } from '../../../kube'
import type { DB } from '../cluster-file'
import { encodeFull, encodePatch, FULL_V1, LIVE, MAX_COMPRESSED_BODY_BYTES, PATCH, WHOLE } from './codec'

export interface HistoryOptions {
  /**
   * False: every row WHOLE, as before migration 0007 (the reference the compact history is compared with).
   * Default true.
   */
  compact?: boolean
  /** At most this many versions of an object in one chain: its FULL_V1 and then PATCHes. Default CHAIN_LENGTH. */
  chainLength?: number
}

/**
 * Versions per chain (K). Measured (measure.test.ts, 300 pods to Running): every version FULL_V1 (K = 1) costs
 * 111 bytes per change, K = 4, 8 and 16 cost 86, 86 and 85, since a pod reaches Running within a chain; for an
 * object that lives on (a crash-looping pod, a Deployment), a FULL_V1 (~230 bytes) against a PATCH (~155) makes
 * K = 8 cost ~6 % more than 16 and ~6 % less than 4, while reading one version back inflates at most K rows.
 */
export const CHAIN_LENGTH = 8

/** Bytes of previous texts held in memory (beyond it the oldest are dropped and read back from `objects`). */
const MAX_REMEMBERED_BYTES = 16 * 1024 * 1024

interface Previous {
  resourceVersion: number
  text: string
  /** PATCHes between its row and the FULL_V1 or WHOLE row its chain starts at. */
  depth: number
}

type Row = [number, number, WatchEventType, string, string, string, string, number, string, number | null, Buffer | null]

export class HistoryWriter {
  private readonly q
  private readonly compact: boolean
  private readonly chainLength: number
  private readonly previous = new Map<string, Previous>()
  private rememberedBytes = 0

  constructor(db: DB, options: HistoryOptions = {}) {
    this.compact = options.compact ?? true
    this.chainLength = Math.max(1, options.chainLength ?? CHAIN_LENGTH)
    this.q = {
      insert: db.prepare<Row>(
        `INSERT INTO history (resource_version, at_ms, type, resource, namespace, name, uid, encoding, body, base, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      current: db.prepare<[string], { resource_version: number; body: string }>('SELECT resource_version, body FROM objects WHERE uid = ?'),
      link: db.prepare<[number], { uid: string; encoding: number; base: number | null }>('SELECT uid, encoding, base FROM history WHERE resource_version = ?'),
      // The Event's row so far said "my text is the objects row": the objects row is about to change.
      settleLive: db.prepare<[string]>(
        `UPDATE history SET encoding = ${WHOLE}, body = o.body FROM (SELECT resource_version, body FROM objects WHERE uid = ?) AS o
         WHERE history.resource_version = o.resource_version AND history.encoding = ${LIVE}`,
      ),
    }
  }

  /**
   * Appends the history row of a write, before its `objects` row changes (an Event's previous row may need
   * the text that row holds now). `text` is the object's JSON as stored; `atMs` virtual ms.
   */
  append(rv: number, atMs: number, type: WatchEventType, resource: string, namespace: string, name: string, uid: string, text: string): void {
    const row = (encoding: number, body: string, base: number | null, data: Buffer | null) =>
      this.q.insert.run(rv, atMs, type, resource, namespace, name, uid, encoding, body, base, data)
    if (!this.compact) return void row(WHOLE, text, null, null)
    if (resource === 'events') {
      if (type !== 'ADDED') this.q.settleLive.run(uid)
      // A DELETED Event has no objects row to point at. Events stay JSON in `body` for the history view's
      // SQL filters (reason, type, involvedObject), which json_extract reads.
      return void (type === 'DELETED' ? row(WHOLE, text, null, null) : row(LIVE, '', null, null))
    }
    if (text.length * 3 > MAX_COMPRESSED_BODY_BYTES && Buffer.byteLength(text) > MAX_COMPRESSED_BODY_BYTES) {
      this.forgetOne(uid)
      return void row(WHOLE, text, null, null)
    }
    const before = type === 'ADDED' ? undefined : this.previousOf(uid)
    if (before && before.depth + 1 < this.chainLength) {
      row(PATCH, '', before.resourceVersion, encodePatch(text, before.text))
      this.remember(uid, { resourceVersion: rv, text, depth: before.depth + 1 }, type)
    } else {
      row(FULL_V1, '', null, encodeFull(text))
      this.remember(uid, { resourceVersion: rv, text, depth: 0 }, type)
    }
  }

  /** Forgets every previous text: this process's uncommitted writes rolled back, or another process wrote. */
  forget(): void {
    this.previous.clear()
    this.rememberedBytes = 0
  }

  private remember(uid: string, p: Previous, type: WatchEventType): void {
    this.forgetOne(uid)
    if (type === 'DELETED') return
    this.previous.set(uid, p)
    this.rememberedBytes += p.text.length
    for (const [oldest, q] of this.previous) {
      if (this.rememberedBytes <= MAX_REMEMBERED_BYTES) break
      this.previous.delete(oldest)
      this.rememberedBytes -= q.text.length
    }
  }

  private forgetOne(uid: string): void {
    const p = this.previous.get(uid)
    if (!p) return
    this.previous.delete(uid)
    this.rememberedBytes -= p.text.length
  }

  /**
   * The object's previous version: remembered, or its `objects` row with the depth of that row's chain (the
   * same answer whichever process wrote the rows before, so a file's bytes do not depend on when it was
   * reopened). Undefined when no usable base is found: the row is then a FULL_V1.
   */
  private previousOf(uid: string): Previous | undefined {
    const remembered = this.previous.get(uid)
    if (remembered) return remembered
    const current = this.q.current.get(uid)
    if (!current) return undefined
    let depth = 0
    let rv = current.resource_version
    for (;;) {
      const link = this.q.link.get(rv)
      if (!link || link.uid !== uid || link.encoding === LIVE) return undefined
      if (link.encoding !== PATCH || link.base === null) break
      depth++
      // Deep enough that the next version starts a chain: no need to walk to its start.
      if (depth + 1 >= this.chainLength) break
      rv = link.base
    }
    return { resourceVersion: current.resource_version, text: current.body, depth }
  }
}
