// Discovery's view of the registry (./resources/registry.ts): the resources this API server serves, as
// kubectl's resource mapping and the doors see them.

import type { ResourceRef } from './engine'
import { REGISTRY } from './resources/registry'

export { apiVersionOf } from './resources/registry'

export const RESOURCES: ResourceRef[] = REGISTRY.map((d) => ({
  resource: d.resource,
  group: d.group,
  version: d.version,
  kind: d.kind,
  namespaced: d.namespaced,
  singular: d.singular,
  shortNames: d.shortNames,
  categories: d.categories,
}))
