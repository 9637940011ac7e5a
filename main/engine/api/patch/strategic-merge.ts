// Applying a strategic merge patch: a port of apimachinery/pkg/util/strategicpatch/patch.go (v0.32.0) mergeMap and
// its helpers. Like the Go code it changes the maps it is given; the exported functions work on copies.

import { goSprint, has, isJsonMap, put, type JsonMap } from './go-json'
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  deduplicateScalars,
  DIRECTIVE_MARKER,
  extractToDeleteItems,
  findMapByKey,
  kindOf,
  MERGE_DIRECTIVE,
  normalizeElementOrder,
  partitionByPresentInList,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  retainKeysAndStrategy,
  SET_ELEMENT_ORDER_PREFIX,
  sliceElementKind,
} from './list-order'
import type { LookupPatchMeta } from './patch-meta'
import {
  errBadArgType,
  errBadPatchFormatForPrimitiveList,
  errBadPatchFormatForRetainKeys,
  errBadPatchFormatForSetElementOrderList,
  errBadPatchType,
  errNoMergeKey,
  StrategicPatchError,
} from './strategic-errors'

export interface MergeOptions {
  /** Apply `$deleteFromPrimitiveList` and `$setElementOrder` (server side); otherwise keep them (merging two patches). */
  mergeParallelList: boolean
  /** Drop a `null` that has nothing to delete (server side); otherwise keep it so a merged patch still deletes. */
  ignoreUnmatchedNulls: boolean
}

const NO_META = { strategies: [] as readonly string[], mergeKey: '' }

function lookupStruct(schema: LookupPatchMeta | null, key: string) {
  return schema ? schema.lookupStruct(key) : ([null, NO_META] as const)
}
function lookupSlice(schema: LookupPatchMeta | null, key: string) {
  return schema ? schema.lookupSlice(key) : ([null, NO_META] as const)
}

/** mergeMap: merges `patch` into `original` (both changed) and returns the result. Throws StrategicPatchError. */
export function mergeMap(original: JsonMap | null, patch: JsonMap, schema: LookupPatchMeta | null, options: MergeOptions): JsonMap {
  if (has(patch, DIRECTIVE_MARKER)) return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch)
  const target: JsonMap = original ?? {}
  applyRetainKeysDirective(target, patch, options)
  mergePatchIntoOriginal(target, patch, schema, options)

  for (let [k, patchV] of Object.entries(patch)) {
    let isDeleteList = false
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!options.mergeParallelList) {
        put(target, k, patchV)
        continue
      }
      k = extractKey(k, DELETE_FROM_PRIMITIVE_LIST_PREFIX)
      isDeleteList = true
    }

    if (patchV === null) {
      delete target[k]
      if (options.ignoreUnmatchedNulls) continue
    }

    if (!has(target, k) || kindOf(target[k]) !== kindOf(patchV)) {
      if (!isDeleteList) {
        if (options.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV)
        setWithoutDirectives(target, k, patchV)
      }
      continue
    }

    const originalV = target[k]
    if (isJsonMap(originalV)) {
      const [subschema, meta] = lookupStruct(schema, k)
      const [, strategy] = retainKeysAndStrategy(meta.strategies)
      target[k] = strategy !== REPLACE_DIRECTIVE ? mergeMap(originalV, patchV as JsonMap, subschema, options) : patchV
    } else if (Array.isArray(originalV)) {
      const [subschema, meta] = lookupSlice(schema, k)
      const [, strategy] = retainKeysAndStrategy(meta.strategies)
      target[k] =
        strategy === MERGE_DIRECTIVE || isDeleteList
          ? mergeSlice(originalV, patchV as unknown[], subschema, meta.mergeKey, options, isDeleteList)
          : patchV
    } else {
      setWithoutDirectives(target, k, patchV)
    }
  }
  return target
}

function setWithoutDirectives(target: JsonMap, k: string, v: unknown): void {
  const [value, keep] = removeDirectives(v)
  if (keep) put(target, k, value)
  else delete target[k]
}

function handleDirectiveInMergeMap(directive: unknown, patch: JsonMap): JsonMap {
  if (directive === REPLACE_DIRECTIVE) {
    delete patch[DIRECTIVE_MARKER]
    return patch
  }
  if (directive === DELETE_DIRECTIVE) return {}
  throw errBadPatchType(directive, patch)
}

/** extractKey: `$setElementOrder/containers` -> `containers`. */
export function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/')
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw errBadPatchFormatForPrimitiveList()
    if (prefix === SET_ELEMENT_ORDER_PREFIX) throw errBadPatchFormatForSetElementOrderList()
    throw new StrategicPatchError(`fail to find unknown prefix "${prefix}" in ${s}\n`)
  }
  return s.slice(slash + 1)
}

