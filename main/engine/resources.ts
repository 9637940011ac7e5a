// Discovery's view of the registry (./resources/registry.ts): the resources this API server serves, as
// kubectl's resource mapping and the doors see them.

import type { ResourceRef } from './engine'
import { REGISTRY } from './resources/registry'

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

export function apiVersionOf(ref: ResourceRef): string {
  return ref.group ? `${ref.group}/${ref.version}` : ref.version
}

export function resourceFor(resource: string): ResourceRef | undefined {
  return RESOURCES.find((r) => r.resource === resource)
}

export function resourceForKind(apiVersion: string, kind: string): ResourceRef | undefined {
  return RESOURCES.find((r) => apiVersionOf(r) === apiVersion && r.kind === kind)
}
