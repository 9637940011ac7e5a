// `kubectl get`, after kubectl pkg/cmd/get/get.go (v0.32.5): Complete -> Validate -> Run. The resource builder
// decides what to fetch; human output lays out the server's Table of each type (always fetched with every column,
// as the real API server sends it), one table per type separated by a blank line, with `kind/name` names when
// several kinds are shown; name/yaml/json print the objects themselves (printGeneric).

import type { KubeObject, Table } from '../../../kube'
import type { ResourceRef } from '../../../engine'
import { aggregate, checkErrText, fromThrown, type CliError } from '../../errors'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { chooseFormat, GET_FORMATS, isHumanReadable, nameLines, serialize, type OutputFormat } from '../../printers/print-flags'
import { printTable } from '../../printers/table-text'
import { Tabwriter } from '../../../gostd/tabwriter'
import { buildVisits, list, type Visit } from '../../resource/builder'
import { flagNotYet, notYetError, type Command, type Globals } from '../command'
import { HELP } from './help'
import { SINGLE_RESOURCE_TYPE, startWatch } from './watch'

const FLAGS: FlagSpec[] = [
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'chunk-size', type: 'int', defValue: 500 },
  { long: 'field-selector', type: 'string', notYet: true },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'ignore-not-found', type: 'bool', notYet: true },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'label-columns', short: 'L', type: 'stringArray', notYet: true },
  { long: 'no-headers', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'output-watch-events', type: 'bool', notYet: true },
  { long: 'raw', type: 'string', notYet: true },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'server-print', type: 'bool', defValue: true, notYet: true },
  { long: 'show-kind', type: 'bool' },
  { long: 'show-labels', type: 'bool', notYet: true },
  { long: 'show-managed-fields', type: 'bool', notYet: true },
  { long: 'sort-by', type: 'string', notYet: true },
  { long: 'subresource', type: 'string', notYet: true },
  { long: 'template', type: 'string', notYet: true },
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
  /** Documents of -f files that could not be visited, reported first. */
  visitErrors: CliError[]
  singleItemImplied: boolean
  namespace: string
  allNamespaces: boolean
  format: OutputFormat
  noHeaders: boolean
  showKind: boolean
  /** -w or --watch-only (watch.ts). */
  watch: boolean
  watchOnly: boolean
}

function runGet(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const completed = complete(io, args, flags, globals)
  if ('error' in completed) return fail(completed.error)
  return run(io, completed)
}

/** Complete + Validate: the printer, then (get.go Run's builder) what to fetch. */
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
  const printer = chooseFormat((flags.output as string | undefined) ?? '', GET_FORMATS)
  if ('error' in printer) return printer
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return { error: notYetError(notYet) }
  const allNamespaces = flags['all-namespaces'] === true
  const built = buildVisits(io, {
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
    allNamespaces,
    filenames,
    selector: flags.selector as string | undefined,
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
    format: printer.format,
    noHeaders: flags['no-headers'] === true,
    showKind: flags['show-kind'] === true,
    watch: flags.watch === true || flags['watch-only'] === true,
    watchOnly: flags['watch-only'] === true,
  }
}

/** One builder Info: what a visit fetched (a Table for human output, the objects otherwise). */
interface Fetched {
  ref: ResourceRef
  table?: Table
  objects: KubeObject[]
}

