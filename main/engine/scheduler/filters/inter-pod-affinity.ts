// InterPodAffinity plugin, PreFilter and Filter (plugins/interpodaffinity/filtering.go): the incoming pod's
// required affinity (`node(s) didn't match pod affinity rules`) and anti-affinity
// (`node(s) didn't match pod anti-affinity rules`), and the existing pods' required anti-affinity against it
// (`node(s) didn't satisfy existing pods anti-affinity rules`), counted per topology pair over every node.
import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import { reject, type CycleState, type FilterPlugin } from '../framework'
import { mergedTerms, podAffinityTerms, termMatches, type AffinityTerm } from './affinity-terms'

export const INTER_POD_AFFINITY = 'InterPodAffinity'
const STATE = 'InterPodAffinity/preFilter'

type Counts = Map<string, number>

interface PreFilterState {
  affinityTerms: AffinityTerm[]
  antiAffinityTerms: AffinityTerm[]
  existingAntiAffinityCounts: Counts
  affinityCounts: Counts
  antiAffinityCounts: Counts
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`

function update(m: Counts, node: Node, topologyKey: string, value: number): void {
  const labels = node.metadata.labels ?? {}
  if (!Object.hasOwn(labels, topologyKey)) return
  const k = pairKey(topologyKey, labels[topologyKey] ?? '')
  m.set(k, (m.get(k) ?? 0) + value)
}

const matchesAll = (terms: AffinityTerm[], pod: Pod) => terms.length > 0 && terms.every((t) => termMatches(t, pod, undefined))

function preFilterState(state: CycleState): PreFilterState {
  const pod = state.pod
  const own = podAffinityTerms(pod)
  const s: PreFilterState = {
    affinityTerms: mergedTerms(own.requiredAffinity, state.snapshot),
    antiAffinityTerms: mergedTerms(own.requiredAntiAffinity, state.snapshot),
    existingAntiAffinityCounts: new Map(),
    affinityCounts: new Map(),
    antiAffinityCounts: new Map(),
  }
  const nsLabels = state.snapshot.namespaceLabels(pod.metadata.namespace ?? '')
  const incoming = s.affinityTerms.length + s.antiAffinityTerms.length > 0
  for (const info of state.snapshot.nodes) {
    for (const existing of info.podsWithAffinity) {
      for (const t of podAffinityTerms(existing).requiredAntiAffinity) {
        if (termMatches(t, pod, nsLabels)) update(s.existingAntiAffinityCounts, info.node, t.topologyKey, 1)
      }
    }
    if (!incoming) continue
    for (const existing of info.pods) {
      if (matchesAll(s.affinityTerms, existing)) for (const t of s.affinityTerms) update(s.affinityCounts, info.node, t.topologyKey, 1)
      for (const t of s.antiAffinityTerms) if (termMatches(t, existing, undefined)) update(s.antiAffinityCounts, info.node, t.topologyKey, 1)
    }
  }
  return s
}

function satisfyPodAffinity(s: PreFilterState, pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {}
  let podsExist = true
  for (const t of s.affinityTerms) {
    if (!Object.hasOwn(labels, t.topologyKey)) return false
    if ((s.affinityCounts.get(pairKey(t.topologyKey, labels[t.topologyKey] ?? '')) ?? 0) <= 0) podsExist = false
  }
  // The first pod of a group with affinity to itself: allowed where the topology exists when no pod matches yet.
  if (!podsExist) return [...s.affinityCounts.values()].every((n) => n === 0) && matchesAll(s.affinityTerms, pod)
  return true
}

function satisfyPodAntiAffinity(s: PreFilterState, node: Node): boolean {
  const labels = node.metadata.labels ?? {}
  return !s.antiAffinityTerms.some(
    (t) => Object.hasOwn(labels, t.topologyKey) && (s.antiAffinityCounts.get(pairKey(t.topologyKey, labels[t.topologyKey] ?? '')) ?? 0) > 0,
  )
}

function satisfyExistingPodsAntiAffinity(s: PreFilterState, node: Node): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true
  return !Object.entries(node.metadata.labels ?? {}).some(([k, v]) => (s.existingAntiAffinityCounts.get(pairKey(k, v)) ?? 0) > 0)
}

export const interPodAffinityFilter: FilterPlugin = {
  name: INTER_POD_AFFINITY,
  preFilter(state) {
    const s = preFilterState(state)
    if (s.affinityTerms.length + s.antiAffinityTerms.length === 0 && s.existingAntiAffinityCounts.size === 0) return 'skip'
    state.write(STATE, s)
    return null
  },
  filter(state, { node }) {
    const s = state.read<PreFilterState>(STATE) ?? preFilterState(state)
    if (!satisfyPodAffinity(s, state.pod, node)) return reject(INTER_POD_AFFINITY, 'UnschedulableAndUnresolvable', "node(s) didn't match pod affinity rules")
    if (!satisfyPodAntiAffinity(s, node)) return reject(INTER_POD_AFFINITY, 'Unschedulable', "node(s) didn't match pod anti-affinity rules")
    if (!satisfyExistingPodsAntiAffinity(s, node)) {
      return reject(INTER_POD_AFFINITY, 'Unschedulable', "node(s) didn't satisfy existing pods anti-affinity rules")
    }
    return null
  },
  // isSchedulableAfterPodChange / isSchedulableAfterNodeChange: a pod the affinity wants arrived, a pod with
  // anti-affinity (or one the anti-affinity shuns) left, or any node was added or relabelled.
  hint(event, pod) {
    if (event.kind === 'NodeAdd' || event.kind === 'NodeUpdate') return true
    const terms = podAffinityTerms(pod)
    if (event.kind === 'AssignedPodDelete') {
      return podAffinityTerms(event.pod).requiredAntiAffinity.length > 0 || terms.requiredAntiAffinity.some((t) => termMatches(t, event.pod, undefined))
    }
    return terms.requiredAffinity.some((t) => termMatches(t, event.pod, undefined))
  },
}
