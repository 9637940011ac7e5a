// Issue 11 item 3: a pod's timeline, from the engine's container transitions (main/engine/kubelet/transitions.ts,
// sent by pods.detail): lanes of states per container across virtual time, the marks on them, and the causal
// chain written out ("liveness probe failed 3× → killed (exit 137) → restart #4 after 80 s back-off").
//
// The back-off figures are the engine's, which ports the kubelet's (pkg/kubelet/kubelet.go: backOffPeriod 10 s,
// MaxContainerBackOff 300 s; client-go util/flowcontrol/backoff.go doubles it). A restart after a liveness kill
// often comes at once: kuberuntime_manager.go doBackOff measures the back-off from the previous exit, so only once
// the doubled delay outgrows the time between kills does CrashLoopBackOff show (the docs' liveness-exec example:
// five restarts at once, then 80 s).

import type { PodDetail, PodTimelineCause, PodTimelineEntry } from '../../main/contract'

export type LaneState = PodTimelineEntry['to']

/** A stretch of one state, [from, to) in virtual ms. */
export interface Segment {
  from: number
  to: number
  state: LaneState
  reason: string
  exitCode?: number
}

export type LaneMark =
  | { kind: 'restart'; at: number; n: number }
  | { kind: 'end'; at: number; cause: PodTimelineCause['kind']; exitCode?: number; reason: string }

export interface Lane {
  container: string
  segments: Segment[]
  marks: LaneMark[]
}

export interface EventMark {
  at: number
  type: string
  reason: string
  message: string
}

export interface Timeline {
  /** The whole span: the pod's first transition or event to now, ms. */
  start: number
  end: number
  lanes: Lane[]
  events: EventMark[]
}

/** Lanes in `order` (the spec's containers), then any container only the transitions name. */
export function timeline(detail: Pick<PodDetail, 'timeline' | 'events' | 'now'>, order: string[] = []): Timeline {
  const names = [...order, ...detail.timeline.map((t) => t.container)].filter((n, i, all) => all.indexOf(n) === i)
  const lanes = names.map((container) => lane(container, detail.timeline.filter((t) => t.container === container), detail.now))
  const events: EventMark[] = []
  for (const e of detail.events) {
    for (const at of new Set([e.firstAt, e.lastAt])) if (at !== null) events.push({ at, type: e.type, reason: e.reason, message: e.message })
  }
  events.sort((a, b) => a.at - b.at)
  const times = [...detail.timeline.map((t) => t.at), ...events.map((e) => e.at)]
  const start = times.length > 0 ? Math.min(...times) : detail.now
  return { start: Math.min(start, detail.now), end: detail.now, lanes, events }
}

function lane(container: string, entries: PodTimelineEntry[], now: number): Lane {
  const segments: Segment[] = []
  const marks: LaneMark[] = []
  let starts = 0
  entries.forEach((e, i) => {
    const next = entries[i + 1]
    const segment: Segment = { from: e.at, to: Math.max(e.at, next ? next.at : now), state: e.to, reason: e.reason }
    if (e.exitCode !== undefined) segment.exitCode = e.exitCode
    segments.push(segment)
    if (e.to === 'running') {
      starts++
      if (starts > 1) marks.push({ kind: 'restart', at: e.at, n: starts - 1 })
    }
    if (e.to === 'terminated') {
      const end: LaneMark = { kind: 'end', at: e.at, cause: e.cause.kind, reason: e.reason }
      if (e.exitCode !== undefined) end.exitCode = e.exitCode
      marks.push(end)
    }
  })
  return { container, segments, marks }
}

/** One step of a causal chain; the words are i18n's (podDetail.chain.<step>). Times in ms. */
export type ChainStep =
  | { step: 'probeFailed'; probe: string; failures: number }
  | { step: 'killed'; exitCode: number }
  | { step: 'exited'; exitCode: number; reason: string }
  | { step: 'oom'; exitCode: number }
  | { step: 'chaos'; signal: string; exitCode: number }
  | { step: 'podDeleted' | 'evicted' | 'definitionChanged' | 'nodeUnreachable' | 'runtimeLost' }
  | { step: 'postStartFailed' | 'startFailed'; message: string }
  | { step: 'image' | 'config'; reasons: string; message: string }
  | { step: 'restart'; n: number; backOffMs: number }
  | { step: 'backingOff'; n: number; delayMs: number }

