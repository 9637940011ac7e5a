// Computing a strategic merge patch from two documents: a port of apimachinery/pkg/util/strategicpatch/patch.go
// (v0.32.0) diffMaps and its helpers. Values of `modified` are shared into the patch, not copied.

import { goSprint, has, isJsonMap, put, type JsonMap } from './go-json'
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  deduplicateScalars,
  DIRECTIVE_MARKER,
  kindOf,
  MERGE_DIRECTIVE,
  normalizeSliceOrder,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  retainKeysAndStrategy,
  SET_ELEMENT_ORDER_PREFIX,
  sliceElementKind,
  sortMapsBasedOnField,
  sortScalars,
} from './list-order'
import type { LookupPatchMeta } from './patch-meta'
import { errBadArgType, errNoListOfLists, errNoMergeKey, StrategicPatchError } from './strategic-errors'
import { deepEqual, mergeKeyValueEqual } from './strategic-merge'

export interface DiffOptions {
  /** Emit `$setElementOrder/<list>` for merged lists. */
  setElementOrder?: boolean
  /** Leave out additions and changes (only deletions). */
  ignoreChangesAndAdditions?: boolean
  /** Leave out deletions (only additions and changes). */
  ignoreDeletions?: boolean
  /** Emit `$retainKeys` (set for the fields whose strategy has retainKeys). */
  buildRetainKeysDirective?: boolean
}

/** diffMaps: the patch that turns `original` into `modified` under `options`. Throws StrategicPatchError. */
export function diffMaps(original: JsonMap, modified: JsonMap, schema: LookupPatchMeta | null, options: DiffOptions): JsonMap {
  const patch: JsonMap = {}
  const retainKeys: string[] = []
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key)
    if (!has(original, key)) {
      if (!options.ignoreChangesAndAdditions) put(patch, key, modifiedValue)
      continue
    }
    const originalValue = original[key]
    if (key === DIRECTIVE_MARKER) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
        throw new StrategicPatchError(`invalid value for special key: ${DIRECTIVE_MARKER}`)
      }
      if (originalValue !== modifiedValue) patch[DIRECTIVE_MARKER] = modifiedValue
      continue
    }
    if (kindOf(originalValue) !== kindOf(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) put(patch, key, modifiedValue)
      continue
    }
    if (isJsonMap(originalValue)) handleMapDiff(key, originalValue, modifiedValue as JsonMap, patch, schema, options)
    else if (Array.isArray(originalValue)) handleSliceDiff(key, originalValue, modifiedValue as unknown[], patch, schema, options)
    else replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, patch, options)
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!has(modified, key)) put(patch, key, null)
  }
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS_DIRECTIVE] = sortScalars(retainKeys)
  }
  return patch
}

function lookup(schema: LookupPatchMeta | null, key: string, slice: boolean, same: boolean) {
  if (!schema) return [null, { strategies: [] as readonly string[], mergeKey: '' }] as const
  try {
    return slice ? schema.lookupSlice(key) : schema.lookupStruct(key)
  } catch (e) {
    // Without metadata for the field, identical values still need no patch.
    if (same) return undefined
    throw e
  }
}

function handleMapDiff(key: string, original: JsonMap, modified: JsonMap, patch: JsonMap, schema: LookupPatchMeta | null, options: DiffOptions) {
  const found = lookup(schema, key, false, deepEqual(original, modified))
  if (!found) return
  const [subschema, meta] = found
  const [retainKeys, strategy] = retainKeysAndStrategy(meta.strategies)
  const inner = { ...options, buildRetainKeysDirective: retainKeys }
  if (strategy === REPLACE_DIRECTIVE) {
    if (!options.ignoreChangesAndAdditions) put(patch, key, modified)
    return
  }
  const value = diffMaps(original, modified, subschema, inner)
  if (Object.keys(value).length > 0) put(patch, key, value)
}

function handleSliceDiff(
  key: string,
  original: unknown[],
  modified: unknown[],
  patch: JsonMap,
  schema: LookupPatchMeta | null,
  options: DiffOptions,
) {
  const found = lookup(schema, key, true, deepEqual(original, modified))
  if (!found) return
  const [subschema, meta] = found
  const [retainKeys, strategy] = retainKeysAndStrategy(meta.strategies)
  if (strategy !== MERGE_DIRECTIVE) {
    replacePatchFieldIfNotEqual(key, original, modified, patch, options)
    return
  }
  const [add, deletions, order] = diffLists(original, modified, subschema, meta.mergeKey, { ...options, buildRetainKeysDirective: retainKeys })
  if (add.length > 0) put(patch, key, add)
  if (deletions.length > 0) put(patch, `${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`, deletions)
  if (order.length > 0) put(patch, `${SET_ELEMENT_ORDER_PREFIX}/${key}`, order)
}

