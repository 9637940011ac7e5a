// One probe worker (pkg/kubelet/prober/worker.go, 1.32): per container and probe type, started when the
// kubelet first syncs the pod (AddPod), probing on a ticker of periodSeconds from then on — after a random
// part of one period only when the kubelet itself started less than a period ago. Its state is plain JSON
// kept in node_state between commands; doProbe changes it only when a result, a run or the container changes,
// so a steady probe writes nothing.

import type { Result } from './probe-result'
import type { ProbeType } from './probe-spec'

export interface WorkerState {
  /** The worker's first doProbe (ms): its start plus the jitter; the ticker fires every period after it. */
  firstTickAt: number
  /** The container the results are for (the latest one the status names). */
  containerId?: string
  /** The results manager's value for containerId; absent while none is set. */
  result?: Result
  /** The last probe's result and how many times in a row it came (capped at the threshold that matters). */
  lastResult?: Result
  resultRun?: number
  /** Liveness/startup failed for this container: no probing until a new container. */
  onHold?: true
  /** The worker ended (pod terminal, container never restarting, liveness/startup on deletion). */
  stopped?: true
  /** The container the kubelet was told to kill for this worker's failure (liveness, startup). */
  killSent?: string
  /** When a probe last ran and counted (ms); a second doProbe at the same instant does nothing. */
  lastProbeAt?: number
}

/** The container as the worker reads it from the kubelet's latest status. */
export interface ContainerView {
  /** The latest container's id (running or dead); undefined before one was created. */
  containerId?: string
  /** Set while it runs: when it (re)started, ms. */
  startedAt?: number
  /** Its state reads terminated (not waiting to restart). */
  terminated?: boolean
}

/** What doProbe needs from the world besides the worker's state. */
export interface DoProbeInput {
  type: ProbeType
  now: number
  view: ContainerView
  podTerminal: boolean
  podDeleting: boolean
  /** podutil.IsContainerRestartable: a sidecar, or the pod's restartPolicy is not Never. */
  restartable: boolean
  /** containerStatus.started as the status manager has it (startup passed, or there is no startup probe). */
  started: boolean
  initialDelayMs: number
  successThreshold: number
  failureThreshold: number
  /** Runs the probe: its result (none when it errored: thrown away), and whether it recorded an event. */
  probe(): { result?: Result; recorded: boolean }
}

/** The value a worker's result starts at for a new container: readiness Failure, liveness Success, startup Unknown. */
export function initialValue(t: ProbeType): Result {
  return t === 'readiness' ? 'Failure' : t === 'liveness' ? 'Success' : 'Unknown'
}

/**
 * doProbe: probes once if the worker should, and records the result in `w` (mutated). Returns whether `w`
 * changed, so the caller writes only then.
 */
export function doProbe(w: WorkerState, input: DoProbeInput): boolean {
  if (w.stopped) return false
  const before = { ...w }
  const probed = step(w, input)
  const changed = !sameFields(before, w)
  // A probe that changed nothing and said nothing may run again at the same instant to no effect: only the
  // others leave their instant behind, so that a steady probe costs no write.
  if (probed && (changed || probed.recorded)) {
    w.lastProbeAt = input.now
    return true
  }
  return changed
}

/** Whether two worker states hold the same values (their fields are all scalars). */
function sameFields(a: WorkerState, b: WorkerState): boolean {
  const keys = Object.keys(a) as Array<keyof WorkerState>
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

/** The state machine of doProbe; returns the probe's run when one ran. */
function step(w: WorkerState, input: DoProbeInput): { recorded: boolean } | undefined {
  const { view, type } = input
  if (input.podTerminal) {
    w.stopped = true
    return
  }
  if (view.containerId === undefined) return
  if (w.containerId !== view.containerId) {
    w.containerId = view.containerId
    w.result = initialValue(type)
    // A new container: resume probing.
    delete w.onHold
  }
  if (w.onHold) return
  if (view.startedAt === undefined) {
    w.result = 'Failure'
    // Abort if the container will not be restarted.
    if (view.terminated && !input.restartable) w.stopped = true
    return
  }
  // Graceful shutdown of the pod: a last Success keeps liveness and startup quiet, and they stop.
  if (input.podDeleting && (type === 'liveness' || type === 'startup')) {
    w.result = 'Success'
    w.stopped = true
    return
  }
  // Probe disabled for initialDelaySeconds (whole seconds since the start, truncated as int32(Seconds())).
  if (Math.trunc((input.now - view.startedAt) / 1000) < input.initialDelayMs / 1000) return
  // Startup stops once the container started (and keeps running for a restarted one); the others wait for it.
  if (input.started ? type === 'startup' : type !== 'startup') return
  if (w.lastProbeAt === input.now) return

  const { result, recorded } = input.probe()
  // Prober error: throw the result away.
  if (result === undefined) return { recorded }
  const threshold = result === 'Failure' ? input.failureThreshold : result === 'Success' ? input.successThreshold : 1
  const run = (w.lastResult ?? 'Success') === result ? (w.resultRun ?? 0) + 1 : 1
  w.lastResult = result
  // Only `run < threshold` is ever asked: a run past its threshold is kept at it, so steady probes write nothing.
  w.resultRun = Math.min(run, threshold)
  if ((result === 'Failure' && run < input.failureThreshold) || (result === 'Success' && run < input.successThreshold)) return { recorded }
  w.result = result
  if ((type === 'liveness' || type === 'startup') && result === 'Failure') {
    // The container will be restarted: stop probing until a new container id.
    w.onHold = true
    w.resultRun = 0
  }
  return { recorded }
}
