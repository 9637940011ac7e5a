// The prober manager (pkg/kubelet/prober/prober_manager.go, 1.32) for the simulated kubelet: one worker per
// container and probe type (AddPod: startup, readiness, liveness; app containers and sidecars), their
// state kept in node_state under `probe/<namespace>/<name>` (the kubelet keeps it in memory; here it must
// outlive a command), and UpdatePodStatus's reading of it (started, ready). The kubelet calls `sync` once per
// pod sync; it runs the probes due at that instant (a worker's ticker, or the readiness trigger a status
// update pulls while a started container is not ready) and answers what the kubelet must do: which
// containers are started and ready, which failed their liveness or startup probe and must be killed
// (kuberuntime computePodActions' messages and setTerminationGracePeriod's grace), and when to sync again.
//
// For the kubelet: each failed container is named once (upstream's SyncPod kills it synchronously, once);
// run preStop with lifecycle/pre-stop.ts planStop before stopping it. Upstream kills and restarts in one
// SyncPod whose pod status predates the kill, so doBackOff measures from the *previous* instance's finish:
// a container killed every ~75 s restarts at once until the back-off (10, 20, 40, 80 s...) outgrows that.

import type { Pod } from '../../api/pods/types'
import { doProbe, type ContainerView, type WorkerState } from './worker'
import { probe, type ProbeEvent, type ProbeRuntime } from './run-probe'
import { probeOf, probeTimings, type Probe, type ProbeType } from './probe-spec'

/** A container the kubelet runs (or will), as the prober sees it. */
export interface ProbedContainer extends ContainerView {
  name: string
  /** A restartable init container (sidecar); regular init containers are never probed. */
  sidecar?: boolean
}

/** What the prober reaches and uses on the kubelet's node. */
export interface ProberHost {
  runtime: ProbeRuntime
  node: string
  podIp: string
  /** When this node's kubelet started (ms): workers made within a period of it wait a random part of one. */
  kubeletStartedAt: number
  /** A float in [0, 1) from the cluster's seeded generator. */
  random(): number
  /** A fresh 64-hex exec id (the runtime's error texts name it). */
  newExecId(): string
  /** Records a probe's event on its container. */
  record(container: { name: string; sidecar: boolean }, event: ProbeEvent): void
}

/** Where worker states live between commands (node_state). */
export interface ProbeStore {
  get<T>(node: string, key: string): T | undefined
  set(node: string, key: string, value: unknown): void
  remove(node: string, key: string): void
}

export interface ContainerVerdict {
  started: boolean
  ready: boolean
}

/** A container that failed its liveness or startup probe: kill it (then restartPolicy applies). */
export interface ProbeKill {
  container: string
  sidecar: boolean
  containerId: string
  probe: 'liveness' | 'startup'
  /** The Killing event's message: `Container x failed liveness probe, will be restarted`. */
  message: string
  /** Whether computePodActions restarts it after the kill. */
  restart: boolean
  /** setTerminationGracePeriod: the grace for killContainer, seconds (before preStop's share and the 2 s floor). */
  graceSeconds: number
  /** The failures in a row that did it (the probe's failureThreshold), for the transition's cause. */
  failures: number
}

export interface ProbeVerdict {
  /** Per container given (app containers and sidecars), by name: started and ready. */
  containers: Record<string, ContainerVerdict>
  /** Each container instance is named once, at the instant its probe failed for good. */
  toKill: ProbeKill[]
  /** The next instant a worker wants to probe (ms), if any. */
  wakeAt?: number
  /**
   * Whether a worker's state changed (a result, a run, a new worker or container, an event recorded): only then
   * may the pod's status change (upstream, only a result change reaches the status manager and syncs the pod).
   */
  changed: boolean
  /**
   * UpdatePodStatus again, after the sync acted (a container started or died since): started and ready from
   * the workers' results, with no probe run. A container the workers have not seen yet is neither started
   * (when it has a startup probe) nor ready (when it has a readiness probe).
   */
  statusOf(containers: ProbedContainer[]): Record<string, ContainerVerdict>
}

interface PodProbes {
  uid: string
  /** When the workers were made (ms): a kubelet started after this lost them (they live in its memory). */
  createdAt: number
  /** By `<container>|<type>`. */
  workers: Record<string, WorkerState>
}

const TYPES: readonly ProbeType[] = ['startup', 'readiness', 'liveness']

export function probeKey(namespace: string, name: string): string {
  return `probe/${namespace}/${name}`
}

const workerKey = (container: string, t: ProbeType) => `${container}|${t}`

