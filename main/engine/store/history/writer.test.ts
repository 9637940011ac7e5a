// The compact history against the whole one (issue 12 item 3): one seeded scenario run twice, once with the
// compact encodings and once with every row WHOLE (as before migration 0007), must write the same history,
// every row's text byte for byte, and replay the same watch from resourceVersion 0.

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../kube'
import type { HostEngine } from '../../engine'
import { openCluster } from '../../open-cluster'
import { deploymentManifest, tmpFile } from '../../testing/cluster'
import { FULL_V1, LIVE, PATCH, WHOLE } from './codec'
import { ENCODED_COLUMNS, HistoryTexts, type EncodedRow } from './texts'
import type { HistoryOptions } from './writer'

const deployment = (name: string, replicas: number, image: string, command?: string[], namespace?: string) =>
  deploymentManifest(name, replicas, image, { command, namespace })

/** Pods, a Deployment's rollout, crash-looping containers (their Events repeat), deletes, a namespace going with its content. */
function scenario(engine: HostEngine): void {
  engine.create(deployment('web', 3, 'nginx'))
  engine.create(deployment('crash', 2, 'busybox', ['sh', '-c', 'sleep 3; exit 1']))
  engine.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } })
  engine.create(deployment('tmp', 2, 'nginx', undefined, 'team'))
  engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo', labels: { lang: 'ko' }, annotations: { note: 'emoji 🚀 and 한국어' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
  engine.advance(30_000)
  engine.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } })
  engine.advance(90_000)
  const pod = engine.list('pods', 'default', { labelSelector: 'app=web' }).items[0]
  if (pod) engine.delete('pods', 'default', pod.metadata.name ?? '')
  engine.delete('pods', 'default', 'solo')
  engine.delete('namespaces', undefined, 'team')
  engine.advance(180_000)
}

interface Run {
  rows: Array<EncodedRow & { at_ms: number; type: string }>
  texts: string[]
  objects: string
  replay: Array<{ type: string; object: KubeObject; rv: string }>
}

function run(history: HistoryOptions): Run {
  const path = tmpFile()
  const engine = openCluster(path, { mode: 'manual', seed: '12', history })
  scenario(engine)
  const replay: Run['replay'] = []
  engine.watch('0', (e, rv) => void replay.push({ type: e.type, object: e.object as KubeObject, rv }))()
  engine.close()
  const db = new Database(path, { readonly: true })
  try {
    const rows = db
      .prepare<[], Run['rows'][number]>(`SELECT resource_version, at_ms, type, resource, namespace, name, uid, body, ${ENCODED_COLUMNS} FROM history ORDER BY resource_version`)
      .all()
    const texts = new HistoryTexts(db)
    return {
      rows,
      texts: rows.map((r) => texts.text(r)),
      objects: JSON.stringify(db.prepare('SELECT * FROM objects ORDER BY 1, 2, 3').all()),
      replay,
    }
  } finally {
    db.close()
  }
}

const stored = (r: Run) => r.rows.reduce((n, row) => n + row.body.length + (row.data?.length ?? 0), 0)

describe('the compact history (issue 12 item 3)', () => {
  it('writes, for a seeded scenario, every row of the whole history byte for byte, and replays the same watch from resourceVersion 0', () => {
    const whole = run({ compact: false })
    const compact = run({})
    expect(whole.rows.every((r) => r.encoding === WHOLE)).toBe(true)
    // The compact run used each encoding, or the comparison would prove little.
    const used = new Set(compact.rows.map((r) => r.encoding))
    expect([...used].sort()).toEqual([WHOLE, LIVE, FULL_V1, PATCH])
    expect(compact.rows.map(({ resource_version, at_ms, type, resource, namespace, name, uid }) => [resource_version, at_ms, type, resource, namespace, name, uid])).toEqual(
      whole.rows.map(({ resource_version, at_ms, type, resource, namespace, name, uid }) => [resource_version, at_ms, type, resource, namespace, name, uid]),
    )
    expect(compact.texts.length).toBe(whole.texts.length)
    compact.texts.forEach((text, i) => {
      if (text !== whole.rows[i]?.body) expect({ resourceVersion: whole.rows[i]?.resource_version, text }).toEqual({ resourceVersion: whole.rows[i]?.resource_version, text: whole.rows[i]?.body })
    })
    expect(compact.objects).toBe(whole.objects)
    expect(compact.replay).toEqual(whole.replay)
    expect(compact.replay.length).toBe(compact.rows.length)
    // Against whole rows, the history holds a fraction of the bytes (measured: about a tenth).
    expect(stored(compact)).toBeLessThan(stored(whole) / 5)
  }, 120_000)

  it('writes an Event once (its history row points at its objects row) until it changes; then that row holds its text whole', () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'manual' })
    engine.create(deployment('crash', 1, 'busybox', ['sh', '-c', 'sleep 3; exit 1']))
    engine.advance(120_000)
    engine.close()
    const db = new Database(path, { readonly: true })
    try {
      const events = db.prepare<[], { uid: string; n: number; live: number; current: number }>(
        `SELECT h.uid, count(*) AS n, sum(h.encoding = ${LIVE}) AS live,
           sum(h.encoding = ${LIVE} AND h.resource_version = (SELECT o.resource_version FROM objects o WHERE o.uid = h.uid)) AS current
         FROM history h WHERE h.resource = 'events' GROUP BY h.uid`,
      ).all()
      // Every Event has one LIVE row, its current version; a repeated one (BackOff, Pulled...) has older rows too.
      expect(events.length).toBeGreaterThan(3)
      expect(events.every((e) => e.live === 1 && e.current === 1)).toBe(true)
      const repeated = events.filter((e) => e.n > 1)
      expect(repeated.length).toBeGreaterThan(0)
      const older = db
        .prepare<[string], { body: string; encoding: number; data: Buffer | null }>(`SELECT body, encoding, data FROM history WHERE uid = ? ORDER BY resource_version LIMIT 1`)
        .get(repeated[0]!.uid)!
      expect(older.encoding).toBe(WHOLE)
      expect(older.data).toBeNull()
      expect(JSON.parse(older.body)).toMatchObject({ kind: 'Event', count: 1 })
      // The LIVE rows hold no text of their own: the Event is written once, in objects.
      expect(db.prepare(`SELECT count(*) FROM history WHERE encoding = ${LIVE} AND (body != '' OR data IS NOT NULL)`).pluck().get()).toBe(0)
    } finally {
      db.close()
    }
  }, 60_000)

  it('starts a new chain every chainLength versions of an object: a FULL_V1, then PATCHes each against the version before', () => {
    const path = tmpFile()
    const engine = openCluster(path, { mode: 'manual', history: { chainLength: 3 } })
    engine.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } })
    for (let i = 0; i < 7; i++) engine.patch('namespaces', undefined, 'n', 'merge', { metadata: { labels: { step: String(i) } } })
    engine.close()
    const db = new Database(path, { readonly: true })
    try {
      const rows = db.prepare<[], { resource_version: number; encoding: number; base: number | null }>(
        "SELECT resource_version, encoding, base FROM history WHERE resource = 'namespaces' AND name = 'n' ORDER BY resource_version",
      ).all()
      expect(rows.map((r) => r.encoding)).toEqual([FULL_V1, PATCH, PATCH, FULL_V1, PATCH, PATCH, FULL_V1, PATCH])
      rows.forEach((r, i) => expect(r.base).toBe(r.encoding === PATCH ? rows[i - 1]!.resource_version : null))
    } finally {
      db.close()
    }
  })
})
