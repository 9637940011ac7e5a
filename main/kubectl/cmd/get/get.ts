// `kubectl get`, after kubectl pkg/cmd/get/get.go (v0.32.5): Complete -> Validate -> Run. The resource builder
// decides what to fetch (-l and --field-selector go with each LIST); human output lays out the server's Table of
// each type (always fetched with every column, as the real API server sends it), one table per type separated by
// a blank line, with `kind/name` names when several kinds are shown, -L and --show-labels columns, rows in
// --sort-by order; --server-print=false lays out kubectl's own NAME/AGE table instead. Every other format prints
// the objects themselves (printGeneric): name, yaml, json, jsonpath, go-template, custom columns, the printer
// built after the requests as kubectl builds it. -w and --watch-only go on in a Follow (watch.ts).

import type { KubeObject, Table } from '../../../kube'
import type { ResourceRef } from '../../../engine'
import { aggregate, checkErrText, fromThrown, plain, type CliError } from '../../errors'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { nameLines, serialize } from '../../printers/print-flags'
import { getPrinter, type GetPrinter } from '../../printers/get-printer'
import { printTable } from '../../printers/table-text'
import { sortBy } from './sorter'
import { defaultTable } from './default-table'
import { runWatch } from './watch'
import { Tabwriter } from '../../../gostd/tabwriter'
import { buildVisits, list, type Visit } from '../../resource/builder'
import { flagNotYet, notYetError, type Command, type Globals } from '../command'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true },
  { long: 'chunk-size', type: 'int', defValue: 500 },
  { long: 'field-selector', type: 'string' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'ignore-not-found', type: 'bool' },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'label-columns', short: 'L', type: 'stringSlice' },
  { long: 'no-headers', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'output-watch-events', type: 'bool' },
  { long: 'raw', type: 'string', notYet: true },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'server-print', type: 'bool', defValue: true },
  { long: 'show-kind', type: 'bool' },
  { long: 'show-labels', type: 'bool' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'sort-by', type: 'string' },
  { long: 'subresource', type: 'string', notYet: true },
  { long: 'template', type: 'string' },
  { long: 'watch', short: 'w', type: 'bool' },
  { long: 'watch-only', type: 'bool' },
]

export const getCommand: Command = {
  name: 'get',
  short: 'Display one or many resources',
  group: 'Basic Commands (Intermediate):',
  flags: FLAGS,
  help: HELP,
  run: runGet,
}

interface GetOptions {
  visits: Visit[]
  /** --show-managed-fields. */
  showManagedFields: boolean
  /** Documents of -f files that could not be visited, reported first. */
  visitErrors: CliError[]
  singleItemImplied: boolean
  namespace: string
  allNamespaces: boolean
  /** -o as typed. */
  output: string
  template: string
  allowMissingKeys: boolean
  /** IsHumanReadablePrinter: no -o (and no --template), or -o wide. */
  human: boolean
  noHeaders: boolean
  showKind: boolean
  showLabels: boolean
  labelColumns: string[]
  sortBy: string
  /** --server-print, turned off by custom columns, yaml and json formats. */
  serverPrint: boolean
  ignoreNotFound: boolean
  /** -w: the list, then its changes (a Follow). */
  watch: boolean
  /** --watch-only: the changes only. */
  watchOnly: boolean
  outputWatchEvents: boolean
}

function runGet(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const completed = complete(io, args, flags, globals)
  if ('error' in completed) return fail(completed.error)
  if (completed.watch || completed.watchOnly) {
    // get.go Complete warns before anything else.
    const warnings = completed.sortBy ? `warning: --${completed.watch ? 'watch' : 'watch-only'} requested, --sort-by will be ignored${completed.watch ? ' for watch events received' : ''}\n` : ''
    return runWatch(io, completed, warnings)
  }
  return run(io, completed)
}

