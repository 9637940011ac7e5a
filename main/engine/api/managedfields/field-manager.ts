// The API server's field manager (k8s.io/apimachinery pkg/util/managedfields/internal: fieldmanager.go,
// managedfieldsupdater.go, stripmeta.go, structuredmerge.go) over structured-merge-diff's Updater
// (sigs.k8s.io/structured-merge-diff/v4 merge/update.go): every write records which manager set which fields.
//   Update (create, update, patch; `status` for the status subresource): the fields the write added or changed
//     are the manager's (merged with what it had), taken from the others; removed fields leave every manager.
//   Apply: the manager's applied set becomes exactly the fields of its configuration; the configuration is
//     merged into the live object; fields it applied before, no longer applies and nobody else owns are removed;
//     a field another manager owns whose value the apply changes is a conflict (409) unless forced, when
//     ownership moves.
// Not ported: capping Update managers at 10 (capmanagers.go, "ancient-changes"), the last-applied annotation's
// interplay with Apply (lastappliedmanager.go), version conversion (Podlab serves one version of each kind).

import type { KubeObject } from '../../../kube'
import { ApiError } from '../errors'
import { pathString, FieldSet } from '../../../kube/fieldpath'
import { decodeManaged, encodeManaged, managerIdentifier, parseIdentifier, type Managed, type ManagedFieldsEntry } from './managed'
import { schemaFor } from './schema'
import { compare, deepEqual, merge, removeItems, toFieldSet, type Comparison } from './typed'
import { zeroObject } from './zero-objects'

/** Who writes and how. */
export interface FieldManagerRequest {
  /** The field manager (`kubectl-client-side-apply`, `kubelet` ...). */
  manager: string
  /** `status` for a write of the status subresource, `finalize` for namespaces/finalize. */
  subresource?: 'status' | 'finalize'
  /** The write's time, RFC 3339 seconds (the virtual clock). */
  time: string
  /** The kind has a status subresource: a main write owns no status field, a status write only status fields (GetResetFields). */
  hasStatus: boolean
}

/** stripmeta.go: fields no manager owns. */
const STRIPPED = FieldSet.of(
  ['f:apiVersion'],
  ['f:kind'],
  ['f:metadata'],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((f) => ['f:metadata', `f:${f}`]),
)

/** The object as structured-merge-diff sees it: without metadata.managedFields. */
function typedValue(object: KubeObject): Record<string, unknown> {
  const { managedFields: _m, ...metadata } = object.metadata ?? {}
  return { ...object, metadata }
}

/** The reset-fields filter (NewExcludeFilterSetMap of the strategy's GetResetFields). */
function resetFilter(set: FieldSet, request: FieldManagerRequest): FieldSet {
  if (!request.hasStatus) return set
  const out = new FieldSet()
  for (const m of set.members) if ((m === 'f:status') === (request.subresource === 'status')) out.members.add(m)
  for (const [e, c] of set.children) if ((e === 'f:status') === (request.subresource === 'status')) out.children.set(e, c)
  return out
}

function filtered(c: Comparison, request: FieldManagerRequest): Comparison {
  return { added: resetFilter(c.added, request), modified: resetFilter(c.modified, request), removed: resetFilter(c.removed, request) }
}

/**
 * FieldManager.Update: the managedFields `next` gets when `request.manager` writes it over `live` (undefined:
 * a create). A body carrying managedFields of its own (not on a subresource) is taken as the base, as the
 * apiserver allows clients to rewrite them (kubectl's client-side-apply upgrade does). Cost: one walk of both
 * objects, plus decoding and encoding the managers' sets.
 */
export function managedFieldsForUpdate(live: KubeObject | undefined, next: KubeObject, request: FieldManagerRequest, trustSent = true): ManagedFieldsEntry[] | undefined {
  const sent = request.subresource || !trustSent ? new Map() : decodeManaged(next.metadata.managedFields)
  const managed = sent.size > 0 ? sent : decodeManaged(live?.metadata.managedFields)
  const before = live ? typedValue(live) : zeroObject(next.apiVersion, next.kind)
  const atom = schemaFor(next.apiVersion, next.kind)
  const changes = filtered(compare(before, typedValue(next), atom), request)
  const id = managerIdentifier(request.manager, 'Update', next.apiVersion, request.subresource)
  const taken = strip(changes.added.union(changes.modified))
  // managedFieldsUpdater.Update: the write runs as "current-operation"; the fields it took join the manager's.
  for (const [, m] of managed) m.set = m.set.difference(taken).difference(changes.removed)
  if (!taken.empty()) {
    const previous = managed.get(id)
    managed.set(id, { set: previous ? previous.set.union(taken) : taken, apiVersion: next.apiVersion, applied: false, time: request.time })
  }
  for (const [key, m] of managed) if (m.set.empty()) managed.delete(key)
  return encodeManaged(managed)
}

