// PodTopologySpread's constraints (plugins/podtopologyspread/common.go): the pod's own constraints of one
// whenUnsatisfiable kind, or the system defaults (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway) with the
// selector of the pod's services and owner; nodeAffinityPolicy Honor and nodeTaintsPolicy Ignore unless set.
import type { Node } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import { newRequirement, nothing, selectorFromLabelSelector, type Selector } from '../../labels'
import type { CycleState } from '../framework'
import { countsFor, type MatchCount, type NodeInfo } from '../node-info'
import type { TopologySpreadConstraint } from '../types'
import { requiredNodeAffinity } from './required-node-affinity'
import { untoleratedTaint } from './taint-toleration'

export const HOSTNAME = 'kubernetes.io/hostname'
export const ZONE = 'topology.kubernetes.io/zone'

export interface SpreadConstraint {
  maxSkew: number
  topologyKey: string
  selector: Selector
  minDomains: number
  nodeAffinityPolicy: 'Honor' | 'Ignore'
  nodeTaintsPolicy: 'Honor' | 'Ignore'
}

/** The system default constraints (config.v1 PodTopologySpreadArgs, defaultingType System). */
const SYSTEM_DEFAULTS: TopologySpreadConstraint[] = [
  { topologyKey: HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
]

function selectorOf(c: TopologySpreadConstraint, podLabels: Record<string, string>): Selector {
  let selector: Selector
  try {
    selector = selectorFromLabelSelector(c.labelSelector)
  } catch {
    return nothing()
  }
  // matchLabelKeys: the pod's own values of those keys join the selector.
  for (const key of c.matchLabelKeys ?? []) {
    if (Object.hasOwn(podLabels, key)) selector = selector.add(newRequirement(key, 'in', [podLabels[key] ?? '']))
  }
  return selector
}

function filterConstraints(list: TopologySpreadConstraint[], pod: Pod, action: TopologySpreadConstraint['whenUnsatisfiable']): SpreadConstraint[] {
  const labels = pod.metadata.labels ?? {}
  return list
    .filter((c) => c.whenUnsatisfiable === action)
    .map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: selectorOf(c, labels),
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    }))
}

export const ownConstraints = (pod: Pod): TopologySpreadConstraint[] =>
  (pod.spec.topologySpreadConstraints ?? []) as TopologySpreadConstraint[]

/** The constraints of `action` for the pod: its own, or the system defaults when it has none. */
export function constraintsFor(state: CycleState, action: TopologySpreadConstraint['whenUnsatisfiable']): SpreadConstraint[] {
  const own = ownConstraints(state.pod)
  if (own.length > 0) return filterConstraints(own, state.pod, action)
  const defaults = filterConstraints(SYSTEM_DEFAULTS, state.pod, action)
  if (defaults.length === 0) return []
  const selector = state.snapshot.defaultSelector(state.pod)
  if (selector.empty()) return []
  return defaults.map((c) => ({ ...c, selector }))
}

/** matchNodeInclusionPolicies: does `node` count for the constraint's domains? */
export function nodeIncluded(c: SpreadConstraint, pod: Pod, node: Node): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !requiredNodeAffinity(pod).matches(node)) return false
  if (c.nodeTaintsPolicy === 'Honor' && untoleratedTaint(node.spec?.taints ?? [], pod.spec.tolerations ?? [], ['NoSchedule', 'NoExecute'])) return false
  return true
}

export const hasAllTopologyKeys = (node: Node, constraints: readonly SpreadConstraint[]): boolean =>
  constraints.every((c) => Object.hasOwn(node.metadata.labels ?? {}, c.topologyKey))

/** The selectors whose counts a node keeps (see countMatching). */
export const MAX_MATCH_COUNTS = 64

// One attempt asks every node (1,000 of them) about the same selector: its key is made once per selector object
// and namespace, and the same string is handed back (V8 keeps a string's hash, so each Map lookup is cheap).
const matchKeys = new WeakMap<Selector, Map<string, string>>()

function matchKey(selector: Selector, namespace: string): string {
  let byNamespace = matchKeys.get(selector)
  if (!byNamespace) matchKeys.set(selector, (byNamespace = new Map()))
  let key = byNamespace.get(namespace)
  if (key === undefined) byNamespace.set(namespace, (key = `${namespace}\u0000${selector.toString()}`))
  return key
}

/**
 * countPodsMatchSelector: the node's pods of `namespace`, not terminating, matching `selector` (none for an
 * empty one). Kept per node, and counted on as its pods come and go (SchedulerCache): the pods of one owner ask
 * the same question of every node at every attempt.
 */
export function countMatching(info: NodeInfo, selector: Selector, namespace: string): number {
  if (selector.empty()) return 0
  const key = matchKey(selector, namespace)
  const known = info.matchCounts?.get(key)
  if (known !== undefined) return known.count
  const m: MatchCount = { selector, namespace, count: 0 }
  for (const p of info.pods) if (countsFor(m, p)) m.count++
  // At most MAX_MATCH_COUNTS selectors per node: 1,500 Deployments over 5,000 nodes would otherwise keep 7.5
  // million counts, each one counted on at every pod change of its node.
  if (info.matchCounts && info.matchCounts.size >= MAX_MATCH_COUNTS) info.matchCounts.clear()
  info.matchCounts?.set(key, m)
  return m.count
}