function run(io: KubectlIO, o: GetOptions): KubectlResult {
  if (o.watch) return runWatch(io, o)
  const errors: CliError[] = [...o.visitErrors]
  const human = isHumanReadable(o.format)
  const infos: Fetched[] = []
  // ContinueOnError: every visit is tried, each failure kept for the end.
  for (const visit of o.visits) {
    try {
      infos.push(fetch(io, visit, human))
    } catch (e) {
      errors.push(fromThrown(e))
    }
  }
  const stdout = human ? printHuman(o, infos) : printGeneric(o, infos, errors)
  let stderr = errors.length > 0 ? checkErrText(returned(o, human, errors)) : ''
  if (human && stdout === '' && errors.length === 0) {
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

/** get.go watch(): one resource type, one visit; its current objects, then a Follow of its changes. */
function runWatch(io: KubectlIO, o: GetOptions): KubectlResult {
  if (o.visitErrors.length > 0) return fail(checkErrText(aggregate(o.visitErrors)!))
  if (new Set(o.visits.map((v) => `${v.ref.group}/${v.ref.resource}`)).size > 1) return fail(`error: ${SINGLE_RESOURCE_TYPE}\n`)
  const [visit, ...more] = o.visits
  if (!visit) return ok('')
  if (more.length > 0) return fail(notYetError('watching several named objects at once'))
  try {
    const fetched = fetch(io, visit, isHumanReadable(o.format))
    const resourceVersion = fetched.table?.metadata.resourceVersion || io.engine.info().resourceVersion
    const started = startWatch(io, visit, fetched, resourceVersion, o)
    return { ...ok(started.stdout), follow: started.follow }
  } catch (e) {
    return fail(checkErrText(fromThrown(e)))
  }
}

/** One request: GET of a named object (its Table row for human output), or LIST / Table of a type. */
function fetch(io: KubectlIO, visit: Visit, human: boolean): Fetched {
  if (visit.kind === 'named') {
    const object = io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group)
    if (!human) return { ref: visit.ref, objects: [object] }
    const table = io.engine.table(visit.ref.resource, visit.namespace, { wide: true })
    return { ref: visit.ref, objects: [object], table: { ...table, rows: table.rows.filter((r) => r.object.metadata.name === visit.name) } }
  }
  if (!human) return { ref: visit.ref, objects: list(io, visit) }
  const table = io.engine.table(visit.ref.resource, visit.namespace, { wide: true })
  if (visit.selector === '') return { ref: visit.ref, objects: [], table }
  // The Table's rows carry no labels: the selector picks by the LIST's objects.
  const picked = new Set(list(io, visit).map((obj) => obj.metadata.uid))
  return { ref: visit.ref, objects: [], table: { ...table, rows: table.rows.filter((r) => picked.has(r.object.metadata.uid)) } }
}

/** get.go Run's human branch: a new printer (and tabwriter widths) per resource type, a blank line between. */
function printHuman(o: GetOptions, infos: Fetched[]): string {
  const withKind = o.showKind || new Set(infos.map((i) => `${i.ref.group}/${i.ref.kind}`)).size > 1
  let out = ''
  let w = new Tabwriter()
  let last: ResourceRef | undefined
  let separate = false
  // HumanReadablePrinter: one header per printer, once a table with rows was printed.
  let headersPrinted = false
  // ToPrinter's EnsureWithNamespace mutates flags its copies share: once on, later types keep the column.
  let withNamespace = false
  const flush = () => {
    const text = w.flush()
    if (text && separate) out += '\n'
    if (text) separate = false
    out += text
  }
  for (const info of infos) {
    if (!last || info.ref.resource !== last.resource || info.ref.group !== last.group) {
      flush()
      w = new Tabwriter()
      if (last && !o.noHeaders && out.length > 0) separate = true
      last = info.ref
      headersPrinted = false
    }
    withNamespace ||= o.allNamespaces && info.ref.namespaced
    printTable(info.table!, w, {
      wide: o.format === 'wide',
      noHeaders: o.noHeaders || headersPrinted,
      withNamespace,
      ...(withKind ? { withKind: info.ref } : {}),
    })
    if (info.table!.rows.length > 0) headersPrinted = true
  }
  flush()
  return out
}
/** get.go printGeneric: one object when one was implied and found, else a v1 List of everything found. */
function printGeneric(o: GetOptions, infos: Fetched[], errors: CliError[]): string {
  const items = infos.flatMap((i) => i.objects.map((object) => ({ ref: i.ref, object })))
  const singleItemImplied = o.singleItemImplied
  if (singleItemImplied && errors.length > 0) return ''
  if (o.format === 'name') return nameLines(items)
  const format = o.format as 'json' | 'yaml'
  if (singleItemImplied && items.length === 1) return serialize(format, items[0]!.object)
  return serialize(format, { apiVersion: 'v1', items: items.map((i) => i.object), kind: 'List', metadata: { resourceVersion: '' } })
}
