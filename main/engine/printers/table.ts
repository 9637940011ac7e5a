// The Table scaffolding every printer shares: the envelope, the row object, and the server's rule that cells
// are generated for every column (the API server's TableConvertor always passes Wide: true; kubectl then hides
// priority-1 columns itself unless -o wide).

import type { KubeObject, Table, TableColumnDefinition, TableRow } from '../../kube'

export type Cell = string | number | boolean

/**
 * Builds a Table from full-width rows. With `wide` false the priority-1 columns and their cells are dropped
 * together, so a narrow table stays self-consistent (cells line up with their column definitions).
 */
export function makeTable(
  columns: TableColumnDefinition[],
  rows: Iterable<{ object: Pick<KubeObject, 'metadata'>; cells: Cell[] }>,
  resourceVersion: string,
  wide: boolean,
): Table {
  const keep = columns.map((c) => wide || c.priority === 0)
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: columns.filter((_, i) => keep[i]),
    // One row at a time: over a lazy `rows` only the row being made holds its object.
    rows: Array.from(rows, (r): TableRow => ({ cells: wide ? r.cells : r.cells.filter((_, i) => keep[i]), object: rowObject(r.object) })),
  }
}

/** The PartialObjectMetadata kubectl reads for -A (namespace) and labels. */
function rowObject(object: Pick<KubeObject, 'metadata'>): TableRow['object'] {
  const m = object.metadata
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: {
      name: m.name ?? '',
      ...(m.namespace ? { namespace: m.namespace } : {}),
      uid: m.uid ?? '',
      resourceVersion: m.resourceVersion ?? '',
      creationTimestamp: m.creationTimestamp ?? '',
    },
  }
}

/** A column as printers.go declares it; `format` and `priority` default as Go's zero values do. */
export function column(
  name: string,
  type: TableColumnDefinition['type'],
  description: string,
  extra: { format?: string; priority?: number } = {},
): TableColumnDefinition {
  return { name, type, format: extra.format ?? '', description, priority: extra.priority ?? 0 }
}
