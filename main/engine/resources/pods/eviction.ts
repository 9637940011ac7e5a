// pods/eviction (pkg/registry/core/pod/storage/eviction.go): Podlab has no PodDisruptionBudgets yet, so every
// eviction is allowed: the pod gets the DisruptionTarget condition (addConditionAndDeletePod, through the status
// subresource) and is then deleted with the eviction's DeleteOptions. With PDBs, a budget that allows no
// disruption will answer 429 TooManyRequests here instead.

import { rfc3339 } from '../../runtime/clock'
import type { Pod } from '../../api/pods/types'
import { updatePodCondition } from './conditions'

/** The pod with DisruptionTarget=True (reason EvictionByEvictionAPI) as of `nowMs` (ms). */
export function withDisruptionTarget(pod: Pod, nowMs: number): Pod {
  const condition = { type: 'DisruptionTarget', status: 'True' as const, reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' }
  return { ...pod, status: updatePodCondition(pod.status ?? {}, condition, rfc3339(nowMs)) }
}
