import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/pods/types'
import { cycle, makeNode, makePod, nodeInfo } from '../testing/fixtures'
import type { Affinity, PodAffinityTerm } from '../types'
import { interPodAffinityFilter } from './inter-pod-affinity'

// After plugins/interpodaffinity/filtering_test.go TestRequiredAffinitySingleNode / MultipleNodes (1.32).
const term = (key: string, op: 'In' | 'NotIn' | 'Exists', values: string[] | undefined, topologyKey: string, extra: Partial<PodAffinityTerm> = {}): PodAffinityTerm => ({
  labelSelector: { matchExpressions: [{ key, operator: op, values }] },
  topologyKey,
  ...extra,
})
const withAffinity = (name: string, labels: Record<string, string>, affinity: Affinity, namespace = 'default'): Pod => makePod(name, { affinity }, labels, namespace)
const affinity = (...terms: PodAffinityTerm[]): Affinity => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } })
const anti = (...terms: PodAffinityTerm[]): Affinity => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } })

const REGION = { region: 'r1', zone: 'z11' }
function verdicts(pod: Pod, nodes: Array<{ name: string; labels: Record<string, string>; pods: Pod[] }>, namespaces?: Record<string, Record<string, string>>) {
  const infos = nodes.map((n) => nodeInfo(makeNode(n.name, n.labels), n.pods))
  const state = cycle(pod, infos, namespaces)
  const pre = interPodAffinityFilter.preFilter?.(state)
  if (pre === 'skip') return infos.map(() => null)
  return infos.map((i) => interPodAffinityFilter.filter(state, i)?.reasons[0] ?? null)
}

describe('InterPodAffinity Filter', () => {
  it.each([
    {
      name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods',
      pod: makePod('p'),
      nodes: [{ name: 'n1', labels: REGION, pods: [] as Pod[] }],
      want: [null],
    },
    {
      name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
      pod: withAffinity('p', {}, affinity(term('service', 'In', ['securityscan', 'value2'], 'region'))),
      nodes: [{ name: 'n1', labels: REGION, pods: [makePod('e', {}, { service: 'securityscan' })] }],
      want: [null],
    },
    {
      name: 'Does not satisfy the PodAffinity with labelSelector because of diff Namespace',
      pod: withAffinity('p', {}, affinity(term('service', 'In', ['securityscan'], 'region', { namespaces: ['DiffNameSpace'] }))),
      nodes: [{ name: 'n1', labels: REGION, pods: [makePod('e', {}, { service: 'securityscan' }, 'ns')] }],
      want: ["node(s) didn't match pod affinity rules"],
    },
    {
      name: 'Doesn\'t satisfy the PodAffinity because of unmatching labelSelector with the existing pod',
      pod: withAffinity('p', {}, affinity(term('service', 'In', ['antivirusscan'], 'region'))),
      nodes: [{ name: 'n1', labels: REGION, pods: [makePod('e', {}, { service: 'securityscan' })] }],
      want: ["node(s) didn't match pod affinity rules"],
    },
    {
      name: 'the first pod of a group with affinity to itself fits where the topology exists (no pod matches yet)',
      pod: withAffinity('p', { service: 'web' }, affinity(term('service', 'In', ['web'], 'region'))),
      nodes: [
        { name: 'n1', labels: REGION, pods: [] },
        { name: 'n2', labels: {}, pods: [] },
      ],
      want: [null, "node(s) didn't match pod affinity rules"],
    },
    {
      name: 'satisfies the PodAntiAffinity: no existing pod matches the anti-affinity term',
      pod: withAffinity('p', {}, anti(term('service', 'In', ['antivirusscan'], 'zone'))),
      nodes: [{ name: 'n1', labels: REGION, pods: [makePod('e', {}, { service: 'securityscan' })] }],
      want: [null],
    },
    {
      name: 'anti-affinity over the zone: a matching pod on another node of the zone keeps the pod out of both',
      pod: withAffinity('p', {}, anti(term('service', 'In', ['securityscan'], 'zone'))),
      nodes: [
        { name: 'n1', labels: REGION, pods: [makePod('e', {}, { service: 'securityscan' })] },
        { name: 'n2', labels: REGION, pods: [] },
        { name: 'n3', labels: { region: 'r1', zone: 'z22' }, pods: [] },
      ],
      want: ["node(s) didn't match pod anti-affinity rules", "node(s) didn't match pod anti-affinity rules", null],
    },
    {
      name: 'Verify that PodAntiAffinity of an existing pod is respected when PodAntiAffinity symmetry is not satisfied with the existing pod',
      pod: makePod('p', {}, { service: 'securityscan' }),
      nodes: [{ name: 'n1', labels: REGION, pods: [withAffinity('e', {}, anti(term('service', 'In', ['securityscan'], 'zone')))] }],
      want: ["node(s) didn't satisfy existing pods anti-affinity rules"],
    },
    {
      name: 'namespaceSelector selects the namespaces whose labels match',
      pod: withAffinity('p', {}, anti(term('service', 'In', ['db'], 'zone', { namespaceSelector: { matchLabels: { team: 'a' } } }))),
      nodes: [
        { name: 'n1', labels: REGION, pods: [makePod('e', {}, { service: 'db' }, 'team-a')] },
        { name: 'n2', labels: { zone: 'z2' }, pods: [makePod('f', {}, { service: 'db' }, 'team-b')] },
      ],
      namespaces: { default: {}, 'team-a': { team: 'a' }, 'team-b': { team: 'b' } },
      want: ["node(s) didn't match pod anti-affinity rules", null],
    },
  ])('$name', ({ pod, nodes, want, ...rest }) => {
    expect(verdicts(pod, nodes, (rest as { namespaces?: Record<string, Record<string, string>> }).namespaces)).toEqual(want)
  })
})