/** Complete + Validate: what to print with, then (get.go Run's builder) what to fetch. */
function complete(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): GetOptions | { error: string } {
  const filenames = (flags.filename as string[] | undefined) ?? []
  if (args.length === 0 && filenames.length === 0) {
    return {
      error:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    }
  }
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return { error: notYetError(notYet) }
  const output = (flags.output as string | undefined) ?? ''
  const template = (flags.template as string | undefined) ?? ''
  // get.go Complete: custom columns and server-side printing do not mix, nor do yaml and json.
  const serverPrint = flags['server-print'] !== false && !output.includes('custom-columns') && output !== 'yaml' && !output.includes('json')
  // Validate.
  if (flags['show-labels'] === true && output !== '' && output !== 'wide') return { error: `error: --show-labels option cannot be used with ${output} printer\n` }
  const watch = flags.watch === true
  const watchOnly = flags['watch-only'] === true
  if (flags['output-watch-events'] === true && !watch && !watchOnly) return { error: 'error: --output-watch-events option can only be used with --watch or --watch-only\n' }
  const allNamespaces = flags['all-namespaces'] === true
  const fieldSelector = flags['field-selector'] as string | undefined
  const built = buildVisits(io, {
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
    allNamespaces,
    filenames,
    selector: flags.selector as string | undefined,
    ...(fieldSelector ? { fieldSelector } : {}),
    selectAll: false,
    allowEmptySelector: true,
    args,
  })
  if ('stderr' in built) return { error: built.stderr }
  if ('error' in built) return { error: checkErrText(built.error) }
  return {
    visits: built.visits,
    visitErrors: built.errors,
    singleItemImplied: built.singleItemImplied,
    namespace: globals.namespace,
    allNamespaces,
    output,
    template,
    allowMissingKeys: flags['allow-missing-template-keys'] !== false,
    human: (output === '' && template === '') || output === 'wide',
    noHeaders: flags['no-headers'] === true,
    showKind: flags['show-kind'] === true,
    showLabels: flags['show-labels'] === true,
    labelColumns: (flags['label-columns'] as string[] | undefined) ?? [],
    sortBy: (flags['sort-by'] as string | undefined) ?? '',
    serverPrint,
    ignoreNotFound: flags['ignore-not-found'] === true,
    watch,
    watchOnly,
    outputWatchEvents: flags['output-watch-events'] === true,
    showManagedFields: flags['show-managed-fields'] === true,
  }
}

/** One builder Info: what a visit fetched (a Table for server-printed human output, the objects otherwise). */
interface Fetched {
  ref: ResourceRef
  table?: Table
  objects: KubeObject[]
}

function run(io: KubectlIO, o: GetOptions): KubectlResult {
  const errors: CliError[] = [...o.visitErrors]
  const infos: Fetched[] = []
  const tables = o.human && o.serverPrint
  // ContinueOnError: every visit is tried, each failure kept for the end; --ignore-not-found drops NotFound.
  for (const visit of o.visits) {
    try {
      infos.push(fetch(io, visit, tables, o.sortBy !== '' || o.showLabels || o.labelColumns.length > 0))
    } catch (e) {
      const err = fromThrown(e)
      if (o.ignoreNotFound && err.kind === 'status' && err.status.reason === 'NotFound') continue
      errors.push(err)
    }
  }
  if (!o.human) return printGeneric(io, o, infos, errors)
  if (o.sortBy) {
    for (const info of infos) {
      if (info.table) {
        // The Table reaches RuntimeSorter as an unstructured object, which it leaves alone; SortingPrinter sorts
        // its rows, and a failure there is a PrintObj error get.go ignores: that table prints nothing.
        if (info.table.rows.length < 2) continue
        const sorted = sortBy(info.table.rows, o.sortBy, (row) => row.object, true)
        info.table = 'error' in sorted ? { ...info.table, rows: [] } : { ...info.table, rows: sorted }
      } else if (info.objects.length > 1) {
        // --server-print=false: Flatten made each object an Info, which RuntimeSorter sorts (or fails the run).
        const sorted = sortBy(info.objects, o.sortBy, (obj) => obj, false)
        if ('error' in sorted) return fail(`error: ${sorted.error}\n`)
        info.objects = sorted
      }
    }
  }
  const stdout = printHuman(io, o, infos)
  let stderr = errors.length > 0 ? checkErrText(returned(o, true, errors)) : ''
  if (stdout === '' && errors.length === 0 && !o.ignoreNotFound) {
    const allNamespaced = !o.allNamespaces && infos.every((i) => i.ref.namespaced)
    stderr = allNamespaced ? `No resources found in ${o.namespace} namespace.\n` : 'No resources found\n'
  }
  return errors.length > 0 ? fail(stderr, stdout) : ok(stdout, stderr)
}

