// `kubectl get TYPE [NAME...] [-n NS] [-A] [-o wide|name|yaml|json] [--no-headers]`, after kubectl
// pkg/cmd/get/get.go (v0.32.5): Complete -> Validate -> Run. Human output lays out the server's Table (always
// fetched with every column, as the real API server sends it); name/yaml/json print the objects themselves.

import type { KubeObject, Table } from '../contract'
import type { ResourceRef } from '../engine/engine'
import { aggregate, checkErrText, fromThrown, plain, type CliError } from './errors'
import type { FlagSpec, FlagValues } from './flags'
import { fail, ok, type KubectlIO, type KubectlResult } from './io'
import { kindSlashName, resourceForArg } from './mapping'
import { toJson } from './printers/json'
import { tableText } from './printers/table-text'
import { toYaml } from './printers/yaml'

export const GET_FLAGS: FlagSpec[] = [
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'no-headers', type: 'bool' },
]

const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'

interface GetOptions {
  ref: ResourceRef
  names: string[]
  namespace: string
  allNamespaces: boolean
  output: string
  noHeaders: boolean
}

export function runGet(io: KubectlIO, args: string[], flags: FlagValues, namespace: string): KubectlResult {
  const completed = complete(io, args, flags, namespace)
  if ('error' in completed) return fail(completed.error)
  const problem = validate(completed)
  return problem ? fail(problem) : run(io, completed)
}

function complete(io: KubectlIO, args: string[], flags: FlagValues, namespace: string): GetOptions | { error: string } {
  if (args.length === 0) {
    return {
      error:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
    }
  }
  // TYPE NAME... or TYPE/NAME...
  const slashed = args[0]!.includes('/')
  const type = slashed ? args[0]!.split('/')[0]! : args[0]!
  const names = slashed ? args.map((a) => a.slice(a.indexOf('/') + 1)) : args.slice(1)
  if (slashed && args.some((a) => !a.includes('/') || a.split('/')[0] !== type)) {
    return { error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n` }
  }
  const ref = resourceForArg(io.engine, type)
  if (!ref) return { error: checkErrText(plain(`the server doesn't have a resource type ${JSON.stringify(type)}`)) }
  return {
    ref,
    names,
    namespace,
    allNamespaces: flags['all-namespaces'] === true,
    output: (flags.output as string | undefined) ?? '',
    noHeaders: flags['no-headers'] === true,
  }
}

function validate(o: GetOptions): string | undefined {
  if (!['', 'wide', 'name', 'yaml', 'json'].includes(o.output)) {
    if (ALLOWED_FORMATS.split(',').includes(o.output)) return `error: --output=${o.output} is not supported by Podlab yet\n`
    return `error: unable to match a printer suitable for the output format ${JSON.stringify(o.output)}, allowed formats are: ${ALLOWED_FORMATS}\n`
  }
  if (o.allNamespaces && o.names.length > 0) return 'error: a resource cannot be retrieved by name across all namespaces\n'
  return undefined
}

function run(io: KubectlIO, o: GetOptions): KubectlResult {
  const namespace = o.ref.namespaced && !o.allNamespaces ? o.namespace : undefined
  const errors: CliError[] = []
  let found: KubeObject[] | undefined
  if (o.names.length > 0) {
    found = []
    for (const name of o.names) {
      try {
        found.push(io.engine.get(o.ref.resource, namespace, name))
      } catch (e) {
        errors.push(fromThrown(e))
      }
    }
  }

  const stdout = o.output === '' || o.output === 'wide' ? human(io, o, namespace, found) : objects(io, o, namespace, found)
  let stderr = ''
  if (errors.length > 0) stderr = checkErrText(errors.length === 1 ? errors[0]! : aggregate(errors)!)
  else if (stdout === '' && (o.output === '' || o.output === 'wide')) {
    stderr = o.ref.namespaced && !o.allNamespaces ? `No resources found in ${o.namespace} namespace.\n` : 'No resources found\n'
  }
  return errors.length > 0 ? fail(stderr, stdout) : ok(stdout, stderr)
}

function human(io: KubectlIO, o: GetOptions, namespace: string | undefined, found: KubeObject[] | undefined): string {
  let table: Table = io.engine.table(o.ref.resource, namespace, { wide: true })
  if (found) {
    // One GET per name, in the order asked, as kubectl does.
    const rows = found.flatMap((obj) => table.rows.filter((r) => r.object.metadata.name === obj.metadata.name))
    table = { ...table, rows }
  }
  return tableText(table, { wide: o.output === 'wide', noHeaders: o.noHeaders, withNamespace: o.allNamespaces && o.ref.namespaced })
}

function objects(io: KubectlIO, o: GetOptions, namespace: string | undefined, found: KubeObject[] | undefined): string {
  const items = found ?? io.engine.list(o.ref.resource, namespace).items
  if (o.output === 'name') return items.map((i) => `${kindSlashName(o.ref, i.metadata.name ?? '')}\n`).join('')
  if (found && found.length === 0) return ''
  // A single named object prints as itself; anything else as a v1 List (get.go printGeneric).
  const value = found && o.names.length === 1 ? found[0] : { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }
  return o.output === 'json' ? toJson(value) : toYaml(value)
}
