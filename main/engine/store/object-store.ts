// Objects and their history. Every write stamps the next resourceVersion (one counter per cluster, as etcd's
// revision), replaces the current row and appends the change to `history`, inside the caller's transaction.

import type { KubeObject, WatchEventType } from '../../kube'
import type { DB } from './cluster-file'
import { damagedRow } from './open/errors'
import { decodeStored, type StoredRow } from './stored-object'
import { ObjectHeads } from './object-heads'
import type { PodHead } from '../printers/pod-head'
import { rngStateProblem, seedProblem } from '../runtime/rng'
import { CLI_KUBECONFIG_KEY, cliKubeconfigProblem } from './cli-kubeconfig'
import { CLOCK_OWNER_KEY, clockOwnerProblem } from './clock-owner'
import { HistoryWriter, type HistoryOptions } from './history/writer'
import { ENCODED_COLUMNS, HistoryTexts, type EncodedRow, type RecentTexts } from './history/texts'

export interface StoredEvent {
  type: WatchEventType
  resource: string
  object: KubeObject
  resourceVersion: number
}

export interface ObjectKey {
  resource: string
  namespace: string
  name: string
}

type Row = Omit<StoredRow, 'table'>

/** Checks of the meta values the engine relies on: what is wrong with `value`, or undefined. */
const META_CHECKS: Record<string, (value: string) => string | undefined> = {
  seed: (v) => {
    const problem = seedProblem(v)
    return problem && `the seed ${problem}`
  },
  rng: rngStateProblem,
  resource_version: (v) => (/^\d{1,16}$/.test(v) && Number.isSafeInteger(Number(v)) ? undefined : `the resource_version "${v}" is not a whole number`),
  cluster_name: (v) => (v !== '' ? undefined : 'the cluster_name is empty'),
  [CLOCK_OWNER_KEY]: clockOwnerProblem,
  [CLI_KUBECONFIG_KEY]: cliKubeconfigProblem,
}

/** What is wrong with meta value `value` of `key`, or undefined (keys without a check pass). */
export function metaProblem(key: string, value: string): string | undefined {
  return META_CHECKS[key]?.(value)
}

export class ObjectStore {
  private readonly q
  /**
   * The resourceVersion counter in memory (etcd's revision): read from the meta row once, then counted here, and
   * written back once per transaction (flush) instead of a read and a write of the meta row per object written.
   * Forgotten when another process commits or a transaction rolls back (forget).
   */
  private rv: number | undefined
  private rvDirty = false
  private readonly history: HistoryWriter
  private readonly texts: HistoryTexts
  private readonly heads: ObjectHeads

