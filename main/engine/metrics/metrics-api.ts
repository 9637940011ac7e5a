// The objects metrics-server 0.7 serves as metrics.k8s.io/v1beta1 (sigs.k8s.io/metrics-server pkg/api/pod.go,
// node.go, pkg/storage/types.go resourceUsage): a PodMetrics for each Running pod whose containers have been
// scraped twice, a NodeMetrics for each node it can scrape. metrics-server scrapes every kubelet every 15 s (its
// manifests' --metric-resolution) and reports the rate between the last two scrapes: here the scrapes fall on
// the virtual clock's 15 s grid, the window is exactly 15 s, and the usage is what the containers use now.

import type { KubeObject } from '../../kube'
import type { Node } from '../api/nodes/types'
import type { Pod } from '../api/pods/types'
import { parseTime, rfc3339 } from '../runtime/clock'
import { runningContainerUsage } from './pod-usage'
import { binaryQuantity, cpuQuantity } from './quantities'
import type { ContainerUsage, UsageSource } from './usage'

export const METRICS_GROUP = 'metrics.k8s.io'
export const METRICS_API_VERSION = 'metrics.k8s.io/v1beta1'
/** metrics-server's --metric-resolution in its release manifests (ms). */
export const SCRAPE_INTERVAL_MS = 15_000

/**
 * What a node's own daemons (systemd, containerd, the kubelet) use besides its pods: Podlab's figures for a kind
 * node, in bytes and millicores. The pods' containers come on top.
 */
export const NODE_SYSTEM_USAGE: Readonly<ContainerUsage> = { memoryBytes: 200 * 1024 * 1024, cpuMillicores: 30 }

export interface PodMetrics extends KubeObject {
  timestamp: string
  window: string
  containers: Array<{ name: string; usage: { cpu: string; memory: string } }>
}

export interface NodeMetrics extends KubeObject {
  timestamp: string
  window: string
  usage: { cpu: string; memory: string }
}

/** The last scrape at or before `nowMs` (ms): the virtual clock's 15 s grid. */
export function lastScrape(nowMs: number): number {
  return Math.floor(nowMs / SCRAPE_INTERVAL_MS) * SCRAPE_INTERVAL_MS
}

/** metav1.Duration of the window: Go's Duration.String of 15 s. */
const WINDOW = `${SCRAPE_INTERVAL_MS / 1000}s`

function metadata(object: KubeObject, nowMs: number): KubeObject['metadata'] {
  const meta: KubeObject['metadata'] = { name: object.metadata.name }
  if (object.metadata.namespace) meta.namespace = object.metadata.namespace
  meta.creationTimestamp = rfc3339(nowMs)
  if (object.metadata.labels) meta.labels = { ...object.metadata.labels }
  return meta
}

/**
 * The PodMetrics of `pod` at `nowMs` (ms), or undefined as metrics-server has none: the pod is not Running, or a
 * running container has not been scraped twice yet (it started less than one window before the last scrape).
 */
export function podMetrics(pod: Pod, nowMs: number, source: UsageSource): PodMetrics | undefined {
  if (pod.status?.phase !== 'Running') return undefined
  const scrape = lastScrape(nowMs)
  const containers = runningContainerUsage(pod, source)
  if (containers.length === 0 || containers.some((c) => c.startedAt > scrape - SCRAPE_INTERVAL_MS)) return undefined
  return {
    apiVersion: METRICS_API_VERSION,
    kind: 'PodMetrics',
    metadata: metadata(pod, nowMs),
    timestamp: rfc3339(scrape),
    window: WINDOW,
    containers: containers.map((c) => ({ name: c.name, usage: usageQuantities(c.usage) })),
  }
}

/** Memory and CPU as metrics-server prints them. */
export function usageQuantities(usage: ContainerUsage): { cpu: string; memory: string } {
  return { cpu: cpuQuantity(usage.cpuMillicores), memory: binaryQuantity(usage.memoryBytes) }
}

/** What a node uses now: its own daemons plus every running container of `pods` (the pods bound to it). */
export function nodeUsage(pods: readonly Pod[], source: UsageSource): ContainerUsage {
  const total = { ...NODE_SYSTEM_USAGE }
  for (const pod of pods) {
    for (const c of runningContainerUsage(pod, source)) {
      total.memoryBytes += c.usage.memoryBytes
      total.cpuMillicores += c.usage.cpuMillicores
    }
  }
  return total
}

function readySince(node: Node): number | undefined {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready') as { status: string; lastTransitionTime?: string } | undefined
  return ready?.status === 'True' ? parseTime(ready.lastTransitionTime) : undefined
}

/**
 * The NodeMetrics of `node` at `nowMs` (ms), or undefined while metrics-server cannot have two scrapes of it
 * (the node is not Ready, or became Ready less than one window before the last scrape). `pods` are its pods.
 */
export function nodeMetrics(node: Node, pods: readonly Pod[], nowMs: number, source: UsageSource): NodeMetrics | undefined {
  const since = readySince(node)
  const scrape = lastScrape(nowMs)
  if (since === undefined || since > scrape - SCRAPE_INTERVAL_MS) return undefined
  return {
    apiVersion: METRICS_API_VERSION,
    kind: 'NodeMetrics',
    metadata: metadata(node, nowMs),
    timestamp: rfc3339(scrape),
    window: WINDOW,
    usage: usageQuantities(nodeUsage(pods, source)),
  }
}
