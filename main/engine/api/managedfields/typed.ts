// Typed values as structured-merge-diff v4 walks them (sigs.k8s.io/structured-merge-diff/v4 typed/): the field
// set of a value (tofieldset.go), the comparison of two (compare.go), a value without some items (remove.go)
// and the merge of an applied configuration into a live object (merge.go, ruleKeepRHS). A value is decoded
// JSON; an atom (./schema.ts) says how each level is walked.

import { DEDUCED, type Atom } from './schema'
import { fieldElement, keyElement, valueElement, FieldSet, type JsonValue } from '../../../kube/fieldpath'

type Obj = Record<string, JsonValue>

const isMap = (v: JsonValue): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** How a value of `atom` is walked: one leaf, or granular map/struct fields, or associative list items. */
type Shape = { kind: 'leaf' } | { kind: 'fields'; atom: Atom } | { kind: 'items'; atom: Extract<Atom, { t: 'list' }> }

function shapeOf(atom: Atom, value: JsonValue): Shape {
  switch (atom.t) {
    case 'struct':
    case 'map':
      return !atom.atomic && isMap(value) ? { kind: 'fields', atom } : { kind: 'leaf' }
    case 'list':
      return atom.relationship === 'associative' && Array.isArray(value) ? { kind: 'items', atom } : { kind: 'leaf' }
    case 'deduced':
      return isMap(value) ? { kind: 'fields', atom } : { kind: 'leaf' }
    default:
      return { kind: 'leaf' }
  }
}

/** The atom of field `name` of a struct or map (t.FindField, else the element type). */
function fieldAtom(atom: Atom, name: string): Atom {
  if (atom.t === 'struct') return atom.fields(name) ?? atom.elem?.() ?? DEDUCED
  if (atom.t === 'map') return atom.elem()
  return DEDUCED
}

/** Whether `name` is a named field of a struct (its path is then no member of a field set unless empty). */
const isNamedField = (atom: Atom, name: string): boolean => atom.t === 'struct' && atom.fields(name) !== undefined

/**
 * The path element of a list item (listItemToPathElement): `k:{...}` by the list's keys (a missing key takes
 * its schema default), `v:...` for a set of scalars; undefined for an item that cannot have one (SMD's
 * validation error; such a list is then walked as one leaf).
 */
function itemElement(list: Extract<Atom, { t: 'list' }>, item: JsonValue): string | undefined {
  if (list.keys.length === 0) return item === null || typeof item === 'object' ? undefined : valueElement(item)
  if (!isMap(item)) return undefined
  const fields: Array<[string, JsonValue]> = []
  for (const key of list.keys) {
    if (Object.hasOwn(item, key)) fields.push([key, item[key]])
    else {
      const def = list.keyDefault(key)
      if (def === undefined) return undefined
      fields.push([key, def])
    }
  }
  return keyElement(fields)
}

/** The items of a list by path element, in order; undefined when one has none (walk the list as a leaf). */
function indexItems(list: Extract<Atom, { t: 'list' }>, items: JsonValue[]): Array<[string, JsonValue]> | undefined {
  const out: Array<[string, JsonValue]> = []
  for (const item of items) {
    const e = itemElement(list, item)
    if (e === undefined) return undefined
    out.push([e, item])
  }
  return out
}

/** typed.ToFieldSet: every leaf, every list item, and every map key or empty/null struct field. */
export function toFieldSet(value: JsonValue, atom: Atom): FieldSet {
  const set = new FieldSet()
  walkToSet(value, atom, [], set)
  return set
}

function walkToSet(value: JsonValue, atom: Atom, path: string[], set: FieldSet): void {
  const shape = shapeOf(atom, value)
  if (shape.kind === 'fields') {
    for (const [key, child] of Object.entries(value as Obj)) {
      const childPath = [...path, fieldElement(key)]
      walkToSet(child, fieldAtom(atom, key), childPath, set)
      if (child === null || (isMap(child) && Object.keys(child).length === 0) || !isNamedField(atom, key)) set.insert(childPath)
    }
    return
  }
  if (shape.kind === 'items') {
    const items = indexItems(shape.atom, value as JsonValue[])
    if (items) {
      const seen = new Set<string>()
      const duplicates = new Set<string>()
      for (const [e] of items) (seen.has(e) ? duplicates : seen).add(e)
      for (const e of duplicates) set.insert([...path, e])
      for (const [e, item] of items) {
        if (duplicates.has(e)) continue
        walkToSet(item, shape.atom.elem(), [...path, e], set)
        set.insert([...path, e])
      }
      return
    }
  }
  set.insert(path)
}

