// framework.AffinityTerm: a pod (anti-)affinity term made ready to match pods: its label selector, the
// namespaces it names (the pod's own when it names none and has no namespaceSelector), and its
// namespaceSelector. For the incoming pod, the namespaceSelector is turned into names up front
// (mergeAffinityTermNamespacesIfNotEmpty), so matching needs no namespace labels.
import type { Pod } from '../../api/pods/types'
import { nothing, selectorFromLabelSelector, type Selector } from '../../labels'
import type { Snapshot } from '../framework'
import { memo } from '../node-info'
import type { PodAffinityTerm, WeightedPodAffinityTerm } from '../types'
import { affinityOf } from './required-node-affinity'

export interface AffinityTerm {
  namespaces: Set<string>
  selector: Selector
  topologyKey: string
  namespaceSelector: Selector
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number
}

function safeSelector(s: PodAffinityTerm['labelSelector']): Selector {
  try {
    return selectorFromLabelSelector(s)
  } catch {
    return nothing()
  }
}

function newAffinityTerm(pod: Pod, term: PodAffinityTerm): AffinityTerm {
  const namespaces = new Set(term.namespaces ?? [])
  if ((term.namespaces ?? []).length === 0 && !term.namespaceSelector) namespaces.add(pod.metadata.namespace ?? '')
  return {
    namespaces,
    selector: safeSelector(term.labelSelector),
    topologyKey: term.topologyKey,
    namespaceSelector: safeSelector(term.namespaceSelector),
  }
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces and its labels match the selector. */
export function termMatches(term: AffinityTerm, pod: Pod, nsLabels: Record<string, string> | undefined): boolean {
  const ns = pod.metadata.namespace ?? ''
  if (term.namespaces.has(ns) || term.namespaceSelector.matches(nsLabels ?? {})) return term.selector.matches(pod.metadata.labels ?? {})
  return false
}

/** The terms of a pod, parsed once per pod object (framework.PodInfo). */
export interface PodAffinityTerms {
  requiredAffinity: AffinityTerm[]
  requiredAntiAffinity: AffinityTerm[]
  preferredAffinity: WeightedAffinityTerm[]
  preferredAntiAffinity: WeightedAffinityTerm[]
}

const weighted = (pod: Pod, terms: WeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] =>
  (terms ?? []).map((t) => ({ ...newAffinityTerm(pod, t.podAffinityTerm), weight: t.weight }))

export const podAffinityTerms: (pod: Pod) => PodAffinityTerms = memo((pod: Pod) => {
  const a = affinityOf(pod)
  return {
    requiredAffinity: (a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => newAffinityTerm(pod, t)),
    requiredAntiAffinity: (a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => newAffinityTerm(pod, t)),
    preferredAffinity: weighted(pod, a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinity: weighted(pod, a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
  }
})

export { hasPodAffinity } from '../node-info'

/** The incoming pod's terms with their namespaceSelector turned into namespace names. */
export function mergedTerms<T extends AffinityTerm>(terms: T[], snapshot: Snapshot): T[] {
  return terms.map((t) => {
    if (t.namespaceSelector.empty()) return t
    const names = snapshot.namespacesMatching((labels) => t.namespaceSelector.matches(labels))
    return { ...t, namespaces: new Set([...t.namespaces, ...names]), namespaceSelector: nothing() }
  })
}