/**
 * The error Run returns for what the builder's visitor gave (its errors are one aggregate, requests included, as
 * Infos() returns them): human output wraps it in Run's own aggregate, printGeneric flattens and reduces it unless
 * one item was implied. checkErr unwraps one level only, so this decides between `error: x` and a bare `x`.
 */
function returned(o: GetOptions, human: boolean, errors: CliError[]): CliError {
  // Podlab's own failure (a cluster file it cannot trust) is no kubectl error: it keeps the `error: <sentence>`
  // every door prints for it.
  if (errors.length === 1 && isPodlabFailure(errors[0]!)) return errors[0]!
  const fromInfos = aggregate(errors)!
  if (human) return aggregate([fromInfos])!
  if (o.singleItemImplied) return fromInfos
  return errors.length === 1 ? errors[0]! : fromInfos
}

/** What fromThrown makes of an error that is not the API server's (errors.ts: reason Internal, no Status). */
function isPodlabFailure(err: CliError): boolean {
  return err.kind === 'plain' && err.reason === 'Internal'
}

/**
 * One request: GET of a named object (its Table row for human output), or LIST / Table of a type. `fullRows`:
 * the rows carry their whole objects (includeObject=Object, which --sort-by asks for; -L and --show-labels read
 * the labels of the metadata the real API server sends, which Podlab's Table rows leave out).
 */
function fetch(io: KubectlIO, visit: Visit, asTable: boolean, fullRows: boolean): Fetched {
  const fetched = fetchVisit(io, visit, asTable)
  if (!fetched.table || !fullRows) return fetched
  // By namespace and name: metrics.k8s.io's objects have no uid.
  const key = (m: { namespace?: string; name?: string }) => `${m.namespace ?? ''}/${m.name ?? ''}`
  const byKey = new Map((fetched.objects.length > 0 ? fetched.objects : visit.kind === 'list' ? list(io, visit) : []).map((obj) => [key(obj.metadata), obj]))
  const rows = fetched.table.rows.map((r) => ({ ...r, object: (byKey.get(key(r.object.metadata)) ?? r.object) as Table['rows'][number]['object'] }))
  return { ...fetched, table: { ...fetched.table, rows } }
}

/**
 * A group's resource whose plural the core group serves too (`pods.metrics.k8s.io`, `events.events.k8s.io`):
 * Engine.table reads the core one, so its Table must come from its own objects (PodMetrics' NAME AGE, not Pods').
 */
function servedByCore(io: KubectlIO, ref: ResourceRef): boolean {
  return ref.group !== '' && io.engine.resources().some((r) => r.group === '' && r.resource === ref.resource)
}

function fetchVisit(io: KubectlIO, visit: Visit, asTable: boolean): Fetched {
  if (visit.kind === 'named') {
    const object = io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group)
    if (!asTable) return { ref: visit.ref, objects: [object] }
    // The GET's Table: the one object's row (a named get among 10,000 pods prints from that pod, not the namespace).
    const group = servedByCore(io, visit.ref) ? visit.ref.group : undefined
    return { ref: visit.ref, objects: [object], table: io.engine.tableOf(visit.ref.resource, [object], group) }
  }
  if (!asTable) return { ref: visit.ref, objects: list(io, visit) }
  const table = servedByCore(io, visit.ref)
    ? io.engine.tableOf(visit.ref.resource, io.engine.list(visit.ref.resource, visit.namespace, undefined, visit.ref.group).items, visit.ref.group)
    : io.engine.table(visit.ref.resource, visit.namespace, { wide: true })
  if (visit.selector === '' && !visit.fieldSelector) return { ref: visit.ref, objects: [], table }
  // The Table's rows are picked by the LIST's objects, which the selectors chose.
  const picked = new Set(list(io, visit).map((obj) => obj.metadata.uid))
  return { ref: visit.ref, objects: [], table: { ...table, rows: table.rows.filter((r) => picked.has(r.object.metadata.uid)) } }
}

