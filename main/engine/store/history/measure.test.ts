// Figures of the compact history (issue 12 item 3), on a seeded cluster of 10 nodes and 300 pods from
// Deployments: bytes of history and of file per pod (create -> Running, with its Events) and per change, whole
// against compact; rows written per second and µs per encode and decode. Run on demand (minutes on 2 cores):
//   MEASURE_HISTORY=1 npx vitest run main/engine/store/history/measure.test.ts
// It also holds the budget: a pod's way to Running costs at most 1.5 KB of history (whole rows: ~20 KB).

import Database from 'better-sqlite3'
import { statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openCluster } from '../../open-cluster'
import { tmpFile } from '../../testing/cluster'
import { ENCODED_COLUMNS, HistoryTexts, type EncodedRow } from './texts'
import { HistoryWriter, type HistoryOptions } from './writer'
import type { WatchEventType } from '../../../kube'

const PODS = 300

function deployments(): object[] {
  return Array.from({ length: PODS / 100 }, (_, i) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `web-${i}` },
    spec: {
      replicas: 100,
      selector: { matchLabels: { app: `web-${i}` } },
      template: { metadata: { labels: { app: `web-${i}` } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '1m', memory: '1Mi' } } }] } },
    },
  }))
}

interface Figures {
  rows: number
  historyBytes: number
  fileBytes: number
  eventBytes: number
  path: string
}

function cluster(history: HistoryOptions): Figures {
  const path = tmpFile()
  const engine = openCluster(path, { mode: 'manual', seed: '12', history })
  for (let i = 0; i < 10; i++) engine.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: `n-${i}` } })
  engine.close()
  const sizeBefore = statSync(path).size
  const db0 = new Database(path, { readonly: true })
  const from = db0.prepare<[], number>('SELECT max(resource_version) FROM history').pluck().get()!
  db0.close()
  const again = openCluster(path, { mode: 'manual', history })
  for (const d of deployments()) again.create(d)
  again.advance(60_000)
  const running = again.list('pods', 'default').items.filter((p) => (p as { status?: { phase?: string } }).status?.phase === 'Running').length
  expect(running).toBe(PODS)
  again.close()
  const db = new Database(path, { readonly: true })
  try {
    const sum = (where: string) =>
      db.prepare<[number], number>(`SELECT coalesce(sum(length(body) + coalesce(length(data), 0)), 0) FROM history WHERE resource_version > ? ${where}`).pluck().get(from)!
    return {
      rows: db.prepare<[number], number>('SELECT count(*) FROM history WHERE resource_version > ?').pluck().get(from)!,
      historyBytes: sum(''),
      eventBytes: sum("AND resource = 'events'"),
      fileBytes: statSync(path).size - sizeBefore,
      path,
    }
  } finally {
    db.close()
  }
}

/** CPU µs this process spent in `work` (user + system): steadier than wall time on a machine others share. */
function cpuMicros(work: () => void): number {
  const before = process.cpuUsage()
  work()
  const spent = process.cpuUsage(before)
  return spent.user + spent.system
}

type Row = EncodedRow & { at_ms: number; type: WatchEventType }

function rowsOf(path: string): Row[] {
  const db = new Database(path, { readonly: true })
  try {
    return db.prepare<[], Row>(`SELECT resource_version, at_ms, type, resource, namespace, name, uid, body, ${ENCODED_COLUMNS} FROM history ORDER BY resource_version`).all()
  } finally {
    db.close()
  }
}

/** Appends `texts` as history rows through a HistoryWriter into a fresh file, in one transaction: rows per CPU second. */
function writeRate(rows: Row[], texts: string[], history: HistoryOptions): number {
  const path = tmpFile()
  openCluster(path, { mode: 'manual' }).close()
  const db = new Database(path)
  try {
    db.exec('DELETE FROM history')
    const writer = new HistoryWriter(db, history)
    const micros = cpuMicros(() => db.transaction(() => rows.forEach((r, i) => writer.append(r.resource_version, r.at_ms, r.type, r.resource, r.namespace, r.name, r.uid, texts[i]!)))())
    return rows.length / (micros / 1e6)
  } finally {
    db.close()
  }
}

