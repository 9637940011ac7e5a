// `kubectl get leases` as the API server builds it: leaseColumnDefinitions / printLease (NAME HOLDER AGE),
// kubernetes release-1.32 pkg/printers/internalversion/printers.go.

import type { Table } from '../../kube'
import type { Lease } from '../api/coordination/types'
import { timestampSince } from '../../gostd/human-duration'
import { DOCS } from './swagger-docs'
import { column, makeTable } from './table'

export function leaseTable(items: Lease[], nowMs: number, resourceVersion: string, wide = true): Table {
  const columns = [
    column('Name', 'string', DOCS.objectMetaName, { format: 'name' }),
    column('Holder', 'string', DOCS.leaseSpecHolderIdentity),
    column('Age', 'string', DOCS.objectMetaCreationTimestamp),
  ]
  const rows = items.map((lease) => ({
    object: lease,
    cells: [lease.metadata.name ?? '', lease.spec?.holderIdentity ?? '', timestampSince(lease.metadata.creationTimestamp, nowMs)],
  }))
  return makeTable(columns, rows, resourceVersion, wide)
}
