// Issue 11 item 3: the `pods.detail` call. One pod as the learner's detail pane shows it, built with kubectl's
// own describe and get pieces (main/kubectl/cmd/describe, printers), so the page says what `kubectl describe pod`
// and `kubectl get pod -o yaml` say: probes in DescribeProbe's words, describe's QoS Class and Controlled By,
// its events in describe's order and Age column, and the engine's container timeline with causes.

import { MAX_POD_EVENTS, MAX_POD_TIMELINE_ENTRIES, type PodDetail, type PodDetailEvent, type PodDetailProbes, type PodTimelineEntry } from '../contract'
import type { Engine } from '../engine'
import type { ContainerTransition } from '../kube'
import { goSort } from '../gostd/sort'
import { describeProbe } from '../kubectl/cmd/describe/containers'
import { searchEvents, type CoreEvent } from '../kubectl/cmd/describe/events'
import { printController, since } from '../kubectl/cmd/describe/format'
import { podQOS } from '../kubectl/cmd/describe/qos'
import type { Pod } from '../kubectl/cmd/describe/types'
import { omitManagedFields, serialize } from '../kubectl/printers/print-flags'

const parsed = (t: string | null | undefined): number | null => {
  const ms = t ? Date.parse(t) : NaN
  return Number.isFinite(ms) ? ms : null
}

/**
 * The detail of pod `name` in `namespace` at the clock's now. Throws ApiError NotFound when there is no such
 * pod (describe's `Pod 'x': ... but found events` is the console's to print). Events and timeline keep their
 * newest MAX_POD_EVENTS / MAX_POD_TIMELINE_ENTRIES, counting what was left out.
 */
export function podDetail(engine: Engine, namespace: string, name: string): PodDetail {
  const pod = engine.get('pods', namespace, name) as Pod
  const now = engine.clock().nowMs
  const probes: Record<string, PodDetailProbes> = {}
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    const p: PodDetailProbes = {}
    if (c.livenessProbe) p.liveness = describeProbe(c.livenessProbe)
    if (c.readinessProbe) p.readiness = describeProbe(c.readinessProbe)
    if (c.startupProbe) p.startup = describeProbe(c.startupProbe)
    probes[c.name] = p
  }
  const events = podEvents(engine, pod, now)
  // The timeline of this incarnation only: a pod deleted and created again under the same name has a new uid.
  const timeline = engine
    .timeline(namespace, name)
    .filter((t) => t.podUid === pod.metadata.uid)
    .map(toEntry)
  return {
    pod: omitManagedFields(pod),
    yaml: serialize('yaml', pod),
    qosClass: podQOS(pod),
    controlledBy: printController(pod.metadata.ownerReferences),
    probes,
    events: events.slice(-MAX_POD_EVENTS),
    timeline: timeline.slice(-MAX_POD_TIMELINE_ENTRIES),
    dropped: { timeline: Math.max(0, timeline.length - MAX_POD_TIMELINE_ENTRIES), events: Math.max(0, events.length - MAX_POD_EVENTS) },
    now,
  }
}

function toEntry(t: ContainerTransition): PodTimelineEntry {
  const entry: PodTimelineEntry = { container: t.container, containerId: t.containerId, at: t.at, from: t.from, to: t.to, reason: t.reason, cause: t.cause }
  if (t.exitCode !== undefined) entry.exitCode = t.exitCode
  return entry
}

/**
 * The pod's events as describe's DescribeEvents lists them: searched by name, namespace and uid, sorted by
 * lastTimestamp with Go's sort.Sort, the Age cell `2m (x3 over 5m)` for a repeated one (describe.go v0.32.5).
 */
function podEvents(engine: Engine, pod: Pod, now: number): PodDetailEvent[] {
  let found: CoreEvent[]
  try {
    found = searchEvents(engine, { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', uid: pod.metadata.uid })
  } catch {
    // As describe does (`events, _ = searchEvents(...)`): events that fail to list leave the section empty.
    found = []
  }
  const last = (e: CoreEvent) => parsed(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY
  return goSort([...found], (a, b) => last(a) < last(b)).map((e) => {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now)
    let age = first
    if (e.series) age = `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`
    else if ((e.count ?? 0) > 1) age = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`
    return {
      type: e.type ?? '',
      reason: e.reason ?? '',
      age,
      from: e.source?.component || e.reportingComponent || '',
      message: (e.message ?? '').trim(),
      count: e.series?.count ?? e.count ?? 1,
      firstAt: parsed(e.eventTime) ?? parsed(e.firstTimestamp),
      lastAt: parsed(e.series?.lastObservedTime) ?? parsed(e.lastTimestamp) ?? parsed(e.eventTime),
    }
  })
}
