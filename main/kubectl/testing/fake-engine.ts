// A small in-memory Engine for kubectl's tests, serving the same state the golden recorder's fake API server
// (scripts/golden/fake-apiserver.mjs) served to the real kubectl: objects, one Table, and create failures.
// PATCH answers as the fake server's: the stored object, unchanged (NotFound when there is none). DELETE
// behaves as the fake server's: the object stays, with deletionTimestamp, unless the grace is 0. The clock is a
// manual one that stands still (advance only adds up what was asked, in `advancedMs`).

import type { ClockState, KubeObject, Table } from '../../kube'
import { ApiError, notFound, type StatusDetails } from '../../engine/api/errors'
import { rfc3339 } from '../../engine/runtime/clock'
import { instantAfterSeconds } from '../../engine/runtime/time-range'
import type { CreateOptions, DeleteOptions, Engine, ListOptions, PatchType, ResourceRef } from '../../engine/engine'
import { parseSelector } from '../../engine/labels'
import { filterByFields } from '../../engine/fields'
import { openAPIV3, openAPIV3Root } from '../../engine/api/openapi'

export interface FakeState {
  objects?: KubeObject[]
  table?: Table
  /** A resource's own Table (the fake server's `tables`); `table` serves the others. */
  tables?: Record<string, Table>
  /** "<resource>/<name>" -> the Status a POST answers with. */
  createErrors?: Record<string, { reason: string; message: string; details?: StatusDetails }>
  /** "<resource>/<name>" -> the Status a server-side apply answers with (scripts/golden/fake-ssa.mjs's applyErrors). */
  applyErrors?: Record<string, { reason: string; message: string; details?: StatusDetails }>
  /** The clock's now (RFC 3339), when a case was recorded at another time than the fake server's NOW. */
  now?: string
}

