// `kubectl get -w` and `--watch-only`, after get.go watch() (v0.32.5): the list first (unless --watch-only), then
// from its resourceVersion each change of a matching object as it is delivered: human output one row per change
// through the same tabwriter (widths remembered, no second header), other formats each object on its own;
// --output-watch-events adds the EVENT column. An object that stops matching the selectors is DELETED, as the
// API server's filtered watch says. Rows are the server Table's at delivery: several changes of one object
// within one advance of the clock show as its state after it (a row equal to the last one printed is skipped).

import type { KubeObject, Table, WatchEvent } from '../../../kube'
import type { ResourceRef } from '../../../engine'
import type { Follow, KubectlIO, KubectlResult } from '../../io'
import { fail, ok } from '../../io'
import { Tabwriter } from '../../../gostd/tabwriter'
import { printTable } from '../../printers/table-text'
import { getPrinter, type GetPrinter } from '../../printers/get-printer'
import { serialize } from '../../printers/print-flags'
import { kindSlashName } from '../../mapping'
import { list, type Visit } from '../../resource/builder'
import { checkErrText, fromThrown } from '../../errors'

export interface WatchOptions {
  visits: Visit[]
  watchOnly: boolean
  human: boolean
  output: string
  template: string
  allowMissingKeys: boolean
  noHeaders: boolean
  allNamespaces: boolean
  showLabels: boolean
  labelColumns: string[]
  outputWatchEvents: boolean
}

/** get.go watch(): the first output and the Follow that prints the changes after it. */
export function runWatch(io: KubectlIO, o: WatchOptions, warnings: string): KubectlResult {
  const refs = new Map(o.visits.map((v) => [`${v.ref.group}/${v.ref.resource}`, v.ref]))
  if (refs.size !== 1) return fail(`${warnings}error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n`)
  const ref = [...refs.values()][0]!
  const namespace = o.visits[0]!.namespace
  const names = new Set(o.visits.flatMap((v) => (v.kind === 'named' ? [v.name] : [])))
  const listVisit = o.visits.find((v): v is Extract<Visit, { kind: 'list' }> => v.kind === 'list')
  const printer = o.human ? undefined : getPrinter(io, { output: o.output, template: o.template, allowMissingKeys: o.allowMissingKeys, noHeaders: o.noHeaders })
  if (printer && 'error' in printer) return fail(`${warnings}error: ${printer.error}\n`)
  // CustomColumnsPrinter heads its columns once per type of object printed: later objects print without.
  const laterPrinter = o.human ? undefined : (getPrinter(io, { output: o.output, template: o.template, allowMissingKeys: o.allowMissingKeys, noHeaders: true }) as GetPrinter)
  const resourceVersion = io.engine.info().resourceVersion

  /** The objects of the watched collection now (named ones: those names). Throws the API's error. */
  const current = (): KubeObject[] => {
    if (names.size > 0) return [...names].map((n) => io.engine.get(ref.resource, namespace, n, ref.group))
    return list(io, listVisit!)
  }
  let initial: KubeObject[]
  try {
    initial = current()
  } catch (e) {
    return fail(warnings + checkErrText(fromThrown(e)))
  }

  const w = new Tabwriter()
  const state = { headersPrinted: false, printed: 0 }
  const lastRows = new Map<string, { key: string; row: Table['rows'][number] }>()
  const rowsFor = (objects: KubeObject[]): Table => {
    const table = io.engine.table(ref.resource, namespace, { wide: true })
    const byUid = new Map(objects.map((obj) => [obj.metadata.uid, obj]))
    // Each row with its whole object, which -L and --show-labels read.
    return { ...table, rows: table.rows.filter((r) => byUid.has(r.object.metadata.uid)).map((r) => ({ ...r, object: byUid.get(r.object.metadata.uid) as never })) }
  }
  const humanText = (table: Table, eventType?: string): string => {
    printTable(table, w, {
      wide: o.output === 'wide',
      noHeaders: o.noHeaders || state.headersPrinted,
      withNamespace: o.allNamespaces && ref.namespaced,
      columnLabels: o.labelColumns,
      showLabels: o.showLabels,
      ...(eventType ? { eventType } : {}),
    })
    if (table.rows.length > 0) state.headersPrinted = true
    return w.flush()
  }
  const objectText = (object: KubeObject, type: string): string => {
    const value = o.outputWatchEvents ? { object, type } : object
    state.printed++
    return printObject((state.printed > 1 ? laterPrinter : printer) as GetPrinter, value, ref, state.printed)
  }

  let stdout = ''
  const initialTable = o.human ? rowsFor(initial) : undefined
  for (const row of initialTable?.rows ?? []) lastRows.set(row.object.metadata.uid, { key: JSON.stringify(row.cells), row })
  if (!o.watchOnly) {
    if (o.human) {
      if (o.outputWatchEvents) for (const row of initialTable!.rows) stdout += humanText({ ...initialTable!, rows: [row] }, 'ADDED')
      else stdout += humanText(initialTable!)
    } else for (const object of initial) stdout += objectText(object, 'ADDED')
  }
  const matchedUids = new Set(initial.map((obj) => obj.metadata.uid))

  const follow: Follow = {
    start(write) {
      return io.engine.watch(resourceVersion, (event: WatchEvent) => {
        const object = event.object
        if (!sameKind(object, ref) || (ref.namespaced && namespace && object.metadata.namespace !== namespace)) return
        const uid = object.metadata.uid ?? ''
        let type: string = event.type
        let row: Table['rows'][number] | undefined
        if (event.type !== 'DELETED') {
          let matching: KubeObject[]
          try {
            matching = current().filter((obj) => obj.metadata.uid === uid)
          } catch {
            matching = []
          }
          if (matching.length === 0) {
            if (!matchedUids.has(uid)) return
            type = 'DELETED'
          } else {
            if (!matchedUids.has(uid)) type = 'ADDED'
            matchedUids.add(uid)
            row = o.human ? rowsFor(matching).rows[0] : undefined
          }
        }
        if (type === 'DELETED') {
          if (!matchedUids.has(uid)) return
          matchedUids.delete(uid)
          row = lastRows.get(uid)?.row
          lastRows.delete(uid)
        }
        if (!o.human) return write('stdout', objectText(object, type))
        if (!row) return
        const key = JSON.stringify(row.cells)
        if (type !== 'DELETED') {
          if (lastRows.get(uid)?.key === key) return
          lastRows.set(uid, { key, row })
        }
        const text = humanText({ ...(rowsFor([]) as Table), rows: [row] }, o.outputWatchEvents ? type : undefined)
        if (text) write('stdout', text)
      })
    },
  }
  return { ...ok(stdout, warnings), follow }
}

function sameKind(object: KubeObject, ref: ResourceRef): boolean {
  const group = (object.apiVersion ?? '').includes('/') ? object.apiVersion!.split('/')[0] : ''
  return object.kind === ref.kind && group === ref.group
}

/** One object as a non-table printer prints it in a watch; YAMLPrinter separates documents with `---`. */
function printObject(printer: GetPrinter, value: unknown, ref: ResourceRef, count: number): string {
  if (printer.kind === 'name') {
    const object = ((value as { object?: KubeObject }).object ?? value) as KubeObject
    return `${kindSlashName(ref, object.metadata.name ?? '')}\n`
  }
  if (printer.kind === 'yaml') return (count > 1 ? '---\n' : '') + serialize('yaml', value)
  if (printer.kind === 'json') return serialize('json', value)
  if (printer.kind === 'object') return printer.printer.print(value).text
  return ''
}