  /** `options.history`: how history rows are encoded (history/writer.ts; tests compare with whole rows). */
  constructor(
    private readonly db: DB,
    options: { history?: HistoryOptions } = {},
  ) {
    this.history = new HistoryWriter(db, options.history)
    this.texts = new HistoryTexts(db)
    this.heads = new ObjectHeads(db)
    this.q = {
      get: db.prepare<[string, string, string], Row>(
        'SELECT resource, namespace, name, uid, body FROM objects WHERE resource = ? AND namespace = ? AND name = ?',
      ),
      listAll: db.prepare<[string], Row>('SELECT resource, namespace, name, uid, body FROM objects WHERE resource = ? ORDER BY namespace, name'),
      listNs: db.prepare<[string, string], Row>(
        'SELECT resource, namespace, name, uid, body FROM objects WHERE resource = ? AND namespace = ? ORDER BY name',
      ),
      eventsAbout: db.prepare<[string, string], Row>(
        `SELECT resource, namespace, name, uid, body FROM objects INDEXED BY objects_event_subject
           WHERE resource = 'events' AND namespace = ?
           AND json_extract(body, '$.involvedObject.uid') = ? ORDER BY name`,
      ),
      eventsAboutSaying: db.prepare<[string, string, string, string], Row>(
        `SELECT resource, namespace, name, uid, body FROM objects INDEXED BY objects_event_subject
           WHERE resource = 'events' AND namespace = ?
           AND json_extract(body, '$.involvedObject.uid') = ?
           AND json_extract(body, '$.reason') = ? AND json_extract(body, '$.message') = ? ORDER BY name`,
      ),
      upsert: db.prepare(
        `INSERT INTO objects (resource, namespace, name, uid, resource_version, body) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (resource, namespace, name) DO UPDATE SET uid = excluded.uid,
           resource_version = excluded.resource_version, body = excluded.body`,
      ),
      exists: db.prepare<[string, string, string], { found: number }>('SELECT 1 AS found FROM objects WHERE resource = ? AND namespace = ? AND name = ?'),
      remove: db.prepare('DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?'),
      since: db.prepare<[number], EncodedRow & { type: WatchEventType }>(
        `SELECT type, resource, namespace, name, uid, body, resource_version, ${ENCODED_COLUMNS} FROM history WHERE resource_version > ? ORDER BY resource_version`,
      ),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      removeMeta: db.prepare('DELETE FROM meta WHERE key = ? AND value = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    }
  }

  /** The object, checked as decodeStored checks it; ClusterFileDamaged when its row holds what Podlab never writes. */
  get<T extends KubeObject = KubeObject>(resource: string, namespace: string, name: string): T | undefined {
    const row = this.q.get.get(resource, namespace, name)
    return row ? this.decode<T>(row) : undefined
  }

  /** Whether an object is stored under that key, without reading its body. */
  exists(resource: string, namespace: string, name: string): boolean {
    return this.q.exists.get(resource, namespace, name) !== undefined
  }

  /** The objects of `resource` (in `namespace` when given), each checked as in get(). */
  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): T[] {
    const rows = namespace === undefined ? this.q.listAll.all(resource) : this.q.listNs.all(resource, namespace)
    return rows.map((r) => this.decode<T>(r))
  }

  /**
   * The pods' heads (in `namespace` when given), by namespace and name, read as iterated: what `kubectl get pods`
   * prints from, without parsing whole pods. ClusterFileDamaged for a pod without a head or a head Podlab never wrote.
   */
  podHeads(namespace?: string): Iterable<PodHead> {
    return this.heads.list(namespace)
  }

  /** The events in `namespace` whose involvedObject has `uid` (served by the objects_event_subject index). */
  eventsAbout<T extends KubeObject = KubeObject>(namespace: string, uid: string): T[] {
    return this.q.eventsAbout.all(namespace, uid).map((r) => this.decode<T>(r))
  }

  /**
   * The events in `namespace` about `uid` with `reason` and `message`: the legacy recorder's repeat lookup. An object
   * with many events of one reason (a ReplicaSet's 100 `SuccessfulCreate`, each naming its pod) decodes none of the
   * others: the filter runs in SQL on the index's rows.
   */
  eventsAboutSaying<T extends KubeObject = KubeObject>(namespace: string, uid: string, reason: string, message: string): T[] {
    return this.q.eventsAboutSaying.all(namespace, uid, reason, message).map((r) => this.decode<T>(r))
  }

  /** A meta value; ClusterFileDamaged when a value the engine relies on (seed, rng, resource_version) is malformed. */
  meta(key: string): string | undefined {
    const value = this.q.getMeta.get(key)?.value
    const problem = value === undefined ? undefined : metaProblem(key, value)
    if (problem) throw damagedRow(this.db.name, `meta row ${key}: ${problem}`)
    return value
  }

  setMeta(key: string, value: string): void {
    this.q.setMeta.run(key, value)
  }

  /** Removes meta row `key` when its value is `value` (another process may have replaced it meanwhile). */
  removeMeta(key: string, value: string): void {
    this.q.removeMeta.run(key, value)
  }

  /** The cluster's latest resourceVersion (a whole number; 0 for an empty history). */
  resourceVersion(): number {
    this.rv ??= Number(this.meta('resource_version') ?? '0')
    return this.rv
  }

  /** Writes the counter to its meta row when writes moved it: once, at the end of a transaction. */
  flush(): void {
    if (!this.rvDirty || this.rv === undefined) return
    this.setMeta('resource_version', String(this.rv))
    this.rvDirty = false
  }

  /** Forgets the counter: another process committed, or this transaction rolled back. */
  forget(): void {
    this.rv = undefined
    this.rvDirty = false
  }

  /**
   * Writes `object` (ADDED/MODIFIED) or removes it (DELETED), stamping metadata.resourceVersion.
   * Returns the event to deliver once the transaction commits.
   */
  write(type: WatchEventType, resource: string, object: KubeObject, atMs: number): StoredEvent {
    const rv = this.resourceVersion() + 1
    this.rv = rv
    this.rvDirty = true
    const stamped: KubeObject = { ...object, metadata: { ...object.metadata, resourceVersion: String(rv) } }
    const namespace = stamped.metadata.namespace ?? ''
    const name = stamped.metadata.name ?? ''
    const uid = stamped.metadata.uid ?? ''
    const body = JSON.stringify(stamped)
    // History first: an Event's row written before may need the objects row's text as it is now.
    this.history.append(rv, atMs, type, resource, namespace, name, uid, body)
    if (type === 'DELETED') this.q.remove.run(resource, namespace, name)
    else this.q.upsert.run(resource, namespace, name, uid, rv, body)
    this.heads.written(type, resource, stamped)
    return { type, resource, object: stamped, resourceVersion: rv }
  }

  private decode<T extends KubeObject>(row: Row): T {
    return decodeStored<T>(this.db.name, { ...row, table: 'objects' })
  }

  /** Every change after `resourceVersion`, oldest first; ClusterFileDamaged for a history row Podlab never wrote. */
  since(resourceVersion: number): StoredEvent[] {
    const recent: RecentTexts = new Map()
    return this.q.since.all(resourceVersion).map((r) => ({
      type: r.type,
      resource: r.resource,
      object: decodeStored(this.db.name, { ...r, body: this.texts.text(r, recent), table: 'history' }),
      resourceVersion: r.resource_version,
    }))
  }

  /**
   * Forgets what this process remembers of history rows (the writer's previous texts, decoded texts): after a
   * rollback they may be of versions that were never committed, after another process's commit out of date.
   */
  forgetHistory(): void {
    this.history.forget()
    this.texts.forget()
  }
}
