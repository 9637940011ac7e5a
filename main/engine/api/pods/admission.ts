// The default admission chain of a 1.32 kube-apiserver, as far as it changes a plain pod on create, in the
// plugins' recommended order: ServiceAccount, Priority, DefaultTolerationSeconds. (LimitRanger and
// RuntimeClass also mutate pods, but only when a LimitRange exists or runtimeClassName is set.)

import type { Rng } from '../../runtime/rng'
import { admitPriority } from './admission/priority'
import { admitServiceAccount } from './admission/serviceaccount'
import { admitDefaultTolerationSeconds } from './admission/tolerations'
import type { Pod } from './types'

export interface AdmissionContext {
  rng: Rng
}

/**
 * spec.serviceAccount is the deprecated alias of serviceAccountName (pkg/apis/core/v1/conversion.go): read
 * when serviceAccountName is empty, and always written back from it when the pod is served.
 */
function readServiceAccountAlias(pod: Pod): void {
  if (!pod.spec.serviceAccountName && pod.spec.serviceAccount) pod.spec.serviceAccountName = pod.spec.serviceAccount
}

export function writeServiceAccountAlias(pod: Pod): void {
  if (pod.spec.serviceAccountName) pod.spec.serviceAccount = pod.spec.serviceAccountName
}

/** Mutating admission for a pod being created; mutates `pod`. */
export function admitPod(pod: Pod, ctx: AdmissionContext): void {
  readServiceAccountAlias(pod)
  admitServiceAccount(pod, ctx.rng)
  admitPriority(pod)
  admitDefaultTolerationSeconds(pod)
  writeServiceAccountAlias(pod)
}

/**
 * Mutating admission for an update (only DefaultTolerationSeconds and Priority handle updates): Priority
 * keeps the stored priority and preemptionPolicy when the update leaves them out.
 */
export function admitPodUpdate(next: Pod, prev: Pod): void {
  readServiceAccountAlias(next)
  next.spec.priority ??= prev.spec.priority
  next.spec.preemptionPolicy ??= prev.spec.preemptionPolicy
  admitDefaultTolerationSeconds(next)
  writeServiceAccountAlias(next)
}
