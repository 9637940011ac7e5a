// The pod's QoS class (pkg/apis/core/helper/qos GetPodQOS, simplified to cpu and memory): BestEffort when
// no container asks for anything, Guaranteed when every container's limits equal its requests for both,
// Burstable otherwise. The API server sets it once, on create.

import type { Container, Pod } from '../../api/pods/types'
import { parseQuantity } from '../../../gostd/quantity'

const COMPUTE = ['cpu', 'memory'] as const

export function podQosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers: Container[] = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
  let any = false
  let guaranteed = true
  for (const c of containers) {
    const requests = c.resources?.requests ?? {}
    const limits = c.resources?.limits ?? {}
    for (const r of COMPUTE) {
      if (requests[r] !== undefined || limits[r] !== undefined) any = true
      // Requests default to limits, so a limit alone is still Guaranteed for that resource.
      const request = requests[r] ?? limits[r]
      // Compared as quantities: `500m` and `0.5`, `1Gi` and `1024Mi` are equal.
      if (limits[r] === undefined || request === undefined || parseQuantity(request) !== parseQuantity(limits[r])) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}
