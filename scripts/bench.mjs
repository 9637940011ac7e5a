#!/usr/bin/env node
// `npm run bench`: what a learner waits for, measured through the real `podlab` command on the built app.
// Prints one line per measurement: median wall time over several runs and the peak memory of the process.
//   cli-start      podlab kubectl get pods on a fresh default cluster (target: well under a second)
//   apply-N        kubectl apply of N pods in one multi-document file
//   advance-N      advance 60s with N pods starting (every pull, start and event they make)
//   get-N          kubectl get pods with N pods
//   serve-...      one call's round trip on `podlab serve` while 200 pages watch 1,000 pods (./bench-serve.mjs)
//   N nodes M pods Deployments on many nodes until every pod is Running (./bench-workloads.mjs)
//   N nodes M pods with 2 probes each: the steady-state CPU share at 1x real time (./bench-probes.mjs)
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const podlab = join(root, 'bin', 'podlab')
if (!existsSync(join(root, 'out', 'main', 'cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

function run(args, input) {
  const started = process.hrtime.bigint()
  const cmd = timeBin ? timeBin : process.execPath
  const argv = timeBin ? ['-f', '%M', process.execPath, podlab, ...args] : [podlab, ...args]
  const r = spawnSync(cmd, argv, { input, encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) throw new Error(`podlab ${args.join(' ')} failed: ${r.stderr}`)
  const kb = timeBin ? Number(r.stderr.trim().split('\n').pop()) : NaN
  return { ms, kb }
}

function median(values) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function report(name, samples) {
  const ms = median(samples.map((s) => s.ms)).toFixed(0)
  const mb = Number.isNaN(samples[0].kb) ? 'n/a' : `${(Math.max(...samples.map((s) => s.kb)) / 1024).toFixed(0)} MB`
  console.log(`${name.padEnd(14)} ${ms.padStart(6)} ms   peak RSS ${mb}`)
}

function manifest(n) {
  return Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-${i}\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n`).join('---\n')
}

const dir = mkdtempSync(join(tmpdir(), 'podlab-bench-'))
try {
  const start = []
  for (let i = 0; i < RUNS; i++) {
    const db = join(dir, `start-${i}.podlab`)
    run(['--db', db, 'kubectl', 'get', 'pods'])
    start.push(run(['--db', db, 'kubectl', 'get', 'pods']))
  }
  report('cli-start', start)

  for (const n of [100, 300]) {
    const file = join(dir, `pods-${n}.yaml`)
    writeFileSync(file, manifest(n))
    const apply = []
    const advance = []
    const get = []
    for (let i = 0; i < Math.min(RUNS, 3); i++) {
      const db = join(dir, `load-${n}-${i}.podlab`)
      apply.push(run(['--db', db, 'kubectl', 'apply', '-f', file]))
      advance.push(run(['--db', db, 'advance', '60s']))
      get.push(run(['--db', db, 'kubectl', 'get', 'pods']))
    }
    report(`apply-${n}`, apply)
    report(`advance-${n}`, advance)
    report(`get-${n}`, get)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const serve = spawnSync(process.execPath, [join(import.meta.dirname, 'bench-serve.mjs')], { stdio: 'inherit' })
if (serve.status !== 0) process.exitCode = 1

const workloads = spawnSync(process.execPath, [join(import.meta.dirname, 'bench-workloads.mjs')], { stdio: 'inherit' })
if (workloads.status !== 0) process.exitCode = 1

const probes = spawnSync(process.execPath, [join(import.meta.dirname, 'bench-probes.mjs')], { stdio: 'inherit' })
if (probes.status !== 0) process.exitCode = 1
