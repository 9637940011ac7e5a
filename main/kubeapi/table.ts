// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: the engine's one Table builder (Engine.tableOf),
// with each row's object as the request's includeObject asks (apiserver pkg/endpoints/handlers/response.go
// asTable): Metadata (the default) a PartialObjectMetadata with the object's whole metadata, which kubectl reads
// for -A, --show-labels and -L; Object the object itself (--sort-by); None nothing.

import type { Engine, ResourceRef } from '../engine'
import type { KubeObject } from '../kube'
import { badRequest } from './status'

export type IncludeObject = 'None' | 'Metadata' | 'Object'

/** The includeObject query parameter; BadRequest for another value, as metav1 validation refuses it. */
export function includeObjectOf(value: string | null): IncludeObject {
  if (value === null || value === '') return 'Metadata'
  if (value === 'None' || value === 'Metadata' || value === 'Object') return value
  throw badRequest(`includeObject: Unsupported value: "${value}": supported values: "Metadata", "None", "Object"`)
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
  const built = engine.tableOf(ref.resource, objects, ref.group)
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
