// The Priority admission plugin on pod create (plugin/pkg/admission/priority/admission.go admitPod): with no
// priorityClassName and no globalDefault PriorityClass, the pod gets priority 0
// (scheduling.DefaultPriorityWhenNoDefaultClassExists) and preemptionPolicy PreemptLowerPriority, which is
// what `kubectl get pod -o yaml` shows on a stock cluster. The two built-in classes resolve to their values.
// Podlab has no PriorityClass objects yet: other class names, and a spec.priority that disagrees with the
// class (both Forbidden in Kubernetes), are left alone until the API can return a Forbidden error.

import type { Pod } from '../types'

const BUILT_IN_CLASSES: Record<string, number> = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
}
const DEFAULT_PRIORITY = 0

export function admitPriority(pod: Pod): void {
  const className = pod.spec.priorityClassName ?? ''
  const priority = className === '' ? DEFAULT_PRIORITY : BUILT_IN_CLASSES[className]
  if (priority === undefined) return
  pod.spec.priority ??= priority
  pod.spec.preemptionPolicy ??= 'PreemptLowerPriority'
}
