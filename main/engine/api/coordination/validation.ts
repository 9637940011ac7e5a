// ValidateLease / ValidateLeaseUpdate (kubernetes release-1.32 pkg/apis/coordination/validation/validation.go):
// ObjectMeta with DNS-subdomain names, then the spec's numbers (leaseDurationSeconds > 0, leaseTransitions
// >= 0). The strategy and preferredHolder rules belong to Coordinated Leader Election (alpha, off in 1.32).

import type { FieldError } from '../errors'
import { invalid } from '../field'
import { validateObjectMeta } from '../meta/objectmeta'
import { nameIsDNSSubdomain } from '../meta/names'
import { validateObjectMetaUpdate } from '../pods/validation/update'
import type { Lease } from './types'

function validateLeaseSpec(lease: Lease): FieldError[] {
  const errs: FieldError[] = []
  const duration = lease.spec?.leaseDurationSeconds
  if (duration !== undefined && duration <= 0) errs.push(invalid('spec.leaseDurationSeconds', duration, 'must be greater than 0'))
  const transitions = lease.spec?.leaseTransitions
  if (transitions !== undefined && transitions < 0) errs.push(invalid('spec.leaseTransitions', transitions, 'must be greater than or equal to 0'))
  return errs
}

export function validateLease(lease: Lease): FieldError[] {
  return [...validateObjectMeta(lease.metadata, { namespaced: true, nameFn: nameIsDNSSubdomain }), ...validateLeaseSpec(lease)]
}

export function validateLeaseUpdate(lease: Lease, old: Lease): FieldError[] {
  return [...validateObjectMetaUpdate(lease.metadata, old.metadata), ...validateLeaseSpec(lease)]
}
