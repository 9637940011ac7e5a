#!/usr/bin/env node
// The cases of `npm run bench`: pods made through Deployments on many nodes, measured through the real `podlab`
// command on the built app, until every pod is Running or the case's wall-time budget is spent.
// One case, NODES x PODS, on a new cluster file:
//   1. NODES workers with `kubectl apply -f` (not timed). On a copy of that file (its nodes, no pods: the
//      "empty" cluster) `advance 0s` and `get pods -A` give the empty peak RSS, `podlab serve` the empty rest.
//   2. The pods as Deployments of 100, applied in growing chunks (1, 2, 4 ... at most 100 Deployments a command,
//      each followed by `advance 10s`), then `advance 10s` until every pod is Running. The chunks are what lets
//      a slow engine show how far it got within the budget; at 150,000 pods they are 21 commands.
//   3. Once Running (or stopped): CLI start (`kubectl get namespace default`, median of 3), `get pods` and
//      `get pods -A` (once each), the rest memory (bench-rest.mjs), the raw append rate of the case's own history
//      rows (bench-sqlite.mjs).
// The budget (BENCH_BUDGET_S, seconds of the timed commands of step 2) kills the command running when it is
// spent; the figures are then those of the file's last commit ("12,400 of 150,000 Running after 600 s").
//   BENCH_WORKLOADS=100x10000,1000x30000 node scripts/bench-workloads.mjs   (prints the same table as npm run bench)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { copyCluster, count, deployments, ensureBuilt, fileBytes, firstRow, nodes, PodlabFailed, REPLICAS, run } from './bench-cluster.mjs'
import { restingMemory } from './bench-rest.mjs'
import { rawAppendRate } from './bench-sqlite.mjs'
import { printTable } from './bench-table.mjs'

/** Stop advancing after this much virtual time: a cluster that cannot place every pod is reported, not waited on. */
const MAX_VIRTUAL_SECONDS = 1800
/** The most Deployments one `kubectl apply` of the benchmark carries (10,000 pods). */
const MAX_CHUNK = 100
/** Runs of the CLI start. */
const START_RUNS = 3

/** Deployments per apply: 1, 2, 4 ... MAX_CHUNK, MAX_CHUNK ... summing to `total`. */
export function chunks(total) {
  const plan = []
  let size = 1
  for (let done = 0; done < total; done += plan.at(-1)) {
    plan.push(Math.min(size, total - done))
    size = Math.min(size * 2, MAX_CHUNK)
  }
  return plan
}

/** The benchmark's pods in the file: how many exist, how many are Running. */
function podCounts(db) {
  try {
    const { created, running } = firstRow(
      db,
      "SELECT count(*) AS created, coalesce(sum(json_extract(body, '$.status.phase') = 'Running'), 0) AS running FROM objects WHERE resource = 'pods' AND namespace = 'default'",
    )
    return { created, running }
  } catch {
    // A later encoding of `objects` may not be JSON text: ask podlab itself (not timed).
    const lines = run(['--db', db, 'kubectl', 'get', 'pods', '--no-headers']).stdout.split('\n').filter(Boolean)
    return { created: lines.length, running: lines.filter((l) => l.split(/\s+/)[2] === 'Running').length }
  }
}

