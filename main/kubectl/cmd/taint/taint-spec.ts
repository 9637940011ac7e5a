// Taint arguments as `kubectl taint` reads them, after kubectl pkg/cmd/taint/utils.go (v0.32.5): parseTaints
// (`k=v:Effect` to add, `k-` / `k:Effect-` to remove), and reorganizeTaints (the node's new list of taints and
// what the change was: tainted, untainted or modified).

import { isQualifiedName, isValidLabelValue } from '../../../engine'

export interface Taint {
  key: string
  value?: string
  effect: string
  timeAdded?: string
}

/** What the taint arguments ask for: taints to add (with an effect) and to remove (effect optional). */
export interface TaintChanges {
  add: Taint[]
  remove: Taint[]
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']

/** core/v1 Taint.ToString(): `key=value:effect`, `key:effect`, `key=value:`, `key`. */
export function taintString(t: Taint): string {
  const value = t.value ?? ''
  if (!t.effect) return value ? `${t.key}=${value}:` : t.key
  return value ? `${t.key}=${value}:${t.effect}` : `${t.key}:${t.effect}`
}

/** Go's %v of a corev1.Taint (its fields in order, TimeAdded a nil pointer): `{dedicated foo NoSchedule <nil>}`. */
function taintGoValue(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect} <nil>}`
}

/** utils.go parseTaint: `<key>=<value>:<effect>`, `<key>:<effect>` or `<key>`; the error text otherwise. */
function parseTaint(st: string): Taint | { error: string } {
  const parts = st.split(':')
  let key: string
  let value = ''
  let effect = ''
  if (parts.length === 1) key = parts[0]!
  else if (parts.length === 2) {
    effect = parts[1]!
    if (!EFFECTS.includes(effect)) return { error: `invalid taint effect: ${effect}, unsupported taint effect` }
    const kv = parts[0]!.split('=')
    if (kv.length > 2) return { error: `invalid taint spec: ${st}` }
    key = kv[0]!
    if (kv.length === 2) {
      value = kv[1]!
      const errs = isValidLabelValue(value)
      if (errs.length > 0) return { error: `invalid taint spec: ${st}, ${errs.join('; ')}` }
    }
  } else return { error: `invalid taint spec: ${st}` }
  const errs = isQualifiedName(key)
  if (errs.length > 0) return { error: `invalid taint spec: ${st}, ${errs.join('; ')}` }
  return { key, ...(value ? { value } : {}), effect }
}

/** utils.go parseTaints: the changes, or the error (kubectl prints it as a usage error). */
export function parseTaints(specs: string[]): TaintChanges | { error: string } {
  const add: Taint[] = []
  const remove: Taint[] = []
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const t = parseTaint(spec.slice(0, -1))
      if ('error' in t) return t
      remove.push({ key: t.key, effect: t.effect })
      continue
    }
    const t = parseTaint(spec)
    if ('error' in t) return t
    if (!t.effect) return { error: `invalid taint spec: ${spec}` }
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) return { error: `duplicated taints with the same key and effect: ${taintGoValue(t)}` }
    add.push(t)
  }
  return { add, remove }
}

/** taint.go Validate's check: no taint both added and removed (a removal without effect covers every effect). */
export function conflictingTaints(changes: TaintChanges): string[] {
  const conflicts: string[] = []
  for (const a of changes.add) {
    for (const r of changes.remove) {
      if (a.key === r.key && (!r.effect || a.effect === r.effect)) conflicts.push(`${r.key}=${r.effect}`)
    }
  }
  return conflicts
}

/** checkIfTaintsAlreadyExists: the keys of taints to add that the node has with the same effect, joined by ",". */
export function alreadyThere(old: Taint[], add: Taint[]): string {
  return add.flatMap((t) => old.filter((o) => o.key === t.key && o.effect === t.effect).map(() => t.key)).join(',')
}

/**
 * reorganizeTaints: the node's new taints (those added first, then the old ones not replaced, minus those
 * removed) and the operation the name printer reports; errors for removals that matched nothing
 * (`taint "k:NoSchedule" not found`).
 */
export function reorganizeTaints(old: Taint[], overwrite: boolean, changes: TaintChanges): { operation: string; taints: Taint[]; errors: string[] } {
  let taints = [...changes.add]
  // addTaints: MatchTaint is same key and effect.
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o)
  const added = old.length !== taints.length
  const errors: string[] = []
  let removed = false
  for (const r of changes.remove) {
    const before = taints.length
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)))
    removed = taints.length !== before
    if (!removed) errors.push(`taint ${JSON.stringify(taintString(r))} not found`)
  }
  const operation = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted'
  return { operation, taints, errors }
}