function replacePatchFieldIfNotEqual(key: string, original: unknown, modified: unknown, patch: JsonMap, options: DiffOptions) {
  if (options.ignoreChangesAndAdditions || deepEqual(original, modified)) return
  put(patch, key, modified)
}

function hasAdditionalNewField(original: JsonMap, modified: JsonMap): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !has(modified, k))
}

/** diffLists: the patch list, the deletion list (scalars) and the `$setElementOrder` list of a merged list. */
function diffLists(
  original: unknown[],
  modified: unknown[],
  schema: LookupPatchMeta | null,
  mergeKey: string,
  options: DiffOptions,
): [unknown[], unknown[], unknown[]] {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return [[], [], []]
    return [modified, [], []]
  }
  const kind = sliceElementKind(original, modified)
  if (kind === 'slice') throw errNoListOfLists()
  if (kind === 'map') {
    const [changes, deletions] = diffListsOfMaps(original, modified, schema, mergeKey, options)
    const patchList = [...normalizeSliceOrder(changes, modified, mergeKey, kind), ...deletions]
    const orderSame = isOrderSame(original, modified, mergeKey)
    let order: unknown[] = []
    if (
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!options.ignoreDeletions && patchList.length > 0))
    ) {
      order = modified.map((v) => ({ [mergeKey]: (v as JsonMap)[mergeKey] }))
    }
    return [patchList, [], order]
  }
  const [adds, deletions] = diffListsOfScalars(original, modified, options)
  const patchList = normalizeSliceOrder(adds, modified, mergeKey, kind)
  const order =
    options.setElementOrder &&
    ((!options.ignoreDeletions && deletions.length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)))
      ? modified
      : []
  return [patchList, deletions, order]
}

function isOrderSame(original: unknown[], modified: unknown[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false
  return modified.every((m, i) => mergeKeyValueEqual(original[i], m, mergeKey))
}

/** diffListsOfScalars: additions and deletions between two lists compared as sorted `%v` strings. */
function diffListsOfScalars(original: unknown[], modified: unknown[], options: DiffOptions): [unknown[], unknown[]] {
  const o = sortScalars(original)
  const m = sortScalars(modified)
  const adds: unknown[] = []
  const deletions: unknown[] = []
  let i = 0
  let j = 0
  while (i < o.length || j < m.length) {
    const os = i < o.length ? goSprint(o[i], true) : undefined
    const ms = j < m.length ? goSprint(m[j], true) : undefined
    if (os !== undefined && ms !== undefined && os === ms) {
      i++
      j++
    } else if (os === undefined || (ms !== undefined && os > ms)) {
      if (!options.ignoreChangesAndAdditions) adds.push(m[j])
      j++
    } else {
      if (!options.ignoreDeletions) deletions.push(o[i])
      i++
    }
  }
  return [adds, deduplicateScalars(deletions)]
}

/** diffListsOfMaps: changed/added elements (recursive patches keyed by merge key) and `$patch: delete` elements. */
function diffListsOfMaps(
  original: unknown[],
  modified: unknown[],
  schema: LookupPatchMeta | null,
  mergeKey: string,
  options: DiffOptions,
): [unknown[], unknown[]] {
  const patch: unknown[] = []
  const deletions: unknown[] = []
  const o = sortMapsBasedOnField(checkedMaps(original, mergeKey), mergeKey)
  const m = sortMapsBasedOnField(checkedMaps(modified, mergeKey), mergeKey)
  let i = 0
  let j = 0
  while (i < o.length || j < m.length) {
    const oe = o[i] as JsonMap | undefined
    const me = m[j] as JsonMap | undefined
    const os = oe ? goSprint(oe[mergeKey], true) : undefined
    const ms = me ? goSprint(me[mergeKey], true) : undefined
    if (oe && me && os === ms) {
      const value = diffMaps(oe, me, schema, options)
      if (Object.keys(value).length > 0) {
        put(value, mergeKey, me[mergeKey])
        patch.push(value)
      }
      i++
      j++
    } else if (me && (!oe || (os as string) > (ms as string))) {
      if (!options.ignoreChangesAndAdditions) patch.push(me)
      j++
    } else if (oe) {
      if (!options.ignoreDeletions) deletions.push({ [mergeKey]: oe[mergeKey], [DIRECTIVE_MARKER]: DELETE_DIRECTIVE })
      i++
    }
  }
  return [patch, deletions]
}

/** getMapAndMergeKeyValueByIndex's checks, for every element. */
function checkedMaps(list: unknown[], mergeKey: string): unknown[] {
  for (const v of list) {
    if (!isJsonMap(v)) throw errBadArgType('map', v)
    if (!has(v, mergeKey)) throw errNoMergeKey(v, mergeKey)
  }
  return list
}
