// `kubectl get -w` and `--watch-only`, after get.go watch() (v0.32.5): one resource type; the list (or the named
// objects) first, unless --watch-only, then from its resourceVersion each change of a matching object as one more
// row: the row of the object the event carries (Engine.tableOf), through ONE tabwriter that remembers its widths
// across flushes and ONE HumanReadablePrinter, which prints headers only when the columns differ from the last
// table it printed (so a watch that began on an empty list prints rows without a header, as the real one does).
// Every event prints, an unchanged row too. Other formats print each object on its own (YAML documents after the
// first behind `---`); --output-watch-events adds the EVENT column. An object that stops matching the selectors
// is DELETED, as the API server's filtered watch says.

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
import { parseSelector } from '../../../engine'
import { checkErrText, fromThrown } from '../../errors'

export interface WatchOptions {
  visits: Visit[]
  /** --show-managed-fields. */
  showManagedFields: boolean
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
  // builder.go resourceMappings with SingleResourceType.
  if (refs.size !== 1) return fail(`${warnings}error: you may only specify a single resource type\n`)
  const ref = [...refs.values()][0]!
  const namespace = o.visits[0]!.namespace
  const names = new Set(o.visits.flatMap((v) => (v.kind === 'named' ? [v.name] : [])))
  const listVisit = o.visits.find((v): v is Extract<Visit, { kind: 'list' }> => v.kind === 'list')
  const printer = o.human ? undefined : getPrinter(io, { output: o.output, template: o.template, allowMissingKeys: o.allowMissingKeys, noHeaders: o.noHeaders, showManagedFields: o.showManagedFields })
  if (printer && 'error' in printer) return fail(`${warnings}error: ${printer.error}\n`)
  // CustomColumnsPrinter heads its columns once per type of object printed: later objects print without.
  const laterPrinter = o.human ? undefined : (getPrinter(io, { output: o.output, template: o.template, allowMissingKeys: o.allowMissingKeys, noHeaders: true, showManagedFields: o.showManagedFields }) as GetPrinter)
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
  const state = { lastColumns: '', printed: 0 }
  const lastRows = new Map<string, Table['rows'][number]>()
  /** The server's rows of `objects`, each with its whole object (which -L and --show-labels read). */
  const rowsFor = (objects: KubeObject[]): Table => {
    const table = io.engine.tableOf(ref.resource, objects, ref.group)
    const byUid = new Map(objects.map((obj) => [obj.metadata.uid, obj]))
    return { ...table, rows: table.rows.map((r) => ({ ...r, object: (byUid.get(r.object.metadata.uid) ?? r.object) as never })) }
  }
  const humanText = (table: Table, eventType?: string): string => {
    // HumanReadablePrinter: no headers when the columns are those of the table it printed last.
    const columns = JSON.stringify([table.columnDefinitions, eventType !== undefined])
    const same = columns === state.lastColumns
    state.lastColumns = columns
    printTable(table, w, {
      wide: o.output === 'wide',
      noHeaders: o.noHeaders || same,
      withNamespace: o.allNamespaces && ref.namespaced,
      columnLabels: o.labelColumns,
      showLabels: o.showLabels,
      ...(eventType ? { eventType } : {}),
    })
    return w.flush()
  }
  const objectText = (object: KubeObject, type: string): string => {
    const value = o.outputWatchEvents ? { object, type } : object
    state.printed++
    return printObject((state.printed > 1 ? laterPrinter : printer) as GetPrinter, value, ref, state.printed)
  }

  let stdout = ''
  const initialTable = o.human ? rowsFor(initial) : undefined
  for (const row of initialTable?.rows ?? []) lastRows.set(row.object.metadata.uid, row)
  if (!o.watchOnly) {
    if (o.human) {
      if (o.outputWatchEvents) for (const row of initialTable!.rows) stdout += humanText({ ...initialTable!, rows: [row] }, 'ADDED')
      else stdout += humanText(initialTable!)
    } else for (const object of initial) stdout += objectText(object, 'ADDED')
  }
  const matchedUids = new Set(initial.map((obj) => obj.metadata.uid))

  // The filtered watch's test of an object: its name, or the label selector on its own labels; a field
  // selector is the API server's to apply (the list is asked again for that object).
  const selector = listVisit ? parseSelector(listVisit.selector) : undefined
  const matches = (object: KubeObject): boolean => {
    if (names.size > 0) return names.has(object.metadata.name ?? '')
    if (!selector!.matches(object.metadata.labels)) return false
    if (!listVisit?.fieldSelector) return true
    try {
      return current().some((obj) => obj.metadata.uid === object.metadata.uid)
    } catch {
      return false
    }
  }

  const follow: Follow = {
    start(write) {
      return io.engine.watch(resourceVersion, (event: WatchEvent) => {
        const object = event.object
        if (!sameKind(object, ref) || (ref.namespaced && namespace && object.metadata.namespace !== namespace)) return
        const uid = object.metadata.uid ?? ''
        let type: string = event.type
        if (type !== 'ADDED' && type !== 'MODIFIED' && type !== 'DELETED') return
        if (type !== 'DELETED' && !matches(object)) {
          // It no longer matches: the filtered watch says DELETED, with the object as it was last seen matching.
          if (!matchedUids.has(uid)) return
          type = 'DELETED'
        } else if (type !== 'DELETED' && !matchedUids.has(uid)) type = 'ADDED'
        if (type === 'DELETED') {
          if (!matchedUids.has(uid)) return
          matchedUids.delete(uid)
        } else matchedUids.add(uid)
        if (!o.human) return write('stdout', objectText(object, type))
        const row = type === 'DELETED' && event.type !== 'DELETED' ? lastRows.get(uid) : rowsFor([object]).rows[0]
        if (type === 'DELETED') lastRows.delete(uid)
        else if (row) lastRows.set(uid, row)
        if (!row) return
        const text = humanText({ ...rowsFor([]), rows: [row] }, o.outputWatchEvents ? type : undefined)
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
  if (printer.kind === 'yaml') return (count > 1 ? '---\n' : '') + serialize('yaml', value, printer.showManagedFields)
  if (printer.kind === 'json') return serialize('json', value, printer.showManagedFields)
  if (printer.kind === 'object') return printer.printer.print(value).text
  return ''
}
