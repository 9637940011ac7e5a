import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import { cycle, makeNode, makePod, nodeInfo } from '../testing/fixtures'
import type { NodeSelectorTerm } from '../types'
import { nodeAffinityFilter } from './node-affinity'

// Ported from pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go TestNodeAffinity (1.32).
const REASON = "node(s) didn't match Pod's node affinity/selector"
const required = (...nodeSelectorTerms: NodeSelectorTerm[]): Partial<Pod['spec']> => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } },
})

function verdict(spec: Partial<Pod['spec']>, labels: Record<string, string>, name = 'node1'): string | null {
  const pod = makePod('p', spec)
  const state = cycle(pod)
  const pre = nodeAffinityFilter.preFilter?.(state)
  if (pre && pre !== 'skip') return `prefilter: ${pre.reasons.join(', ')}`
  const r = nodeAffinityFilter.filter(state, nodeInfo({ ...makeNode(name), metadata: { name, labels } }))
  return r ? `${r.code}: ${r.reasons.join(', ')}` : null
}

const MISMATCH = `UnschedulableAndUnresolvable: ${REASON}`

describe('NodeAffinity Filter (TestNodeAffinity)', () => {
  it.each([
    { name: 'no selector', spec: {}, labels: {}, want: null },
    { name: 'missing labels', spec: { nodeSelector: { foo: 'bar' } }, labels: {}, want: MISMATCH },
    { name: 'same labels', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar' }, want: null },
    { name: 'node labels are superset', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar', baz: 'blah' }, want: null },
    { name: 'node labels are subset', spec: { nodeSelector: { foo: 'bar', baz: 'blah' } }, labels: { foo: 'bar' }, want: MISMATCH },
    {
      name: 'Pod with matchExpressions using In operator that matches the existing node',
      spec: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }),
      labels: { foo: 'bar' },
      want: null,
    },
    {
      name: 'Pod with matchExpressions using Gt operator that matches the existing node',
      spec: required({ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['0204'] }] }),
      labels: { 'kernel-version': '0206' },
      want: null,
    },
    {
      name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
      spec: required({ matchExpressions: [{ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] }] }),
      labels: { 'mem-type': 'DDR3' },
      want: null,
    },
    {
      name: 'Pod with matchExpressions using Exists operator that matches the existing node',
      spec: required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] }),
      labels: { GPU: 'NVIDIA-GRID-K1' },
      want: null,
    },
    {
      name: 'Pod with affinity that don\'t match node\'s labels won\'t schedule onto the node',
      spec: required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1', 'value2'] }] }),
      labels: { foo: 'bar' },
      want: MISMATCH,
    },
    { name: 'Pod with a nil []NodeSelectorTerm in affinity, can\'t match the node\'s labels', spec: required(), labels: { foo: 'bar' }, want: MISMATCH },
    { name: 'Pod with an empty NodeSelectorTerm matches nothing', spec: required({}), labels: { foo: 'bar' }, want: MISMATCH },
    {
      name: 'Pod with multiple matchExpressions ANDed that doesn\'t match the existing node',
      spec: required({
        matchExpressions: [
          { key: 'GPU', operator: 'Exists' },
          { key: 'GPU', operator: 'NotIn', values: ['AMD', 'INTER'] },
        ],
      }),
      labels: { GPU: 'AMD' },
      want: MISMATCH,
    },
    {
      name: 'Pod with multiple NodeSelectorTerms ORed in affinity, matches the node\'s labels',
      spec: required(
        { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] },
        { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] },
      ),
      labels: { foo: 'bar' },
      want: null,
    },
    {
      name: 'Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied',
      spec: { nodeSelector: { foo: 'bar' }, ...required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }) },
      labels: { foo: 'bar' },
      want: null,
    },
    {
      name: 'Pod with an Affinity matches node\'s labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied',
      spec: { nodeSelector: { foo: 'bar' }, ...required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }) },
      labels: { foo: 'barrrrrr' },
      want: MISMATCH,
    },
    {
      name: 'Pod with an invalid value in Affinity term won\'t be scheduled onto the node',
      spec: required({ matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['invalid value: ___@#$%^'] }] }),
      labels: { foo: 'bar' },
      want: MISMATCH,
    },
    {
      name: 'Pod with matchFields using In operator that matches the existing node',
      spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }),
      labels: {},
      want: null,
    },
    {
      name: 'Pod with matchFields using In operator that does not match the existing node',
      spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }),
      labels: {},
      nodeName: 'node2',
      want: MISMATCH,
    },
    {
      name: 'Pod with two terms: both matchFields and matchExpressions do not match',
      spec: required(
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] },
        { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] },
      ),
      labels: { foo: 'bar' },
      nodeName: 'node2',
      want: null,
    },
    {
      name: 'Pod with one term: matchFields and matchExpressions ANDed',
      spec: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }], matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }),
      labels: { foo: 'bar' },
      nodeName: 'node2',
      want: MISMATCH,
    },
    {
      name: 'Pod with two conflicting matchFields requirements: PreFilter rejects (errReasonConflict)',
      spec: required({
        matchFields: [
          { key: 'metadata.name', operator: 'In', values: ['node1'] },
          { key: 'metadata.name', operator: 'In', values: ['node2'] },
        ],
      }),
      labels: {},
      want: 'prefilter: pod affinity terms conflict',
    },
    {
      name: 'the user case: zone In [antarctica-east1] on a node without that zone',
      spec: required({ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['antarctica-east1'] }] }),
      labels: { 'kubernetes.io/hostname': 'node1' },
      want: MISMATCH,
    },
  ])('$name', ({ spec, labels, want, ...rest }) => {
    expect(verdict(spec, labels as Record<string, string>, (rest as { nodeName?: string }).nodeName)).toBe(want)
  })

  it('PreFilter narrows the nodes to those named by matchFields metadata.name In (PreFilterResult)', () => {
    const pod = makePod('p', required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1', 'node2'] }] }))
    const state = cycle(pod)
    expect(nodeAffinityFilter.preFilter?.(state)).toBeNull()
    expect(state.read<Set<string>>('NodeAffinity/nodeNames')).toEqual(new Set(['node1', 'node2']))
  })

  it('PreFilter skips a pod without nodeSelector or required affinity', () => {
    expect(nodeAffinityFilter.preFilter?.(cycle(makePod('p')))).toBe('skip')
  })
})