/** What changed from `lhs` to `rhs` (typed.Comparison): paths added, modified (leaves) and removed. */
export interface Comparison {
  added: FieldSet
  modified: FieldSet
  removed: FieldSet
}

/** typed.TypedValue.Compare: new nodes are added, gone ones removed, leaves that differ modified. */
export function compare(lhs: JsonValue, rhs: JsonValue, atom: Atom): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() }
  walkCompare(lhs, rhs, atom, [], c)
  return c
}

function walkCompare(lhs: JsonValue | undefined, rhs: JsonValue | undefined, atom: Atom, path: string[], c: Comparison): void {
  let ls = lhs === undefined ? undefined : shapeOf(atom, lhs)
  let rs = rhs === undefined ? undefined : shapeOf(atom, rhs)
  // A null map or list beside a granular one is that map or list, empty (mapValue/listValue of null): the
  // zero Pod's `containers: null` makes the created pod's containers items, not the list itself, new.
  if (lhs === null && rs && rs.kind !== 'leaf') [lhs, ls] = [rs.kind === 'fields' ? {} : [], rs]
  if (rhs === null && ls && ls.kind !== 'leaf') [rhs, rs] = [ls.kind === 'fields' ? {} : [], ls]
  const shape = rs ?? ls!
  const same = !ls || !rs || ls.kind === rs.kind
  if (shape.kind === 'leaf' || !same) {
    if (lhs === undefined) c.added.insert(path)
    else if (rhs === undefined) c.removed.insert(path)
    else if (!deepEqual(lhs, rhs)) c.modified.insert(path)
    return
  }
  if (shape.kind === 'fields') {
    const l = (lhs ?? {}) as Obj
    const r = (rhs ?? {}) as Obj
    for (const key of unionKeys(l, r)) walkCompare(l[key], r[key], fieldAtom(atom, key), [...path, fieldElement(key)], c)
  } else {
    const list = shape.atom
    const li = lhs === undefined ? [] : indexItems(list, lhs as JsonValue[])
    const ri = rhs === undefined ? [] : indexItems(list, rhs as JsonValue[])
    if (!li || !ri) {
      if (lhs === undefined) c.added.insert(path)
      else if (rhs === undefined) c.removed.insert(path)
      else if (!deepEqual(lhs, rhs)) c.modified.insert(path)
      return
    }
    const lm = new Map(li)
    const rm = new Map(ri)
    for (const e of new Set([...lm.keys(), ...rm.keys()])) walkCompare(lm.get(e), rm.get(e), list.elem(), [...path, e], c)
  }
  if (path.length > 0) {
    if (lhs === undefined) c.added.insert(path)
    else if (rhs === undefined) c.removed.insert(path)
  }
}

function unionKeys(l: Obj, r: Obj): string[] {
  const keys = Object.keys(l)
  for (const k of Object.keys(r)) if (!Object.hasOwn(l, k)) keys.push(k)
  return keys
}

/**
 * typed.TypedValue.RemoveItems: `value` without the members of `toRemove` (a member removes its whole
 * subtree). A map left empty by the removal is dropped with its key (the typed object omits it).
 */
