import { describe, expect, it } from 'vitest'
import type { Job, PodFailurePolicyRule } from '../../api/batch/types'
import type { Pod } from '../../api/pods/types'
import { matchPodFailurePolicy } from './pod-failure-policy'

// pod_failure_policy_test.go TestMatchPodFailurePolicy, the cases that need no feature gate.
const jobWith = (rules: PodFailurePolicyRule[]) => ({ metadata: { name: 'j' }, spec: { podFailurePolicy: { rules }, template: { spec: { containers: [] } } } }) as unknown as Job

const failedPod = (exitCodes: Record<string, number>, conditions: Array<{ type: string; status: string }> = []) =>
  ({
    metadata: { namespace: 'default', name: 'mypod' },
    status: {
      phase: 'Failed',
      conditions,
      containerStatuses: Object.entries(exitCodes).map(([name, exitCode]) => ({ name, restartCount: 0, state: { terminated: { exitCode } } })),
    },
  }) as unknown as Pod

describe('matchPodFailurePolicy', () => {
  it('FailJob on an exit code In the list: the message names the container, pod, code, action and rule index', () => {
    const job = jobWith([
      { action: 'Ignore', onExitCodes: { operator: 'In', values: [1] } },
      { action: 'FailJob', onExitCodes: { operator: 'In', values: [2, 42] } },
    ])
    expect(matchPodFailurePolicy(job, failedPod({ main: 42 }))).toEqual({
      failJobMessage: 'Container main for pod default/mypod failed with exit code 42 matching FailJob rule at index 1',
      countFailed: true,
      action: 'FailJob',
    })
  })

  it('Ignore: the failure is not counted', () => {
    const job = jobWith([{ action: 'Ignore', onExitCodes: { operator: 'In', values: [1, 2, 3] } }])
    expect(matchPodFailurePolicy(job, failedPod({ main: 2 }))).toEqual({ countFailed: false, action: 'Ignore' })
  })

  it('NotIn matches any other non-zero code; exit code 0 never matches', () => {
    const job = jobWith([{ action: 'Count', onExitCodes: { operator: 'NotIn', values: [5] } }])
    expect(matchPodFailurePolicy(job, failedPod({ a: 0, b: 7 })).action).toBe('Count')
    expect(matchPodFailurePolicy(job, failedPod({ a: 0, b: 5 }))).toEqual({ countFailed: true })
  })

  it('containerName restricts the rule to that container', () => {
    const job = jobWith([{ action: 'FailJob', onExitCodes: { containerName: 'other', operator: 'In', values: [1] } }])
    expect(matchPodFailurePolicy(job, failedPod({ main: 1 }))).toEqual({ countFailed: true })
  })

  it('onPodConditions: DisruptionTarget=True ignored', () => {
    const job = jobWith([{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }])
    expect(matchPodFailurePolicy(job, failedPod({ main: 137 }, [{ type: 'DisruptionTarget', status: 'True' }]))).toEqual({ countFailed: false, action: 'Ignore' })
    expect(matchPodFailurePolicy(job, failedPod({ main: 137 }, [{ type: 'DisruptionTarget', status: 'False' }]))).toEqual({ countFailed: true })
  })

  it('FailJob on a pod condition names the condition', () => {
    const job = jobWith([{ action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }])
    expect(matchPodFailurePolicy(job, failedPod({}, [{ type: 'DisruptionTarget', status: 'True' }])).failJobMessage).toBe(
      'Pod default/mypod has condition DisruptionTarget matching FailJob rule at index 0',
    )
  })
})