/** The same rows, already encoded, appended by a bare prepared INSERT: what SQLite alone costs for this row shape. */
function rawRate(rows: Row[]): number {
  const path = tmpFile()
  openCluster(path, { mode: 'manual' }).close()
  const db = new Database(path)
  try {
    db.exec('DELETE FROM history')
    const insert = db.prepare(
      'INSERT INTO history (resource_version, at_ms, type, resource, namespace, name, uid, encoding, body, base, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const micros = cpuMicros(() => db.transaction(() => rows.forEach((r) => insert.run(r.resource_version, r.at_ms, r.type, r.resource, r.namespace, r.name, r.uid, r.encoding, r.body, r.base, r.data)))())
    return rows.length / (micros / 1e6)
  } finally {
    db.close()
  }
}

describe.runIf(process.env.MEASURE_HISTORY)('compact history figures', () => {
  it('prints bytes per pod and per change, rows/s and µs per row, whole against compact', () => {
    const whole = cluster({ compact: false })
    const compact = cluster({})
    const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`
    // The chain length K (writer.ts CHAIN_LENGTH = 8) against its neighbours.
    for (const chainLength of [1, 4, 16]) {
      const f = cluster({ chainLength })
      console.log(`K = ${chainLength}: history ${kb(f.historyBytes / PODS)}/pod, ${(f.historyBytes / f.rows).toFixed(0)} B/change`)
    }
    for (const [name, f] of [['whole', whole], ['compact (K = 8)', compact]] as const) {
      console.log(
        `${name}: ${f.rows} rows for ${PODS} pods; history ${kb(f.historyBytes / PODS)}/pod (events ${kb(f.eventBytes / PODS)}), ${(f.historyBytes / f.rows).toFixed(0)} B/change; file ${kb(f.fileBytes / PODS)}/pod`,
      )
    }
    // Where the rest of a compact file's bytes are (SQLite's dbstat: pages per table and index).
    const stat = new Database(compact.path, { readonly: true })
    const tables = stat.prepare<[], { name: string; bytes: number }>('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 8').all()
    stat.close()
    console.log(`compact file by table (whole file, per pod): ${tables.map((t) => `${t.name} ${kb(t.bytes / PODS)}`).join(', ')}`)
    const rows = rowsOf(compact.path)
    const db = new Database(compact.path, { readonly: true })
    let texts: string[]
    try {
      const reader = new HistoryTexts(db)
      let decoded: string[] = []
      const sequential = cpuMicros(() => (decoded = rows.map((r) => reader.text(r)))) / rows.length
      texts = decoded
      // Each row alone, nothing cached: a history view's click on an old version.
      const cold = rows.filter((_, i) => i % 10 === 0)
      const random = cpuMicros(() => cold.forEach((r) => new HistoryTexts(db).text(r))) / cold.length
      console.log(`decode (CPU time): ${sequential.toFixed(1)} µs/row in order (each base decoded once), ${random.toFixed(1)} µs/row alone (its chain from the start)`)
    } finally {
      db.close()
    }
    for (const options of [{ compact: false }, {}] as HistoryOptions[]) writeRate(rows, texts, options) // warm up
    const rateWhole = writeRate(rows, texts, { compact: false })
    const rateCompact = writeRate(rows, texts, {})
    const rateRaw = rawRate(rows)
    console.log(`raw better-sqlite3 append of the compact rows, already encoded: ${rateRaw.toFixed(0)} rows/s (${(1e6 / rateRaw).toFixed(1)} µs/row)`)
    console.log(`write (CPU time): whole ${rateWhole.toFixed(0)} rows/s (${(1e6 / rateWhole).toFixed(1)} µs/row), compact ${rateCompact.toFixed(0)} rows/s (${(1e6 / rateCompact).toFixed(1)} µs/row)`)
    expect(compact.historyBytes / PODS).toBeLessThan(1536)
  }, 600_000)
})
