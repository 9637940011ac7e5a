// The one list of kinds this API server serves: adding a kind is adding its folder and one line here. The API
// server, discovery (Engine.resources()), kubectl's mapping and the printers all read this list.

import type { ResourceDefinition } from './definition'
import { configmaps } from './configmaps'
import { events } from './events'
import { eventsV1 } from './events/events-v1'
import { jobs } from './jobs'
import { leases } from './leases'
import { namespaces } from './namespaces'
import { nodes } from './nodes'
import { nodeMetricsKind } from './nodes/metrics'
import { deployments } from './deployments'
import { pods } from './pods'
import { podMetricsKind } from './pods/metrics'
import { replicasets } from './replicasets'
import { secrets } from './secrets'

// Discovery order: the core group, then apps, batch, events.k8s.io and coordination.k8s.io (kubectl get all
// lists in this order).
export const REGISTRY: readonly ResourceDefinition[] = [pods, nodes, namespaces, events, configmaps, secrets, deployments, replicasets, jobs, eventsV1, leases]

/**
 * Read-only kinds made at each read rather than stored (metrics.k8s.io, as metrics-server serves it), discovered
 * after the stored ones. Kept out of REGISTRY: the controllers that walk every stored kind (garbage collector,
 * namespace deletion) have nothing to do with them.
 */
export const COMPUTED: readonly ResourceDefinition[] = [nodeMetricsKind, podMetricsKind]

/** Every kind served: the stored ones, then the computed ones. */
export const SERVED: readonly ResourceDefinition[] = [...REGISTRY, ...COMPUTED]

/**
 * The kind served as `resource` (plural, e.g. `pods`) in `group`, or undefined. Without a group, the first in
 * the list: the core (legacy) group's, as kubectl's RESTMapper prefers it (`events` is core/v1 Events, not
 * events.k8s.io's).
 */
export function definitionFor(resource: string, group?: string): ResourceDefinition | undefined {
  return SERVED.find((d) => d.resource === resource && (group === undefined || d.group === group))
}

/** `v1` for the core group, `apps/v1` otherwise: the apiVersion a body of that group and version carries. */
export function apiVersionOf(ref: { group: string; version: string }): string {
  return ref.group ? `${ref.group}/${ref.version}` : ref.version
}

/** The kind served for a body's apiVersion (`v1`, `apps/v1`) and kind, or undefined. */
export function definitionForKind(apiVersion: string, kind: string): ResourceDefinition | undefined {
  return SERVED.find((d) => apiVersionOf(d) === apiVersion && d.kind === kind)
}
