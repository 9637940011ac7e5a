// What the cluster benchmarks share (bench-workloads.mjs, bench-probes.mjs): the built `podlab` command run
// and measured, and the manifests of N worker nodes and of N nginx pods as Deployments of 100.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'

const root = join(import.meta.dirname, '..')
const podlab = join(root, 'bin', 'podlab')
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
/** Pods per Deployment. */
export const REPLICAS = 100

/** Builds the app once if it is not built. */
export function ensureBuilt() {
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
}

/**
 * Runs podlab with `args`; returns its wall time (ms), stdout, and with /usr/bin/time its CPU seconds (user +
 * sys) and peak RSS (KB), NaN without. Throws with podlab's stderr when it fails.
 */
export function run(args) {
  const started = process.hrtime.bigint()
  const argv = timeBin ? ['-f', '%U %S %M', process.execPath, podlab, ...args] : [podlab, ...args]
  const r = spawnSync(timeBin ?? process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 30 })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (r.status !== 0) throw new Error(`podlab ${args.join(' ')} failed: ${r.stderr}`)
  const [user, sys, kb] = timeBin ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN]
  return { ms, cpuS: user + sys, kb, stdout: r.stdout }
}

/** `n` worker Node manifests, bench-0 ... */
export function nodes(n) {
  return Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: bench-${i}\n`).join('---\n')
}

/** `pods` nginx pods as Deployments of REPLICAS; `probes`: an httpGet liveness and readiness probe every 10 s. */
export function deployments(pods, { image = 'nginx', probes = false } = {}) {
  const probe = (kind) => [`        ${kind}:`, '          httpGet:', '            path: /', '            port: 80', '          periodSeconds: 10']
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
      `        image: ${image}`,
      ...(probes ? [...probe('livenessProbe'), ...probe('readinessProbe')] : []),
      '        resources:',
      '          requests:',
      '            cpu: 1m',
      '            memory: 1Mi',
      '',
    ].join('\n'),
  ).join('---\n')
}

/** Runs `query` (one row, column n) on the cluster file, read-only. */
export function count(db, query) {
  const sql = new Database(db, { readonly: true })
  try {
    return sql.prepare(query).get().n
  } finally {
    sql.close()
  }
}
