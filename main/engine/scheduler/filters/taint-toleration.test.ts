import { describe, expect, it } from 'vitest'
import type { Taint } from '../../api/nodes/types'
import type { Toleration } from '../../api/pods/types'
import { cycle, makeNode, makePod, nodeInfo } from '../testing/fixtures'
import { nodeUnschedulable } from './node-unschedulable'
import { taintTolerationFilter } from './taint-toleration'

// Ported from plugins/tainttoleration/taint_toleration_test.go TestTaintTolerationFilter and
// plugins/nodeunschedulable/node_unschedulable_test.go TestNodeUnschedulable (1.32).
const run = (taints: Taint[], tolerations: Toleration[]) => {
  const r = taintTolerationFilter.filter(cycle(makePod('p', { tolerations })), nodeInfo(makeNode('n', {}, { taints })))
  return r ? `${r.code}: ${r.reasons.join(', ')}` : null
}

describe('TaintToleration Filter', () => {
  it.each([
    { name: 'A pod having no tolerations can\'t be scheduled onto a node with nonempty taints', taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], tolerations: [], want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {dedicated: user1}' },
    { name: 'A pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule', taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' as const }], want: null },
    { name: 'A pod which can\'t be scheduled on a dedicated node assigned to user2 with effect NoSchedule', taints: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], tolerations: [{ key: 'dedicated', operator: 'Equal' as const, value: 'user2', effect: 'NoSchedule' as const }], want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {dedicated: user1}' },
    { name: 'A pod can be scheduled onto the node, with a toleration uses operator Exists that tolerates the taints on the node', taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], tolerations: [{ key: 'foo', operator: 'Exists' as const, effect: 'NoSchedule' as const }], want: null },
    { name: 'A pod has a toleration that keys and values match the taint on the node, but (non-empty) effect doesn\'t match, can\'t be scheduled onto the node', taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], tolerations: [{ key: 'foo', operator: 'Equal' as const, value: 'bar', effect: 'PreferNoSchedule' as const }], want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {foo: bar}' },
    { name: 'The pod has a toleration that keys and values match the taint on the node, the effect of toleration is empty, and the effect of taint is NoSchedule. Pod can be scheduled onto the node', taints: [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }], tolerations: [{ key: 'foo', operator: 'Equal' as const, value: 'bar' }], want: null },
    { name: 'The pod has a toleration that key and value don\'t match the taint on the node, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node', taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], tolerations: [{ key: 'dedicated', operator: 'Equal' as const, value: 'user2', effect: 'NoSchedule' as const }], want: null },
    { name: 'The pod has no toleration, but the effect of taint on node is PreferNoSchedule. Pod can be scheduled onto the node', taints: [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }], tolerations: [], want: null },
    { name: 'the control plane\'s taint has an empty value: `{node-role.kubernetes.io/control-plane: }`', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], tolerations: [], want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' },
    { name: 'a node that is not Ready carries the lifecycle\'s not-ready NoSchedule taint and keeps pods off', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }], tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: 300 }], want: 'UnschedulableAndUnresolvable: node(s) had untolerated taint {node.kubernetes.io/not-ready: }' },
  ])('$name', ({ taints, tolerations, want }) => {
    expect(run(taints, tolerations)).toBe(want)
  })
})

describe('NodeUnschedulable Filter', () => {
  const unschedulable = (spec: Record<string, unknown>, tolerations: Toleration[] = []) => {
    const r = nodeUnschedulable.filter(cycle(makePod('p', { tolerations })), nodeInfo(makeNode('n', {}, spec)))
    return r ? `${r.code}: ${r.reasons.join(', ')}` : null
  }
  it.each([
    { name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)', spec: { unschedulable: true }, tolerations: [], want: 'UnschedulableAndUnresolvable: node(s) were unschedulable' },
    { name: 'Schedule pod to normal node', spec: { unschedulable: false }, tolerations: [], want: null },
    { name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)', spec: { unschedulable: true }, tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const }], want: null },
  ])('$name', ({ spec, tolerations, want }) => {
    expect(unschedulable(spec, tolerations)).toBe(want)
  })
})