/** The first instant on `w`'s ticker at or after `at` (ms). */
function tickAtOrAfter(w: WorkerState, periodMs: number, at: number): number {
  if (at <= w.firstTickAt) return w.firstTickAt
  return w.firstTickAt + Math.ceil((at - w.firstTickAt) / periodMs) * periodMs
}

/** setTerminationGracePeriod (kuberuntime_container.go): the pod's deletion grace, the probe's, the pod's, or 2. */
export function probeKillGraceSeconds(pod: Pod, p: Probe | undefined): number {
  if (pod.metadata.deletionGracePeriodSeconds != null) return pod.metadata.deletionGracePeriodSeconds
  if (pod.spec.terminationGracePeriodSeconds != null) return p?.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds
  return 2
}

const RESULTS: ReadonlySet<unknown> = new Set(['Success', 'Failure', 'Unknown'])
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v)
const optional = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || ok(v)

/** A stored worker state of the right shape (the cluster file may come from anyone), or undefined. */
function readWorker(raw: unknown): WorkerState | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const w = raw as Record<string, unknown>
  const shaped =
    isNum(w.firstTickAt) &&
    optional(w.containerId, (v) => typeof v === 'string') &&
    optional(w.killSent, (v) => typeof v === 'string') &&
    optional(w.result, (v) => RESULTS.has(v)) &&
    optional(w.lastResult, (v) => RESULTS.has(v)) &&
    optional(w.resultRun, isNum) &&
    optional(w.lastProbeAt, isNum) &&
    optional(w.onHold, (v) => v === true) &&
    optional(w.stopped, (v) => v === true)
  return shaped ? (w as unknown as WorkerState) : undefined
}

/** The stored workers of a pod, or undefined when there are none or they are not of the right shape. */
function readPodProbes(raw: unknown): PodProbes | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const r = raw as Record<string, unknown>
  if (typeof r.uid !== 'string' || !isNum(r.createdAt) || typeof r.workers !== 'object' || r.workers === null) return undefined
  const workers = r.workers as Record<string, unknown>
  return Object.values(workers).every((w) => readWorker(w) !== undefined) ? (raw as PodProbes) : undefined
}

/** UpdatePodStatus for one container: started (startup passed, or no live startup worker) and ready. */
function containerVerdict(state: PodProbes, c: ProbedContainer): ContainerVerdict {
  const live = (t: ProbeType) => {
    const w = state.workers[workerKey(c.name, t)]
    return w && !w.stopped ? w : undefined
  }
  const result = (t: ProbeType) => {
    const w = live(t)
    return w && w.containerId === c.containerId ? w.result : undefined
  }
  const started = c.startedAt !== undefined && (live('startup') === undefined || result('startup') === 'Success')
  const ready = started && (live('readiness') === undefined || result('readiness') === 'Success')
  return { started, ready }
}

export class ProbeManager {
  constructor(private readonly store: ProbeStore) {}

