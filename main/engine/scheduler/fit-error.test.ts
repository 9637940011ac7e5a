import { describe, expect, it } from 'vitest'
import { reject, type Rejection } from './framework'
import { fitErrorMessage } from './fit-error'

// framework.FitError.Error (pkg/scheduler/framework/types.go) and its tests (types_test.go TestFitError_Error).
const taint = reject('TaintToleration', 'UnschedulableAndUnresolvable', 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }')
const cpu = reject('NodeResourcesFit', 'Unschedulable', 'Insufficient cpu')
const statuses = (...s: Rejection[]) => new Map(s.map((r, i) => [`n${i}`, r]))

describe('FitError.Error', () => {
  it.each([
    {
      fact: 'counts reasons and sorts the histogram as strings; the PostFilter message follows',
      all: 4,
      d: {
        nodeToStatus: statuses(taint, cpu, cpu, cpu),
        postFilterMsg: 'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
        unschedulablePlugins: new Set<string>(),
      },
      want:
        '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    },
    {
      fact: "the PostFilter message brings its own period (preemptionPolicy=Never)",
      all: 1,
      d: { nodeToStatus: statuses(cpu), postFilterMsg: 'preemption: not eligible due to preemptionPolicy=Never.', unschedulablePlugins: new Set<string>() },
      want: '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    },
    {
      fact: 'a PreFilter rejection replaces the histogram',
      all: 3,
      d: { nodeToStatus: new Map(), absent: reject('NodeAffinity', 'UnschedulableAndUnresolvable', 'pod affinity terms conflict'), preFilterMsg: 'pod affinity terms conflict', unschedulablePlugins: new Set<string>() },
      want: '0/3 nodes are available: pod affinity terms conflict.',
    },
    {
      fact: 'nodes absent from the map count with the absent status',
      all: 5,
      d: { nodeToStatus: statuses(cpu), absent: reject('NodeAffinity', 'UnschedulableAndUnresolvable', "node(s) didn't satisfy plugin(s) [NodeAffinity]"), unschedulablePlugins: new Set<string>() },
      want: "0/5 nodes are available: 1 Insufficient cpu, 4 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    },
    {
      fact: 'sort.Strings puts "10 x" before "9 y" (byte order, not numeric)',
      all: 19,
      d: { nodeToStatus: statuses(...Array(10).fill(cpu), ...Array(9).fill(taint)), unschedulablePlugins: new Set<string>() },
      want: '0/19 nodes are available: 10 Insufficient cpu, 9 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.',
    },
  ])('$fact', ({ all, d, want }) => {
    expect(fitErrorMessage(all, d)).toBe(want)
  })
})