/** get.go Run's human branch: a new printer (and tabwriter widths) per resource type, a blank line between. */
function printHuman(io: KubectlIO, o: GetOptions, infos: Fetched[]): string {
  const withKind = o.showKind || new Set(infos.map((i) => `${i.ref.group}/${i.ref.kind}`)).size > 1
  let out = ''
  let w = new Tabwriter()
  let last: ResourceRef | undefined
  let separate = false
  // HumanReadablePrinter: one header per printer, once a table with rows was printed (kubectl's own table: once).
  let headersPrinted = false
  // ToPrinter's EnsureWithNamespace mutates flags its copies share: once on, later types keep the column.
  let withNamespace = false
  const flush = () => {
    const text = w.flush()
    if (text && separate) out += '\n'
    if (text) separate = false
    out += text
  }
  const nowMs = o.serverPrint ? 0 : io.engine.clock().nowMs
  for (const info of infos) {
    if (!last || info.ref.resource !== last.resource || info.ref.group !== last.group) {
      flush()
      w = new Tabwriter()
      if (last && !o.noHeaders && out.length > 0) separate = true
      last = info.ref
      headersPrinted = false
    }
    withNamespace ||= o.allNamespaces && info.ref.namespaced
    const table = info.table ?? defaultTable(info.objects, nowMs)
    printTable(table, w, {
      wide: o.output === 'wide',
      noHeaders: o.noHeaders || headersPrinted,
      withNamespace,
      ...(withKind ? { withKind: info.ref } : {}),
      columnLabels: o.labelColumns,
      showLabels: o.showLabels,
    })
    if (table.rows.length > 0) headersPrinted = true
  }
  flush()
  return out
}

/** get.go printGeneric: one object when one was implied and found, else a v1 List of everything found. */
function printGeneric(io: KubectlIO, o: GetOptions, infos: Fetched[], errors: CliError[]): KubectlResult {
  const items = infos.flatMap((i) => i.objects.map((object) => ({ ref: i.ref, object })))
  const singleItemImplied = o.singleItemImplied
  const failed = (extra: CliError[], stdout = '') => {
    const all = [...errors, ...extra]
    return fail(checkErrText(returned(o, false, all)), stdout)
  }
  if (singleItemImplied && errors.length > 0) return failed([])
  if (items.length === 0 && o.ignoreNotFound) return errors.length > 0 ? failed([]) : ok('')
  const printer = getPrinter(io, { output: o.output, template: o.template, allowMissingKeys: o.allowMissingKeys, noHeaders: o.noHeaders, showManagedFields: o.showManagedFields })
  if ('error' in printer) return fail(`error: ${printer.error}${printer.error.endsWith('\n') ? '' : '\n'}`)
  const single = singleItemImplied && items.length === 1
  let objects = items.map((i) => i.object)
  // SortingPrinter: a List's items in --sort-by order (one object is left as it is).
  if (o.sortBy && !single && objects.length > 0) {
    const sorted = sortBy(objects, o.sortBy, (obj) => obj, false)
    if ('error' in sorted) return failed([plain(sorted.error)])
    objects = sorted
  }
  const value = single ? objects[0]! : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } }
  const text = printWith(printer, value, o.sortBy && !single ? objects.map((obj) => items.find((i) => i.object === obj)!) : items)
  if (text.error !== undefined) return failed([plain(text.error)], text.stdout)
  return errors.length > 0 ? failed([], text.stdout) : ok(text.stdout)
}

function printWith(printer: GetPrinter, value: unknown, items: Array<{ ref: ResourceRef; object: KubeObject }>): { stdout: string; error?: string } {
  if (printer.kind === 'name') return { stdout: nameLines(items) }
  if (printer.kind === 'yaml' || printer.kind === 'json') return { stdout: serialize(printer.kind, value, printer.showManagedFields) }
  if (printer.kind === 'object') {
    const printed = printer.printer.print(value)
    return printed.error === undefined ? { stdout: printed.text } : { stdout: printed.text, error: printed.error }
  }
  return { stdout: '' }
}
