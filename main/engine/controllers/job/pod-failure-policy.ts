// The pod failure policy (kubernetes v1.32 pkg/controller/job/pod_failure_policy.go): the first rule that
// matches a failed pod's exit codes or conditions decides whether it fails the Job, is ignored, fails its index
// or counts as usual.

import type { Job, PodFailurePolicyOnExitCodesRequirement, PodFailurePolicyRule } from '../../api/batch/types'
import type { ContainerStatus, Pod, PodCondition } from '../../api/pods/types'
import { isPodFailed } from './pods'

export interface PolicyMatch {
  /** The FailJob message, when a FailJob rule matched. */
  failJobMessage?: string
  /** False when an Ignore rule matched: the failure is not counted against backoffLimit. */
  countFailed: boolean
  action?: PodFailurePolicyRule['action']
}

function matchingContainer(statuses: ContainerStatus[] | undefined, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | undefined {
  for (const c of statuses ?? []) {
    const exitCode = c.state?.terminated?.exitCode
    if (exitCode === undefined || exitCode === 0) continue
    if (req.containerName != null && req.containerName !== c.name) continue
    const listed = req.values.includes(exitCode)
    if ((req.operator === 'In' && listed) || (req.operator === 'NotIn' && !listed)) return c
  }
  return undefined
}

function matchingCondition(conditions: PodCondition[] | undefined, patterns: NonNullable<PodFailurePolicyRule['onPodConditions']>): PodCondition | undefined {
  for (const c of conditions ?? []) {
    if (patterns.some((p) => p.type === c.type && (p.status ?? 'True') === c.status)) return c
  }
  return undefined
}

/** matchPodFailurePolicy for a failed pod. */
export function matchPodFailurePolicy(job: Job, pod: Pod): PolicyMatch {
  const rules = job.spec.podFailurePolicy?.rules
  if (!rules) return { countFailed: true }
  const where = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`
  for (const [index, rule] of rules.entries()) {
    let failJobMessage: string | undefined
    if (rule.onExitCodes) {
      const c = matchingContainer(pod.status?.containerStatuses, rule.onExitCodes) ?? matchingContainer(pod.status?.initContainerStatuses, rule.onExitCodes)
      if (!c) continue
      failJobMessage = `Container ${c.name} for pod ${where} failed with exit code ${c.state?.terminated?.exitCode ?? 0} matching ${rule.action} rule at index ${index}`
    } else if (rule.onPodConditions) {
      const c = matchingCondition(pod.status?.conditions, rule.onPodConditions)
      if (!c) continue
      failJobMessage = `Pod ${where} has condition ${c.type} matching ${rule.action} rule at index ${index}`
    } else continue
    switch (rule.action) {
      case 'Ignore':
        return { countFailed: false, action: 'Ignore' }
      case 'FailIndex':
        return { countFailed: true, action: 'FailIndex' }
      case 'Count':
        return { countFailed: true, action: 'Count' }
      case 'FailJob':
        return { failJobMessage, countFailed: true, action: 'FailJob' }
    }
  }
  return { countFailed: true }
}

/** getFailJobMessage: the message of the first failed pod a FailJob rule matches. */
export function failJobMessage(job: Job, pods: readonly Pod[]): string | undefined {
  if (!job.spec.podFailurePolicy) return undefined
  for (const p of pods) {
    if (!isPodFailed(p, job)) continue
    const m = matchPodFailurePolicy(job, p).failJobMessage
    if (m !== undefined) return m
  }
  return undefined
}
