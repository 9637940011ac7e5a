// Namespace validation (kubernetes v1.32 pkg/apis/core/validation/validation.go ValidateNamespace,
// ValidateNamespaceUpdate, ValidateNamespaceStatusUpdate, ValidateNamespaceFinalizeUpdate, validateFinalizerName).

import type { FieldError } from '../../api/errors'
import { child, invalid } from '../../api/field'
import { nameIsDNSLabel } from '../../api/meta/names'
import { validateObjectMeta } from '../../api/meta/objectmeta'
import { isQualifiedName } from '../../api/meta/validation'
import { validateObjectMetaUpdate } from '../../api/pods/validation/update'
import type { Namespace } from './types'

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

/** validateFinalizerName: a qualified name, and a bare one must be a standard finalizer. */
function validateFinalizerName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg))
  if (errs.length === 0 && !name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
    errs.push(invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'))
  }
  return errs
}

export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, { namespaced: false, nameFn: nameIsDNSLabel })
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateFinalizerName(f, 'spec.finalizers'))
  return errs
}

export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata)
}

/** The status subresource: the phase must say whether the namespace is being deleted. */
export function validateNamespaceStatusUpdate(ns: Namespace, old: Namespace): FieldError[] {
  const errs = validateObjectMetaUpdate(ns.metadata, old.metadata)
  const phase = ns.status?.phase ?? ''
  if (!ns.metadata.deletionTimestamp) {
    if (phase !== 'Active') errs.push(invalid(child('status', 'Phase'), phase, "may only be 'Active' if `deletionTimestamp` is empty"))
  } else if (phase !== 'Terminating') {
    errs.push(invalid(child('status', 'Phase'), phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"))
  }
  return errs
}

/** The finalize subresource: each of spec.finalizers, by index. */
export function validateNamespaceFinalizeUpdate(ns: Namespace, old: Namespace): FieldError[] {
  const errs = validateObjectMetaUpdate(ns.metadata, old.metadata)
  ;(ns.spec?.finalizers ?? []).forEach((f, i) => errs.push(...validateFinalizerName(f, `spec.finalizers[${i}]`)))
  return errs
}
