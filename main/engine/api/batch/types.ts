// batch/v1 Job as Podlab reads it (k8s.io/api v0.32.0 batch/v1/types.go). Only what the strategy and the
// controller read is typed; every other field is kept as it came.

import type { KubeObject, ObjectMeta } from '../../../kube'
import type { LabelSelector, PodTemplateSpec } from '../apps/types'
import type { ConditionStatus } from '../pods/types'

export interface PodFailurePolicyOnExitCodesRequirement {
  containerName?: string
  operator: 'In' | 'NotIn' | (string & {})
  values: number[]
}

export interface PodFailurePolicyOnPodConditionsPattern {
  type: string
  /** Defaults to True. */
  status?: ConditionStatus
}

export interface PodFailurePolicyRule {
  action: 'FailJob' | 'FailIndex' | 'Ignore' | 'Count' | (string & {})
  onExitCodes?: PodFailurePolicyOnExitCodesRequirement
  onPodConditions?: PodFailurePolicyOnPodConditionsPattern[]
}

export interface JobSpec {
  /** Defaults to 1 (with completions unset: 1). */
  parallelism?: number
  /** Unset means any one pod's success completes the job (a work queue); defaults to 1 when parallelism is unset too. */
  completions?: number
  /** Seconds from the job's start; then DeadlineExceeded. */
  activeDeadlineSeconds?: number
  podFailurePolicy?: { rules: PodFailurePolicyRule[] }
  /** Defaults to 6. */
  backoffLimit?: number
  backoffLimitPerIndex?: number
  maxFailedIndexes?: number
  selector?: LabelSelector
  manualSelector?: boolean
  template: PodTemplateSpec
  /** Seconds after the job finishes; then the TTL-after-finished controller deletes it. */
  ttlSecondsAfterFinished?: number
  completionMode?: 'NonIndexed' | 'Indexed' | (string & {})
  suspend?: boolean
  podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed' | (string & {})
  [field: string]: unknown
}

export interface JobCondition {
  type: 'Suspended' | 'Complete' | 'Failed' | 'FailureTarget' | 'SuccessCriteriaMet' | (string & {})
  status: ConditionStatus
  lastProbeTime?: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}

export interface UncountedTerminatedPods {
  succeeded?: string[]
  failed?: string[]
}

export interface JobStatus {
  conditions?: JobCondition[]
  startTime?: string
  completionTime?: string
  active?: number
  succeeded?: number
  failed?: number
  terminating?: number
  ready?: number
  completedIndexes?: string
  failedIndexes?: string
  uncountedTerminatedPods?: UncountedTerminatedPods
  [field: string]: unknown
}

export interface Job extends KubeObject {
  apiVersion: 'batch/v1'
  kind: 'Job'
  metadata: ObjectMeta
  spec: JobSpec
  status?: JobStatus
}
