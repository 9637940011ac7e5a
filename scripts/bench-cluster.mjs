// What the cluster benchmarks share (bench-workloads.mjs, bench-rest.mjs, bench-probes.mjs): the built `podlab`
// command run and measured, and the manifests of N worker nodes and of N nginx pods as Deployments of 100.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'

const root = join(import.meta.dirname, '..')
const podlab = join(root, 'bin', 'podlab')
const rusage = pathToFileURL(join(import.meta.dirname, 'bench-rusage.mjs')).href
/** Pods per Deployment. */
export const REPLICAS = 100

// The reports of bench-rusage.mjs, and the user data folder of every podlab run here (serve writes kubeconfigs
// there: the benchmark leaves the real one alone).
let scratch = null
let reports = 0

function scratchDir() {
  if (scratch === null) {
    scratch = mkdtempSync(join(tmpdir(), 'podlab-bench-scratch-'))
    process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))
  }
  return scratch
}

/** A podlab command stopped by the benchmark: its exit status and the first line of what it printed on stderr. */
export class PodlabFailed extends Error {
  constructor(args, status, stderr) {
    const first = String(stderr ?? '').trim().split('\n')[0] ?? ''
    super(`podlab ${args.join(' ')} failed (exit ${status}): ${first}`)
    this.reason = 'Failed'
    this.status = status
  }
}

/** Builds the app once if it is not built. */
export function ensureBuilt() {
  if (!isBuilt()) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
}

/** Whether out/main/cli.js exists (the `podlab` command needs it). */
export function isBuilt() {
  return existsSync(join(root, 'out', 'main', 'cli.js'))
}

/**
 * How to start podlab with `args` so that it reports its figures: the program, its argv, its environment and the
 * report file bench-rusage.mjs writes (`${report}` at exit, `${report}.rest` on SIGUSR2).
 */
export function podlabCommand(args, { nodeFlags = [] } = {}) {
  const report = join(scratchDir(), `report-${++reports}.json`)
  return {
    program: process.execPath,
    argv: [...nodeFlags, '--import', rusage, podlab, ...args],
    env: { ...process.env, PODLAB_BENCH_REPORT: report, XDG_CONFIG_HOME: scratchDir() },
    report,
  }
}

/**
 * Runs podlab with `args`; returns its wall time (ms), stdout, CPU seconds (user + sys) and peak RSS (KiB), the
 * last two NaN when it was killed. `timeoutMs`: it is killed (SIGKILL) after that long and `killed` is true; the
 * cluster file keeps its last commit. Throws PodlabFailed when podlab exits with a status other than 0.
 */
export function run(args, { timeoutMs } = {}) {
  const command = podlabCommand(args)
  const started = process.hrtime.bigint()
  const r = spawnSync(command.program, command.argv, {
    encoding: 'utf8',
    env: command.env,
    maxBuffer: 1 << 30,
    timeout: timeoutMs === undefined ? undefined : Math.max(1, Math.round(timeoutMs)),
    killSignal: 'SIGKILL',
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const killed = r.error?.code === 'ETIMEDOUT'
  if (r.error && !killed) throw r.error
  if (!killed && r.status !== 0) throw new PodlabFailed(args, r.status, r.stderr)
  const usage = existsSync(command.report) ? JSON.parse(readFileSync(command.report, 'utf8')) : { maxRssKb: NaN, cpuS: NaN }
  rmSync(command.report, { force: true })
  return { ms, cpuS: usage.cpuS, kb: usage.maxRssKb, stdout: r.stdout ?? '', killed }
}

/** `n` worker Node manifests, bench-0 ... */
export function nodes(n) {
  return Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: bench-${i}\n`).join('---\n')
}

/**
 * `pods` nginx pods as Deployments of REPLICAS, named web-FIRST ...; `probes`: an httpGet liveness and readiness
 * probe every 10 s.
 */
export function deployments(pods, { image = 'nginx', probes = false, first = 0 } = {}) {
  const probe = (kind) => [`        ${kind}:`, '          httpGet:', '            path: /', '            port: 80', '          periodSeconds: 10']
  return Array.from({ length: Math.ceil(pods / REPLICAS) }, (_, k) => {
    const i = first + k
    return [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: web-${i}`,
      'spec:',
      `  replicas: ${Math.min(REPLICAS, pods - k * REPLICAS)}`,
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
      `        image: ${image}`,
      ...(probes ? [...probe('livenessProbe'), ...probe('readinessProbe')] : []),
      '        resources:',
      '          requests:',
      '            cpu: 1m',
      '            memory: 1Mi',
      '',
    ].join('\n')
  }).join('---\n')
}

/** Runs `query` on the cluster file, read-only; returns its first row. */
export function firstRow(db, query) {
  const sql = new Database(db, { readonly: true })
  try {
    return sql.prepare(query).get()
  } finally {
    sql.close()
  }
}

/** Runs `query` (one row, column n) on the cluster file, read-only. */
export function count(db, query) {
  return firstRow(db, query).n
}

/** The bytes the cluster file takes on disk: the file and its write-ahead log. */
export function fileBytes(db) {
  return statSync(db).size + (statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0)
}

/** Copies a cluster file no process has open (its -wal too, if one was left) to `to`. */
export function copyCluster(db, to) {
  copyFileSync(db, to)
  if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, `${to}-wal`)
}
