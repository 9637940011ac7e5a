// The node-side record of one pod: its sandbox and containers as the container runtime knows them.
// Kept in node_state under `pod/<namespace>/<name>` on the pod's node. Each container record is typed by its
// stage and carries only what that stage has; `readPodRuntime` also reads the flat record Podlab wrote before
// (one shape for every stage, stale fields included), so cluster files keep working without a migration.

import type { BackOffEntry } from './back-off'
import type { EnvVar } from './container-config'
import type { Signal } from '../process/signals'
import type { TransitionCause } from './transitions'

export interface TerminatedRecord {
  exitCode: number
  startedAt: number
  finishedAt: number
  containerId: string
  /** The runtime's reason (Completed, Error, OOMKilled, StartError, ...); absent in records before issue 8. */
  reason?: string
  signal?: Signal
  /** The termination message (terminationMessagePath, or the log's tail). */
  message?: string
}

/** How a container ended, as the runtime reports it (ms). */
export interface ExitRecord {
  at: number
  code: number
  reason?: string
  signal?: Signal
  message?: string
}

/** A waiting reason shown instead of ContainerCreating / PodInitializing (ErrImagePull, CrashLoopBackOff, ...). */
export interface WaitingReason {
  reason: string
  message: string
}

/** What a container keeps whatever its stage. */
interface History {
  restartCount: number
  /** The container before the current one (or before the dead one), for lastState.terminated. */
  last?: TerminatedRecord
  /** Restart back-off of this container (CrashLoopBackOff). */
  restartBackOff?: BackOffEntry
  /** Image pulls that failed in a row. */
  pullFailures?: number
  /** The restart back-off it last waited out (ms), until the replacement starts: the cause of that start. */
  backOffMs?: number
}

/** Not running, and may be started: never started yet, or dead and due for a restart (its `dead` record). */
export interface WaitingContainer extends History {
  stage: 'waiting'
  dead?: TerminatedRecord
  waiting?: WaitingReason
  /** Not to be tried again before (ms): the pod worker's back-off after CreateContainerConfigError. */
  retryAt?: number
}

/** Its image is being pulled (ms: started at, done at); a reason from before the pull stays shown. */
export interface PullingContainer extends History {
  stage: 'pulling'
  dead?: TerminatedRecord
  waiting?: WaitingReason
  pullStartedAt: number
  until: number
}

/** ErrImagePull until `until`, then ImagePullBackOff until `backOffUntil` (ms). */
export interface PullFailedContainer extends History {
  stage: 'pull-failed'
  dead?: TerminatedRecord
  waiting: WaitingReason
  until: number
  backOffUntil: number
}

/**
 * A postStart hook under way (kuberuntime startContainer step 4): the container runs, but the kubelet is still
 * in startContainer, so the status it wrote before (`before`) stays until the hook ends at `until` (ms).
 */
export interface PostStartHook {
  until: number
  /** The record before the start, shown while the hook runs. */
  before: ContainerRuntime
  /** The cause the change to running will be recorded with once the hook has ended well. */
  cause: TransitionCause
  /** The hook failed: the handler's message, shown as PostStartHookError once the container is dead. */
  failed?: string
  /** The failed hook's kill (killContainer) is under way: nothing more to do until the container ends. */
  killing?: true
}

/** A stop whose signal waits for the preStop hook: StopContainer at `at` with `graceMs` (ms). */
export interface PlannedStop {
  at: number
  graceMs: number
}

export interface RunningContainer extends History {
  stage: 'running'
  containerId: string
  /** The image (as the spec wrote it) this container was started from. */
  image?: string
  startedAt: number
  /**
   * Started through the RuntimeService: its end is read from the runtime's status. Records without it come
   * from before issue 8, when the kubelet predicted the end (`exit` set at the start, or never).
   */
  cri?: true
  /** When the process ended (seen in the runtime's status), or, before issue 8, when it was predicted to end. */
  exit?: ExitRecord
  /** Why the kubelet (or chaos, a probe) asked it to stop: the cause its end is recorded with. */
  stopping?: TransitionCause
  /** When the runtime kills it if it has not ended (the end of its stop's grace period, ms). */
  killAt?: number
  /** Being stopped because its definition changed: it is restarted whatever the policy. */
  replacing?: true
  /** When the kubelet asked it to stop to replace it (ms): that SyncPod's doBackOff looked at the runtime then. */
  replaceRequestedAt?: number
  /** The environment it was started with (env and envFrom resolved), for exec and the shell. */
  env?: EnvVar[]
  /** Its postStart hook has not ended yet (or failed and the container is being killed). */
  postStart?: PostStartHook
  /** Its preStop hook is running: the stop signal is sent at `stopAt.at`. */
  stopAt?: PlannedStop
}

