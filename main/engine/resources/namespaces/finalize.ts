// The namespaces/finalize subresource's strategy (pkg/registry/core/namespace/strategy.go
// namespaceFinalizeStrategy): an update that may change spec.finalizers and keeps the stored status.

import type { FieldError } from '../../api/errors'
import type { Namespace } from './types'
import { validateNamespaceFinalizeUpdate } from './validation'

export const finalizeStrategy = {
  prepareForUpdate(ns: Namespace, old: Namespace): void {
    ns.status = old.status
  },
  validateUpdate(ns: Namespace, old: Namespace): FieldError[] {
    return validateNamespaceFinalizeUpdate(ns, old)
  },
}
