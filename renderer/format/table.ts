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

/**
 * Each column's fixed width in ch of the table's monospace font (its padding included), by column key, chosen for
 * the longest value Kubernetes commonly prints there, and no wider, so that a pods table fits a 900 px window beside
 * the editor: STATUS `ContainerCreating` (`CreateContainerConfigError` is cut, with a tooltip, rather than widening
 * STATUS for every row); RESTARTS `12 (3m20s ago)`; AGE `23h59m`. The flexible column (NAME,
 * an event's MESSAGE) has none: it takes what is left. An unknown column gets 14ch.
 */
const WIDTHS: Record<string, number | undefined> = {
  name: undefined,
  message: undefined,
  ready: 7,
  status: 18,
  restarts: 15,
  age: 7,
  ip: 16,
  node: 20,
  'nominated-node': 16,
  'readiness-gates': 17,
  roles: 15,
  version: 10,
  'internal-ip': 16,
  'external-ip': 16,
  'last-seen': 10,
  type: 9,
  reason: 20,
  object: 30,
  // Issue 11 item 2: the Workloads view's Deployments, ReplicaSets and Jobs.
  'up-to-date': 12,
  available: 11,
  desired: 9,
  current: 9,
  completions: 13,
  duration: 10,
}

/** The fixed width of a column in ch, or undefined for the flexible one (see WIDTHS). */
export function columnWidth(key: string): number | undefined {
  return key in WIDTHS ? WIDTHS[key] : 14
}

/** kubectl get's words when a list is empty (printed on stderr by kubectl). */
export function noResourcesFound(namespace: string | undefined): string {
  return namespace === undefined ? 'No resources found' : `No resources found in ${namespace} namespace.`
}
