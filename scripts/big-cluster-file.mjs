#!/usr/bin/env node
// Makes a large cluster file for measuring how long opening it takes: a default cluster (through the built
// `podlab` command) whose history is padded with big MODIFIED rows of one pod, up to the size asked for.
//   node scripts/big-cluster-file.mjs FILE [MEGABYTES=1024]
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'

const [file, megabytes = '1024'] = process.argv.slice(2)
if (!file) throw new Error('usage: node scripts/big-cluster-file.mjs FILE [MEGABYTES]')
const podlab = join(import.meta.dirname, '..', 'bin', 'podlab')
execFileSync(process.execPath, [podlab, '--db', file, 'advance', '1s'])

const db = new Database(file)
const rv = Number(db.prepare("SELECT value FROM meta WHERE key = 'resource_version'").get().value)
const pod = (n) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'big', namespace: 'default', uid: '00000000-0000-4000-8000-000000000000', resourceVersion: String(n) },
  spec: { containers: [{ name: 'c', image: 'nginx', env: [{ name: 'PADDING', value: 'x'.repeat(16_000) }] }] },
})
const insert = db.prepare(
  "INSERT INTO history (resource_version, at_ms, type, resource, namespace, name, uid, body) VALUES (?, 1735689601000, 'MODIFIED', 'pods', 'default', 'big', '00000000-0000-4000-8000-000000000000', ?)",
)
const target = Number(megabytes) * 1024 * 1024
let n = rv
while (statSync(file).size + statSync(`${file}-wal`, { throwIfNoEntry: false })?.size < target) {
  db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(++n, JSON.stringify(pod(n)))
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
}
db.prepare("UPDATE meta SET value = ? WHERE key = 'resource_version'").run(String(n))
db.close()
console.log(`${file}: ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB, ${n - rv} history rows added`)
