#!/usr/bin/env node
// `npm run bench:probes` (or `npm run bench -- --probes`): the steady-state cost of running pods with probes (issue 8's target: 10,000 pods
// with probes at 1x real time cost <= 5% of one core). For each case: a new cluster file, NODES workers, PODS
// nginx pods (Deployments of 100) with an httpGet liveness and readiness probe every 10 s, advanced until every
// pod is Running and ready; then `podlab advance 60s` is timed: its CPU seconds (user + sys, reported by
// bench-rusage.mjs), less those of `advance 0s` (the command's own start), over the 60 virtual seconds is the share
// of one core the cluster needs to keep up at 1x.
//   BENCH_PROBES=10x1000,100x10000 node scripts/bench-probes.mjs   (the default cases; 150,000 pods: see README)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { count, deployments, ensureBuilt, nodes, run } from './bench-cluster.mjs'

ensureBuilt()
const CASES = (process.env.BENCH_PROBES ?? '10x1000,100x10000').split(',').map((c) => c.split('x').map(Number))
const MAX_VIRTUAL_SECONDS = 1800
const WINDOW_SECONDS = 60

/** Pods of the benchmark that are Running with every container ready. */
const ready = (db) =>
  count(
    db,
    "SELECT count(*) AS n FROM objects WHERE resource = 'pods' AND namespace = 'default' AND json_extract(body, '$.status.phase') = 'Running' AND EXISTS (SELECT 1 FROM json_each(json_extract(body, '$.status.conditions')) WHERE json_extract(value, '$.type') = 'Ready' AND json_extract(value, '$.status') = 'True')",
  )

const dir = mkdtempSync(join(tmpdir(), 'podlab-bench-probes-'))
try {
  for (const [nodeCount, podCount] of CASES) {
    const db = join(dir, `probes-${nodeCount}x${podCount}.podlab`)
    writeFileSync(join(dir, 'nodes.yaml'), nodes(nodeCount))
    writeFileSync(join(dir, 'deployments.yaml'), deployments(podCount, { image: 'nginx:1.27', probes: true }))
    run(['--db', db, 'kubectl', 'apply', '-f', join(dir, 'nodes.yaml')])
    run(['--db', db, 'kubectl', 'apply', '-f', join(dir, 'deployments.yaml')])
    let virtual = 0
    while (ready(db) < podCount && virtual < MAX_VIRTUAL_SECONDS) {
      run(['--db', db, 'advance', '30s'])
      virtual += 30
    }
    const readyPods = ready(db)
    // Once to settle whatever the start-up left (timers due, back-offs), then the measured window.
    run(['--db', db, 'advance', `${WINDOW_SECONDS}s`])
    const window = run(['--db', db, 'advance', `${WINDOW_SECONDS}s`])
    // A command's own start (Node, opening the file, the informers' first list) is not the cluster's running cost.
    const start = run(['--db', db, 'advance', '0s'])
    const share = (Math.max(0, window.cpuS - start.cpuS) / WINDOW_SECONDS) * 100
    console.log(
      [
        `${String(nodeCount).padStart(5)} nodes ${String(podCount).padStart(6)} pods with 2 probes each:`,
        `${readyPods} ready after ${virtual}s virtual;`,
        `advance ${WINDOW_SECONDS}s: ${(window.ms / 1000).toFixed(1)} s wall, ${window.cpuS.toFixed(2)} CPU s (advance 0s: ${start.cpuS.toFixed(2)})`,
        `= ${share.toFixed(1)}% of one core at 1x real time (target <= 5% at 10,000 pods)`,
        `peak RSS ${(window.kb / 1024).toFixed(0)} MB`,
      ].join('  '),
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