const RESOURCES: ResourceRef[] = [
  { resource: 'pods', group: '', version: 'v1', kind: 'Pod', namespaced: true, singular: 'pod', shortNames: ['po'], categories: ['all'] },
  { resource: 'nodes', group: '', version: 'v1', kind: 'Node', namespaced: false, singular: 'node', shortNames: ['no'] },
  { resource: 'events', group: '', version: 'v1', kind: 'Event', namespaced: true, singular: 'event', shortNames: ['ev'] },
  { resource: 'namespaces', group: '', version: 'v1', kind: 'Namespace', namespaced: false, singular: 'namespace', shortNames: ['ns'] },
  { resource: 'deployments', group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true, singular: 'deployment', shortNames: ['deploy'], categories: ['all'] },
  { resource: 'replicasets', group: 'apps', version: 'v1', kind: 'ReplicaSet', namespaced: true, singular: 'replicaset', shortNames: ['rs'], categories: ['all'] },
  { resource: 'configmaps', group: '', version: 'v1', kind: 'ConfigMap', namespaced: true, singular: 'configmap', shortNames: ['cm'] },
  { resource: 'secrets', group: '', version: 'v1', kind: 'Secret', namespaced: true, singular: 'secret' },
  // Not in `all` here, as on the fake API server (its `get all` goldens predate jobs).
  { resource: 'jobs', group: 'batch', version: 'v1', kind: 'Job', namespaced: true, singular: 'job' },
  // Fetched by describe node with a direct GET; the fake API server's discovery does not list it.
  { resource: 'leases', group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', namespaced: true, singular: 'lease' },
]

/** What the fake API server's discovery lists (scripts/golden/fake-apiserver.mjs), for api-resources and the mapper. */
const DISCOVERED = RESOURCES.filter((r) => r.resource !== 'leases')

export interface FakeEngine extends Engine {
  created: unknown[]
  /** The options of each create call, in order. */
  createOptions: CreateOptions[]
  updated: unknown[]
  /** Every patch call, found or not, in order. */
  patched: Array<{ resource: string; namespace: string | undefined; name: string; patchType: PatchType | 'apply'; patch: unknown; options: CreateOptions }>
  /** Every delete call, found or not, in order. */
  deleted: Array<{ resource: string; namespace: string | undefined; name: string; options: DeleteOptions }>
  advancedMs: number
  /** How many advance calls made it up. */
  advances: number
  /** Every list call, in order. */
  listed: Array<{ resource: string; namespace: string | undefined; options: ListOptions }>
}

/** The fake API server's "now" (its POST answers are created at this time). */
const NOW = '2025-03-01T12:00:00Z'

export function fakeEngine(state: FakeState): FakeEngine {
  const objects = [...(state.objects ?? [])]
  const kindOf = (resource: string) => RESOURCES.find((r) => r.resource === resource)?.kind
  const matches = (resource: string, namespace: string | undefined) => (o: KubeObject) =>
    o.kind === kindOf(resource) && (!namespace || (o.metadata.namespace ?? 'default') === namespace)
  const unsupported = (): never => {
    throw new Error('not used by kubectl tests')
  }
  const now = state.now ?? NOW
  const clock = (): ClockState => ({ now, nowMs: Date.parse(now), mode: 'manual', paused: false, speed: 1 })
  const engine: FakeEngine = {
    created: [],
    createOptions: [],
    updated: [],
    patched: [],
    deleted: [],
    advancedMs: 0,
    advances: 0,
    listed: [],
    resources: () => DISCOVERED,
    // The same documents as the engine's (the golden fake server serves them too: scripts/golden/fake-explain.mjs).
    openAPIV3Root,
    openAPIV3,
    get(resource, namespace, name, group) {
      const found = objects.find((o) => matches(resource, namespace)(o) && o.metadata.name === name)
      if (!found) throw notFound(resource, name, group)
      return structuredClone(found)
    },
    list(resource, namespace, options = {}) {
      engine.listed.push({ resource, namespace, options })
      // As the API server: a bad selector throws its BadRequest (LabelSelectorError).
      const selector = parseSelector(options.labelSelector ?? '')
      const labelled = objects.filter(matches(resource, namespace)).filter((o) => selector.matches(o.metadata.labels))
      const ref = RESOURCES.find((r) => r.resource === resource)
      const items = options.fieldSelector && ref ? filterByFields(ref.group, ref.kind, ref.namespaced, options.fieldSelector, labelled) : labelled
      return { items: structuredClone(items), resourceVersion: '105' }
    },
    timeline: () => [],
    schedulingVerdicts: () => [],
    imageCatalog: () => ({ images: [] }),
    // The recorded Table's rows of these objects (by namespace and name), in the recorded order.
    tableOf(resource, objects) {
      const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`
      const wanted = new Set(objects.map(key))
      const table = engine.table(resource, undefined)
      return { ...table, rows: table.rows.filter((r) => wanted.has(key(r.object as KubeObject)) || wanted.has(`/${r.object.metadata.name ?? ''}`)) }
    },
    table(resource, namespace) {
      const table = state.tables?.[resource] ?? state.table ?? { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '105' }, columnDefinitions: [], rows: [] }
      return { ...table, rows: table.rows.filter((r) => !namespace || (r.object.metadata.namespace ?? namespace) === namespace) }
    },
    create(object, options = {}) {
      engine.created.push(object)
      engine.createOptions.push(options)
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
    patch(resource, namespace, name, patchType, patch, options = {}) {
      engine.patched.push({ resource, namespace, name, patchType, patch, options })
      return engine.get(resource, namespace, name)
    },
    apply(resource, namespace, name, body, options) {
      engine.patched.push({ resource, namespace, name, patchType: 'apply', patch: body, options })
      const failure = state.applyErrors?.[`${resource}/${name}`]
      if (failure) throw new ApiError(failure.reason as never, failure.message, failure.details ?? {})
      // As scripts/golden/fake-ssa.mjs answers: the stored object with the applied fields over it, or the applied
      // object as created at the fake server's time.
      const applied = body as KubeObject
      const found = objects.find((o) => matches(resource, namespace)(o) && o.metadata.name === name)
      if (!found) return { object: { ...applied, metadata: { uid: 'uid-1', resourceVersion: '106', creationTimestamp: '2025-03-01T12:00:00Z', ...applied.metadata } }, created: true }
      return { object: structuredClone({ ...found, ...applied, metadata: { ...found.metadata, ...applied.metadata } }), created: false }
    },
    delete(resource, namespace, name, options = {}) {
      engine.deleted.push({ resource, namespace, name, options })
      const at = objects.findIndex((o) => matches(resource, namespace)(o) && o.metadata.name === name)
      if (at < 0) throw notFound(resource, name, RESOURCES.find((r) => r.resource === resource)?.group)
      const found = objects[at]!
      const spec = found.spec as { terminationGracePeriodSeconds?: number } | undefined
      const grace = options.gracePeriodSeconds ?? spec?.terminationGracePeriodSeconds ?? 30
      if (grace === 0) return structuredClone(objects.splice(at, 1)[0]!)
      const deletionTimestamp = rfc3339(instantAfterSeconds(Date.parse(NOW), grace))
      objects[at] = { ...found, metadata: { ...found.metadata, deletionTimestamp, deletionGracePeriodSeconds: grace } }
      return structuredClone(objects[at]!)
    },
    logs: unsupported,
    followLogs: unsupported,
    exec: unsupported,
    execOpen: unsupported,
    attachOpen: unsupported,
    execInput: unsupported,
    execClose: unsupported,
    clock,
    advance(milliseconds) {
      engine.advancedMs += milliseconds
      engine.advances += 1
      return clock()
    },
    info: () => ({ name: 'fake', seed: '1', resourceVersion: '105', clock: clock() }),
    watch: unsupported,
    pause: unsupported,
    resume: unsupported,
    setSpeed: unsupported,
    chaos: unsupported,
    onClock: unsupported,
    close: unsupported,
    evict: unsupported,
    updateStatus: unsupported,
    patchStatus: unsupported,
    bind: unsupported,
    powerNode: unsupported,
    imagePreview: unsupported,
    nextEventAt: unsupported,
    stepToNextEvent: unsupported,
    history: unsupported,
    historyVersion: unsupported,
    clusterTimeline: unsupported,
  }
  return engine
}
