// `kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... | KEY- [--overwrite] [--all | -l SEL] [--dry-run=client]
// [-o name|yaml|json]`, after kubectl pkg/cmd/taint/taint.go (v0.32.5): Complete -> Validate -> RunTaint. Each node
// gets its new list of taints as the strategic merge patch kubectl computes ({"spec":{"taints":[...]}}: the list has
// no merge key, so it is sent whole, and null when it ends up empty), and `node/x tainted|untainted|modified`.
// The builder goes on after an error (ContinueOnError): the errors are printed together at the end.

import type { KubeObject } from '../../../kube'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { aggregate, checkErrText, fromThrown, plain, type CliError } from '../../errors'
import { fail, type KubectlIO, type KubectlResult } from '../../io'
import { resourceForArg } from '../../mapping'
import { chooseFormat, serialize, type OutputFormat } from '../../printers/print-flags'
import { dryRunStrategy, serverDryRun, usageError, type DryRun } from '../create/create-options'
import { fieldManagerFlag, flagNotYet, notYetError, type Command } from '../command'
import { HELP } from './help'
import { alreadyThere, conflictingTaints, parseTaints, reorganizeTaints, type Taint, type TaintChanges } from './taint-spec'

const FLAGS: FlagSpec[] = [
  { long: 'all', type: 'bool' },
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-taint' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'overwrite', type: 'bool' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'show-managed-fields', type: 'bool', notYet: true },
  { long: 'template', type: 'string', notYet: true },
  { long: 'validate', type: 'string', noOptDefVal: 'strict', defValue: 'strict' },
]

/** PrintFlags' formats (JSON/YAML, name, templates, jsonpath), sorted as kubectl lists them. */
const PRINT_FORMATS = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml']

export const taintCommand: Command = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  group: 'Cluster Management Commands:',
  flags: FLAGS,
  help: HELP,
  run: runTaint,
}

interface TaintOptions {
  resources: string[]
  changes: TaintChanges
  overwrite: boolean
  all: boolean
  selector: string
  dryRun: DryRun
  format: OutputFormat
  /** --field-manager (kubectl-taint). */
  fieldManager: string
  warnings: string
}

function runTaint(io: KubectlIO, args: string[], flags: FlagValues): KubectlResult {
  const o = complete(args, flags)
  if ('error' in o) return fail(o.error)
  const problem = validate(io, o)
  if (problem) return fail(o.warnings + problem)
  return run(io, o)
}

function complete(args: string[], flags: FlagValues): TaintOptions | { error: string } {
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return { error: notYetError(notYet) }
  const dryRun = dryRunStrategy(flags)
  if ('error' in dryRun) return dryRun
  const validation = (flags.validate as string | undefined) ?? 'strict'
  if (!['strict', 'warn', 'ignore', 'true', 'false'].includes(validation)) {
    return { error: `error: invalid - validate option "${validation}"; must be one of: strict (or true), warn, ignore (or false)\n` }
  }

  // Resources first, then taint changes; a resource after a change is an error.
  const resources: string[] = []
  const taintArgs: string[] = []
  for (const s of args) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-')
    if (isTaint) taintArgs.push(s)
    else if (taintArgs.length > 0) return { error: `error: all resources must be specified before taint changes: ${s}\n` }
    else resources.push(s)
  }
  const printer = chooseFormat((flags.output as string | undefined) ?? '', PRINT_FORMATS)
  if ('error' in printer) return printer
  if (resources.length < 1) return { error: 'error: one or more resources must be specified as <resource> <name>\n' }
  if (taintArgs.length < 1) return { error: 'error: at least one taint update is required\n' }
  const changes = parseTaints(taintArgs)
  if ('error' in changes) return { error: usageError('kubectl taint', changes.error) }
  return {
    resources,
    changes,
    fieldManager: fieldManagerFlag(FLAGS, flags),
    overwrite: flags.overwrite === true,
    all: flags.all === true,
    selector: (flags.selector as string | undefined) ?? '',
    dryRun: dryRun.dryRun,
    format: printer.format,
    warnings: dryRun.warning,
  }
}

function validate(io: KubectlIO, o: TaintOptions): string | undefined {
  const type = o.resources[0]!.toLowerCase()
  const ref = resourceForArg(io.engine, type)
  // A NoResourceMatchError: checkErr prints it without `error: `.
  if (!ref) return `the server doesn't have a resource type "${type}"\n`
  if (ref.kind !== 'Node') return `error: invalid resource type ${type}, only node types are supported\n`
  const conflicts = conflictingTaints(o.changes)
  if (conflicts.length > 0) return `error: can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}\n`
  if (o.all && o.selector !== '') return "error: setting 'all' parameter with a non empty selector is prohibited\n"
  if (!o.all && o.selector === '' && o.resources.length < 2) return "error: at least one resource name must be specified since 'all' parameter is not set\n"
  return undefined
}

function run(io: KubectlIO, o: TaintOptions): KubectlResult {
  let stdout = ''
  const errors: CliError[] = []
  for (const node of nodes(io, o, errors)) {
    const name = node.metadata.name ?? ''
    const old = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []) as Taint[]
    if (!o.overwrite) {
      const exists = alreadyThere(old, o.changes.add)
      if (exists) {
        errors.push(plain(`node ${name} already has ${exists} taint(s) with same effect(s) and --overwrite is false`))
        continue
      }
    }
    const next = reorganizeTaints(old, o.overwrite, o.changes)
    if (next.errors.length > 0) {
      errors.push(next.errors.length === 1 ? plain(next.errors[0]!) : aggregate(next.errors.map((e) => plain(e)))!)
      continue
    }
    let result: KubeObject = { ...node, spec: { ...(node.spec ?? {}), taints: next.taints } }
    if (o.dryRun !== 'client') {
      try {
        result = io.engine.patch('nodes', undefined, name, 'strategic', { spec: { taints: next.taints.length > 0 ? next.taints : null } }, { ...serverDryRun(o.dryRun), fieldManager: o.fieldManager })
      } catch (e) {
        errors.push(fromThrown(e))
        continue
      }
    }
    stdout += print(o, result, next.operation)
  }
  const err = aggregate(errors)
  return { stdout, stderr: o.warnings + (err ? checkErrText(err) : ''), exitCode: err ? 1 : 0 }
}

/** The nodes the builder visits: every node (--all), those -l selects, or each one named (a GET each). */
function nodes(io: KubectlIO, o: TaintOptions, errors: CliError[]): KubeObject[] {
  if (o.all || o.selector !== '') {
    try {
      return io.engine.list('nodes', undefined, o.selector ? { labelSelector: o.selector } : undefined).items
    } catch (e) {
      errors.push(fromThrown(e))
      return []
    }
  }
  const found: KubeObject[] = []
  for (const name of o.resources.slice(1)) {
    try {
      found.push(io.engine.get('nodes', undefined, name))
    } catch (e) {
      errors.push(fromThrown(e))
    }
  }
  return found
}

/**
 * The printer: yaml/json print the node; -o name just `node/x`; the default `node/x <operation>`. No dry-run
 * suffix: taint sets the operation after PrintFlagsWithDryRunStrategy added it, so `--dry-run=client` reads
 * `node/x tainted` as the real kubectl prints it.
 */
function print(o: TaintOptions, node: KubeObject, operation: string): string {
  if (o.format === 'json' || o.format === 'yaml') return serialize(o.format, node)
  return `node/${node.metadata.name ?? ''}${o.format === 'name' ? '' : ` ${operation}`}\n`
}