/** Dead, to be restarted when the restart back-off ends at `until` (ms): CrashLoopBackOff. */
export interface CrashBackOffContainer extends History {
  stage: 'crash-backoff'
  dead: TerminatedRecord
  waiting: WaitingReason
  until: number
  /**
   * The start failed: `reason` (RunContainerError when absent, PostStartHookError) is shown until the next
   * sync's resync (ms), as the kubelet's reason cache keeps it.
   */
  runError?: { message: string; until: number; reason?: string }
}

/** Dead for good: the restart policy says no (or the pod is being stopped). */
export interface ExitedContainer extends History {
  stage: 'exited'
  dead: TerminatedRecord
}

export type ContainerRuntime =
  | WaitingContainer
  | PullingContainer
  | PullFailedContainer
  | RunningContainer
  | CrashBackOffContainer
  | ExitedContainer

export type ContainerStage = ContainerRuntime['stage']

export interface PodRuntime {
  uid: string
  /** When the kubelet first saw the pod (status.startTime), ms. */
  seenAt: number
  sandboxReadyAt: number
  ip?: string
  /** The pod uses its node's network (spec.hostNetwork): `ip` is the node's and was never allocated. */
  hostNetwork?: true
  containers: Record<string, ContainerRuntime>
  /** spec.initContainers, which run to completion one after another before any app container. */
  initContainers?: Record<string, ContainerRuntime>
  /**
   * Set once the kubelet starts stopping the pod (ms). `turns`: the sidecars not yet stopped, each waiting for
   * the app containers and the sidecars after it to end (the termination ordering of restartable init containers).
   */
  killing?: { startedAt: number; deadline: number; turns?: string[] }
  /** Volumes whose SetUp failed, with the failures in a row and when to try again (ms). */
  failedMounts?: Record<string, { failures: number; retryAt: number }>
}

export function runtimeKey(namespace: string, name: string): string {
  return `pod/${namespace}/${name}`
}

/** The fields a container keeps across stages, taken from `c`. */
export function historyOf(c: History): History {
  const h: History = { restartCount: c.restartCount }
  if (c.last) h.last = c.last
  if (c.restartBackOff) h.restartBackOff = c.restartBackOff
  if (c.pullFailures !== undefined) h.pullFailures = c.pullFailures
  if (c.backOffMs !== undefined) h.backOffMs = c.backOffMs
  return h
}

/** The dead container a record remembers, whatever its stage (none while one runs). */
export function deadOf(c: ContainerRuntime): TerminatedRecord | undefined {
  return c.stage === 'running' ? undefined : 'dead' in c ? c.dead : undefined
}

/** The waiting reason a record shows, if any. */
export function waitingOf(c: ContainerRuntime): WaitingReason | undefined {
  return 'waiting' in c ? c.waiting : undefined
}

/** The record before issue 6: one flat shape with every field optional. */
interface FlatRecord {
  stage?: string
  until?: number
  pullStartedAt?: number
  pullFailures?: number
  backOffUntil?: number
  waitingReason?: string
  waitingMessage?: string
  containerId?: string
  image?: string
  replacing?: boolean
  replaceRequestedAt?: number
  startedAt?: number
  exitAt?: number
  exitCode?: number
  restartCount?: number
  dead?: TerminatedRecord
  last?: TerminatedRecord
  restartBackOff?: BackOffEntry
  backOffMs?: number
}

type AnyRecord = FlatRecord & {
  waiting?: WaitingReason
  exit?: ExitRecord
  env?: EnvVar[]
  retryAt?: number
  cri?: boolean
  stopping?: TransitionCause
  killAt?: number
  runError?: { message: string; until: number; reason?: string }
  postStart?: Omit<PostStartHook, 'before'> & { before: AnyRecord }
  stopAt?: PlannedStop
}

