// Laying out a server-side Table the way kubectl's table printer does: only priority-0 columns (the rest are
// `-o wide`), headers upper-cased, cells printed as they are. Nothing here computes a cell.

import type { Table, TableRow } from '../../main/kube'

export interface Column {
  /** Index into each row's cells. */
  index: number
  /** As kubectl prints it: `NAME`, `READY`, `STATUS`. */
  header: string
  /** For data-testid: `name`, `ready`, `status`. */
  key: string
  numeric: boolean
}

export function visibleColumns(table: Table): Column[] {
  const columns: Column[] = []
  table.columnDefinitions.forEach((definition, index) => {
    if (definition.priority !== 0) return
    columns.push({
      index,
      header: definition.name.toUpperCase(),
      key: definition.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      numeric: definition.type === 'integer' || definition.type === 'number',
    })
  })
  return columns
}

export function cellText(row: TableRow, column: Column): string {
  const value = row.cells[column.index]
  // As kubectl's printTable: a missing cell prints as nothing (the server writes '<none>' where it means it).
  return value === undefined || value === null ? '' : String(value)
}

/** kubectl get's words when a list is empty (printed on stderr by kubectl). */
export function noResourcesFound(namespace: string | undefined): string {
  return namespace === undefined ? 'No resources found' : `No resources found in ${namespace} namespace.`
}
