import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import { cycle, makeNode, makePod, nodeInfo } from '../testing/fixtures'
import type { TopologySpreadConstraint } from '../types'
import { podTopologySpreadFilter } from './pod-topology-spread'

// After plugins/podtopologyspread/filtering_test.go TestSingleConstraint (1.32): four nodes in two zones, the
// existing pods labelled foo, a DoNotSchedule constraint on zone or hostname.
const foo = (name: string) => makePod(name, {}, { foo: '' })
const constraint = (topologyKey: string, maxSkew = 1, extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew,
  topologyKey,
  whenUnsatisfiable: 'DoNotSchedule',
  labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
  ...extra,
})
const nodes = (counts: [number, number, number, number], zoneless = false) =>
  (['node-a', 'node-b', 'node-x', 'node-y'] as const).map((name, i) =>
    nodeInfo(
      makeNode(name, zoneless && i === 3 ? {} : { zone: i < 2 ? 'zone1' : 'zone2', node: name }),
      Array.from({ length: counts[i] ?? 0 }, (_, j) => foo(`${name}-${j}`)),
    ),
  )

function verdicts(constraints: TopologySpreadConstraint[], counts: [number, number, number, number], podLabels: Record<string, string> = { foo: '' }, zoneless = false, spec: Partial<Pod['spec']> = {}) {
  const infos = nodes(counts, zoneless)
  const state = cycle(makePod('p', { topologySpreadConstraints: constraints, ...spec }, podLabels), infos)
  if (podTopologySpreadFilter.preFilter?.(state) === 'skip') return 'skip'
  return infos.map((i) => podTopologySpreadFilter.filter(state, i)?.reasons[0] ?? 'ok')
}
const NO = "node(s) didn't match pod topology spread constraints"

describe('PodTopologySpread Filter', () => {
  it.each([
    { name: 'no existing pods', c: [constraint('zone')], counts: [0, 0, 0, 0] as const, want: ['ok', 'ok', 'ok', 'ok'] },
    { name: 'no existing pods, incoming pod doesn\'t match itself', c: [constraint('zone')], counts: [0, 0, 0, 0] as const, labels: { bar: '' }, want: ['ok', 'ok', 'ok', 'ok'] },
    { name: 'pods spread across zones as 3/3, all nodes fit', c: [constraint('zone')], counts: [2, 1, 2, 1] as const, want: ['ok', 'ok', 'ok', 'ok'] },
    { name: 'pods spread across zones as 1/2 due to absence of label "zone" on node-b', c: [constraint('zone')], counts: [1, 0, 2, 0] as const, zoneless: true, want: ['ok', 'ok', NO, `${NO} (missing required label)`] },
    { name: 'pods spread across nodes as 2/1/0/3, only node-x fits', c: [constraint('node')], counts: [2, 1, 0, 3] as const, want: [NO, NO, 'ok', NO] },
    { name: 'pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit', c: [constraint('node', 2)], counts: [2, 1, 0, 3] as const, want: [NO, 'ok', 'ok', NO] },
    { name: 'pods spread across zones as 2/4, zone1 fits', c: [constraint('zone')], counts: [1, 1, 2, 2] as const, want: ['ok', 'ok', NO, NO] },
    { name: 'minDomains 3 with two zones: the global minimum counts as 0', c: [constraint('zone', 1, { minDomains: 3 })], counts: [1, 0, 0, 0] as const, want: [NO, NO, 'ok', 'ok'] },
    {
      name: 'nodeAffinityPolicy Honor (default): nodes the pod\'s nodeSelector excludes are not domains',
      c: [constraint('zone')],
      counts: [3, 0, 0, 0] as const,
      spec: { nodeSelector: { zone: 'zone1' } },
      want: ['ok', 'ok', 'ok', 'ok'],
    },
    {
      name: 'nodeAffinityPolicy Ignore: every node counts',
      c: [constraint('zone', 1, { nodeAffinityPolicy: 'Ignore' })],
      counts: [3, 0, 0, 0] as const,
      spec: { nodeSelector: { zone: 'zone1' } },
      want: [NO, NO, 'ok', 'ok'],
    },
    { name: 'ScheduleAnyway constraints are not filters', c: [constraint('zone', 1, { whenUnsatisfiable: 'ScheduleAnyway' })], counts: [5, 0, 0, 0] as const, want: 'skip' },
  ])('$name', ({ c, counts, want, ...rest }) => {
    const r = rest as { labels?: Record<string, string>; zoneless?: boolean; spec?: Partial<Pod['spec']> }
    expect(verdicts(c, [...counts] as [number, number, number, number], r.labels, r.zoneless, r.spec)).toEqual(want)
  })
})
