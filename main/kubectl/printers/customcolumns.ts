// -o custom-columns=HEADER:PATH,... and custom-columns-file=, after kubectl pkg/cmd/get/customcolumn.go and
// customcolumn_flags.go (v0.32.5): each column a relaxed JSONPath (`.metadata.name`, `metadata.name`,
// `{.metadata.name}`), missing keys allowed, several results joined with commas, `<none>` for none, laid out by
// kubectl's tabwriter; headers once per kind of object printed.

import { Tabwriter } from '../../gostd/tabwriter'
import { JsonPath } from './jsonpath/jsonpath'
import { goPrint } from './jsonpath/go-value'
import { escapeTerminal } from './table-text'
import type { ObjectPrinter } from './object-printer'

export interface Column {
  header: string
  /** A full JSONPath template (`{.metadata.name}`). */
  fieldSpec: string
}

const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/

/** RelaxedJSONPathExpression: `{.x}` from `x`, `.x`, `{x}` or `{.x}`; '' stays ''. */
export function relaxedJsonPathExpression(expression: string): { spec: string } | { error: string } {
  if (expression === '') return { spec: '' }
  const m = JSON_REGEXP.exec(expression)
  if (!m) return { error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" }
  return { spec: `{.${m[1] || m[2]}}` }
}

/** NewCustomColumnsPrinterFromSpec. */
export function columnsFromSpec(spec: string): Column[] | { error: string } {
  if (spec === '') return { error: 'custom-columns format specified but no custom columns given' }
  const columns: Column[] = []
  for (const part of spec.split(',')) {
    const at = part.indexOf(':')
    if (at < 0) return { error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` }
    const relaxed = relaxedJsonPathExpression(part.slice(at + 1))
    if ('error' in relaxed) return relaxed
    columns.push({ header: part.slice(0, at), fieldSpec: relaxed.spec })
  }
  return columns
}

const TEMPLATE_FORMAT = 'Expected format is one line of space separated headers, one line of space separated column specs.'

/** NewCustomColumnsPrinterFromTemplate: a header line and a spec line, whitespace separated. */
export function columnsFromTemplate(text: string): Column[] | { error: string } {
  // bufio.Scanner's lines: split on \n, a trailing \r dropped.
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''))
  if (text.endsWith('\n')) lines.pop()
  if (lines.length < 1 || text === '') return { error: `invalid template, missing header line. ${TEMPLATE_FORMAT}` }
  const headers = words(lines[0]!)
  if (lines.length < 2) return { error: `invalid template, missing spec line. ${TEMPLATE_FORMAT}` }
  const specs = words(lines[1]!)
  if (headers.length !== specs.length) return { error: `number of headers (${headers.length}) and field specifications (${specs.length}) don't match` }
  const columns: Column[] = []
  for (let i = 0; i < headers.length; i++) {
    const relaxed = relaxedJsonPathExpression(specs[i]!)
    if ('error' in relaxed) return relaxed
    columns.push({ header: headers[i]!, fieldSpec: relaxed.spec })
  }
  return columns
}

/** bufio.ScanWords: split on Unicode white space. */
function words(line: string): string[] {
  return line.split(/[\s\u0085\u00a0]+/u).filter((w) => w !== '')
}

/**
 * The CustomColumnsPrinter: a header line (unless --no-headers), then one line per object (per item of a List).
 * A column whose JSONPath does not parse fails the print with the parser's message.
 */
export function customColumnsPrinter(columns: Column[], noHeaders: boolean): ObjectPrinter {
  return {
    print(object) {
      const w = new Tabwriter()
      if (!noHeaders) w.write(`${columns.map((c) => c.header).join('\t')}\n`)
      for (const [ix, column] of columns.entries()) {
        try {
          new JsonPath(`column${ix}`).parse(column.fieldSpec)
        } catch (e) {
          return { text: w.flush(), error: (e as Error).message }
        }
      }
      const o = object as { kind?: string; items?: unknown[] }
      const objects = isList(o) ? (o.items ?? []) : [object]
      for (const item of objects) {
        const cells: string[] = []
        for (const [ix, column] of columns.entries()) {
          let values: unknown[][]
          try {
            // A fresh JSONPath per use: one keeps range state and cuts its template as it runs.
            const j = new JsonPath(`column${ix}`).setAllowMissingKeys(true)
            j.parse(column.fieldSpec)
            values = j.findResults(item)
          } catch (e) {
            return { text: w.flush(), error: (e as Error).message }
          }
          const strings = values.length === 0 || values[0]!.length === 0 ? ['<none>'] : []
          for (const set of values) for (const v of set) strings.push(escapeTerminal(goPrint(v)))
          cells.push(strings.join(','))
        }
        w.write(`${cells.join('\t')}\n`)
      }
      return { text: w.flush() }
    },
  }
}

/** meta.IsListType for what get prints: a v1 List (or any *List kind) with items. */
function isList(o: { kind?: string; items?: unknown }): boolean {
  return typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items)
}
