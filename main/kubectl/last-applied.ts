// Client-side apply's bookkeeping: the kubectl.kubernetes.io/last-applied-configuration annotation
// (kubectl pkg/util/apply.go GetModifiedConfiguration / CreateApplyAnnotation) and the three-way merge that
// decides between "unchanged" (an empty patch) and "configured" (kubectl pkg/cmd/apply/patcher.go). The patch is
// an approximation of strategic merge patch: maps merge, lists of named items merge by their key (items dropped
// since the last apply are deleted), other lists are replaced, and fields dropped since the last apply are deleted.

import { toJsonLine } from './printers/json'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

type Obj = Record<string, unknown>

/** The annotation value kubectl computes for a manifest object: its JSON with `annotations` minus itself. */
export function lastAppliedConfiguration(object: Obj): string {
  const copy = structuredClone(object)
  const metadata = (copy.metadata ??= {}) as Obj
  const annotations = { ...((metadata.annotations as Obj | undefined) ?? {}) }
  delete annotations[LAST_APPLIED]
  metadata.annotations = annotations
  return toJsonLine(copy)
}

/** The manifest object as apply sends it: with the annotation set. */
export function withLastApplied(object: Obj, annotation: string): Obj {
  const copy = structuredClone(object)
  const metadata = (copy.metadata ??= {}) as Obj
  metadata.annotations = { ...((metadata.annotations as Obj | undefined) ?? {}), [LAST_APPLIED]: annotation }
  return copy
}

/** Removes null values everywhere (apply.go pruneNulls), as client-side apply does before a create. */
export function pruneNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(pruneNulls) as T
  if (value === null || typeof value !== 'object') return value
  const out: Obj = {}
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = pruneNulls(v)
  return out as T
}

/** The patch from `current` to `modified`, deleting what `original` had and `modified` dropped; {} if none. */
export function threeWayPatch(original: unknown, modified: unknown, current: unknown): Obj {
  return (diffMap(asObj(original), asObj(modified), asObj(current)) ?? {}) as Obj
}

/** `current` with the patch applied. */
export function applyPatch(current: unknown, patch: Obj): Obj {
  return mergeMap(asObj(current), patch)
}

function diffMap(original: Obj, modified: Obj, current: Obj): Obj | undefined {
  const patch: Obj = {}
  for (const key of Object.keys(original)) if (!(key in modified) && key in current) patch[key] = null
  for (const [key, want] of Object.entries(modified)) {
    const have = current[key]
    const listKey = Array.isArray(want) ? (mergeKey(want) ?? mergeKey(asList(original[key]))) : undefined
    if (isObj(want) && isObj(have)) {
      const sub = diffMap(asObj(original[key]), want, have)
      if (sub) patch[key] = sub
    } else if (Array.isArray(want) && Array.isArray(have) && listKey) {
      // Strategic merge: items merge by key; items the last apply had and this one dropped are deleted.
      const dropped = asList(original[key]).filter(
        (o) => isObj(o) && !want.some((w) => isObj(w) && w[listKey] === o[listKey]) && have.some((h) => isObj(h) && h[listKey] === o[listKey]),
      )
      const items = listPatch(asList(original[key]), want, have, listKey)
      if (dropped.length > 0 || items.changed) {
        // Every item the manifest names, in its order (as $setElementOrder keeps it), each as its own patch.
        patch[key] = [...items.patch, ...dropped.map((o) => ({ [listKey]: asObj(o)[listKey], $patch: 'delete' }))]
      }
    } else if (!deepEqual(want, have)) {
      patch[key] = want
    }
  }
  return Object.keys(patch).length > 0 ? patch : undefined
}

function listPatch(original: unknown[], want: unknown[], have: unknown[], key: string): { patch: unknown[]; changed: boolean } {
  const byKey = (list: unknown[], item: unknown) => list.find((x) => isObj(x) && isObj(item) && x[key] === item[key])
  let changed = false
  const patch = want.map((item) => {
    const match = byKey(have, item)
    if (!match) {
      changed = true
      return item
    }
    const sub = diffMap(asObj(byKey(original, item)), asObj(item), asObj(match))
    if (sub) changed = true
    return { [key]: asObj(item)[key], ...sub }
  })
  return { patch, changed }
}

function mergeMap(current: Obj, patch: Obj): Obj {
  const out: Obj = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    const have = current[key]
    if (value === null) delete out[key]
    else if (isObj(value) && isObj(have)) out[key] = mergeMap(have, value)
    else if (Array.isArray(value) && Array.isArray(have) && mergeKey(value)) out[key] = mergeList(have, value, mergeKey(value)!)
    else out[key] = value
  }
  return out
}

/**
 * Items of the patch in its order, each merged into the current item with the same key, then the current
 * items the patch does not name; `$patch: delete` items remove theirs.
 */
function mergeList(current: unknown[], patch: unknown[], key: string): unknown[] {
  const named = (c: unknown) => patch.some((p) => isObj(c) && isObj(p) && c[key] === p[key])
  const merged = patch
    .filter((item) => !(isObj(item) && item.$patch === 'delete'))
    .map((item) => {
      const match = current.find((c) => isObj(c) && isObj(item) && c[key] === item[key])
      return isObj(match) && isObj(item) ? mergeMap(match, item) : item
    })
  return [...merged, ...current.filter((c) => !named(c))]
}

/** The patchMergeKey of the list fields manifests use most (containers, env, volumes: name; ports; mounts). */
function mergeKey(list: unknown[]): string | undefined {
  for (const key of ['name', 'containerPort', 'mountPath', 'devicePath']) {
    if (list.length > 0 && list.every((item) => isObj(item) && key in item)) return key
  }
  return undefined
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

function asObj(v: unknown): Obj {
  return isObj(v) ? v : {}
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]))
  }
  return false
}
