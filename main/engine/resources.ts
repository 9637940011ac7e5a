// The resources this API server serves. kubectl's resource mapping and (later) discovery read this list.

import type { ResourceRef } from './engine'

export const RESOURCES: ResourceRef[] = [
  { resource: 'pods', group: '', version: 'v1', kind: 'Pod', namespaced: true, singular: 'pod', shortNames: ['po'], categories: ['all'] },
  { resource: 'nodes', group: '', version: 'v1', kind: 'Node', namespaced: false, singular: 'node', shortNames: ['no'], categories: [] },
  { resource: 'namespaces', group: '', version: 'v1', kind: 'Namespace', namespaced: false, singular: 'namespace', shortNames: ['ns'], categories: [] },
  { resource: 'events', group: '', version: 'v1', kind: 'Event', namespaced: true, singular: 'event', shortNames: ['ev'], categories: [] },
]

export function resourceFor(resource: string): ResourceRef | undefined {
  return RESOURCES.find((r) => r.resource === resource)
}

export function resourceForKind(apiVersion: string, kind: string): ResourceRef | undefined {
  return RESOURCES.find((r) => (r.group ? `${r.group}/${r.version}` : r.version) === apiVersion && r.kind === kind)
}

export function apiVersionOf(ref: ResourceRef): string {
  return ref.group ? `${ref.group}/${ref.version}` : ref.version
}
