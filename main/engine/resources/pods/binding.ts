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

/** What a pods/binding names: the node (target.name) and, from the Binding's metadata, preconditions and annotations. */
export interface PodBinding {
  nodeName: string
  /** The pod's uid the binding was made for (a precondition). */
  uid?: string
  /** The pod's resourceVersion the binding was made for (a precondition). */
  resourceVersion?: string
  /** Merged into the pod's annotations. */
  annotations?: Record<string, string>
}

/**
 * A binding precondition that failed: GuaranteedUpdate's storage.NewInvalidObjError (key and `why`), which
 * InterpretUpdateError turns into a Conflict on pods (apiserver pkg/storage/errors.go StorageError.Error).
 */
export function bindingPreconditionFailed(namespace: string, podName: string, why: string): ApiError {
  const storageError = `StorageError: invalid object, Code: 4, Key: /registry/pods/${namespace}/${podName}, ResourceVersion: 0, AdditionalErrorMsg: ${why}`
  return new ApiError('Conflict', `Operation cannot be fulfilled on pods "${podName}": ${storageError}`, { name: podName, kind: 'pods' })
}

/**
 * The pod as stored after binding it to `nodeName` at `nowMs` (ms): spec.nodeName, PodScheduled=True and the
 * binding's `annotations` merged into the pod's. Throws ApiError (Conflict).
 */
export function assignPod(pod: Pod, nodeName: string, nowMs: number, annotations?: Record<string, string>): Pod {
  const name = pod.metadata.name ?? ''
  if (pod.metadata.deletionTimestamp) throw bindingConflict(name, `pod ${name} is being deleted, cannot be assigned to a host`)
  if (pod.spec.nodeName) throw bindingConflict(name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`)
  if (Array.isArray(pod.spec.schedulingGates) && pod.spec.schedulingGates.length > 0) throw bindingConflict(name, `pod ${name} has non-empty .spec.schedulingGates`)
  const merged = annotations && Object.keys(annotations).length > 0 ? { annotations: { ...pod.metadata.annotations, ...annotations } } : {}
  return {
    ...pod,
    metadata: { ...pod.metadata, ...merged },
    spec: { ...pod.spec, nodeName },
    status: updatePodCondition(pod.status ?? {}, { type: 'PodScheduled', status: 'True' }, rfc3339(nowMs)),
  }
}
