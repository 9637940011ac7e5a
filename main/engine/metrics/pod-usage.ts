// The usage of a pod's running containers, as the kubelet's stats (cAdvisor) would report them: what the runtime
// measures, unless the pod overrides it for a lesson with an annotation:
//
//   podlab.dev/memory-usage: "300Mi"              every running container uses 300Mi
//   podlab.dev/memory-usage: "app=300Mi,log=20Mi" per container (containers not named keep their measured use)
//   podlab.dev/cpu-usage:    "250m"               the same for CPU
//
// Values are Kubernetes quantities; an entry that does not parse is ignored. Memory is a working set, counted in
// whole 4 KiB pages as the kernel counts it (so metrics print in Ki, as metrics-server's do).

import type { Pod } from '../api/pods/types'
import { parseQuantity } from '../../gostd/quantity'
import { parseTime } from '../runtime/clock'
import type { ContainerUsage, UsageSource } from './usage'

export const MEMORY_USAGE_ANNOTATION = 'podlab.dev/memory-usage'
export const CPU_USAGE_ANNOTATION = 'podlab.dev/cpu-usage'

const PAGE_BYTES = 4096

export interface RunningContainerUsage {
  name: string
  containerId: string
  /** When the container started (ms). */
  startedAt: number
  usage: ContainerUsage
}

/**
 * An override annotation read for `container`: the value for it (base units: bytes, cores), the value for every
 * container, or undefined.
 */
export function annotatedUsage(value: string | undefined, container: string): number | undefined {
  if (value === undefined) return undefined
  const entries = value.split(',').map((e) => e.trim())
  if (entries.length === 1 && !entries[0]?.includes('=')) return validQuantity(entries[0] ?? '')
  for (const entry of entries) {
    const at = entry.indexOf('=')
    if (at > 0 && entry.slice(0, at).trim() === container) return validQuantity(entry.slice(at + 1).trim())
  }
  return undefined
}

function validQuantity(text: string): number | undefined {
  const n = parseQuantity(text)
  return Number.isFinite(n) && n >= 0 ? n : undefined
}

/** Bytes rounded up to whole pages. */
export function pages(bytes: number): number {
  return Math.ceil(Math.max(0, bytes) / PAGE_BYTES) * PAGE_BYTES
}

/** The id the runtime knows a container by: containerStatuses[].containerID without its `containerd://`. */
export function runtimeId(containerID: string): string {
  const at = containerID.indexOf('://')
  return at < 0 ? containerID : containerID.slice(at + 3)
}

/**
 * The usage of each running app container of `pod` (containerStatuses with state.running and an id), in status
 * order: the runtime's measure from `source`, overridden by the pod's usage annotations. Memory in bytes (whole
 * pages), CPU in millicores.
 */
export function runningContainerUsage(pod: Pod, source: UsageSource): RunningContainerUsage[] {
  const node = pod.spec.nodeName ?? ''
  const annotations = pod.metadata.annotations ?? {}
  const out: RunningContainerUsage[] = []
  for (const s of pod.status?.containerStatuses ?? []) {
    const running = s.state.running
    if (!running || !s.containerID) continue
    const containerId = runtimeId(s.containerID)
    const measured = source.usage(node, containerId) ?? { memoryBytes: 0, cpuMillicores: 0 }
    const memory = annotatedUsage(annotations[MEMORY_USAGE_ANNOTATION], s.name)
    const cpu = annotatedUsage(annotations[CPU_USAGE_ANNOTATION], s.name)
    out.push({
      name: s.name,
      containerId,
      startedAt: parseTime(running.startedAt) ?? 0,
      usage: {
        memoryBytes: pages(memory ?? measured.memoryBytes),
        cpuMillicores: cpu !== undefined ? cpu * 1000 : Math.max(0, measured.cpuMillicores),
      },
    })
  }
  return out
}
