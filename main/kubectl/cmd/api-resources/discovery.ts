// Discovery as kubectl reads it (ServerPreferredResources, ServerGroups) from the resources the engine serves:
// one APIResource per served kind, its group/version, and its verbs.

import type { Engine, ResourceRef } from '../../../engine'

/** The verbs of a kind the API server stores (registry/generic Store: every REST verb). */
const STORE_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const

/** One row of discovery: `pods` in `v1`, with what it is called and what it answers to. */
export interface APIResource {
  name: string
  group: string
  /** `v1`, `apps/v1`: schema.GroupVersion.String(). */
  groupVersion: string
  namespaced: boolean
  kind: string
  shortNames: readonly string[]
  categories: readonly string[]
  verbs: readonly string[]
}

/** Each served resource as discovery lists it (the engine's order). */
export function discoveredResources(engine: Engine): APIResource[] {
  return engine.resources().map((r: ResourceRef) => ({
    name: r.resource,
    group: r.group,
    groupVersion: r.group ? `${r.group}/${r.version}` : r.version,
    namespaced: r.namespaced,
    kind: r.kind,
    shortNames: r.shortNames ?? [],
    categories: r.categories ?? [],
    verbs: r.verbs ?? STORE_VERBS,
  }))
}
