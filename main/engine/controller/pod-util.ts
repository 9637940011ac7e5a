// The pod predicates every workload controller uses (kubernetes v1.32 pkg/api/v1/pod/util.go IsPodReady,
// IsPodAvailable, and pkg/controller/controller_utils.go IsPodActive / FilterActivePods).

import type { Pod, PodCondition } from '../api/pods/types'
import { parseTime } from '../runtime/clock'

/** GetPodReadyCondition: the pod's Ready condition, or undefined. */
export function podReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready')
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True'
}

/**
 * IsPodAvailable: Ready, and Ready since strictly more than `minReadySeconds` (s) before `nowMs` (ms of virtual
 * time); with 0, available as soon as Ready.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false
  if (minReadySeconds === 0) return true
  const since = parseTime(podReadyCondition(pod)?.lastTransitionTime)
  return since !== undefined && since + minReadySeconds * 1000 < nowMs
}

/** IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp
}

/** FilterActivePods, in the given order. */
export function filterActivePods(pods: readonly Pod[]): Pod[] {
  return pods.filter(isPodActive)
}
