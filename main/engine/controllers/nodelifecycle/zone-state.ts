// The node lifecycle controller's disruption handling (handleDisruption, ComputeZoneState, ReducedQPSFunc,
// v1.32): nodes are grouped by zone (topology.kubernetes.io/region and zone labels; kind's nodes have none, so
// one zone ""). A zone with no Ready node is fully disrupted; one with more than 2 not-Ready nodes making up at
// least --unhealthy-zone-threshold (0.55) is partially disrupted. When every zone is fully disrupted the
// controller takes its NoExecute taints off and stops tainting (the control plane's own network is the likelier
// culprit); a partially disrupted zone of at most --large-cluster-size-threshold (50) nodes gets no new taints
// (its eviction rate is 0). The rate limit itself (--node-eviction-rate 0.1 nodes/s) is not modelled: nodes of a
// healthy zone are tainted at once.

import type { Node } from '../../api/nodes/types'

export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption'

const UNHEALTHY_ZONE_THRESHOLD = 0.55
const LARGE_CLUSTER_THRESHOLD = 50
const EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption'

/** nodetopology.GetZoneKey: region and zone joined by ":\x00:", "" when neither label is set. */
export function zoneKey(node: Node): string {
  const labels = node.metadata.labels ?? {}
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? ''
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? ''
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`
}

const ready = (node: Node): boolean => node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false

function zoneState(nodes: readonly Node[]): ZoneState {
  const notReady = nodes.filter((n) => !ready(n)).length
  if (notReady > 0 && notReady === nodes.length) return 'FullDisruption'
  if (notReady > 2 && notReady / nodes.length >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption'
  return 'Normal'
}

/** The nodes grouped by zone (nodes excluded from disruption left out) and each zone's state. */
export interface ZoneStates {
  zones: Map<string, Node[]>
  states: ZoneState[]
}

/** Groups `all` by zone and computes each zone's state: O(nodes), once per change of any node (the controller keeps it). */
export function zoneStates(all: readonly Node[]): ZoneStates {
  const zones = new Map<string, Node[]>()
  for (const n of all) {
    if (n.metadata.labels?.[EXCLUDE_DISRUPTION] !== undefined) continue
    const key = zoneKey(n)
    const list = zones.get(key)
    if (list) list.push(n)
    else zones.set(key, [n])
  }
  return { zones, states: [...zones.values()].map(zoneState) }
}

/** What the controller may do with `node`'s NoExecute taints, given every node's zone and Ready condition (zoneStates). */
export function taintingAllowedIn(node: Node, { zones, states }: ZoneStates): 'taint' | 'hold' | 'untaint-all' {
  if (states.length > 0 && states.every((s) => s === 'FullDisruption')) return 'untaint-all'
  const mine = zones.get(zoneKey(node)) ?? [node]
  if (zoneState(mine) === 'PartialDisruption' && mine.length <= LARGE_CLUSTER_THRESHOLD) return 'hold'
  return 'taint'
}
