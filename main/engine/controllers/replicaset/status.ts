// A ReplicaSet's status from its pods (kubernetes v1.32 pkg/controller/replicaset/replica_set_utils.go
// calculateStatus and updateReplicaSetStatus's "nothing changed" test), written as apps/v1 serialises it: the
// counts other than replicas are omitempty.

import { isDeepStrictEqual } from 'node:util'
import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from '../../api/apps/types'
import type { Pod } from '../../api/pods/types'
import { isPodAvailable, isPodReady } from '../../controller/pod-util'
import { selectorFromSet } from '../../labels'
import { rfc3339 } from '../../runtime/clock'

interface StatusCounts {
  replicas: number
  fullyLabeledReplicas: number
  readyReplicas: number
  availableReplicas: number
  observedGeneration: number
  conditions: ReplicaSetCondition[]
}

/** The status as stored, absent fields read as Go's zero values. */
function countsOf(status: ReplicaSetStatus | undefined): StatusCounts {
  return {
    replicas: status?.replicas ?? 0,
    fullyLabeledReplicas: status?.fullyLabeledReplicas ?? 0,
    readyReplicas: status?.readyReplicas ?? 0,
    availableReplicas: status?.availableReplicas ?? 0,
    observedGeneration: status?.observedGeneration ?? 0,
    conditions: status?.conditions ?? [],
  }
}

/**
 * calculateStatus: the counts over `pods` (the set's active, claimed pods) at `nowMs` (virtual ms), and the
 * ReplicaFailure condition: set (FailedCreate or FailedDelete, with the error's message) when managing the
 * replicas failed and none is set, removed once it succeeds. The observedGeneration is left as it was.
 */
export function calculateStatus(rs: ReplicaSet, pods: readonly Pod[], manageError: Error | undefined, nowMs: number): StatusCounts {
  const template = selectorFromSet(rs.spec.template?.metadata?.labels ?? {})
  const minReadySeconds = rs.spec.minReadySeconds ?? 0
  let fullyLabeled = 0
  let ready = 0
  let available = 0
  for (const pod of pods) {
    if (template.matches(pod.metadata.labels)) fullyLabeled++
    if (isPodReady(pod)) {
      ready++
      if (isPodAvailable(pod, minReadySeconds, nowMs)) available++
    }
  }
  const old = countsOf(rs.status)
  let conditions = old.conditions
  const failure = conditions.find((c) => c.type === 'ReplicaFailure')
  if (manageError && !failure) {
    const diff = pods.length - (rs.spec.replicas ?? 1)
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : ''
    conditions = [...conditions, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(nowMs), reason, message: manageError.message }]
  } else if (!manageError && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure')
  }
  return { replicas: pods.length, fullyLabeledReplicas: fullyLabeled, readyReplicas: ready, availableReplicas: available, observedGeneration: old.observedGeneration, conditions }
}

/** updateReplicaSetStatus's steady state: the counts and conditions are those stored and the generation observed. */
export function statusUnchanged(rs: ReplicaSet, next: StatusCounts): boolean {
  const old = countsOf(rs.status)
  return (
    old.replicas === next.replicas &&
    old.fullyLabeledReplicas === next.fullyLabeledReplicas &&
    old.readyReplicas === next.readyReplicas &&
    old.availableReplicas === next.availableReplicas &&
    (rs.metadata.generation ?? 0) === old.observedGeneration &&
    isDeepStrictEqual(old.conditions, next.conditions)
  )
}

/** The apps/v1 JSON of `counts`: replicas always, the rest only when not zero or empty, in Go's field order. */
export function toStatus(counts: StatusCounts): ReplicaSetStatus {
  const status: ReplicaSetStatus = { replicas: counts.replicas }
  if (counts.fullyLabeledReplicas) status.fullyLabeledReplicas = counts.fullyLabeledReplicas
  if (counts.readyReplicas) status.readyReplicas = counts.readyReplicas
  if (counts.availableReplicas) status.availableReplicas = counts.availableReplicas
  if (counts.observedGeneration) status.observedGeneration = counts.observedGeneration
  if (counts.conditions.length > 0) status.conditions = counts.conditions
  return status
}
