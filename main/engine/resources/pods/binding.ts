// pods/binding (pkg/registry/core/pod/storage/storage.go BindingREST.assignPod / setPodHostAndAnnotations):
// what the scheduler posts to put a pod on a node. A pod being deleted, already on a node or still gated is
// refused with a Conflict on pods/binding, in upstream's words.

import { rfc3339 } from '../../runtime/clock'
import { ApiError } from '../../api/errors'
import type { Pod } from '../../api/pods/types'
import { updatePodCondition } from './conditions'

function bindingConflict(podName: string, why: string): ApiError {
  return new ApiError('Conflict', `Operation cannot be fulfilled on pods/binding "${podName}": ${why}`, { name: podName, kind: 'pods/binding' })
}

/** The pod as stored after binding it to `nodeName` at `nowMs` (ms): spec.nodeName and PodScheduled=True. Throws ApiError (Conflict). */
export function assignPod(pod: Pod, nodeName: string, nowMs: number): Pod {
  const name = pod.metadata.name ?? ''
  if (pod.metadata.deletionTimestamp) throw bindingConflict(name, `pod ${name} is being deleted, cannot be assigned to a host`)
  if (pod.spec.nodeName) throw bindingConflict(name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`)
  if (Array.isArray(pod.spec.schedulingGates) && pod.spec.schedulingGates.length > 0) throw bindingConflict(name, `pod ${name} has non-empty .spec.schedulingGates`)
  return {
    ...pod,
    spec: { ...pod.spec, nodeName },
    status: updatePodCondition(pod.status ?? {}, { type: 'PodScheduled', status: 'True' }, rfc3339(nowMs)),
  }
}
