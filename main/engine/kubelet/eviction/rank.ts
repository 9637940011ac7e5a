// The order in which the eviction manager evicts pods (pkg/kubelet/eviction/helpers.go rankMemoryPressure,
// rankDiskPressureFunc): first the pods whose usage exceeds their requests, then by priority (lowest first),
// then by how far usage is above the request (largest first). QoS classes are not a key of their own: they come
// out of it (a BestEffort pod requests nothing, so any use exceeds its requests). Go's sort.Sort is not stable;
// Podlab keeps ties in the node's pod order (namespace, name) so a run replays.

import type { Container, Pod } from '../../api/pods/types'
import { bytes } from '../../../gostd/quantity'

/** What the kubelet's stats say of one pod: its containers' working sets and its disk use (bytes). */
export interface PodStats {
  containers: Array<{ name: string; memoryBytes: number }>
  diskBytes: number
}

export type StatsFunc = (pod: Pod) => PodStats | undefined

/** v1resource.GetResourceRequestQuantity: the app containers' sum, or the largest init container's when larger (bytes). */
export function podRequestBytes(pod: Pod, resource: 'memory' | 'ephemeral-storage'): number {
  const request = (c: Container) => bytes(c.resources?.requests?.[resource])
  const sum = pod.spec.containers.reduce((n, c) => n + request(c), 0)
  return Math.max(sum, ...(pod.spec.initContainers ?? []).map(request))
}

const memoryOf = (s: PodStats): number => s.containers.reduce((n, c) => n + c.memoryBytes, 0)

type Cmp = (a: Pod, b: Pod) => number

/** cmpBool: true before false. */
const cmpBool = (a: boolean, b: boolean): number => (a === b ? 0 : a ? -1 : 1)

/** corev1helpers.PodPriority: spec.priority, 0 when unset. */
const priority: Cmp = (a, b) => Math.sign((a.spec.priority ?? 0) - (b.spec.priority ?? 0))

function withStats(stats: StatsFunc, compare: (a: PodStats, b: PodStats, pa: Pod, pb: Pod) => number): Cmp {
  return (a, b) => {
    const sa = stats(a)
    const sb = stats(b)
    // Pods without stats are evicted first.
    if (!sa || !sb) return cmpBool(!sa, !sb)
    return compare(sa, sb, a, b)
  }
}

function orderedBy(...cmps: Cmp[]): (pods: Pod[]) => Pod[] {
  return (pods) =>
    pods
      .map((pod, i) => ({ pod, i }))
      .sort((x, y) => {
        for (const cmp of cmps) {
          const r = cmp(x.pod, y.pod)
          if (r !== 0) return r
        }
        return x.i - y.i
      })
      .map((e) => e.pod)
}

/** rankMemoryPressure: exceedMemoryRequests, priority, memory. */
export function rankMemoryPressure(pods: Pod[], stats: StatsFunc): Pod[] {
  const exceeds = withStats(stats, (sa, sb, a, b) => cmpBool(memoryOf(sa) > podRequestBytes(a, 'memory'), memoryOf(sb) > podRequestBytes(b, 'memory')))
  const memory = withStats(stats, (sa, sb, a, b) => Math.sign(memoryOf(sb) - podRequestBytes(b, 'memory') - (memoryOf(sa) - podRequestBytes(a, 'memory'))))
  return orderedBy(exceeds, priority, memory)(pods)
}

/** rankDiskPressureFunc (one filesystem: every fs stat counts): exceedDiskRequests, priority, disk. */
export function rankDiskPressure(pods: Pod[], stats: StatsFunc): Pod[] {
  const request = (p: Pod) => podRequestBytes(p, 'ephemeral-storage')
  const exceeds = withStats(stats, (sa, sb, a, b) => cmpBool(sa.diskBytes > request(a), sb.diskBytes > request(b)))
  const disk = withStats(stats, (sa, sb, a, b) => Math.sign(sb.diskBytes - request(b) - (sa.diskBytes - request(a))))
  return orderedBy(exceeds, priority, disk)(pods)
}

/** The pod's total working set (bytes). */
export function podMemoryBytes(stats: PodStats): number {
  return memoryOf(stats)
}
