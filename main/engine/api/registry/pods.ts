// The pods registry: what the API server does to a Pod on create, update and delete
// (pkg/registry/core/pod/strategy.go and the default admission chain), in Kubernetes' order:
// decode strictly -> defaults -> mutating admission -> name -> validation -> store.

import type { KubeObject } from '../../../contract'
import { rfc3339 } from '../../client/clock'
import { instantAfterSeconds } from '../../client/time-range'
import { newUid } from '../../client/ids'
import type { World } from '../../world'
import { alreadyExists, invalid, notFound } from '../errors'
import { generateName } from '../meta/names'
import { admitPod, admitPodUpdate, applyPodDefaults, validatePod, validatePodUpdate } from '../pods'
import type { Pod } from '../pods/types'
import { podQosClass } from './qos'

export function createPod(world: World, pod: Pod): Pod {
  const namespace = pod.metadata.namespace ?? 'default'
  pod.metadata.namespace = namespace
  applyPodDefaults(pod)
  admitPod(pod, { rng: world.rng })
  // rest.BeforeCreate, after the mutating admission plugins: the name is generated, then the pod validated.
  if (!pod.metadata.name && pod.metadata.generateName) pod.metadata.name = generateName(pod.metadata.generateName, world.rng)
  const errors = validatePod(pod)
  if (errors.length > 0) throw invalid('Pod', pod.metadata.name ?? '', errors)
  if (!world.store.get('namespaces', '', namespace)) throw notFound('namespaces', namespace)
  if (world.store.get('pods', namespace, pod.metadata.name ?? '')) throw alreadyExists('pods', pod.metadata.name ?? '')

  // rest.BeforeCreate drops a deletion a client sends; PrepareForCreate drops its status: every pod starts Pending.
  const { deletionTimestamp: _t, deletionGracePeriodSeconds: _g, ...metadata } = pod.metadata
  const stored: Pod = {
    ...pod,
    metadata: { ...metadata, uid: newUid(world.rng), creationTimestamp: rfc3339(world.now()) },
    status: { phase: 'Pending', qosClass: podQosClass(pod) },
  }
  return world.write('ADDED', 'pods', stored) as Pod
}

export function updatePod(world: World, next: Pod, prev: Pod): Pod {
  applyPodDefaults(next)
  admitPodUpdate(next, prev)
  const errors = validatePodUpdate(next, prev)
  if (errors.length > 0) throw invalid('Pod', prev.metadata.name ?? '', errors)
  // PrepareForUpdate: status belongs to the status subresource; identity fields belong to the server.
  const merged: Pod = {
    ...next,
    metadata: {
      ...next.metadata,
      uid: prev.metadata.uid,
      creationTimestamp: prev.metadata.creationTimestamp,
      // In 1.32 a pod's generation is whatever the client set on create (usually none); updates cannot change it.
      generation: prev.metadata.generation,
      deletionTimestamp: prev.metadata.deletionTimestamp,
      deletionGracePeriodSeconds: prev.metadata.deletionGracePeriodSeconds,
    },
    status: prev.status,
  }
  if (!merged.metadata.deletionTimestamp) delete merged.metadata.deletionTimestamp
  if (merged.metadata.deletionGracePeriodSeconds === undefined) delete merged.metadata.deletionGracePeriodSeconds
  if (merged.metadata.generation === undefined) delete merged.metadata.generation
  return world.write('MODIFIED', 'pods', merged) as Pod
}

/**
 * Graceful deletion (pkg/registry/core/pod/strategy.go CheckGracefulDelete, apiserver pkg/registry/rest/delete.go
 * BeforeDelete): a pod that never reached a node, or a grace period of 0, goes at once; a negative one is 1;
 * otherwise the pod gets deletionTimestamp = now + grace and stays until its kubelet has stopped the containers.
 * `gracePeriodSeconds` is an int64 and may be huge: BeforeDelete's `time.Second * time.Duration(grace)` wraps
 * around in Go; here it saturates at time.Duration's ~292 years, so the timestamp stays a metav1.Time.
 */
export function deletePod(world: World, pod: Pod, gracePeriodSeconds?: number): KubeObject {
  if (pod.metadata.deletionTimestamp) return pod
  let grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
  if (!pod.spec.nodeName || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') grace = 0
  if (grace < 0) grace = 1
  if (grace === 0) return world.write('DELETED', 'pods', pod)
  return world.write('MODIFIED', 'pods', {
    ...pod,
    metadata: {
      ...pod.metadata,
      deletionTimestamp: rfc3339(instantAfterSeconds(world.now(), grace)),
      deletionGracePeriodSeconds: grace,
      // rest.BeforeDelete bumps the generation when it sets deletionTimestamp; pods have none before
      // (KEP-5067 "Current behavior": not populated by default, incremented on graceful delete).
      generation: (pod.metadata.generation ?? 0) + 1,
    },
  })
}
