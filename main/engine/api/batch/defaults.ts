// SetDefaults_Job (kubernetes v1.32 pkg/apis/batch/v1/defaults.go) and the pod template's SetDefaults_PodSpec,
// as decoding a batch/v1 Job into the API server runs them.

import { applyPodSpecDefaults } from '../pods/defaults'
import type { Obj } from '../pods/validation/values'
import { isObj } from '../pods/validation/values'
import type { Job } from './types'

/** 2^31 - 1: backoffLimit's default when backoffLimitPerIndex is set. */
const MAX_INT32 = 2147483647

/** Mutates `job` as SetDefaults_Job does (the template's pod spec included). */
export function applyJobDefaults(job: Job): void {
  if (!isObj(job.spec)) job.spec = { template: { spec: { containers: [] } } }
  const spec = job.spec
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1
    spec.parallelism = 1
  }
  if (spec.parallelism == null) spec.parallelism = 1
  if (spec.backoffLimit == null) spec.backoffLimit = spec.backoffLimitPerIndex != null ? MAX_INT32 : 6
  const templateLabels = spec.template?.metadata?.labels
  if (templateLabels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...templateLabels }
  if (spec.completionMode == null) spec.completionMode = 'NonIndexed'
  if (spec.suspend == null) spec.suspend = false
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule.onPodConditions ?? []) if (!pattern.status) pattern.status = 'True'
  }
  // JobPodReplacementPolicy is beta and on in 1.32.
  if (spec.podReplacementPolicy == null) spec.podReplacementPolicy = spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed'
  if (spec.manualSelector == null) spec.manualSelector = false
  if (!isObj(spec.template)) spec.template = { spec: { containers: [] } }
  if (!isObj(spec.template.spec)) spec.template.spec = { containers: [] }
  applyPodSpecDefaults(spec.template.spec as unknown as Obj)
}
