// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: the engine's one Table builder (Engine.tableOf),
// with each row's object as the request's includeObject asks (apiserver pkg/endpoints/handlers/response.go
// asTable): Metadata (the default) a PartialObjectMetadata with the object's whole metadata, which kubectl reads
// for -A, --show-labels and -L; Object the object itself (--sort-by); None nothing.

import type { Engine, ResourceRef } from '../engine'
import type { KubeObject, Table } from '../kube'
import { timestampSince } from '../gostd/human-duration'
import { badRequest } from './status'

export type IncludeObject = 'None' | 'Metadata' | 'Object'

/** The includeObject query parameter; BadRequest for another value, as metav1 validation refuses it. */
export function includeObjectOf(value: string | null): IncludeObject {
  if (value === null || value === '') return 'Metadata'
  if (value === 'None' || value === 'Metadata' || value === 'Object') return value
  throw badRequest(`includeObject: Unsupported value: "${value}": supported values: "Metadata", "None", "Object"`)
}

/**
 * The engine's printers are registered by plural alone: a group's resource that shares a core plural
 * (metrics.k8s.io's pods and nodes, events.k8s.io's events) would get the core kind's columns. Those get the
 * API server's default NAME AGE table (printers.go objectMetaColumnDefinitions) instead.
 */
function ownPrinter(engine: Engine, ref: ResourceRef): boolean {
  if (ref.group === '') return true
  return !engine.resources().some((r) => r.group === '' && r.resource === ref.resource)
}

function defaultTable(engine: Engine, objects: KubeObject[]): Table {
  const nowMs = engine.clock().nowMs
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '' },
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names', priority: 0 },
      { name: 'Age', type: 'string', format: '', description: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata', priority: 0 },
    ],
    rows: objects.map((o) => ({
      cells: [o.metadata.name ?? '', timestampSince(o.metadata.creationTimestamp, nowMs)],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: o.metadata.name ?? '', uid: '', resourceVersion: '', creationTimestamp: '' } },
    })),
  }
}

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return null
  if (include === 'Object') return object
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata }
}

export interface TableOptions {
  include: IncludeObject
  version: 'v1' | 'v1beta1'
  resourceVersion: string
  continueToken?: string
  remainingItemCount?: number
}

/** The Table of `objects` (of `ref`), in their order, each row's object as `include` says. Throws what tableOf throws. */
export function tableFor(engine: Engine, ref: ResourceRef, objects: KubeObject[], options: TableOptions): unknown {
  const built = ownPrinter(engine, ref) ? engine.tableOf(ref.resource, objects) : defaultTable(engine, objects)
  const rows = built.rows.map((row, i) => ({ cells: row.cells, object: rowObject(objects[i] as KubeObject, options.include) }))
  const metadata = {
    resourceVersion: options.resourceVersion,
    ...(options.continueToken ? { continue: options.continueToken } : {}),
    ...(options.remainingItemCount !== undefined ? { remainingItemCount: options.remainingItemCount } : {}),
  }
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${options.version}`,
    metadata,
    columnDefinitions: built.columnDefinitions,
    rows,
  }
}
