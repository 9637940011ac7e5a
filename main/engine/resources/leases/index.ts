// Leases (coordination.k8s.io/v1): discovery (pkg/registry/coordination/lease/storage: no short names), the
// strategy (pkg/registry/coordination/lease/strategy.go: no status, validation only; deleted at once) and the
// Table (NAME HOLDER AGE). Every kind node's kubelet renews one in kube-node-lease (kubelet/node-heartbeat.ts).

import type { Lease } from '../../api/coordination/types'
import { validateLease, validateLeaseUpdate } from '../../api/coordination/validation'
import { leaseTable } from '../../printers/lease-table'
import { defineKind } from '../definition'

export const leases = defineKind<Lease>({
  resource: 'leases',
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  namespaced: true,
  singular: 'lease',
  shortNames: [],
  categories: [],
  schemaType: 'coordination.v1.Lease',
  strategy: { validate: validateLease, validateUpdate: validateLeaseUpdate },
  table: (objects, nowMs, resourceVersion, wide) => leaseTable(objects as Lease[], nowMs, resourceVersion, wide),
  userVerbs: new Set(['create', 'update', 'delete']),
})
