// metadata.managedFields in and out of structured-merge-diff's form (k8s.io/apimachinery pkg/util/managedfields/
// internal/managedfields.go): each entry is keyed by its manager identifier (BuildManagerIdentifier: the entry's
// JSON without time, fieldsType and fieldsV1, and without apiVersion for appliers), its fields a FieldSet; entries
// are written back sorted as sortEncodedManagedFields sorts them.

import { parseTime } from '../../runtime/clock'
import { FieldSet, FieldsV1Error } from '../../../kube/fieldpath'

/** metav1.ManagedFieldsEntry, in Go's field order (the JSON the apiserver writes). */
export interface ManagedFieldsEntry {
  manager: string
  operation: 'Apply' | 'Update'
  apiVersion: string
  /** RFC 3339, seconds (metav1.Time). */
  time?: string
  fieldsType: 'FieldsV1'
  fieldsV1: Record<string, unknown>
  subresource?: string
}

export interface ManagerSet {
  set: FieldSet
  apiVersion: string
  applied: boolean
  time?: string
}

/** The managers of an object by identifier (fieldpath.ManagedFields plus the times). */
export type Managed = Map<string, ManagerSet>

/** BuildManagerIdentifier: `{"manager":"kubelet","operation":"Update","apiVersion":"v1","subresource":"status"}`. */
export function managerIdentifier(manager: string, operation: 'Apply' | 'Update', apiVersion: string, subresource?: string): string {
  return JSON.stringify({
    manager,
    operation,
    ...(operation === 'Update' && apiVersion ? { apiVersion } : {}),
    ...(subresource ? { subresource } : {}),
  })
}

interface Identity {
  manager: string
  operation: 'Apply' | 'Update'
  apiVersion?: string
  subresource?: string
}

export const parseIdentifier = (id: string): Identity => JSON.parse(id) as Identity

/**
 * DecodeManagedFields: the entries of `value` (an object's metadata.managedFields). A malformed list decodes to
 * no managers, as the apiserver then starts over from the live object's (it logs and resets them).
 */
export function decodeManaged(value: unknown): Managed {
  const managed: Managed = new Map()
  if (!Array.isArray(value)) return managed
  try {
    for (const raw of value as ManagedFieldsEntry[]) {
      if (raw.operation !== 'Apply' && raw.operation !== 'Update') return new Map()
      const id = managerIdentifier(raw.manager ?? '', raw.operation, raw.apiVersion ?? '', raw.subresource)
      managed.set(id, {
        set: FieldSet.fromFieldsV1(raw.fieldsV1 ?? {}),
        apiVersion: raw.apiVersion ?? '',
        applied: raw.operation === 'Apply',
        ...(raw.time ? { time: raw.time } : {}),
      })
    }
  } catch (e) {
    if (e instanceof FieldsV1Error) return new Map()
    throw e
  }
  return managed
}

/** encodeManagedFields + sortEncodedManagedFields: by operation (Apply first), time, manager, apiVersion, subresource. */
export function encodeManaged(managed: Managed): ManagedFieldsEntry[] | undefined {
  const entries: ManagedFieldsEntry[] = []
  for (const [id, m] of managed) {
    const who = parseIdentifier(id)
    entries.push({
      manager: who.manager,
      operation: who.operation,
      apiVersion: m.apiVersion,
      ...(m.time ? { time: m.time } : {}),
      fieldsType: 'FieldsV1',
      fieldsV1: m.set.toFieldsV1(),
      ...(who.subresource ? { subresource: who.subresource } : {}),
    })
  }
  if (entries.length === 0) return undefined
  const seconds = (e: ManagedFieldsEntry): number => (e.time ? (parseTime(e.time) ?? 0) : 0)
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  return entries.sort(
    (p, q) =>
      cmp(p.operation, q.operation) ||
      seconds(p) - seconds(q) ||
      cmp(p.manager, q.manager) ||
      cmp(p.apiVersion, q.apiVersion) ||
      cmp(p.subresource ?? '', q.subresource ?? ''),
  )
}