/** The history table's rows and its last rowid (the resourceVersion in today's table). */
function historyRows(db) {
  const rows = count(db, 'SELECT count(*) AS n FROM history')
  let lastRowid = 0
  try {
    lastRowid = count(db, 'SELECT coalesce(max(rowid), 0) AS n FROM history')
  } catch {
    // A table without rowids: the raw rate then takes its rows from the start.
  }
  return { rows, lastRowid }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const log = (line) => process.stderr.write(`  ${line}\n`)

/**
 * Runs one case (see the header) in folder `dir`; `budgetS`: seconds of timed commands. Returns its figures:
 * counts, `wallS` (timed seconds), bytes, peak RSS (KiB) of the case and of the empty cluster, rest memory of
 * both (bytes, or `{ failed }`), CLI start and get times (ms, NaN when killed), the raw append rate, and
 * `stopped` (null, or why it stopped before every pod was Running).
 */
export async function workloadCase(nodeCount, podCount, { budgetS, dir }) {
  const db = join(dir, `bench-${nodeCount}x${podCount}.podlab`)
  const budgetMs = budgetS * 1000
  log(`${nodeCount} nodes, ${podCount} pods: the nodes`)
  writeFileSync(join(dir, 'nodes.yaml'), nodes(nodeCount))
  // Not within the budget: without its nodes a case measures nothing.
  run(['--db', db, 'kubectl', 'apply', '-f', join(dir, 'nodes.yaml')])

  const empty = join(dir, 'empty.podlab')
  copyCluster(db, empty)
  // `advance 0s`, not 10s: at 5,000 nodes today ten virtual seconds of heartbeats take minutes.
  const emptyPeakKb = Math.max(...[['advance', '0s'], ['kubectl', 'get', 'pods', '-A']].map((args) => run(['--db', empty, ...args], { timeoutMs: budgetMs }).kb))
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${empty}${suffix}`, { force: true })
  const emptyRest = await restingMemory(db)

  const before = historyRows(db)
  const bytesBefore = fileBytes(db)
  let wallMs = 0
  let peakKb = 0
  let stopped = null
  let virtualS = 0
  /** Runs a timed command within what is left of the budget; false once the case must stop. */
  const step = (args) => {
    if (stopped) return false
    if (wallMs >= budgetMs) {
      stopped = `budget of ${budgetS} s spent`
      return false
    }
    try {
      const r = run(args, { timeoutMs: budgetMs - wallMs })
      wallMs += r.ms
      if (r.killed) stopped = `budget of ${budgetS} s spent (podlab ${args.slice(2).join(' ')} killed)`
      else peakKb = Math.max(peakKb, r.kb)
    } catch (e) {
      if (!(e instanceof PodlabFailed)) throw e
      stopped = e.message
    }
    return !stopped
  }
  const advance = () => {
    const done = step(['--db', db, 'advance', '10s'])
    if (done) virtualS += 10 // a killed advance committed nothing
    return done
  }

  let first = 0
  const plan = chunks(Math.ceil(podCount / REPLICAS))
  for (const [i, size] of plan.entries()) {
    const file = join(dir, 'deployments.yaml')
    writeFileSync(file, deployments(Math.min(size * REPLICAS, podCount - first * REPLICAS), { first }))
    log(`apply ${i + 1}/${plan.length} (${size} Deployments), ${(wallMs / 1000).toFixed(0)} s so far`)
    if (!step(['--db', db, 'kubectl', 'apply', '-f', file]) || !advance()) break
    first += size
  }
  let counts = podCounts(db)
  while (!stopped && counts.running < podCount) {
    if (virtualS >= MAX_VIRTUAL_SECONDS) {
      stopped = `not every pod Running after ${virtualS} s of virtual time`
      break
    }
    log(`advance: ${counts.running} of ${podCount} Running, ${(wallMs / 1000).toFixed(0)} s so far`)
    advance()
    counts = podCounts(db)
  }
  const after = historyRows(db)
  const bytes = fileBytes(db) - bytesBefore

  log('CLI start, get, rest memory, raw SQLite')
  const timed = (args) => {
    const r = run(args, { timeoutMs: Math.max(budgetMs, 60_000) })
    return r.killed ? NaN : r.ms
  }
  const startMs = median(Array.from({ length: START_RUNS }, () => timed(['--db', db, 'kubectl', 'get', 'namespace', 'default'])))
  const getMs = timed(['--db', db, 'kubectl', 'get', 'pods'])
  const getAllMs = timed(['--db', db, 'kubectl', 'get', 'pods', '-A'])
  const rest = await restingMemory(db)
  const raw = after.rows > before.rows ? rawAppendRate(db, join(dir, 'raw.sqlite'), { afterRowid: before.lastRowid }) : { rowsPerS: NaN, rows: 0, bytesPerRow: NaN }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true })
  return {
    nodes: nodeCount,
    pods: podCount,
    ...counts,
    wallS: wallMs / 1000,
    virtualS,
    stopped,
    rows: after.rows - before.rows,
    bytes,
    peakKb,
    emptyPeakKb,
    rest,
    emptyRest,
    startMs,
    getMs,
    getAllMs,
    raw,
  }
}

/**
 * Runs the cases (`[nodes, pods]` pairs) one after another, each with `budgetS` seconds, and prints the table
 * (bench-table.mjs) on stdout; progress goes to stderr. Returns the cases' figures.
 */
export async function benchmark(cases, { budgetS, title }) {
  ensureBuilt()
  const dir = mkdtempSync(join(tmpdir(), 'podlab-bench-workloads-'))
  const results = []
  try {
    for (const [nodeCount, podCount] of cases) results.push(await workloadCase(nodeCount, podCount, { budgetS, dir }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  printTable(results, { budgetS, title })
  return results
}

/** `NxM,N2xM2` as `[[N, M], [N2, M2]]`. */
export function parseCases(text) {
  return text.split(',').map((c) => {
    const pair = c.split('x').map(Number)
    if (pair.length !== 2 || !pair.every((n) => Number.isInteger(n) && n > 0)) throw new Error(`a case is NODESxPODS, e.g. 100x10000; got ${c}`)
    return pair
  })
}

if (import.meta.filename === process.argv[1]) {
  const budgetS = Number(process.env.BENCH_BUDGET_S ?? 600)
  await benchmark(parseCases(process.env.BENCH_WORKLOADS ?? '100x10000,1000x30000'), { budgetS, title: 'bench-workloads' })
}
