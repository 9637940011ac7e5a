// Which pod `kubectl logs deploy/x` and `kubectl exec deploy/x` mean, after kubectl pkg/polymorphichelpers
// (v0.32.5): SelectorsForObject (a workload's spec.selector), GetPodList (the pods it selects, sorted; when there
// is none yet, kubectl watches until one appears or --pod-running-timeout passes) and podutils' orders: ByLogging
// for logs (the running, ready, longest-ready, most restarted, oldest first), ActivePods reversed for exec.
// Waiting: on the manual clock Podlab runs the clock forward in 1 s steps up to the timeout, as delete --wait
// does (wait/wait.ts); on a running clock it answers at once.

import type { KubeObject } from '../../../kube'
import type { KubectlIO } from '../../io'

export interface PodLike extends KubeObject {
  spec?: {
    nodeName?: string
    containers?: Array<{ name: string }>
    initContainers?: Array<{ name: string; restartPolicy?: string }>
    ephemeralContainers?: Array<{ name: string }>
  }
  status?: {
    phase?: string
    conditions?: Array<{ type: string; status: string; lastTransitionTime?: string }>
    containerStatuses?: Array<{ name: string; restartCount?: number }>
    initContainerStatuses?: Array<{ name: string; restartCount?: number }>
  }
}

/** Why no pod could be found for the object (kubectl's error text, after `error: `). */
export class NoPodForObject extends Error {
  readonly reason = 'NoPodForObject' as const
  constructor(message: string) {
    super(message)
    this.name = 'NoPodForObject'
  }
}

interface LabelSelector {
  matchLabels?: Record<string, string>
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>
}

/** The kinds SelectorsForObject knows that Podlab serves, by kind, with the Go type kubectl names in its errors. */
const GO_TYPES: Record<string, string> = {
  ConfigMap: '*v1.ConfigMap',
  Secret: '*v1.Secret',
  Namespace: '*v1.Namespace',
  Node: '*v1.Node',
  Event: '*v1.Event',
  Lease: '*v1.Lease',
}

/** labels.Selector.String() of metav1.LabelSelectorAsSelector: requirements sorted by key, `k=v`, `k in (a,b)`. */
export function selectorString(selector: LabelSelector): string {
  const reqs: Array<{ key: string; text: string }> = []
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key, text: `${key}=${value}` })
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',')
    const text =
      e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})` : e.operator === 'Exists' ? e.key : `!${e.key}`
    reqs.push({ key: e.key, text })
  }
  return reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',')
}

/** SelectorsForObject for the workloads Podlab serves (Deployment, ReplicaSet, Job); NoPodForObject otherwise. */
function selectorFor(object: KubeObject, verb: string): string {
  const spec = object.spec as { selector?: LabelSelector } | undefined
  if (['Deployment', 'ReplicaSet', 'Job', 'StatefulSet', 'DaemonSet'].includes(object.kind ?? '') && spec?.selector) return selectorString(spec.selector)
  const type = GO_TYPES[object.kind ?? ''] ?? `*v1.${object.kind ?? ''}`
  throw new NoPodForObject(`${verb} ${type}: selector for ${type} not implemented`)
}

const isReady = (p: PodLike) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
const readyTime = (p: PodLike): number => {
  const c = (p.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True')
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0
}
const created = (p: PodLike): number => (p.metadata.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : 0)
/** afterOrZero: t1 after t2, a zero time counting as after every other. */
const afterOrZero = (t1: number, t2: number) => (t1 === 0 || t2 === 0 ? t1 === 0 : t1 > t2)

/** maxContainerRestarts: the most restarts of a regular container, then of a sidecar (restartable init container). */
function maxRestarts(p: PodLike): [number, number] {
  const regular = Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0))
  const sidecars = new Set((p.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name))
  const sidecar = Math.max(0, ...(p.status?.initContainerStatuses ?? []).filter((c) => sidecars.has(c.name)).map((c) => c.restartCount ?? 0))
  return [regular, sidecar]
}

function compareRestarts(a: PodLike, b: PodLike): boolean | undefined {
  const [ra, sa] = maxRestarts(a)
  const [rb, sb] = maxRestarts(b)
  if (ra !== rb) return ra > rb
  if (sa !== sb) return sa > sb
  return undefined
}

/** podutils.ByLogging's Less. */
export function byLogging(a: PodLike, b: PodLike): boolean {
  const na = a.spec?.nodeName ?? ''
  const nb = b.spec?.nodeName ?? ''
  if (na !== nb && (na === '' || nb === '')) return na !== ''
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 }
  const pa = rank[a.status?.phase ?? ''] ?? 0
  const pb = rank[b.status?.phase ?? ''] ?? 0
  if (pa !== pb) return pa < pb
  if (isReady(a) !== isReady(b)) return isReady(a)
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a))
  const restarts = compareRestarts(a, b)
  if (restarts !== undefined) return restarts
  if (created(a) !== created(b)) return afterOrZero(created(b), created(a))
  return false
}

/** podutils.ActivePods' Less (exec sorts by its reverse: the most active pod first). */
export function activePods(a: PodLike, b: PodLike): boolean {
  const na = a.spec?.nodeName ?? ''
  const nb = b.spec?.nodeName ?? ''
  if (na !== nb && (na === '' || nb === '')) return na === ''
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 }
  const pa = rank[a.status?.phase ?? ''] ?? 0
  const pb = rank[b.status?.phase ?? ''] ?? 0
  if (pa !== pb) return pa < pb
  if (isReady(a) !== isReady(b)) return !isReady(a)
  const deleting = (p: PodLike) => p.metadata.deletionTimestamp !== undefined && p.metadata.deletionTimestamp !== null
  if (deleting(a) !== deleting(b)) return deleting(a)
  if (deleting(a) && deleting(b) && a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp) {
    return Date.parse(a.metadata.deletionTimestamp ?? '') < Date.parse(b.metadata.deletionTimestamp ?? '')
  }
  if (isReady(a) && isReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(a), readyTime(b))
  const restarts = compareRestarts(a, b)
  if (restarts !== undefined) return restarts
  if (created(a) !== created(b)) return afterOrZero(created(a), created(b))
  return false
}

/**
 * GetPodList: the pods `object` selects, sorted by `less` (a stable sort: Go's sort.Sort is not, so pods equal in
 * every respect may come in another order on a real cluster). Waits for one as described in the file comment;
 * throws NoPodForObject (`timed out waiting for the condition`) when none comes, ApiError from the list.
 */
export function podsForObject(io: KubectlIO, object: KubeObject, less: (a: PodLike, b: PodLike) => boolean, timeoutMs: number, verb: string): PodLike[] {
  const selector = selectorFor(object, verb)
  const namespace = object.metadata.namespace
  const listPods = () => io.engine.list('pods', namespace, selector ? { labelSelector: selector } : undefined).items as PodLike[]
  let pods = listPods()
  if (pods.length === 0 && io.engine.clock().mode === 'manual') {
    for (let waited = 0; pods.length === 0 && waited < timeoutMs; waited += 1000) {
      io.engine.advance(Math.min(1000, timeoutMs - waited))
      pods = listPods()
    }
  }
  if (pods.length === 0) throw new NoPodForObject('timed out waiting for the condition')
  return [...pods].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0))
}
