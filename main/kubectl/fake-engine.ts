// A small in-memory Engine for kubectl's tests, serving the same state the golden recorder's fake API server
// (scripts/golden/fake-apiserver.mjs) served to the real kubectl: objects, one Table, and create failures.

import type { KubeObject, Table } from '../contract'
import { ApiError, notFound, type StatusDetails } from '../engine/api/errors'
import type { Engine, ResourceRef } from '../engine/engine'

export interface FakeState {
  objects?: KubeObject[]
  table?: Table
  /** "<resource>/<name>" -> the Status a POST answers with. */
  createErrors?: Record<string, { reason: string; message: string; details?: StatusDetails }>
}

const RESOURCES: ResourceRef[] = [
  { resource: 'pods', group: '', version: 'v1', kind: 'Pod', namespaced: true },
  { resource: 'nodes', group: '', version: 'v1', kind: 'Node', namespaced: false },
  { resource: 'events', group: '', version: 'v1', kind: 'Event', namespaced: true },
  { resource: 'namespaces', group: '', version: 'v1', kind: 'Namespace', namespaced: false },
  { resource: 'deployments', group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true },
  { resource: 'replicasets', group: 'apps', version: 'v1', kind: 'ReplicaSet', namespaced: true },
]

export interface FakeEngine extends Engine {
  created: unknown[]
  updated: unknown[]
}

export function fakeEngine(state: FakeState): FakeEngine {
  const objects = [...(state.objects ?? [])]
  const kindOf = (resource: string) => RESOURCES.find((r) => r.resource === resource)?.kind
  const matches = (resource: string, namespace: string | undefined) => (o: KubeObject) =>
    o.kind === kindOf(resource) && (!namespace || (o.metadata.namespace ?? 'default') === namespace)
  const unsupported = (): never => {
    throw new Error('not used by kubectl tests')
  }
  const engine: FakeEngine = {
    created: [],
    updated: [],
    resources: () => RESOURCES,
    get(resource, namespace, name) {
      const found = objects.find((o) => matches(resource, namespace)(o) && o.metadata.name === name)
      if (!found) throw notFound(resource, name)
      return structuredClone(found)
    },
    list: (resource, namespace) => ({ items: structuredClone(objects.filter(matches(resource, namespace))), resourceVersion: '105' }),
    table(_resource, namespace) {
      const table = state.table ?? { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '105' }, columnDefinitions: [], rows: [] }
      return { ...table, rows: table.rows.filter((r) => !namespace || (r.object.metadata.namespace ?? namespace) === namespace) }
    },
    create(object) {
      engine.created.push(object)
      const o = object as KubeObject
      const resource = RESOURCES.find((r) => r.kind === o.kind)?.resource ?? ''
      const failure = state.createErrors?.[`${resource}/${o.metadata.name ?? ''}`]
      if (failure) throw new ApiError(failure.reason as never, failure.message, failure.details ?? {})
      return o
    },
    update(object) {
      engine.updated.push(object)
      return object as KubeObject
    },
    info: unsupported,
    delete: unsupported,
    watch: unsupported,
    clock: unsupported,
    advance: unsupported,
    pause: unsupported,
    resume: unsupported,
    setSpeed: unsupported,
    onClock: unsupported,
    close: unsupported,
  }
  return engine
}
