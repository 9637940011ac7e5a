// The differential harness's kit (issue 10 §5): a cluster behind a REST door, the real kubectl.1.32 run against
// the door and the built-in `podlab kubectl` run against the same engine at the same virtual time, and what the
// two answers and the two clusters are compared by. The test files under ../differential/ hold one table of
// cases per verb family; this file is the one place that knows how a side runs.

import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HostEngine } from '../../engine'
import type { KubeObject } from '../../kube'
import { runKubectl } from '../../kubectl/run-kubectl'
import { kubeconfigText } from '../kubeconfig'
import { apiCluster, type ApiCluster } from './api-cluster'
import { kubectlEnv, realKubectl, type Outcome } from './real-kubectl'

export type { Outcome } from './real-kubectl'

/** The real kubectl 1.32 beside the kubectl on PATH, or undefined (then the harness's files skip, saying so). */
export const KUBECTL_1_32 = realKubectl('1.32')

/** Says once per file why its cases are skipped. */
export function sayWhenSkipped(file: string): void {
  if (!KUBECTL_1_32) console.log(`skipping the differential harness (${file}): no kubectl.1.32 beside the kubectl on PATH`)
}

/** One cluster (a real engine, manual clock, seed 1) behind its own REST door, and a work folder for manifests. */
export interface Side {
  cluster: ApiCluster
  engine: HostEngine
  /** A folder of this side's own: the kubeconfig, kubectl's cache, the manifests cases write. */
  work: string
  close(): Promise<void>
}

export interface RunOptions {
  /** What the command reads on stdin (`-f -`). */
  stdin?: string
}

/** Opens a side and lets `setup` build its cluster (the same calls give the same cluster: one seed, one clock). */
export async function openSide(setup: (engine: HostEngine) => void = () => {}): Promise<Side> {
  const cluster = await apiCluster()
  setup(cluster.engine)
  const work = mkdtempSync(join(tmpdir(), 'podlab-differential-'))
  writeFileSync(join(work, 'kubeconfig'), kubeconfigText(cluster.api.url))
  return { cluster, engine: cluster.engine, work, close: () => cluster.close() }
}

/**
 * Runs the real kubectl.1.32 against the side's door to its end, asynchronously (the door answers in this same
 * process). `drive`, when given, runs meanwhile every 25 ms of wall time: a verb that waits for the cluster
 * (delete's wait, rollout status, wait, drain) needs the virtual clock to move, which the manual clock does not
 * by itself.
 */
export function runReal(side: Side, args: string[], options: RunOptions & { drive?: () => void } = {}): Promise<Outcome> {
  // No --cache-dir before the verb (an unknown verb would then be `flags cannot be placed before plugin name`):
  // HOME is the work folder, so kubectl's discovery cache is the side's own ~/.kube/cache.
  const { env } = kubectlEnv(side.work, 'cache')
  return new Promise((resolve, reject) => {
    const child = spawn(KUBECTL_1_32 as string, args, { env, cwd: side.work })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    const driver = options.drive ? setInterval(options.drive, 25) : undefined
    const killer = setTimeout(() => child.kill(), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      if (driver) clearInterval(driver)
      clearTimeout(killer)
      resolve({ stdout, stderr, code: code ?? -1 })
    })
    child.stdin.end(options.stdin ?? '')
  })
}

/** Runs the built-in `podlab kubectl` on the side's engine; files are read from the side's work folder. */
export function runBuiltIn(side: Side, args: string[], options: RunOptions = {}): Outcome {
  const at = (path: string) => (path.startsWith('/') ? path : join(side.work, path))
  const result = runKubectl(args, {
    engine: side.engine,
    readFile: (path) => readFileSync(at(path), 'utf8'),
    readStdin: () => options.stdin ?? '',
    listDirectory: (path) => (statSync(at(path), { throwIfNoEntry: false })?.isDirectory() ? readdirSync(at(path)) : undefined),
  })
  const outcome = { stdout: result.stdout, stderr: result.stderr, code: result.exitCode }
  if (!result.follow) return outcome
  // A verb that goes on (logs -f): what it writes until it ends by itself without the clock moving (a finished
  // container's log), as the real kubectl prints it before exiting. One still going is stopped where it is.
  let ended: number | undefined
  const stop = result.follow.start(
    (stream, text) => (stream === 'stdout' ? (outcome.stdout += text) : (outcome.stderr += text)),
    (code) => (ended = code),
  )
  if (ended === undefined) stop()
  return { ...outcome, code: ended ?? outcome.code }
}

/** Writes a manifest (YAML or JSON text) into both sides' work folders under `name`, and returns its path there. */
export function writeManifest(sides: Side[], name: string, text: string): string {
  for (const side of sides) writeFileSync(join(side.work, name), text)
  return name
}

/**
 * describe ages events and objects with the client's own wall clock (kubectl's translateTimestampSince), which for
 * a real kubectl is not the cluster's virtual clock: its ages read `699d` where podlab kubectl's read `30s`. Those
 * cells, and the padding tabwriter gives them, are the one difference allowed; every other byte must match.
 */
export function withoutClientAges(text: string): string {
  // `Terminating (lasts <invalid>)`: the deletionTimestamp is in the future on the cluster's clock (as on a real
  // cluster, where kubectl shows that), and years past on the test machine's.
  return text
    .replace(/\(lasts [^)]*\)/g, '(lasts AGE)')
    .replace(/\b\d+[smhdy](\d+[smhd])?\b/g, 'AGE').replace(/ {2,}/g, ' ')
}