/**
 * One stored container record, in today's shape or the flat one Podlab wrote before: each stage keeps the
 * fields it has, and stale ones (a dead container's exitAt, a running one's pull times) are dropped. Values the
 * old code read with a fallback get the same fallback here.
 */
export function readContainer(raw: AnyRecord): ContainerRuntime {
  const history = historyOf({ ...raw, restartCount: raw.restartCount ?? 0 })
  const waiting = raw.waiting ?? (raw.waitingReason !== undefined ? { reason: raw.waitingReason, message: raw.waitingMessage ?? '' } : undefined)
  const withWaiting = <T extends object>(c: T): T => (waiting ? { ...c, waiting } : c)
  const withDead = <T extends object>(c: T): T => (raw.dead ? { ...c, dead: raw.dead } : c)
  switch (raw.stage) {
    case 'running': {
      const c: RunningContainer = { stage: 'running', ...history, containerId: raw.containerId ?? '', startedAt: raw.startedAt ?? 0 }
      if (raw.image !== undefined) c.image = raw.image
      const exit = raw.exit ?? (raw.exitAt !== undefined ? { at: raw.exitAt, code: raw.exitCode ?? 0 } : undefined)
      if (exit) c.exit = exit
      if (raw.replacing) c.replacing = true
      if (raw.replaceRequestedAt !== undefined) c.replaceRequestedAt = raw.replaceRequestedAt
      if (raw.env) c.env = raw.env
      if (raw.cri) c.cri = true
      if (raw.stopping) c.stopping = raw.stopping
      if (raw.killAt !== undefined) c.killAt = raw.killAt
      if (raw.postStart) c.postStart = { ...raw.postStart, before: readContainer(raw.postStart.before) }
      if (raw.stopAt) c.stopAt = raw.stopAt
      return c
    }
    case 'pulling':
      return withWaiting(withDead({ stage: 'pulling', ...history, pullStartedAt: raw.pullStartedAt ?? 0, until: raw.until ?? 0 }))
    case 'pull-failed':
      return withDead({
        stage: 'pull-failed',
        ...history,
        waiting: waiting ?? { reason: 'ErrImagePull', message: '' },
        until: raw.until ?? 0,
        backOffUntil: raw.backOffUntil ?? 0,
      })
    case 'crash-backoff':
      if (raw.dead) {
        const c: CrashBackOffContainer = { stage: 'crash-backoff', ...history, dead: raw.dead, waiting: waiting ?? { reason: 'CrashLoopBackOff', message: '' }, until: raw.until ?? 0 }
        if (raw.runError) c.runError = raw.runError
        return c
      }
      break
    case 'exited':
      if (raw.dead) return { stage: 'exited', ...history, dead: raw.dead }
      break
  }
  // 'waiting', or a dead stage without its dead container: nothing ran that the runtime still knows of.
  return withWaiting(withDead({ stage: 'waiting', ...history, ...(raw.retryAt !== undefined ? { retryAt: raw.retryAt } : {}) }))
}

function readContainers(raw: Record<string, AnyRecord> | undefined): Record<string, ContainerRuntime> {
  const out: Record<string, ContainerRuntime> = {}
  for (const [name, c] of Object.entries(raw ?? {})) out[name] = readContainer(c)
  return out
}

/** A pod's record as node_state holds it (either shape); undefined stays undefined. */
export function readPodRuntime(raw: unknown): PodRuntime | undefined {
  if (raw === undefined || raw === null) return undefined
  const r = raw as Omit<PodRuntime, 'containers' | 'initContainers'> & {
    containers?: Record<string, AnyRecord>
    initContainers?: Record<string, AnyRecord>
  }
  const rt: PodRuntime = { uid: r.uid, seenAt: r.seenAt, sandboxReadyAt: r.sandboxReadyAt, containers: readContainers(r.containers) }
  if (r.ip !== undefined) rt.ip = r.ip
  if (r.hostNetwork) rt.hostNetwork = true
  if (r.initContainers) rt.initContainers = readContainers(r.initContainers)
  if (r.killing) rt.killing = r.killing
  if (r.failedMounts) rt.failedMounts = r.failedMounts
  return rt
}