  /**
   * One pod sync at `now` (ms): makes the pod's workers on first sight, runs the probes due now, writes the
   * workers' state when it changed, and answers started/ready per container, the containers to kill and the
   * next instant to sync for a probe.
   */
  sync(pod: Pod, containers: ProbedContainer[], host: ProberHost, now: number): ProbeVerdict {
    const key = probeKey(pod.metadata.namespace ?? '', pod.metadata.name ?? '')
    const saved = readPodProbes(this.store.get<unknown>(host.node, key))
    let dirty = false
    let state: PodProbes
    if (saved && saved.uid === pod.metadata.uid && saved.createdAt >= host.kubeletStartedAt) state = saved
    else {
      state = { uid: pod.metadata.uid ?? '', createdAt: now, workers: {} }
      dirty = true
    }
    const specs = new Map([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => [c.name, c]))
    const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
    const deleting = pod.metadata.deletionTimestamp != null
    const verdict: ProbeVerdict = { containers: {}, toKill: [], changed: false, statusOf: () => ({}) }
    const wakeups: number[] = []

    for (const c of containers) {
      const spec = specs.get(c.name)
      if (!spec) continue
      const workers: Partial<Record<ProbeType, { w: WorkerState; p: Probe }>> = {}
      for (const t of TYPES) {
        const p = probeOf(spec, t)
        if (!p) continue
        let w = state.workers[workerKey(c.name, t)]
        if (!w) {
          // run(): a random part of the period first, only when the kubelet started within the last period.
          const { periodMs } = probeTimings(p)
          const jitter = now - host.kubeletStartedAt < periodMs ? Math.floor(host.random() * periodMs) : 0
          w = state.workers[workerKey(c.name, t)] = { firstTickAt: now + jitter }
          dirty = true
        }
        workers[t] = { w, p }
      }
      const running = c.startedAt !== undefined
      const current = (t: ProbeType) => {
        const x = workers[t]
        return x && !x.w.stopped && x.w.containerId === c.containerId ? x.w.result : undefined
      }
      // Read again after each worker: a startup success lets readiness and liveness probe at the same instant.
      const isStarted = () => containerVerdict(state, c).started

      for (const t of TYPES) {
        const x = workers[t]
        if (!x || x.w.stopped) continue
        const { w, p } = x
        const timings = probeTimings(p)
        const onTick = now >= w.firstTickAt && (now - w.firstTickAt) % timings.periodMs === 0
        // UpdatePodStatus pulls a readiness run while a started container is not ready (the worker takes it
        // once past its first sleep).
        const triggered = t === 'readiness' && now >= w.firstTickAt && isStarted() && current('readiness') !== 'Success'
        if (onTick || triggered) {
          const changed = doProbe(w, {
            type: t,
            now,
            view: c,
            podTerminal: terminal,
            podDeleting: deleting,
            restartable: c.sidecar === true || (pod.spec.restartPolicy ?? 'Always') !== 'Never',
            started: isStarted(),
            initialDelayMs: timings.initialDelayMs,
            successThreshold: timings.successThreshold,
            failureThreshold: timings.failureThreshold,
            probe: () => {
              const target = { runtime: host.runtime, node: host.node, containerId: c.containerId ?? '', podIp: host.podIp, newExecId: host.newExecId }
              const got = probe(t, p, pod, spec, target)
              if (got.event) host.record({ name: c.name, sidecar: c.sidecar === true }, got.event)
              return { ...(got.result ? { result: got.result } : {}), recorded: got.event !== undefined }
            },
          })
          dirty ||= changed
        }
        const wake = this.nextWake(t, w, timings, c, isStarted(), now)
        if (wake !== undefined) wakeups.push(wake)
      }

      verdict.containers[c.name] = containerVerdict(state, c)
      if (running && c.containerId !== undefined) {
        const failed = (['liveness', 'startup'] as const).find((t) => current(t) === 'Failure')
        const w = failed && workers[failed]?.w
        // killContainer runs once per container: the kubelet hears of each failed instance once.
        if (failed && w && w.killSent !== c.containerId) {
          w.killSent = c.containerId
          dirty = true
          verdict.toKill.push(this.kill(pod, c, failed, workers[failed]?.p))
        }
      }
    }
    if (dirty) this.store.set(host.node, key, state)
    verdict.changed = dirty
    if (wakeups.length > 0) verdict.wakeAt = Math.min(...wakeups)
    verdict.statusOf = (views) => Object.fromEntries(views.map((c) => [c.name, containerVerdict(state, c)]))
    return verdict
  }

  /** Forgets a pod's workers (RemovePod / the pod is gone from the node). */
  forget(node: string, namespace: string, name: string): void {
    this.store.remove(node, probeKey(namespace, name))
  }

  /** When worker `w` may next do something for the container (ms), or undefined while it would only wait. */
  private nextWake(t: ProbeType, w: WorkerState, timings: ReturnType<typeof probeTimings>, c: ProbedContainer, started: boolean, now: number): number | undefined {
    if (w.stopped || c.startedAt === undefined || c.containerId === undefined) return undefined
    if (w.onHold && w.containerId === c.containerId) return undefined
    if (t === 'startup' ? started : !started) return undefined
    return tickAtOrAfter(w, timings.periodMs, Math.max(now + 1, c.startedAt + timings.initialDelayMs))
  }

  /** computePodActions' kill of a container that failed `t` (computeInitContainerActions' for a sidecar). */
  private kill(pod: Pod, c: ProbedContainer, t: 'liveness' | 'startup', p: Probe | undefined): ProbeKill {
    const restart = c.sidecar === true || (pod.spec.restartPolicy ?? 'Always') !== 'Never'
    const message = c.sidecar
      ? `Init container ${c.name} failed ${t} probe`
      : `Container ${c.name} failed ${t} probe${restart ? ', will be restarted' : ''}`
    const failures = p ? probeTimings(p).failureThreshold : 3
    return { container: c.name, sidecar: c.sidecar === true, containerId: c.containerId ?? '', probe: t, message, restart, graceSeconds: probeKillGraceSeconds(pod, p), failures }
  }
}