const strip = (set: FieldSet): FieldSet => set.difference(STRIPPED)

/** What an apply made: the object to store (undefined when nothing changed) and its managedFields. */
export interface ApplyOutcome {
  object: KubeObject | undefined
  managedFields: ManagedFieldsEntry[] | undefined
}

/**
 * FieldManager.Apply of `config` by `request.manager` over `live` (undefined: the object does not exist yet).
 * Throws ApiError Conflict (409, the apiserver's message and FieldManagerConflict causes) when a field another
 * manager owns would change and `force` is false.
 */
export function applyConfiguration(live: KubeObject | undefined, config: KubeObject, request: FieldManagerRequest, force: boolean): ApplyOutcome {
  const atom = schemaFor(config.apiVersion, config.kind)
  const liveValue = live ? typedValue(live) : zeroObject(config.apiVersion, config.kind)
  const managed: Managed = decodeManaged(live?.metadata.managedFields)
  const id = managerIdentifier(request.manager, 'Apply', config.apiVersion, request.subresource)
  const configValue = typedValue(config)
  let merged = merge(liveValue, configValue, atom) as Record<string, unknown>
  const lastSet = managed.get(id)?.set
  const applied = strip(resetFilter(toFieldSet(configValue, atom), request))
  managed.set(id, { set: applied, apiVersion: config.apiVersion, applied: true, ...(managed.get(id)?.time ? { time: managed.get(id)!.time } : {}) })
  if (lastSet && !lastSet.empty()) merged = prune(merged, managed, lastSet, atom)
  const changes = filtered(compare(liveValue, merged, atom), request)
  const touched = changes.added.union(changes.modified)
  const conflicts: Array<{ manager: string; path: string[] }> = []
  for (const [key, m] of managed) {
    if (key === id) continue
    for (const path of m.set.intersection(touched).paths()) conflicts.push({ manager: key, path })
  }
  if (conflicts.length > 0 && !force) throw conflictError(conflicts)
  for (const [key, m] of managed) {
    if (key === id) continue
    m.set = m.set.difference(touched).difference(changes.removed)
    if (m.set.empty()) managed.delete(key)
  }
  if (managed.get(id)?.set.empty()) managed.delete(id)
  if (live && deepEqual(liveValue, merged)) return { object: undefined, managedFields: encodeManaged(managed) }
  const mine = managed.get(id)
  if (mine) mine.time = request.time
  return { object: merged as KubeObject, managedFields: encodeManaged(managed) }
}

/** Updater.prune: drops what the manager applied last time, no longer applies, and nobody (itself included) owns. */
function prune(merged: Record<string, unknown>, managed: Managed, lastSet: FieldSet, atom: ReturnType<typeof schemaFor>): Record<string, unknown> {
  const pruned = removeItems(merged, lastSet, atom) ?? {}
  let owned = new FieldSet()
  for (const [, m] of managed) owned = owned.union(m.set)
  const mergedSet = toFieldSet(merged, atom)
  // addBackOwnedItems: keep whatever survived the first cut or is owned by anyone.
  const addedBack = removeItems(merged, mergedSet.difference(toFieldSet(pruned, atom).union(owned)), atom) ?? {}
  // addBackDanglingItems: only what the manager itself had applied goes.
  const gone = mergedSet.difference(toFieldSet(addedBack, atom)).intersection(lastSet)
  return (removeItems(merged, gone, atom) ?? {}) as Record<string, unknown>
}

/** internal/conflict.go NewConflictError: the message and one cause per conflicting field. */
function conflictError(conflicts: Array<{ manager: string; path: string[] }>): ApiError {
  const causes = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.manager)}`, field: pathString(c.path) }))
  let message: string
  if (conflicts.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${printManager(conflicts[0]!.manager)}: ${pathString(conflicts[0]!.path)}`
  } else {
    const byManager = new Map<string, string[]>()
    for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), pathString(c.path)])
    const lines: string[] = []
    for (const manager of [...byManager.keys()].sort()) {
      lines.push(`conflicts with ${printManager(manager)}:`)
      for (const p of byManager.get(manager)!) lines.push(`- ${p}`)
    }
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`
  }
  return new ApiError('Conflict', message, { causes })
}

/** printManager: `"kubectl-client-side-apply" using v1`, `"kubelet" with subresource "status" using v1`, `"kubectl"` for an applier. */
function printManager(id: string): string {
  const who = parseIdentifier(id)
  let out = JSON.stringify(who.manager)
  if (who.subresource) out += ` with subresource ${JSON.stringify(who.subresource)}`
  return who.operation === 'Update' ? `${out} using ${who.apiVersion ?? ''}` : out
}
