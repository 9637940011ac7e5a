// The one list of kinds this API server serves: adding a kind is adding its folder and one line here. The API
// server, discovery (Engine.resources()), kubectl's mapping and the printers all read this list.

import type { ResourceDefinition } from './definition'
import { events } from './events'
import { namespaces } from './namespaces'
import { nodes } from './nodes'
import { deployments } from './deployments'
import { pods } from './pods'
import { replicasets } from './replicasets'

export const REGISTRY: readonly ResourceDefinition[] = [pods, nodes, namespaces, events, deployments, replicasets]

/** The kind served as `resource` (plural, e.g. `pods`), or undefined. */
export function definitionFor(resource: string): ResourceDefinition | undefined {
  return REGISTRY.find((d) => d.resource === resource)
}

/** `v1` for the core group, `apps/v1` otherwise: the apiVersion a body of that group and version carries. */
export function apiVersionOf(ref: { group: string; version: string }): string {
  return ref.group ? `${ref.group}/${ref.version}` : ref.version
}

/** The kind served for a body's apiVersion (`v1`, `apps/v1`) and kind, or undefined. */
export function definitionForKind(apiVersion: string, kind: string): ResourceDefinition | undefined {
  return REGISTRY.find((d) => apiVersionOf(d) === apiVersion && d.kind === kind)
}
