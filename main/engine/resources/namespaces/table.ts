// `kubectl get namespaces` as the API server builds it: namespaceColumnDefinitions and printNamespace from
// kubernetes pkg/printers/internalversion/printers.go (NAME STATUS AGE).

import type { Table } from '../../../kube'
import { timestampSince } from '../../../gostd/human-duration'
import { DOCS } from '../../printers/swagger-docs'
import { column, makeTable } from '../../printers/table'
import type { Namespace } from './types'

const COLUMNS = [
  column('Name', 'string', DOCS.objectMetaName, { format: 'name' }),
  column('Status', 'string', 'The status of the namespace'),
  column('Age', 'string', DOCS.objectMetaCreationTimestamp),
]

export function namespaceTable(namespaces: Namespace[], nowMs: number, resourceVersion: string, wide = true): Table {
  const rows = namespaces.map((ns) => ({ object: ns, cells: [ns.metadata.name ?? '', ns.status?.phase ?? '', timestampSince(ns.metadata.creationTimestamp, nowMs)] }))
  return makeTable(COLUMNS, rows, resourceVersion, wide)
}
