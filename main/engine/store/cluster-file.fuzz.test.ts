// Property: whatever a stranger did to a cluster file (bytes flipped or cut off in the database or its -wal,
// hostile SQL), opening it either works and `kubectl get pods` + `advance 1s` work, or it is turned away as
// ClusterFileRefused / ClusterFileDamaged with one sentence; a file refused at opening keeps its bytes.

import Database from 'better-sqlite3'
import fc from 'fast-check'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../host/podlab-cli'
import { openCluster } from '../open-cluster'
import { MYNGINX, tmpFile } from '../testing/cluster'
import { onDisk } from '../testing/cluster-file-bytes'
import { fuzzRuns } from '../testing/fuzz'
import { isClusterFileError } from './cluster-file'

/** A cluster file caught with part of its history still in its -wal (as a copy taken while the app runs). */
function snapshotWithWal(): string {
  const path = tmpFile()
  const engine = openCluster(path, { mode: 'manual' })
  engine.create(MYNGINX)
  engine.advance(3000)
  engine.create({ ...MYNGINX, metadata: { name: 'second' } })
  engine.advance(3000)
  const snap = join(mkdtempSync(join(tmpdir(), 'podlab-fuzz-')), 'snap.podlab')
  copyFileSync(path, snap)
  copyFileSync(`${path}-wal`, `${snap}-wal`)
  engine.close()
  return snap
}

const ODD_NUMBERS = ['-1', '0', '1e308', '9223372036854775807', '-9223372036854775808', "'x'", 'NULL', '1735689600000', '253402300800000', '0.1']
const ODD_TEXTS = ["'abc'", "''", "'-1'", "'1,2,3'", "'99999999999,1,2,3'", "'1e3'", "'9007199254740993'", "'{'"]
const ODD_BODIES = [
  "'x'",
  "'[]'",
  "'null'",
  "'{}'",
  "json_remove(body, '$.spec')",
  "json_remove(body, '$.metadata')",
  "json_set(body, '$.metadata.name', 5)",
  "json_set(body, '$.spec.containers', 'x')",
  "json_set(body, '$.spec.containers', json('[]'))",
  "json_set(body, '$.kind', 'Node')",
  "json_set(body, '$.status.containerStatuses', 7)",
  "json_set(body, '$.spec.containers[0].resources.limits.cpu', 'lots')",
]

const hostileSql = fc.oneof(
  fc.constantFrom<string>(
    'CREATE TRIGGER f AFTER UPDATE ON clock BEGIN DELETE FROM objects; END',
    'CREATE TRIGGER g AFTER INSERT ON history BEGIN DELETE FROM timers; END',
    'CREATE VIEW v AS SELECT * FROM objects',
    'CREATE TABLE extra (x)',
    'CREATE INDEX extra_i ON history (name)',
    'DROP TABLE history',
    'DROP TABLE timers',
    'DROP INDEX history_at',
    'DELETE FROM clock',
    "DELETE FROM meta WHERE key = 'rng'",
    "UPDATE node_state SET value = 'not json'",
    "INSERT INTO timers (due_ms, queue, key) VALUES (1735689601000, 'nobody', 'x')",
    'UPDATE timers SET due_ms = 9223372036854775807',
    'PRAGMA application_id = 0',
  ),
  fc.integer({ min: -3, max: 4 }).map((n) => `PRAGMA user_version = ${n}`),
  fc.tuple(fc.constantFrom('now_ms', 'paused', 'speed'), fc.constantFrom(...ODD_NUMBERS)).map(([c, v]) => `UPDATE clock SET ${c} = ${v}`),
  fc.tuple(fc.constantFrom('seed', 'rng', 'resource_version', 'cluster_name'), fc.constantFrom(...ODD_TEXTS)).map(([k, v]) => `UPDATE meta SET value = ${v} WHERE key = '${k}'`),
  // Bodies are where most of what the engine walks lives: drawn three times as often, pods most of all.
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom('pods', 'pods', 'nodes', 'events', 'namespaces'), fc.constantFrom(...ODD_BODIES)).map(
      ([r, b]) => `UPDATE objects SET body = ${b} WHERE rowid = (SELECT min(rowid) FROM objects WHERE resource = '${r}')`,
    ),
  },
)

const byteDamage = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), file: fc.constantFrom('', '-wal'), at: fc.double({ min: 0, max: 1, noNaN: true }), xor: fc.integer({ min: 1, max: 255 }) }),
  // The first bytes of a page are its b-tree header (type, cell count, pointers): where a flip breaks structure.
  fc.record({ kind: fc.constant('page' as const), file: fc.constant(''), at: fc.double({ min: 0, max: 1, noNaN: true }), offset: fc.integer({ min: 0, max: 15 }), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), file: fc.constantFrom('', '-wal'), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
)

type Damage =
  | { kind: 'flip'; file: string; at: number; xor: number }
  | { kind: 'page'; file: string; at: number; offset: number; xor: number }
  | { kind: 'truncate'; file: string; at: number }

const PAGE_BYTES = 4096

function damage(path: string, d: Damage): void {
  const file = `${path}${d.file}`
  if (!existsSync(file)) return
  const bytes = readFileSync(file)
  const pages = Math.floor(bytes.length / PAGE_BYTES)
  const at = d.kind === 'page' ? Math.min(pages - 1, Math.floor(d.at * pages)) * PAGE_BYTES + (d.at < 1 / pages ? 100 : 0) + d.offset : Math.min(bytes.length - 1, Math.floor(d.at * bytes.length))
  if (at < 0 || at >= bytes.length) return
  if (d.kind === 'truncate') return truncateSync(file, at)
  bytes[at] = (bytes[at] as number) ^ d.xor
  writeFileSync(file, bytes)
}

function expectSentence(e: unknown): void {
  expect(isClusterFileError(e), String(e instanceof Error ? e.stack : e)).toBe(true)
  expect((e as Error).message).toMatch(/^[^\n]+$/)
}

async function cli(path: string, args: string[]): Promise<void> {
  let out = ''
  let err = ''
  const code = await runCli(['--db', path, ...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => '', env: {} })
  if (code !== 0) expect(err, out).toMatch(/^error: "[^\n]*" (is damaged|is not a cluster file this Podlab can trust|is not a Podlab cluster file)[^\n]*\n$/)
}

const RUNS = fuzzRuns(60)

describe('a mutated cluster file is opened and used, or refused with a sentence and left unchanged (issue 5)', () => {
  const snap = snapshotWithWal()

  it('byte flips, truncations and hostile SQL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileSql, { maxLength: 3 }), fc.array(byteDamage, { maxLength: 3 }), async (statements, damages) => {
        const path = join(mkdtempSync(join(tmpdir(), 'podlab-fuzz-')), 'c.podlab')
        copyFileSync(snap, path)
        copyFileSync(`${snap}-wal`, `${path}-wal`)
        if (statements.length > 0) {
          const raw = new Database(path)
          for (const sql of statements) {
            try {
              raw.exec(sql)
            } catch {
              // A statement the schema itself refuses (a CHECK, a NOT NULL) is no damage.
            }
          }
          raw.close()
        }
        for (const d of damages) damage(path, d)

        const before = onDisk(path)
        let opened
        try {
          opened = openCluster(path, { mode: 'manual' })
        } catch (e) {
          expectSentence(e)
          expect(onDisk(path)).toEqual(before)
          return
        }
        opened.close()
        await cli(path, ['kubectl', 'get', 'pods'])
        await cli(path, ['advance', '1s'])
      }),
      { numRuns: RUNS },
    )
  }, 30_000 + RUNS * 200)
})
