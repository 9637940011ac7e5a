// Discovery's view of the registry (./resources/registry.ts): the resources this API server serves, as
// kubectl's resource mapping and the doors see them.

import type { ResourceRef } from './engine'
import { REGISTRY, SERVED } from './resources/registry'

export { apiVersionOf } from './resources/registry'

export const RESOURCES: ResourceRef[] = SERVED.map((d) => ({
  resource: d.resource,
  group: d.group,
  version: d.version,
  kind: d.kind,
  namespaced: d.namespaced,
  singular: d.singular,
  shortNames: d.shortNames,
  categories: d.categories,
}))

/**
 * The resources kept in storage, each once (core and events.k8s.io Events share `events`; metrics.k8s.io is made
 * at each read): what a watch from the beginning replays.
 */
export const STORED_RESOURCES: readonly string[] = [...new Set(REGISTRY.map((d) => d.resource))]