/** removeDirectives: a map with `$patch` is dropped; lists drop such elements. */
function removeDirectives(obj: unknown): [unknown, boolean] {
  if (isJsonMap(obj)) {
    if (has(obj, DIRECTIVE_MARKER)) return [null, false]
    for (const [k, v] of Object.entries(obj)) {
      const [value, keep] = removeDirectives(v)
      if (keep) obj[k] = value
      else delete obj[k]
    }
    return [obj, true]
  }
  if (Array.isArray(obj)) {
    const res: unknown[] = []
    for (const v of obj) {
      const [value, keep] = removeDirectives(v)
      if (keep) res.push(value)
    }
    return [res, true]
  }
  return [obj, true]
}

function discardNullValuesFromPatch(v: unknown): void {
  if (isJsonMap(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (x === null) delete v[k]
      else discardNullValuesFromPatch(x)
    }
  } else if (Array.isArray(v)) {
    for (const x of v) discardNullValuesFromPatch(x)
  }
}

/** applyRetainKeysDirective: clears the fields of `original` that `$retainKeys` does not list. */
function applyRetainKeysDirective(original: JsonMap, patch: JsonMap, options: MergeOptions): void {
  if (!has(patch, RETAIN_KEYS_DIRECTIVE)) return
  const retain = patch[RETAIN_KEYS_DIRECTIVE]
  delete patch[RETAIN_KEYS_DIRECTIVE]
  if (!options.mergeParallelList) {
    if (has(original, RETAIN_KEYS_DIRECTIVE)) {
      if (!deepEqual(original[RETAIN_KEYS_DIRECTIVE], retain)) {
        throw new StrategicPatchError(
          `${goSprint(original[RETAIN_KEYS_DIRECTIVE])} and ${goSprint(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        )
      }
    } else original[RETAIN_KEYS_DIRECTIVE] = retain
    return
  }
  if (!Array.isArray(retain)) throw errBadPatchFormatForRetainKeys()
  const keep = new Set<unknown>(retain)
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue
    if (!keep.has(k)) throw errBadPatchFormatForRetainKeys()
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k]
}

/**
 * mergePatchIntoOriginal: each `$setElementOrder/<list>` with its list, merged and put in order (the directive's
 * order first, then the patch's, then the live list's). The list and the directive leave `patch`.
 */
function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: LookupPatchMeta | null, options: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue
    const order = patch[key]
    if (!options.mergeParallelList) {
      if (has(original, key)) {
        if (!deepEqual(original[key], order)) throw errBadPatchFormatForSetElementOrderList()
      } else put(original, key, order)
    }
    delete patch[key]

    if (!Array.isArray(order)) throw errBadArgType('slice', order)
    const originalKey = extractKey(key, SET_ELEMENT_ORDER_PREFIX)
    const foundOriginal = has(original, originalKey)
    const foundPatch = has(patch, originalKey)
    const originalList = original[originalKey]
    const patchList = patch[originalKey]
    if (foundOriginal && !Array.isArray(originalList)) throw errBadArgType('slice', originalList)
    if (foundPatch && !Array.isArray(patchList)) throw errBadArgType('slice', patchList)
    const originalFieldValue = (foundOriginal ? originalList : []) as unknown[]
    const patchFieldValue = (foundPatch ? patchList : []) as unknown[]

    const [subschema, meta] = lookupSlice(schema, originalKey)
    const [, strategy] = retainKeysAndStrategy(meta.strategies)
    validatePatchWithSetOrderList(patchFieldValue, order, meta.mergeKey)

    let merged: unknown[]
    if (foundOriginal && !foundPatch) merged = originalFieldValue
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchFieldValue)[0] as unknown[]
    else if (foundOriginal && foundPatch) {
      merged =
        strategy === MERGE_DIRECTIVE
          ? mergeSlice(originalFieldValue, patchFieldValue, subschema, meta.mergeKey, options, false)
          : patchFieldValue
    } else continue

    const [patchItems, serverOnly] = partitionByPresentInList(merged, order, meta.mergeKey)
    const kind = sliceElementKind(originalFieldValue, patchFieldValue)
    put(original, originalKey, normalizeElementOrder(patchItems, serverOnly, order, originalFieldValue, meta.mergeKey, kind))
    delete patch[originalKey]
  }
}

/** validatePatchWithSetOrderList: the patch list's items must appear in the `$setElementOrder` list, in its order. */
function validatePatchWithSetOrderList(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return
  const nonDelete = mergeKey !== '' ? extractToDeleteItems(patchList)[0] : patchList
  let p = 0
  let o = 0
  while (p < nonDelete.length && o < order.length) {
    const item = nonDelete[p]
    if (isJsonMap(item) && has(item, DIRECTIVE_MARKER)) {
      p++
      continue
    }
    if (mergeKeyValueEqual(item, order[o], mergeKey)) p++
    o++
  }
  if (p < nonDelete.length && o >= order.length) {
    throw new StrategicPatchError(
      `The order in patch list:\n${goSprint(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goSprint(order)}\n`,
    )
  }
}

export function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (mergeKey === '') return left === right
  if (!isJsonMap(left)) throw errBadArgType('map', left)
  if (!isJsonMap(right)) throw errBadArgType('map', right)
  if (!has(left, mergeKey)) throw errNoMergeKey(left, mergeKey)
  if (!has(right, mergeKey)) throw errNoMergeKey(right, mergeKey)
  return left[mergeKey] === right[mergeKey]
}

/** mergeSlice: a list with patch strategy `merge` (maps by merge key, scalars as a set), or a deletion list. */
function mergeSlice(
  original: unknown[],
  patch: unknown[],
  schema: LookupPatchMeta | null,
  mergeKey: string,
  options: MergeOptions,
  isDeleteList: boolean,
): unknown[] {
  if (original.length === 0 && patch.length === 0) return original
  const kind = sliceElementKind(original, patch)
  let merged: unknown[]
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) return original.filter((v) => !patch.includes(v))
    merged = deduplicateScalars([...original, ...patch])
  } else {
    if (mergeKey === '') throw new StrategicPatchError(`cannot merge lists without merge key for ${schema?.name() ?? 'struct'}`)
    const [view, plain] = mergeSliceWithSpecialElements(original, patch, mergeKey)
    merged = mergeSliceWithoutSpecialElements(view, plain, mergeKey, schema, options)
    // mergeSlice goes on with the slice headers it holds: the list after the deletions, the patch without directives.
    original = view.backing.slice(0, view.len)
    patch = plain
  }
  const [patchItems, serverOnly] = partitionByPresentInList(merged, patch, mergeKey)
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind)
}

/**
 * A Go slice over a shared backing array. Upstream deletes list elements by shifting them inside the live list
 * and then appends new ones over its tail, and mergePatchIntoOriginal orders the result by that live list as it
 * then reads: the orders upstream produces depend on it, so the port keeps it (`backing` is the live list itself).
 */
interface SliceView {
  backing: unknown[]
  len: number
}

/** mergeSliceWithSpecialElements: applies `$patch: delete` and `$patch: replace` elements; returns the rest of the patch. */
function mergeSliceWithSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): [SliceView, unknown[]] {
  const view: SliceView = { backing: original, len: original.length }
  const plain: unknown[] = []
  let replace = false
  for (const v of patch) {
    const item = v as JsonMap
    if (!has(item, DIRECTIVE_MARKER)) {
      plain.push(v)
      continue
    }
    const directive = item[DIRECTIVE_MARKER]
    if (directive === DELETE_DIRECTIVE) {
      if (!has(item, mergeKey)) throw errNoMergeKey(item, mergeKey)
      deleteMatchingEntries(view, mergeKey, item[mergeKey])
    } else if (directive === REPLACE_DIRECTIVE) replace = true
    else if (directive === MERGE_DIRECTIVE) throw new StrategicPatchError('merging lists cannot yet be specified in the patch')
    else throw errBadPatchType(directive, item)
  }
  return replace ? [{ backing: plain, len: plain.length }, []] : [view, plain]
}

/** `original = append(original[:i], original[i+1:]...)` for every match: shifts inside the backing array. */
function deleteMatchingEntries(view: SliceView, mergeKey: string, value: unknown): void {
  for (;;) {
    const i = findMapByKey(view.backing.slice(0, view.len), mergeKey, value)
    if (i < 0) return
    view.backing.copyWithin(i, i + 1, view.len)
    view.len--
  }
}

function mergeSliceWithoutSpecialElements(
  view: SliceView,
  patch: unknown[],
  mergeKey: string,
  schema: LookupPatchMeta | null,
  options: MergeOptions,
): unknown[] {
  let { backing, len } = view
  for (const v of patch) {
    const item = v as JsonMap
    if (!has(item, mergeKey)) throw errNoMergeKey(item, mergeKey)
    const at = findMapByKey(backing.slice(0, len), mergeKey, item[mergeKey])
    if (at >= 0) backing[at] = mergeMap(backing[at] as JsonMap, item, schema, options)
    else {
      // append: in place while the backing array has room, else into a new array.
      if (len >= backing.length) backing = backing.slice(0, len)
      backing[len++] = v
    }
  }
  return backing.slice(0, len)
}

/** reflect.DeepEqual over decoded JSON. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (isJsonMap(a) && isJsonMap(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => has(b, k) && deepEqual(a[k], b[k]))
  }
  return false
}
