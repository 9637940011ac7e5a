// Job conditions as the controller writes them (kubernetes v1.32 pkg/controller/job/job_controller.go
// newCondition, ensureJobConditionStatus) and the reasons and messages of k8s.io/api batch/v1.

import type { JobCondition, JobStatus } from '../../api/batch/types'
import type { ConditionStatus } from '../../api/pods/types'

export const REASON_BACKOFF_LIMIT_EXCEEDED = 'BackoffLimitExceeded'
export const REASON_DEADLINE_EXCEEDED = 'DeadlineExceeded'
export const REASON_POD_FAILURE_POLICY = 'PodFailurePolicy'
export const REASON_COMPLETIONS_REACHED = 'CompletionsReached'
export const MESSAGE_BACKOFF_LIMIT = 'Job has reached the specified backoff limit'
export const MESSAGE_DEADLINE = 'Job was active longer than specified deadline'
export const MESSAGE_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods'

/** newCondition: probe and transition time `now` (RFC 3339). */
export function newCondition(type: string, status: ConditionStatus, reason: string, message: string, now: string): JobCondition {
  return { type, status, lastProbeTime: now, lastTransitionTime: now, reason, message }
}

export function findCondition(conditions: JobCondition[] | undefined, type: string): JobCondition | undefined {
  return conditions?.find((c) => c.type === type)
}

const isConditionTrue = (conditions: JobCondition[] | undefined, type: string) => findCondition(conditions, type)?.status === 'True'

/** IsJobFinished: Complete or Failed is True. */
export const isFinished = (status: JobStatus | undefined) => isConditionTrue(status?.conditions, 'Complete') || isConditionTrue(status?.conditions, 'Failed')

/**
 * ensureJobConditionStatus: sets the condition of `type` to `status`, reason and message (a new transition
 * time when any differs); a False condition that does not exist is not added. Returns the list and whether it changed.
 */
export function ensureCondition(list: JobCondition[], type: string, status: ConditionStatus, reason: string, message: string, now: string): [JobCondition[], boolean] {
  const i = list.findIndex((c) => c.type === type)
  if (i >= 0) {
    const c = list[i]!
    if (c.status === status && c.reason === reason && c.message === message) return [list, false]
    const next = [...list]
    next[i] = { ...c, status, lastTransitionTime: now, reason, message }
    return [next, true]
  }
  if (status === 'False') return [list, false]
  return [[...list, newCondition(type, status, reason, message, now)], true]
}
