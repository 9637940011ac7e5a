#!/usr/bin/env node
// `npm run bench`: the scale figures of issue 12 in one table, measured through the real `podlab` command on
// the built app (it is built first when out/ is missing). What one case does: bench-workloads.mjs. The figures:
//   pods/s         pods Running at the end over the wall time of the case's timed commands (applies, advances)
//   rows/s         history rows the case wrote over the same time; beside it the raw better-sqlite3 append rate
//                  of those very rows (bench-sqlite.mjs), and the ratio of the two
//   per pod        over the pods that exist at the end (all of them unless the budget stopped the case)
//   per change     over the history rows the case wrote
//   CLI start      `kubectl get namespace default`, median of 3: opening the file and answering one small read
//   peak memory    the largest max RSS (process.resourceUsage) of the case's timed commands, less the largest of
//                  `advance 0s` and `get pods -A` on the empty cluster (the same nodes, no pods); per pod
//   at rest        heap used + external memory of `podlab serve` holding the cluster, 1 s after it serves and
//                  after two full collections (node --expose-gc), less the same on the empty cluster; per pod
//                  (the RSS after the same beside it: V8 keeps pages it no longer uses)
//   npm run bench                      100 nodes 10,000 pods; 1,000 nodes 30,000 pods; 5,000 nodes 150,000 pods
//   npm run bench -- --quick           10x100, 20x200, 50x500: one to two minutes, for CI (scripts/bench.test.ts)
//   npm run bench -- --serve           also a call's round trip on a busy `podlab serve` (bench-serve.mjs)
//   npm run bench -- --probes          also the CPU share of pods with probes at 1x (bench-probes.mjs)
//   BENCH_BUDGET_S=600                 wall-time budget of each case's timed commands, seconds (60 with --quick)
//   BENCH_CASES=100x10000,...          other NODESxPODS cases
// `npm run bench:ui` (bench-timeline.mjs) measures the history view's frames; `npm run bench:serve` and
// `npm run bench:probes` run those two alone.
import { spawnSync } from 'node:child_process'
import { availableParallelism, cpus } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { benchmark, parseCases } from './bench-workloads.mjs'

const FULL = '100x10000,1000x30000,5000x150000'
const QUICK = '10x100,20x200,50x500'

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, serve: { type: 'boolean', default: false }, probes: { type: 'boolean', default: false } },
})
const budgetS = Number(process.env.BENCH_BUDGET_S ?? (values.quick ? 60 : 600))
if (!(budgetS > 0)) throw new Error(`BENCH_BUDGET_S must be a number of seconds above 0; got ${process.env.BENCH_BUDGET_S}`)
const cases = parseCases(process.env.BENCH_CASES ?? (values.quick ? QUICK : FULL))
const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), node ${process.version}`
await benchmark(cases, { budgetS, title: `podlab bench${values.quick ? ' --quick' : ''} on ${machine}` })

for (const [flag, script] of [
  ['serve', 'bench-serve.mjs'],
  ['probes', 'bench-probes.mjs'],
]) {
  if (!values[flag]) continue
  const r = spawnSync(process.execPath, [join(import.meta.dirname, script)], { stdio: 'inherit' })
  if (r.status !== 0) process.exitCode = 1
}
