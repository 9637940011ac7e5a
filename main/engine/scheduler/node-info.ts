// What the scheduler knows of a node (framework.NodeInfo): the node, the pods bound to it, and the sums of
// their requests, both as declared and with the scoring defaults for pods that declare none.

import { bytes, milliCpu, parseQuantity } from '../../gostd/quantity'
import type { Node } from '../api/nodes/types'
import type { Container, Pod } from '../api/pods/types'
import type { Selector } from '../labels'

export interface Requests {
  milliCpu: number
  /** bytes */
  memory: number
  /** bytes */
  ephemeralStorage: number
}

export interface NodeInfo {
  node: Node
  /** The pods bound to the node that are not finished, in the order they were bound. */
  pods: readonly Pod[]
  podCount: number
  requested: Requests
  /** Requests with schedutil's defaults (100m CPU, 200Mi) for containers that declare none: for scoring only. */
  nonZeroRequested: Requests
  /** The pods with pod affinity or anti-affinity terms (NodeInfo.PodsWithAffinity). */
  podsWithAffinity: readonly Pod[]
  /** Counts of the node's pods matching a selector in a namespace (countMatching), kept current as its pods change. */
  matchCounts?: Map<string, MatchCount>
}

/** How many of a node's pods (not terminating) of `namespace` match `selector`. */
export interface MatchCount {
  selector: Pick<Selector, 'matches'>
  namespace: string
  count: number
}

/** Whether `pod` counts for `m` (countPodsMatchSelector's test). */
export const countsFor = (m: MatchCount, pod: Pod): boolean =>
  !pod.metadata.deletionTimestamp && pod.metadata.namespace === m.namespace && m.selector.matches(pod.metadata.labels ?? {})

const DEFAULT_MILLI_CPU = 100
const DEFAULT_MEMORY = 200 * 1024 * 1024
export const ZERO_REQUESTS: Readonly<Requests> = Object.freeze({ milliCpu: 0, memory: 0, ephemeralStorage: 0 })

function containerRequests(c: Container, nonZero: boolean): Requests {
  const r = c.resources?.requests ?? {}
  return {
    milliCpu: nonZero && r.cpu === undefined ? DEFAULT_MILLI_CPU : milliCpu(r.cpu),
    memory: nonZero && r.memory === undefined ? DEFAULT_MEMORY : bytes(r.memory),
    ephemeralStorage: bytes(r['ephemeral-storage']),
  }
}

const max = (a: Requests, b: Requests): Requests => ({
  milliCpu: Math.max(a.milliCpu, b.milliCpu),
  memory: Math.max(a.memory, b.memory),
  ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage),
})

/**
 * resourcehelper.PodRequests (k8s.io/component-helpers): the app containers plus the sidecars (init containers
 * with restartPolicy Always) all run together; each other init container runs alone beside the sidecars
 * started before it; the pod needs the larger of the two, plus spec.overhead.
 */
function requests(pod: Pod, nonZero: boolean): Requests {
  let reqs = pod.spec.containers.reduce((acc, c) => addRequests(acc, containerRequests(c, nonZero)), ZERO_REQUESTS)
  let sidecars: Requests = ZERO_REQUESTS
  let init: Requests = ZERO_REQUESTS
  for (const c of pod.spec.initContainers ?? []) {
    const r = containerRequests(c, nonZero)
    if (c.restartPolicy === 'Always') {
      reqs = addRequests(reqs, r)
      sidecars = addRequests(sidecars, r)
      init = max(init, sidecars)
    } else {
      init = max(init, addRequests(r, sidecars))
    }
  }
  reqs = max(reqs, init)
  const overhead = (pod.spec.overhead ?? {}) as Record<string, string>
  return addRequests(reqs, { milliCpu: milliCpu(overhead.cpu), memory: bytes(overhead.memory), ephemeralStorage: bytes(overhead['ephemeral-storage']) })
}

// Informer objects are shared and never changed (a write makes a new object), so what is derived from one
// object is computed once: the scheduler asks for each pod's requests and each node's allocatable once per node
// per decision, and parsing quantities dominated a decision among 5,000 nodes.
export function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>()
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V
    const value = compute(key)
    cache.set(key, value)
    return value
  }
}

export const podRequests: (pod: Pod) => Readonly<Requests> = memo((pod: Pod) => Object.freeze(requests(pod, false)))
export const nonZeroRequests: (pod: Pod) => Readonly<Requests> = memo((pod: Pod) => Object.freeze(requests(pod, true)))

export interface Allocatable extends Requests {
  pods: number
}

/** The node's allocatable CPU (millicores), memory and ephemeral storage (bytes) and pods (110 when unset). */
export const allocatableOf: (node: Node) => Readonly<Allocatable> = memo((node: Node) => {
  const a = node.status?.allocatable ?? {}
  return Object.freeze({
    milliCpu: milliCpu(a.cpu),
    memory: bytes(a.memory),
    ephemeralStorage: bytes(a['ephemeral-storage']),
    pods: parseQuantity(a.pods ?? '110'),
  })
})

export function addRequests(a: Requests, b: Requests, sign = 1): Requests {
  return {
    milliCpu: a.milliCpu + sign * b.milliCpu,
    memory: a.memory + sign * b.memory,
    ephemeralStorage: a.ephemeralStorage + sign * b.ephemeralStorage,
  }
}

/** True when the pod has any pod affinity or anti-affinity term. */
export function hasPodAffinity(pod: Pod): boolean {
  const a = pod.spec.affinity as { podAffinity?: unknown; podAntiAffinity?: unknown } | undefined
  return Boolean(a?.podAffinity || a?.podAntiAffinity)
}

/** corev1helpers.PodPriority: spec.priority, 0 when unset. */
export const podPriority = (pod: Pod): number => pod.spec.priority ?? 0

/** A NodeInfo with `extra` pods added (nominated pods, or a pod put back while choosing victims). */
export function withPods(info: NodeInfo, extra: readonly Pod[], removed: ReadonlySet<Pod> = new Set()): NodeInfo {
  let requested: Requests = info.requested
  let nonZeroRequested: Requests = info.nonZeroRequested
  for (const p of removed) {
    requested = addRequests(requested, podRequests(p), -1)
    nonZeroRequested = addRequests(nonZeroRequested, nonZeroRequests(p), -1)
  }
  for (const p of extra) {
    requested = addRequests(requested, podRequests(p))
    nonZeroRequested = addRequests(nonZeroRequested, nonZeroRequests(p))
  }
  const pods = [...info.pods.filter((p) => !removed.has(p)), ...extra]
  return { node: info.node, pods, podCount: pods.length, requested, nonZeroRequested, podsWithAffinity: pods.filter(hasPodAffinity) }
}