/**
 * Every object of every served kind (metrics.k8s.io's computed ones aside), in a stable order: what two clusters
 * that went through the same commands must hold alike.
 */
export function objectsOf(engine: HostEngine): KubeObject[] {
  const all: KubeObject[] = []
  for (const ref of engine.resources()) {
    if (ref.group === 'metrics.k8s.io' || (ref.group === 'events.k8s.io' && ref.resource === 'events')) continue
    all.push(...engine.list(ref.resource, undefined, {}, ref.group).items)
  }
  return all
}

/**
 * Moves the side whose clock is behind up to the other's time, so their objects can be compared at one time. It
 * moves in the 1 s steps the other side took while a verb waited (driveAfterWrite, the built-in kubectl's wait):
 * a controller's sync may land in a different advance when one 5 s advance replaces five 1 s ones, and a status
 * written once on one side and twice on the other shifts every later resourceVersion (CI saw a crash-looping
 * pod's RV one apart after `delete ... --wait`).
 */
export function alignClocks(a: Side, b: Side): void {
  const catchUp = (behind: Side, to: number) => {
    for (let now = behind.engine.clock().nowMs; now < to; now = behind.engine.clock().nowMs) behind.engine.advance(Math.min(1000, to - now))
  }
  const ta = a.engine.clock().nowMs
  const tb = b.engine.clock().nowMs
  if (ta < tb) catchUp(a, tb)
  if (tb < ta) catchUp(b, ta)
}

/**
 * Two sides built alike (same seed, same setup calls): a verb that changes the cluster runs once on each, the real
 * kubectl on `real`'s door and the built-in one on `builtIn`'s engine, and the clusters are compared after.
 */
export interface Pair {
  real: Side
  builtIn: Side
  close(): Promise<void>
}

export async function openPair(setup: (engine: HostEngine) => void = () => {}): Promise<Pair> {
  const [real, builtIn] = await Promise.all([openSide(setup), openSide(setup)])
  return { real, builtIn, close: async () => void (await Promise.all([real.close(), builtIn.close()])) }
}

/**
 * A clock driver for a verb that waits for the cluster (delete, drain, wait): the built-in kubectl runs its manual
 * clock forward in 1 s steps while it waits, so the real one's side moves 1 s a tick too, but only once the
 * verb's first write landed (a change of the store's resourceVersion), so that the write happens at the same
 * virtual time on both sides.
 */
export function driveAfterWrite(engine: HostEngine, ready?: (engine: HostEngine) => boolean): () => void {
  const revision = () => engine.list('namespaces').resourceVersion
  const before = revision()
  let written = false
  return () => {
    if (!written) written = ready ? ready(engine) : revision() !== before
    if (written) engine.advance(1000)
  }
}

export interface PairOutcome {
  real: Outcome
  builtIn: Outcome
}

/** Runs `args` on both sides of `pair` (the real kubectl first), each on its own cluster. */
export async function runPair(pair: Pair, args: string[], options: RunOptions & { waits?: boolean | ((engine: HostEngine) => boolean) } = {}): Promise<PairOutcome> {
  const { waits } = options
  const drive = waits ? driveAfterWrite(pair.real.engine, typeof waits === 'function' ? waits : undefined) : undefined
  const real = await runReal(pair.real, args, { ...options, ...(drive ? { drive } : {}) })
  const builtIn = runBuiltIn(pair.builtIn, args, options)
  return { real, builtIn }
}

/** One step of a changing run: a command for both kubectls, or both clusters' clocks moved (`podlab advance`). */
export type Step =
  | {
      args: string[]
      stdin?: string
      /**
       * The verb waits for the cluster: the real side's clock is driven (driveAfterWrite) while it runs, from its
       * first write on, or from when the function says the write that starts the wait landed (drain cordons first,
       * then evicts).
       */
      waits?: boolean | ((engine: HostEngine) => boolean)
      /**
       * Why only the output is compared: the objects this step writes carry what cannot match (the client's wall
       * clock, a wall-clock poll of a driven clock). Such a step ends its chapter: the clusters differ after it.
       */
      outputOnly?: string
    }
  | { advance: number }

/** The steps as named cases for it.each: `3: kubectl label pod x a=b`, `4: advance 30s`. */
export function namedSteps(steps: Step[]): Array<{ name: string; step: Step }> {
  return steps.map((step, i) => ({ name: 'advance' in step ? `${i}: advance ${step.advance / 1000}s` : `${i}: kubectl ${step.args.join(' ')}`, step }))
}

/**
 * Runs one step on `pair`: the two kubectls' outcomes, and (clocks brought to one time) the two clusters' objects.
 * The caller compares them, so a failure names the step.
 */
export async function runStep(pair: Pair, step: Step): Promise<{ outcomes?: PairOutcome; objects: { real: KubeObject[]; builtIn: KubeObject[] } }> {
  if ('advance' in step) {
    pair.real.engine.advance(step.advance)
    pair.builtIn.engine.advance(step.advance)
    return { objects: { real: [], builtIn: [] } }
  }
  const outcomes = await runPair(pair, step.args, step)
  if (step.outputOnly) return { outcomes, objects: { real: [], builtIn: [] } }
  alignClocks(pair.real, pair.builtIn)
  return { outcomes, objects: { real: objectsOf(pair.real.engine), builtIn: objectsOf(pair.builtIn.engine) } }
}
