// Objects and their history. Every write stamps the next resourceVersion (one counter per cluster, as etcd's
// revision), replaces the current row and appends the change to `history`, inside the caller's transaction.

import type { KubeObject, WatchEventType } from '../../contract'
import type { DB } from './cluster-file'

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

export class ObjectStore {
  private readonly q

  constructor(private readonly db: DB) {
    this.q = {
      get: db.prepare<[string, string, string], { body: string }>(
        'SELECT body FROM objects WHERE resource = ? AND namespace = ? AND name = ?',
      ),
      listAll: db.prepare<[string], { body: string }>('SELECT body FROM objects WHERE resource = ? ORDER BY namespace, name'),
      listNs: db.prepare<[string, string], { body: string }>(
        'SELECT body FROM objects WHERE resource = ? AND namespace = ? ORDER BY name',
      ),
      eventsAbout: db.prepare<[string, string], { body: string }>(
        `SELECT body FROM objects INDEXED BY objects_event_subject
           WHERE resource = 'events' AND namespace = ?
           AND json_extract(body, '$.involvedObject.uid') = ? ORDER BY name`,
      ),
      upsert: db.prepare(
        `INSERT INTO objects (resource, namespace, name, uid, resource_version, body) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (resource, namespace, name) DO UPDATE SET uid = excluded.uid,
           resource_version = excluded.resource_version, body = excluded.body`,
      ),
      remove: db.prepare('DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?'),
      history: db.prepare(
        'INSERT INTO history (resource_version, at_ms, type, resource, namespace, name, uid, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      since: db.prepare<[number], { type: WatchEventType; resource: string; body: string; resource_version: number }>(
        'SELECT type, resource, body, resource_version FROM history WHERE resource_version > ? ORDER BY resource_version',
      ),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    }
  }

  get<T extends KubeObject = KubeObject>(resource: string, namespace: string, name: string): T | undefined {
    const row = this.q.get.get(resource, namespace, name)
    return row ? (JSON.parse(row.body) as T) : undefined
  }

  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): T[] {
    const rows = namespace === undefined ? this.q.listAll.all(resource) : this.q.listNs.all(resource, namespace)
    return rows.map((r) => JSON.parse(r.body) as T)
  }

  /** The events in `namespace` whose involvedObject has `uid` (served by the objects_event_subject index). */
  eventsAbout<T extends KubeObject = KubeObject>(namespace: string, uid: string): T[] {
    return this.q.eventsAbout.all(namespace, uid).map((r) => JSON.parse(r.body) as T)
  }

  meta(key: string): string | undefined {
    return this.q.getMeta.get(key)?.value
  }

  setMeta(key: string, value: string): void {
    this.q.setMeta.run(key, value)
  }

  resourceVersion(): number {
    return Number(this.meta('resource_version') ?? '0')
  }

  /**
   * Writes `object` (ADDED/MODIFIED) or removes it (DELETED), stamping metadata.resourceVersion.
   * Returns the event to deliver once the transaction commits.
   */
  write(type: WatchEventType, resource: string, object: KubeObject, atMs: number): StoredEvent {
    const rv = this.resourceVersion() + 1
    this.setMeta('resource_version', String(rv))
    const stamped: KubeObject = { ...object, metadata: { ...object.metadata, resourceVersion: String(rv) } }
    const namespace = stamped.metadata.namespace ?? ''
    const name = stamped.metadata.name ?? ''
    const uid = stamped.metadata.uid ?? ''
    const body = JSON.stringify(stamped)
    if (type === 'DELETED') this.q.remove.run(resource, namespace, name)
    else this.q.upsert.run(resource, namespace, name, uid, rv, body)
    this.q.history.run(rv, atMs, type, resource, namespace, name, uid, body)
    return { type, resource, object: stamped, resourceVersion: rv }
  }

  /** Every change after `resourceVersion`, oldest first. */
  since(resourceVersion: number): StoredEvent[] {
    return this.q.since.all(resourceVersion).map((r) => ({
      type: r.type,
      resource: r.resource,
      object: JSON.parse(r.body) as KubeObject,
      resourceVersion: r.resource_version,
    }))
  }
}
