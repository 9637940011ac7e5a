// The words of an eviction (pkg/kubelet/eviction/helpers.go evictionMessage, 1.32), trailing spaces included:
//   The node was low on resource: memory. Threshold quantity: 100Mi, available: 92156Ki. Container stress was
//   using 7812500Ki, request is 0, has larger consumption of memory.
// and the annotations the Evicted event carries.

import type { Pod } from '../../api/pods/types'
import { binaryQuantity } from '../../metrics/quantities'
import { canonicalQuantity } from '../../../gostd/quantity-canonical'
import { bytes } from '../../../gostd/quantity'
import type { PodStats } from './rank'
import type { StarvedResource } from './thresholds'

export const EVICTED_REASON = 'Evicted'

/** The request as its Quantity prints (`64Mi`, `0` when none). */
function requestString(value: string | undefined): string {
  if (value === undefined) return '0'
  const q = canonicalQuantity(value)
  return q.ok ? q.value : value
}

/**
 * The message and the event's annotations for evicting `pod` to reclaim `resource`; `met` is the threshold's
 * quantity and what was available, `stats` the pod's (undefined: only the first sentences).
 */
export function evictionMessage(
  resource: StarvedResource,
  pod: Pod,
  stats: PodStats | undefined,
  met: { quantity: string; available: string } | undefined,
): { message: string; annotations: Record<string, string> } {
  let message = `The node was low on resource: ${resource}. `
  if (met) message += `Threshold quantity: ${met.quantity}, available: ${met.available}. `
  const annotations: Record<string, string> = {}
  if (!stats) return { message, annotations }
  const exceeded: string[] = []
  const usages: string[] = []
  const containers = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]
  for (const c of stats.containers) {
    const spec = containers.find((s) => s.name === c.name)
    if (!spec) continue
    // Disk use per container is not measured (0): only memory can exceed a request here.
    const usage = resource === 'memory' ? c.memoryBytes : 0
    const request = spec.resources?.requests?.[resource]
    if (usage > bytes(request)) {
      message += `Container ${c.name} was using ${binaryQuantity(usage)}, request is ${requestString(request)}, has larger consumption of ${resource}. `
      exceeded.push(c.name)
      usages.push(binaryQuantity(usage))
    }
  }
  annotations.offending_containers = exceeded.join(',')
  annotations.offending_containers_usage = usages.join(',')
  annotations.starved_resource = resource
  return { message, annotations }
}
