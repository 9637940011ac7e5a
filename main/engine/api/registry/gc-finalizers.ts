// The generic store's finalizers for the garbage collector (apiserver pkg/registry/generic/registry/store.go
// shouldOrphanDependents, shouldDeleteDependents, deletionFinalizersForGarbageCollection): a delete's
// propagationPolicy, else the object's own `orphan`/`foregroundDeletion` finalizer, else its kind's default.

import type { DeleteOptions } from '../../engine'
import type { GarbageCollectionPolicy } from '../../resources/definition'

export const ORPHAN_FINALIZER = 'orphan'
export const FOREGROUND_FINALIZER = 'foregroundDeletion'

type Policy = DeleteOptions['propagationPolicy']

function shouldOrphan(finalizers: readonly string[], policy: Policy, kindDefault: GarbageCollectionPolicy): boolean {
  if (policy !== undefined) return policy === 'Orphan'
  for (const f of finalizers) {
    if (f === ORPHAN_FINALIZER) return true
    if (f === FOREGROUND_FINALIZER) return false
  }
  return kindDefault === 'Orphan'
}

function shouldDeleteInForeground(finalizers: readonly string[], policy: Policy): boolean {
  if (policy !== undefined) return policy === 'Foreground'
  for (const f of finalizers) {
    if (f === FOREGROUND_FINALIZER) return true
    if (f === ORPHAN_FINALIZER) return false
  }
  return false
}

/**
 * The finalizers an object being deleted with `policy` should carry, or undefined when they are the ones it has
 * (as sets: the store does not rewrite a list that differs only in order).
 */
export function deletionFinalizers(finalizers: readonly string[], policy: Policy, kindDefault: GarbageCollectionPolicy = 'Background'): string[] | undefined {
  const next = finalizers.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER)
  if (shouldOrphan(finalizers, policy, kindDefault)) next.push(ORPHAN_FINALIZER)
  if (shouldDeleteInForeground(finalizers, policy)) next.push(FOREGROUND_FINALIZER)
  const before = new Set(finalizers)
  const same = before.size === new Set(next).size && next.every((f) => before.has(f))
  return same ? undefined : next
}