/** What happened to a container, from one cause to what the kubelet did about it, at `at` (ms). */
export interface ChainLink {
  container: string
  at: number
  steps: ChainStep[]
}

const exitOf = (e: PodTimelineEntry) => e.exitCode ?? 0

/** The steps that say why a container ended (an entry to `terminated`). */
function endSteps(e: PodTimelineEntry): ChainStep[] {
  const c = e.cause
  switch (c.kind) {
    case 'probe':
      return [{ step: 'probeFailed', probe: c.probe, failures: c.failures }, { step: 'killed', exitCode: exitOf(e) }]
    case 'oom':
      return [{ step: 'oom', exitCode: exitOf(e) }]
    case 'chaos':
      return [{ step: 'chaos', signal: c.signal, exitCode: exitOf(e) }]
    case 'pod-deleted':
      return [{ step: 'podDeleted' }]
    case 'evicted':
      return [{ step: 'evicted' }]
    case 'definition-changed':
      return [{ step: 'definitionChanged' }]
    case 'node-unreachable':
      return [{ step: 'nodeUnreachable' }]
    case 'runtime-lost':
      return [{ step: 'runtimeLost' }]
    case 'post-start-failed':
      return [{ step: 'postStartFailed', message: c.message }]
    case 'start-failed':
      return [{ step: 'startFailed', message: c.message }]
    default:
      return [{ step: 'exited', exitCode: exitOf(e), reason: e.reason }]
  }
}

/**
 * The causal chain of every container, oldest first: each end (why, exit code) joined to the restart that
 * followed (its number as RESTARTS counts it, and the back-off waited), or to the back-off still running at now;
 * image and configuration troubles as one link per run of them (ErrImagePull, ImagePullBackOff ...).
 */
export function causalChain(entries: PodTimelineEntry[]): ChainLink[] {
  const links: ChainLink[] = []
  const byContainer = new Map<string, PodTimelineEntry[]>()
  for (const e of entries) byContainer.set(e.container, [...(byContainer.get(e.container) ?? []), e])
  for (const [container, list] of byContainer) {
    let starts = 0
    let open: ChainLink | null = null
    let backOffMs = 0
    let trouble: { link: ChainLink; reasons: string[] } | null = null
    for (const e of list) {
      const c = e.cause
      if (e.to === 'running') {
        starts++
        trouble = null
        if (open && starts > 1) open.steps.push({ step: 'restart', n: starts - 1, backOffMs: c.kind === 'back-off-expired' ? c.delayMs : backOffMs })
        open = null
        backOffMs = 0
      } else if (e.to === 'terminated') {
        open = { container, at: e.at, steps: endSteps(e) }
        links.push(open)
        backOffMs = 0
        trouble = null
      } else if (c.kind === 'back-off') {
        backOffMs = c.delayMs
      } else if (c.kind === 'image' || c.kind === 'config' || c.kind === 'start-failed') {
        const step = c.kind === 'start-failed' ? 'config' : c.kind
        if (!trouble || trouble.link.steps[0]?.step !== step) {
          trouble = { link: { container, at: e.at, steps: [] }, reasons: [] }
          links.push(trouble.link)
        }
        if (e.reason && !trouble.reasons.includes(e.reason)) trouble.reasons.push(e.reason)
        trouble.link.steps = [{ step, reasons: trouble.reasons.join(' → '), message: c.message }]
      }
    }
    if (open && backOffMs > 0) open.steps.push({ step: 'backingOff', n: starts, delayMs: backOffMs })
  }
  return links.sort((a, b) => a.at - b.at)
}

/** Seconds as the chain writes them: `80`, `0.7`. */
export const seconds = (ms: number): string => String(Math.round(ms / 100) / 10)

/** A chain link in words, its steps joined by arrows; `t` is vue-i18n's translate (podDetail.chain.*). */
export function chainText(link: ChainLink, t: (key: string, params: Record<string, unknown>) => string): string {
  return link.steps
    .map((s) => {
      const params: Record<string, unknown> = { ...s }
      if (s.step === 'restart') {
        params.seconds = seconds(s.backOffMs)
        return t(s.backOffMs > 0 ? 'podDetail.chain.restartAfter' : 'podDetail.chain.restartAtOnce', params)
      }
      if (s.step === 'backingOff') params.seconds = seconds(s.delayMs)
      return t(`podDetail.chain.${s.step}`, params)
    })
    .join(' → ')
}
