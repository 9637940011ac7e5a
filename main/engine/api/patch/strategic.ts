// The strategic merge patch (`application/strategic-merge-patch+json`) entry points: applying one as the API server
// does, and computing one as `kubectl apply` does. Merge keys and strategies come from the generated API schema.

import { ApiError } from '../errors'
import { goJsonKind, isJsonMap, type JsonMap } from './go-json'
import { schemaPatchMeta, type LookupPatchMeta } from './patch-meta'
import { diffMaps } from './strategic-diff'
import { errBadJSONDoc, StrategicPatchError, toApiError } from './strategic-errors'
import { mergeMap } from './strategic-merge'

/** A schema type name such as `io.k8s.api.core.v1.Pod` (or `core.v1.Pod`), or a LookupPatchMeta of one's own. */
export type PatchSchema = string | LookupPatchMeta

function lookupFor(schema: PatchSchema): LookupPatchMeta {
  return typeof schema === 'string' ? schemaPatchMeta(schema) : schema
}

/**
 * Applies a strategic merge patch to a copy of `doc` (StrategicMergeMapPatch, as apiserver's handlers/patch.go calls
 * it) and returns the copy; neither argument is changed. Lists merge by their merge key where the schema says
 * `merge`, and the directives `$patch`, `$setElementOrder/`, `$retainKeys`, `$deleteFromPrimitiveList/` apply.
 * Throws ApiError: BadRequest (400) for a patch that is not an object or is badly formed (mergepatch's format
 * errors, in their words), Invalid (422) for a list of lists, Internal (500) with the error's text otherwise (the
 * API server passes those through unwrapped). Throws Error for a type the schema does not know.
 */
export function applyStrategicMergePatch<T>(doc: T, patch: unknown, type: PatchSchema): T {
  const schema = lookupFor(type)
  if (patch === null) return structuredClone(doc)
  if (!isJsonMap(patch)) {
    throw new ApiError('BadRequest', `json: cannot unmarshal ${goJsonKind(patch)} into Go value of type map[string]interface {}`)
  }
  if (!isJsonMap(doc)) throw new Error('strategic merge patch: the document is not an object')
  try {
    return mergeMap(structuredClone(doc), structuredClone(patch), schema, { mergeParallelList: true, ignoreUnmatchedNulls: true }) as T
  } catch (e) {
    throw asApiError(e)
  }
}

function asApiError(e: unknown): unknown {
  return e instanceof StrategicPatchError ? toApiError(e) : e
}

/**
 * The strategic merge patch `kubectl apply` sends (CreateThreeWayMergePatch with overwrite=true): the changes and
 * additions from `current` (the live object) to `modified` (the new manifest, with its last-applied annotation),
 * plus the deletions from `original` (the previous last-applied configuration, `{}` or null when there is none) to
 * `modified`, with `$setElementOrder` lists. Keys are sorted as Go's json.Marshal writes them, so
 * `JSON.stringify` of the result is the body kubectl sends. No argument is changed.
 * Throws StrategicPatchError (kubectl reports it as an error of its own, not the server's).
 */
export function createThreeWayMergePatch(original: unknown, modified: unknown, current: unknown, type: PatchSchema): JsonMap {
  const schema = lookupFor(type)
  const [o, m, c] = [asDoc(original), asDoc(modified), asDoc(current)]
  const delta = diffMaps(c, m, schema, { ignoreDeletions: true, setElementOrder: true })
  const deletions = diffMaps(o, m, schema, { ignoreChangesAndAdditions: true, setElementOrder: true })
  const patch = mergeMap(structuredClone(deletions), structuredClone(delta), schema, { mergeParallelList: false, ignoreUnmatchedNulls: false })
  return sortKeys(patch) as JsonMap
}

/** CreateTwoWayMergePatch: the patch that turns `original` into `modified`. Throws StrategicPatchError. */
export function createTwoWayMergePatch(original: unknown, modified: unknown, type: PatchSchema): JsonMap {
  return sortKeys(diffMaps(asDoc(original), asDoc(modified), lookupFor(type), { setElementOrder: true })) as JsonMap
}

/**
 * kubectl apply's preconditions on its patch (mergepatch.RequireKeyUnchanged("apiVersion"), ("kind"),
 * RequireMetadataKeyUnchanged("name")): false when the patch would change one of them, and kubectl then fails with
 * `At least one of apiVersion, kind and name was changed`.
 */
export function keepsIdentity(patch: JsonMap): boolean {
  if (Object.hasOwn(patch, 'apiVersion') || Object.hasOwn(patch, 'kind')) return false
  const metadata = patch.metadata
  return !(isJsonMap(metadata) && Object.hasOwn(metadata, 'name'))
}

function asDoc(v: unknown): JsonMap {
  if (v === null || v === undefined) return {}
  if (!isJsonMap(v)) throw errBadJSONDoc()
  return structuredClone(v)
}

/** A deep copy with every object's keys in sorted order (encoding/json writes maps so). */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (!isJsonMap(v)) return v
  const out: JsonMap = {}
  for (const k of Object.keys(v).sort()) Object.defineProperty(out, k, { value: sortKeys(v[k]), writable: true, enumerable: true, configurable: true })
  return out
}
