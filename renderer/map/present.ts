// The cluster map's presenter: what a node box and a pod chip show, from the `cluster.map` reply, with no Vue in
// it. Colours follow kubectl's STATUS cell (as `kubectl get pods` prints it, never recomputed): a chip's tone is
// a reading of that text, the text itself stays on the chip.

import type { ClusterMap, CpuMemory, MapNode, MapPod } from '../../main/contract'

/** ok: running; done: finished well; progress: on its way; error: stuck or failing; other: anything else. */
export type Tone = 'ok' | 'done' | 'progress' | 'error' | 'other'

// The waiting and terminated reasons kubectl's STATUS can show (pkg/printers/internalversion/printers.go
// printPod: the container's waiting/terminated reason, `Init:<reason>`, `Terminating`, `NodeLost`).
const ERROR_STATUSES = new Set([
  'CrashLoopBackOff',
  'Error',
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'OOMKilled',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'StartError',
  'ContainerStatusUnknown',
  'Evicted',
  'NodeLost',
  'Unknown',
  'Failed',
  'DeadlineExceeded',
  'UnexpectedAdmissionError',
  'OutOfcpu',
  'OutOfmemory',
])
const PROGRESS_STATUSES = new Set(['Pending', 'ContainerCreating', 'PodInitializing', 'Terminating', 'SchedulingGated'])

/** The tone of a STATUS cell: `Init:1/2` is on its way, `Init:CrashLoopBackOff` is failing. */
export function statusTone(status: string): Tone {
  if (status === 'Running') return 'ok'
  if (status === 'Completed' || status === 'Succeeded') return 'done'
  const reason = status.startsWith('Init:') ? status.slice('Init:'.length) : status
  if (ERROR_STATUSES.has(reason) || reason.startsWith('Signal:') || reason.startsWith('ExitCode:')) return 'error'
  if (PROGRESS_STATUSES.has(reason) || status.startsWith('Init:')) return 'progress'
  return 'other'
}

/** STATUS values that mean the image could not be pulled: the chip links to the image catalog. */
export function isPullFailure(status: string): boolean {
  return status === 'ErrImagePull' || status === 'ImagePullBackOff' || status === 'InvalidImageName'
}

/** A node's readiness tone: Ready is ok, NotReady an error, Unknown (the node stopped posting) too. */
export function nodeTone(node: MapNode): Tone {
  return node.ready === 'Ready' ? (node.cordoned ? 'other' : 'ok') : 'error'
}

/** Cores from millicores as kubectl writes quantities: 250m, 1, 1.5. */
export function formatCpu(milliCpu: number): string {
  if (milliCpu % 1000 === 0) return String(milliCpu / 1000)
  if (milliCpu < 1000) return `${milliCpu}m`
  return String(Math.round(milliCpu / 100) / 10)
}

const KI = 1024
const MI = KI * KI
const GI = MI * KI

/** Bytes in binary units, one decimal at most: 64Mi, 7.8Gi. */
export function formatMemory(bytes: number): string {
  if (bytes >= GI) return `${Math.round((bytes / GI) * 10) / 10}Gi`
  if (bytes >= MI) return `${Math.round((bytes / MI) * 10) / 10}Mi`
  if (bytes >= KI) return `${Math.round(bytes / KI)}Ki`
  return String(bytes)
}

/** Requested over allocatable as a whole percentage for a bar (0 when nothing is allocatable; over 100 when overcommitted). */
export function percent(requested: number, allocatable: number): number {
  return allocatable > 0 ? Math.round((requested / allocatable) * 100) : 0
}

export interface Bar {
  /** 0..100, for the bar's width. */
  width: number
  /** The text: `1.35 / 4 (34%)`. */
  label: string
  over: boolean
}

function bar(used: number, total: number, format: (n: number) => string): Bar {
  const p = percent(used, total)
  return { width: Math.min(100, p), label: `${format(used)} / ${format(total)} (${p}%)`, over: p > 100 }
}

/** The cpu and memory bars of a node box: requested of allocatable. */
export function resourceBars(node: { requested: CpuMemory; allocatable: CpuMemory }): { cpu: Bar; memory: Bar } {
  return { cpu: bar(node.requested.milliCpu, node.allocatable.milliCpu, formatCpu), memory: bar(node.requested.memory, node.allocatable.memory, formatMemory) }
}

/** A taint as kubectl describe node writes it: `key=value:Effect`, or `key:Effect`. */
export function taintText(t: { key: string; value?: string; effect: string }): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`
}

/** The pods drawn on the map and, when some are left out, how many. */
export function drawnCount(map: ClusterMap): number {
  return map.nodes.reduce((a, n) => a + n.pods.length, 0) + map.unscheduled.length
}

/** The detail route of a pod (issue 11 item 3 builds it). */
export function podRoute(pod: Pick<MapPod, 'namespace' | 'name'>): string {
  return `/pods/${encodeURIComponent(pod.namespace)}/${encodeURIComponent(pod.name)}`
}

/** A node box as drawn: its pods of the namespace shown, and how many of its pods are in other namespaces. */
export interface ShownNode extends MapNode {
  hidden: number
}

/**
 * The map with only the pods of namespace `ns` (undefined: every namespace), as the pods list shows them; each
 * node counts the pods it holds in other namespaces (kube-system's kindnet and kube-proxy on every node), so a
 * box never looks emptier than its bars.
 */
export function inNamespace(map: ClusterMap, ns: string | undefined): { nodes: ShownNode[]; unscheduled: MapPod[]; shownPods: number } {
  const keep = (p: MapPod) => ns === undefined || p.namespace === ns
  const nodes = map.nodes.map((n) => {
    const pods = n.pods.filter(keep)
    return { ...n, pods, hidden: n.pods.length - pods.length }
  })
  const unscheduled = map.unscheduled.filter(keep)
  return { nodes, unscheduled, shownPods: nodes.reduce((a, n) => a + n.pods.length, 0) + unscheduled.length }
}
