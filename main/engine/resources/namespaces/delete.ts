// The namespace's own REST delete (pkg/registry/core/namespace/storage/storage.go REST.Delete) and the
// NamespaceLifecycle admission plugin's refusal to delete the immortal namespaces: the first delete marks the
// namespace (deletionTimestamp now, phase Terminating, the garbage collector's finalizer the options ask for);
// later ones do nothing until the namespace controller has emptied spec.finalizers, then the store deletes it.

import { forbidden } from '../../api/errors'
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../../api/registry/gc-finalizers'
import type { DeleteOptions } from '../../engine'
import { rfc3339 } from '../../runtime/clock'
import type { Namespace } from './types'

/** NamespaceLifecycle's immortal namespaces (kube-apiserver registers default, kube-system and kube-public). */
const IMMORTAL_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public'])

/** The namespace as the delete leaves it, or undefined for the store's own delete. Throws ApiError (Forbidden). */
export function deleteNamespace(ns: Namespace, options: DeleteOptions, nowMs: number): Namespace | undefined {
  const name = ns.metadata.name ?? ''
  if (IMMORTAL_NAMESPACES.has(name)) throw forbidden('namespaces', name, 'this namespace may not be deleted')
  if (ns.metadata.deletionTimestamp) return (ns.spec?.finalizers ?? []).length > 0 ? ns : undefined
  const policy = options.propagationPolicy
  const current = ns.metadata.finalizers ?? []
  const should = (finalizer: string, when: DeleteOptions['propagationPolicy']) => (policy === undefined ? current.includes(finalizer) : policy === when)
  let finalizers = current.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER)
  if (should(ORPHAN_FINALIZER, 'Orphan')) finalizers.push(ORPHAN_FINALIZER)
  if (should(FOREGROUND_FINALIZER, 'Foreground')) finalizers.push(FOREGROUND_FINALIZER)
  if (finalizers.length === current.length && finalizers.every((f) => current.includes(f))) finalizers = current
  const metadata = { ...ns.metadata, deletionTimestamp: rfc3339(nowMs), ...(finalizers.length > 0 ? { finalizers } : {}) }
  return { ...ns, metadata, status: { ...ns.status, phase: 'Terminating' } }
}
