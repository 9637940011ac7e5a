// Discovery's view of the registry (./resources/registry.ts): the resources this API server serves, as
// kubectl's resource mapping and the doors see them.

import type { ResourceRef } from './engine'
import type { ResourceDefinition } from './resources/definition'
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
  verbs: verbsOf(d),
}))

/**
 * The verbs discovery lists for a kind (apiserver endpoints/installer.go, from the interfaces its REST storage
 * implements): the generic store's eight; computed reads (metrics.k8s.io) get and list only; namespaces no
 * deletecollection (pkg/registry/core/namespace/storage: its REST does not offer DeleteCollection).
 */
function verbsOf(d: ResourceDefinition): readonly string[] {
  if (d.computed) return ['get', 'list']
  const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
  return d.group === '' && d.resource === 'namespaces' ? verbs.filter((v) => v !== 'deletecollection') : verbs
}

/**
 * The resources kept in storage, each once (core and events.k8s.io Events share `events`; metrics.k8s.io is made
 * at each read): what a watch from the beginning replays.
 */
export const STORED_RESOURCES: readonly string[] = [...new Set(REGISTRY.map((d) => d.resource))]
