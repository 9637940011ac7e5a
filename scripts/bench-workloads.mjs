#!/usr/bin/env node
// Part of `npm run bench`: pods made through Deployments on many nodes, measured through the real `podlab`
// command on the built app (issue 7 asks for these figures; the scale issue sets the targets).
// For each NODESxPODS case: a new cluster file, NODES workers created with `kubectl apply -f`, PODS pods as
// Deployments of 100 replicas, then `podlab advance 10s` until every pod is Running. Prints the wall time
// from the apply to all Running, pods per second, history rows written per second, bytes of cluster file
// per pod, the largest peak RSS of any one command, and the time of `kubectl get pods -A` at the end.
//   BENCH_WORKLOADS=100x10000,1000x30000 node scripts/bench-workloads.mjs   (the default cases)
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'

const root = join(import.meta.dirname, '..')
const podlab = join(root, 'bin', 'podlab')
if (!existsSync(join(root, 'out', 'main', 'cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
const CASES = (process.env.BENCH_WORKLOADS ?? '100x10000,1000x30000').split(',').map((c) => c.split('x').map(Number))
const REPLICAS = 100
/** Stop waiting after this much virtual time: a cluster that cannot place every pod is reported, not waited on forever. */
const MAX_VIRTUAL_SECONDS = 1800

function run(args) {
  const started = process.hrtime.bigint()
  const argv = timeBin ? ['-f', '%M', process.execPath, podlab, ...args] : [podlab, ...args]
  const r = spawnSync(timeBin ?? process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 30 })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) throw new Error(`podlab ${args.join(' ')} failed: ${r.stderr}`)
  const kb = timeBin ? Number(r.stderr.trim().split('\n').pop()) : NaN
  return { ms, kb, stdout: r.stdout }
}

function nodes(n) {
  return Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: bench-${i}\n`).join('---\n')
}

function deployments(pods) {
  return Array.from({ length: Math.ceil(pods / REPLICAS) }, (_, i) =>
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: web-${i}`,
      'spec:',
      `  replicas: ${Math.min(REPLICAS, pods - i * REPLICAS)}`,
      '  selector:',
      '    matchLabels:',
      `      app: web-${i}`,
      '  template:',
      '    metadata:',
      '      labels:',
      `        app: web-${i}`,
      '    spec:',
      '      containers:',
      '      - name: nginx',
      '        image: nginx',
      '        resources:',
      '          requests:',
      '            cpu: 1m',
      '            memory: 1Mi',
      '',
    ].join('\n'),
  ).join('---\n')
}

/** What the file says now: Running pods of the benchmark, history rows, bytes on disk (file and -wal). */
function measure(db) {
  const sql = new Database(db, { readonly: true })
  try {
    const running = sql.prepare("SELECT count(*) AS n FROM objects WHERE resource = 'pods' AND namespace = 'default' AND json_extract(body, '$.status.phase') = 'Running'").get().n
    const rows = sql.prepare('SELECT count(*) AS n FROM history').get().n
    return { running, rows }
  } finally {
    sql.close()
  }
}

const bytes = (file) => statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0)

const dir = mkdtempSync(join(tmpdir(), 'podlab-bench-workloads-'))
try {
  for (const [nodeCount, podCount] of CASES) {
    const db = join(dir, `bench-${nodeCount}x${podCount}.podlab`)
    const nodesFile = join(dir, 'nodes.yaml')
    const deploymentsFile = join(dir, 'deployments.yaml')
    writeFileSync(nodesFile, nodes(nodeCount))
    writeFileSync(deploymentsFile, deployments(podCount))
    run(['--db', db, 'kubectl', 'apply', '-f', nodesFile])
    const before = measure(db)
    const bytesBefore = bytes(db)
    let peakKb = 0
    let wallMs = 0
    const step = (args) => {
      const r = run(args)
      wallMs += r.ms
      peakKb = Math.max(peakKb, r.kb || 0)
      return r
    }
    step(['--db', db, 'kubectl', 'apply', '-f', deploymentsFile])
    let now = measure(db)
    let virtual = 0
    while (now.running < podCount && virtual < MAX_VIRTUAL_SECONDS) {
      step(['--db', db, 'advance', '10s'])
      virtual += 10
      now = measure(db)
    }
    const rows = now.rows - before.rows
    const get = run(['--db', db, 'kubectl', 'get', 'pods', '-A'])
    const line = [
      `${String(nodeCount).padStart(5)} nodes ${String(podCount).padStart(6)} pods:`,
      `${now.running} Running after ${virtual}s virtual in ${(wallMs / 1000).toFixed(1)} s wall`,
      `${(now.running / (wallMs / 1000)).toFixed(0)} pods/s`,
      `${(rows / (wallMs / 1000)).toFixed(0)} history rows/s (${rows} rows)`,
      `${((bytes(db) - bytesBefore) / podCount / 1024).toFixed(1)} KB/pod`,
      `peak RSS ${(peakKb / 1024).toFixed(0)} MB`,
      `get pods -A ${get.ms.toFixed(0)} ms`,
    ]
    console.log(line.join('  '))
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