export function removeItems(value: JsonValue, toRemove: FieldSet, atom: Atom): JsonValue | undefined {
  const shape = shapeOf(atom, value)
  if (shape.kind === 'fields') {
    const out: Obj = {}
    for (const [key, child] of Object.entries(value as Obj)) {
      const e = fieldElement(key)
      if (toRemove.members.has(e)) continue
      const below = toRemove.withPrefix(e)
      const kept = below ? removeItems(child, below, fieldAtom(atom, key)) : child
      if (kept !== undefined) out[key] = kept
    }
    return Object.keys(out).length > 0 ? out : undefined
  }
  if (shape.kind === 'items') {
    const items = indexItems(shape.atom, value as JsonValue[])
    if (!items) return value
    const out: JsonValue[] = []
    for (const [e, item] of items) {
      if (toRemove.members.has(e)) continue
      const below = toRemove.withPrefix(e)
      const kept = below ? removeItems(item, below, shape.atom.elem()) : item
      if (kept !== undefined) out.push(kept)
    }
    return out.length > 0 ? out : undefined
  }
  return value
}

/**
 * typed.TypedValue.Merge with ruleKeepRHS: `rhs` (the applied configuration) wins at every leaf, maps are
 * merged key by key, associative lists item by item in merge.go's order (the applied items in their order,
 * live-only items kept where they were). Two empty or null sides are one leaf (emptyPromoteToLeaf).
 */
export function merge(lhs: JsonValue | undefined, rhs: JsonValue | undefined, atom: Atom): JsonValue | undefined {
  if (rhs === undefined) return lhs
  if (lhs === undefined) return rhs
  const ls = shapeOf(atom, lhs)
  const rs = shapeOf(atom, rhs)
  if (ls.kind !== rs.kind || rs.kind === 'leaf' || isEmpty(lhs) && isEmpty(rhs)) return rhs
  if (rs.kind === 'fields') {
    const l = lhs as Obj
    const r = rhs as Obj
    const out: Obj = {}
    for (const key of unionKeys(l, r)) {
      const v = merge(l[key], r[key], fieldAtom(atom, key))
      if (v !== undefined) out[key] = v
    }
    return out
  }
  const list = rs.atom
  const li = indexItems(list, lhs as JsonValue[])
  const ri = indexItems(list, rhs as JsonValue[])
  if (!li || !ri) return rhs
  return mergeItems(li, ri, list.elem())
}

const isEmpty = (v: JsonValue): boolean => v === null || (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0)

/** merge.go visitListItems: walks both lists, merging shared items in the applied list's order. */
function mergeItems(lhs: Array<[string, JsonValue]>, rhs: Array<[string, JsonValue]>, elem: Atom): JsonValue[] {
  const observedL = new Map(lhs)
  const observedR = new Map(rhs)
  const shared = rhs.map(([e]) => e).filter((e) => observedL.has(e))
  let nextShared = shared.shift()
  const mergedR = new Set<string>()
  const out: JsonValue[] = []
  const push = (v: JsonValue | undefined): void => {
    if (v !== undefined) out.push(v)
  }
  for (let lI = 0, rI = 0; lI < lhs.length || rI < rhs.length; ) {
    if (lI < lhs.length && rI < rhs.length) {
      const pe = lhs[lI]![0]
      if (pe === rhs[rI]![0]) {
        mergedR.add(pe)
        push(merge(observedL.get(pe), observedR.get(pe), elem))
        lI++
        rI++
        nextShared = shared.shift()
        continue
      }
      if (observedR.has(pe) && nextShared !== undefined && nextShared !== pe) {
        lI++
        continue
      }
    }
    if (lI < lhs.length) {
      const pe = lhs[lI]![0]
      if (!observedR.has(pe)) {
        push(lhs[lI]![1])
        lI++
        continue
      } else if (mergedR.has(pe)) lI++
    }
    if (rI < rhs.length) {
      const pe = rhs[rI]![0]
      mergedR.add(pe)
      push(merge(observedL.get(pe), observedR.get(pe), elem))
      rI++
      if (nextShared === pe) nextShared = shared.shift()
    }
  }
  return out
}

/** value.Equals over decoded JSON (map key order does not matter). */
export function deepEqual(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (Array.isArray(b)) return false
  const ka = Object.keys(a as Obj)
  const kb = b as Obj
  return ka.length === Object.keys(kb).length && ka.every((k) => Object.hasOwn(kb, k) && deepEqual((a as Obj)[k], kb[k]))
}
