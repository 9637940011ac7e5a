// The pod strategy (pkg/registry/core/pod/strategy.go) and the default admission chain it runs behind:
// defaults, admission (service account token volume, default tolerations, priority), a new pod's status,
// create/update validation, the status subresource and graceful deletion.

import { admitPod, admitPodUpdate, applyPodDefaults, validatePod, validatePodUpdate } from '../../api/pods'
import type { Pod } from '../../api/pods/types'
import { validateObjectMetaUpdate } from '../../api/pods/validation/update'
import type { Strategy } from '../definition'
import { podQosClass } from './qos'

export const podStrategy: Strategy<Pod> = {
  defaults: applyPodDefaults,
  admit: (pod, world) => admitPod(pod, { rng: world.rng }),
  admitUpdate: (pod, old) => admitPodUpdate(pod, old),
  // PrepareForCreate drops the status a client sends: every pod starts Pending, with its QoS class.
  prepareForCreate: (pod) => {
    pod.status = { phase: 'Pending', qosClass: podQosClass(pod) }
  },
  // Status belongs to the status subresource.
  prepareForUpdate: (pod, old) => {
    pod.status = old.status
  },
  validate: validatePod,
  validateUpdate: validatePodUpdate,
  status: {
    // podStatusStrategy.PrepareForUpdate: the spec is the stored one (the metadata too: see the generic store).
    prepareForUpdate: (pod, old) => {
      pod.spec = old.spec
    },
    // ValidatePodStatusUpdate, cheap form: the metadata rules only (the status fields are not checked yet).
    validateUpdate: (pod, old) => validateObjectMetaUpdate(pod.metadata, old.metadata),
  },
  /**
   * CheckGracefulDelete: the requested period, else spec.terminationGracePeriodSeconds (30 by default); a pod
   * that never reached a node or has already ended goes at once.
   */
  gracePeriodSeconds: (pod, requested) => {
    let grace = requested ?? pod.spec.terminationGracePeriodSeconds ?? 30
    if (!pod.spec.nodeName || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') grace = 0
    return grace < 0 ? 1 : grace
  },
}
