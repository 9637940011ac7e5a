// How kubectl lays out a server-side Table: HumanReadablePrinter.PrintObj -> decorateTable -> printTable from
// cli-runtime pkg/printers/tableprinter.go (v0.32.5), written through the tabwriter of tabwriter.go.

import type { Table } from '../../kube'
import { kindSlashName } from '../mapping'
import type { Tabwriter } from '../../gostd/tabwriter'

export interface TableTextOptions {
  /** -o wide: also show priority-1 columns. */
  wide?: boolean
  /** --no-headers. */
  noHeaders?: boolean
  /** -A on a namespaced resource: a NAMESPACE column first, read from each row's object metadata. */
  withNamespace?: boolean
  /** Several kinds in one get (printWithKind): the name column reads `pod/x`, `deployment.apps/x`. */
  withKind?: { kind: string; group: string }
  /** -L: one column per label key (headed by the key's last path segment, upper-cased), after the table's. */
  columnLabels?: string[]
  /** A watch event's type (--output-watch-events): an EVENT column first, `ADDED   `, `MODIFIED`, `DELETED `. */
  eventType?: string
  /** --show-labels: a LABELS column last (labels.FormatLabels: `k=v,...` sorted, `<none>`). */
  showLabels?: boolean
}

/** Writes a decorated table into a tabwriter, so that several tables can share remembered widths. */
export function printTable(table: Table, w: Tabwriter, options: TableTextOptions): void {
  const { columns, decorateRow } = decorate(table, options)
  if (!options.noHeaders) {
    // Headers are skipped when there is nothing to show under them.
    if (table.rows.length === 0) return
    w.write(`${columns.filter((c) => options.wide || c.priority === 0).map((c) => c.name.toUpperCase()).join('\t')}\n`)
  }
  // Each row decorated as it is written: over 150,000 pods a decorated copy of every row would be held at once.
  for (const row of table.rows) {
    const cells = decorateRow(row)
    let line = ''
    let first = true
    for (let i = 0; i < cells.length; i++) {
      const column = columns[i]
      // Extra cells beyond the column definitions are ignored (https://issue.k8s.io/66379).
      if (!column || (!options.wide && column.priority !== 0)) continue
      line += first ? cellText(cells[i]) : `\t${cellText(cells[i])}`
      first = false
    }
    w.write(`${line}\n`)
  }
}

type CellValue = string | number | boolean | null | undefined

/** tableprinter.go formatEventType: padded to MODIFIED's width. */
const FORMATTED_EVENT_TYPES: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' }

function decorate(table: Table, options: TableTextOptions) {
  const column = (name: string) => ({ name, type: 'string', format: '', description: '', priority: 0 })
  const columnLabels = options.columnLabels ?? []
  const columns = [
    ...(options.eventType ? [column('Event')] : []),
    ...(options.withNamespace ? [column('Namespace')] : []),
    ...table.columnDefinitions,
    ...columnLabels.map((l) => column(l.split('/').at(-1)!.toUpperCase())),
    ...(options.showLabels ? [column('Labels')] : []),
  ]
  const nameColumn = table.columnDefinitions.findIndex((c) => c.format === 'name')
  const decorateRow = (row: Table['rows'][number]): CellValue[] => {
    const cells: CellValue[] = [...row.cells]
    // printers.FormatResourceName: lower-cased GroupKind, a slash, the name.
    if (options.withKind && nameColumn >= 0 && typeof cells[nameColumn] === 'string') cells[nameColumn] = kindSlashName(options.withKind, cells[nameColumn] as string)
    // decorateTable appendLabelCells: a label a row lacks is an empty cell.
    const labels = (row.object?.metadata as { labels?: Record<string, string> } | undefined)?.labels ?? {}
    const labelCells = columnLabels.map((k) => labels[k] ?? '')
    if (options.showLabels) labelCells.push(formatLabels(labels))
    const event = options.eventType ? [FORMATTED_EVENT_TYPES[options.eventType] ?? options.eventType] : []
    return [...event, ...(options.withNamespace ? [row.object?.metadata?.namespace] : []), ...cells, ...labelCells]
  }
  return { columns, decorateRow }
}

/** A cell as printTable writes it: strings cut at the first line break, then terminal-escaped. */
export function cellText(cell: CellValue): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell !== 'string') return escapeTerminal(String(cell))
  const cut = cell.search(/[\f\n\r]/)
  return cut >= 0 ? `${escapeTerminal(cell.slice(0, cut))}...` : escapeTerminal(cell)
}

/** cli-runtime printers/terminal.go: ESC and CR would let a cell rewrite the user's terminal. */
export function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r')
}

/** labels.FormatLabels: `k=v` pairs sorted by key, comma separated; `<none>` for no labels. */
export function formatLabels(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort()
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels[k]}`).join(',')
}
