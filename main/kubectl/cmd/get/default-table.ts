// kubectl's own table for objects the server did not print (--server-print=false): cli-runtime
// printers/tableprinter.go's default handler, NAME and AGE (`<unknown>` without a creationTimestamp), age from
// the cluster's clock.

import type { KubeObject, Table } from '../../../kube'
import { timestampSince } from '../../../gostd/human-duration'

/** printObjectMeta over a list's items, as a Table for printTable. @param nowMs the cluster's now, in ms. */
export function defaultTable(objects: KubeObject[], nowMs: number): Table {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: '' },
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
      { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
    ],
    rows: objects.map((o) => ({ cells: [o.metadata.name ?? '', timestampSince(o.metadata.creationTimestamp, nowMs)], object: o })),
  } as Table
}
