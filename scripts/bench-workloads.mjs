#!/usr/bin/env node
// Part of `npm run bench`: pods made through Deployments on many nodes, measured through the real `podlab`
// command on the built app (issue 7 asks for these figures; the scale issue sets the targets).
// For each NODESxPODS case: a new cluster file, NODES workers created with `kubectl apply -f`, PODS pods as
// Deployments of 100 replicas, then `podlab advance 10s` until every pod is Running. Prints the wall time
// from the apply to all Running, pods per second, history rows written per second, bytes of cluster file
// per pod, the largest peak RSS of any one command, and the time of `kubectl get pods -A` at the end.
//   BENCH_WORKLOADS=100x10000,1000x30000 node scripts/bench-workloads.mjs   (the default cases)
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, deployments, ensureBuilt, nodes, run } from './bench-cluster.mjs'

ensureBuilt()
const CASES = (process.env.BENCH_WORKLOADS ?? '100x10000,1000x30000').split(',').map((c) => c.split('x').map(Number))
/** Stop waiting after this much virtual time: a cluster that cannot place every pod is reported, not waited on forever. */
const MAX_VIRTUAL_SECONDS = 1800

/** What the file says now: Running pods of the benchmark, history rows. */
function measure(db) {
  return {
    running: count(db, "SELECT count(*) AS n FROM objects WHERE resource = 'pods' AND namespace = 'default' AND json_extract(body, '$.status.phase') = 'Running'"),
    rows: count(db, 'SELECT count(*) AS n FROM history'),
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
