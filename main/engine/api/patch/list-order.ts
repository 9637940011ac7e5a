// The list helpers strategicpatch's merge and diff share: element kinds, Go's `%v` ordering, and how the
// order of a merged list is rebuilt from the patch's order and the live list's order.

import { goSprint, has, isJsonMap, put, type JsonMap } from './go-json'
import { errBadArgType, errNoListOfLists, errNoMergeKey, StrategicPatchError } from './strategic-errors'

export const DIRECTIVE_MARKER = '$patch'
export const DELETE_DIRECTIVE = 'delete'
export const REPLACE_DIRECTIVE = 'replace'
export const MERGE_DIRECTIVE = 'merge'
export const RETAIN_KEYS_STRATEGY = 'retainKeys'
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList'
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys'
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder'

/** reflect.Kind of a decoded JSON value, as far as strategicpatch tells them apart. */
export type Kind = 'map' | 'slice' | 'string' | 'number' | 'bool' | 'nil'

export function kindOf(v: unknown): Kind {
  if (v === null || v === undefined) return 'nil'
  if (Array.isArray(v)) return 'slice'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  return 'map'
}

/** sliceElementType: the one kind of all elements of the lists; lists of lists and mixed lists are errors. */
export function sliceElementKind(...slices: unknown[][]): Kind {
  let prev: Kind | undefined
  for (const s of slices) {
    for (const v of s) {
      const k = kindOf(v)
      if (prev === undefined) {
        prev = k
        if (prev === 'slice') throw errNoListOfLists()
      } else if (prev !== k) {
        throw new StrategicPatchError(`list element types are not identical: ${goSprint(slices)}`)
      }
    }
  }
  if (prev === undefined) throw new StrategicPatchError('no elements in any of the given slices')
  return prev
}

/** Go's sort.Sort with `%v` strings as the order (SortableSliceOfScalars / SortableSliceOfMaps). */
function sortByText<T>(s: T[], text: (v: T) => string): T[] {
  return s
    .map((v) => [text(v), v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => v)
}

/** sortScalars: by `%v` of the float64 kubectl decoded (the diff side is the only one that sorts). */
export function sortScalars(s: unknown[]): unknown[] {
  return sortByText(s, (v) => goSprint(v, true))
}

export function sortMapsBasedOnField(s: unknown[], field: string): unknown[] {
  return sortByText(s, (v) => goSprint((v as JsonMap)[field], true))
}

/** deduplicateScalars, including its habit of moving the last element into a duplicate's place. */
export function deduplicateScalars(input: unknown[]): unknown[] {
  const s = [...input]
  let length = s.length - 1
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length]
        s.length = length
        length--
        j--
      }
    }
  }
  return s
}

/** index: where an element (a map by its merge key value) is in `l`, or -1. */
export function indexOf(l: readonly unknown[], value: unknown, mergeKey: string, kind: Kind): number {
  const key = (item: unknown) => (kind === 'map' ? (isJsonMap(item) ? item[mergeKey] : null) : item)
  const wanted = key(value)
  return l.findIndex((v) => key(v) === wanted)
}

export function validateMergeKeyInLists(mergeKey: string, ...lists: unknown[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonMap(item)) throw errBadArgType('map', item)
      if (!has(item, mergeKey)) throw errNoMergeKey(item, mergeKey)
    }
  }
}

/** extractToDeleteItems: the elements to keep and those with `$patch: delete`. */
export function extractToDeleteItems(l: readonly unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = []
  const remove: unknown[] = []
  for (const v of l) {
    if (!isJsonMap(v)) throw errBadArgType('map', v)
    if (v[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) remove.push(v)
    else keep.push(v)
  }
  return [keep, remove]
}

/** normalizeSliceOrder: `toSort` in the order of `order` (a stable sort), deletions last. */
export function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: Kind): unknown[] {
  let toDelete: unknown[] = []
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order)
    ;[toSort, toDelete] = extractToDeleteItems(toSort)
  }
  const less = (a: unknown, b: unknown) => {
    const ia = indexOf(order, a, mergeKey, kind)
    if (ia < 0) return true
    const ib = indexOf(order, b, mergeKey, kind)
    return ib < 0 || ia < ib
  }
  const sorted = [...toSort].sort((a, b) => (less(a, b) && !less(b, a) ? -1 : less(b, a) && !less(a, b) ? 1 : 0))
  return [...sorted, ...toDelete]
}

/**
 * mergeSortedSlice: inserts the items of `left` into `right` keeping both relative orders, placing a left item
 * before a right one when `serverOrder` has it first.
 */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, kind: Kind): unknown[] {
  const out: unknown[] = []
  let i = 0
  let j = 0
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++])
    else if (j >= right.length) out.push(left[i++])
    else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind)
      const ri = indexOf(serverOrder, right[j], mergeKey, kind)
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++])
      else out.push(right[j++])
    }
  }
  return out
}

/** normalizeElementOrder: the patch's items in the patch's order, merged with the server-only items in the live order. */
export function normalizeElementOrder(
  patch: unknown[],
  serverOnly: unknown[],
  patchOrder: unknown[],
  serverOrder: unknown[],
  mergeKey: string,
  kind: Kind,
): unknown[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind)
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind)
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind)
}

/** findMapInSliceBasedOnKeyValue: the index of the map whose `key` is `value`, or -1. */
export function findMapByKey(m: readonly unknown[], key: string, value: unknown): number {
  for (let k = 0; k < m.length; k++) {
    const v = m[k]
    if (!isJsonMap(v)) throw new StrategicPatchError(`value for key ${k} is not a map`)
    if (has(v, key) && v[key] === value) return k
  }
  return -1
}

/** partitionMapsByPresentInList / partitionPrimitivesByPresentInList: items present in `by`, and the rest. */
export function partitionByPresentInList(original: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inPatch: unknown[] = []
  const serverOnly: unknown[] = []
  for (const v of original) {
    let found: boolean
    if (mergeKey === '') found = by.includes(v)
    else {
      if (!isJsonMap(v)) throw errBadArgType('map', v)
      if (!has(v, mergeKey)) throw errNoMergeKey(v, mergeKey)
      found = findMapByKey(by, mergeKey, v[mergeKey]) >= 0
    }
    ;(found ? inPatch : serverOnly).push(v)
  }
  return [inPatch, serverOnly]
}

/** extractRetainKeysPatchStrategy: whether retainKeys is among the strategies, and the other strategy. */
export function retainKeysAndStrategy(strategies: readonly string[]): [boolean, string] {
  if (strategies.length === 0) return [false, '']
  if (strategies.length === 1) return strategies[0] === RETAIN_KEYS_STRATEGY ? [true, ''] : [false, strategies[0] ?? '']
  if (strategies.length === 2) {
    if (strategies[0] === RETAIN_KEYS_STRATEGY) return [true, strategies[1] ?? '']
    if (strategies[1] === RETAIN_KEYS_STRATEGY) return [true, strategies[0] ?? '']
  }
  throw new StrategicPatchError(`unexpected patch strategy: [${strategies.join(' ')}]`)
}
