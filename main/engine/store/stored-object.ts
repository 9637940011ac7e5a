// An object body read back from the cluster file goes through the API server's own decoder for its kind (the
// file may come from a stranger: a body that is not JSON, not an object, of the wrong kind, with fields of the
// wrong type or a pod the kubelet cannot walk must stop here with a sentence, not as a TypeError later).

import type { KubeObject } from '../../kube'
import { validatePod } from '../api/pods'
import type { Pod } from '../api/pods/types'
import { decodeKnown } from '../api/strict'
import { apiVersionOf, definitionFor } from '../resources/registry'
import { damagedRow } from './open/errors'

/** Where a body was read from, for the sentence: `objects` row pods/default/web. */
export interface StoredRow {
  table: 'objects' | 'history'
  resource: string
  namespace: string
  name: string
  uid: string
  body: string
}

/** Rows (key and body) that passed, so that the controllers' repeated reads of one version decode it once. */
const passed = new Set<string>()
const MAX_REMEMBERED = 20_000

function where(row: StoredRow): string {
  const at = [row.resource, row.namespace, row.name].filter((p) => p !== '').join('/')
  return `${row.table} row ${at}`
}

function problem(row: StoredRow, value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'has a body that is not a JSON object'
  const o = value as Partial<KubeObject>
  const ref = definitionFor(row.resource)
  if (!ref) return `is of a resource Podlab does not serve`
  const apiVersion = apiVersionOf(ref)
  if (o.apiVersion !== apiVersion || o.kind !== ref.kind) return `has a body that is not a ${apiVersion} ${ref.kind}`
  const m = o.metadata
  if (typeof m !== 'object' || m === null) return 'has a body without metadata'
  if (m.name !== row.name) return `has a body whose metadata.name is not "${row.name}"`
  if ((m.namespace ?? '') !== row.namespace) return `has a body whose metadata.namespace is not "${row.namespace}"`
  if (m.uid !== row.uid || row.uid === '') return `has a body whose metadata.uid is not its row's`
  const decoded = decodeKnown(apiVersion, ref.kind, value)
  if (decoded?.error) return `has a body the API server cannot decode: ${decoded.error}`
  if (decoded && decoded.unknownFields.length > 0) return `has a body with a field Podlab does not know: ${decoded.unknownFields[0]}`
  if (row.resource === 'pods') {
    if (typeof (o as Pod).spec !== 'object' || !Array.isArray((o as Pod).spec?.containers)) return 'has a pod body without spec.containers'
    const errors = validatePod(o as Pod)
    if (errors.length > 0) return `has a pod body that is invalid: ${errors[0]?.field}: ${errors[0]?.body}`
  }
  return undefined
}

/**
 * The object stored in `row`, checked as the API server checks what it decodes. Throws ClusterFileDamaged
 * naming the table and row when the body is not an object Podlab could have written; `file` names the file.
 */
export function decodeStored<T extends KubeObject = KubeObject>(file: string, row: StoredRow): T {
  let value: unknown
  try {
    value = JSON.parse(row.body)
  } catch {
    throw damagedRow(file, `${where(row)} has a body that is not JSON`)
  }
  const key = `${row.resource}\u0000${row.namespace}\u0000${row.name}\u0000${row.uid}\u0000${row.body}`
  if (!passed.has(key)) {
    const found = problem(row, value)
    if (found) throw damagedRow(file, `${where(row)} ${found}`)
    if (passed.size >= MAX_REMEMBERED) passed.clear()
    passed.add(key)
  }
  return value as T
}
