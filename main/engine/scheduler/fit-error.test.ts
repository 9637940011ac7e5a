import { describe, expect, it } from 'vitest'
import { fitErrorMessage } from './fit-error'

// framework.FitError.Error in pkg/scheduler/framework/types.go; example texts from k8s-behaviour.md §8.
describe('FailedScheduling message', () => {
  it('counts reasons, sorts them as strings, and adds the preemption summary', () => {
    const taint = { reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'], unresolvable: true }
    const cpu = { reasons: ['Insufficient cpu'], unresolvable: false }
    expect(fitErrorMessage(4, [taint, cpu, cpu, cpu])).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    )
  })

  it('matches the fact sheet example for three nodes short of cpu', () => {
    const cpu = { reasons: ['Insufficient cpu'], unresolvable: false }
    expect(fitErrorMessage(3, [cpu, cpu, cpu])).toBe(
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
    )
  })
})
