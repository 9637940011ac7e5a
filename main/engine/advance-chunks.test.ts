// An advance commits every ADVANCE_CHUNK_WRITES writes, between two instants: the parts must leave exactly the
// file one transaction leaves (objects, history, clock, timers, node state), and the commands they record must
// add up to the advance asked for.

import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openCluster } from './open-cluster'
import { tmpFile } from './testing/cluster'
import { fingerprint, TABLES } from './testing/fingerprint'

// Everything but the commands, whose rows differ by design (one per part).
const stateOf = (path: string) => fingerprint(path, TABLES.filter((t) => t !== 'commands'))

function advances(path: string): number[] {
  const db = new Database(path, { readonly: true })
  try {
    return db
      .prepare("SELECT payload FROM commands WHERE call = 'advance' ORDER BY seq")
      .pluck()
      .all()
      .map((p) => (JSON.parse(p as string) as { milliseconds: number }).milliseconds)
  } finally {
    db.close()
  }
}

function run(advanceChunkWrites?: number): string {
  const path = tmpFile()
  const engine = openCluster(path, { mode: 'manual', seed: '7', advanceChunkWrites })
  engine.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  })
  engine.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'crash' },
    spec: { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'sleep 3; exit 1'] }] },
  })
  engine.advance(120_000)
  engine.close()
  return path
}

describe('an advance committed in parts', () => {
  it('leaves the file one transaction leaves, and its parts add up to the advance asked for', () => {
    const whole = run()
    const parts = run(5)
    expect(advances(whole)).toEqual([120_000])
    const recorded = advances(parts)
    expect(recorded.length).toBeGreaterThan(3)
    expect(recorded.reduce((a, b) => a + b, 0)).toBe(120_000)
    expect(stateOf(parts)).toBe(stateOf(whole))
  })
})
