// What `kubectl create` and its subcommands share (kubectl pkg/cmd/create/create.go and pkg/cmd/util/helpers.go,
// v0.32.5): the print, dry-run, validate, save-config and field-manager flags; GetDryRunStrategy and
// GetValidationDirective with their words; the "created" printer (PrintFlagsWithDryRunStrategy); and how a
// subcommand's generated object is annotated, sent (or not, with --dry-run=client) and printed.

import { printable } from '../../printers/print-flags'
import type { KubeObject } from '../../../kube'
import type { ResourceRef } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { toYaml } from '../../../gostd/yaml'
import { checkErrText, errorString, fromThrown } from '../../errors'
import type { KubectlIO, KubectlResult } from '../../io'
import { fail, ok } from '../../io'
import { LAST_APPLIED } from '../../last-applied'
import { kindSlashName } from '../../mapping'
import { toJson, toTypedJson, toTypedJsonLine } from '../../printers/json'
import { chooseFormat } from '../../printers/print-flags'
import { fieldManagerFlag, flagNotYet, notYetError, type Globals } from '../command'

/** The formats create's PrintFlags allow, as kubectl lists them in its error. */
export const CREATE_FORMATS = [
  'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml',
] as const

/** PrintFlags, AddApplyAnnotationFlags, AddValidateFlags, AddDryRunFlag and the field manager, as every create has them. */
export const CREATE_FLAGS: FlagSpec[] = [
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-create' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'save-config', type: 'bool' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string', notYet: true },
  { long: 'validate', type: 'string', noOptDefVal: 'strict', defValue: 'strict' },
]

export type DryRun = 'none' | 'client' | 'server'
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore'
export type PrintFormat = '' | 'name' | 'yaml' | 'json'

/** How a create run prints and sends, from its flags. */
export interface CreateSettings {
  dryRun: DryRun
  format: PrintFormat
  fieldValidation: FieldValidation
  saveConfig: boolean
  /** --field-manager (`kubectl-create`, `kubectl-run` ...). */
  fieldManager: string
  /** --show-managed-fields: -o yaml|json keep metadata.managedFields. */
  showManagedFields: boolean
  /** Lines kubectl writes to stderr on the way (the deprecated bare --dry-run). */
  warnings: string
}

/** GetDryRunStrategy: the strategy, or its error. A bare or boolean --dry-run is deprecated and says so. */
export function dryRunStrategy(flags: FlagValues): { dryRun: DryRun; warning: string } | { error: string } {
  const value = (flags['dry-run'] as string | undefined) ?? 'none'
  const bool = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value) ? false : undefined
  // kubectl writes these through klog (a `W<date> <time> <pid> helpers.go:...]` header Podlab does not forge).
  if (bool === true) return { dryRun: 'client', warning: `Warning: --dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=client.\n` }
  if (bool === false) return { dryRun: 'none', warning: `Warning: --dry-run=${value} is deprecated (boolean value) and can be replaced with --dry-run=none.\n` }
  if (value === 'unchanged') return { dryRun: 'client', warning: 'Warning: --dry-run is deprecated and can be replaced with --dry-run=client.\n' }
  if (value === 'client' || value === 'server' || value === 'none') return { dryRun: value, warning: '' }
  return { error: `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".\n` }
}

/** PrintFlagsWithDryRunStrategy's suffix of an operation line: ` (dry run)`, ` (server dry run)` or nothing. */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
}

/** The request option of a dry-run strategy: `--dry-run=server` sends dryRun=All (resource.Helper's DryRun(true)). */
export function serverDryRun(dryRun: DryRun): { dryRun?: 'All' } {
  return dryRun === 'server' ? { dryRun: 'All' } : {}
}

/** GetValidationDirective: the fieldValidation to send, or its error. */
export function validationDirective(flags: FlagValues): { fieldValidation: FieldValidation } | { error: string } {
  const value = (flags.validate as string | undefined) ?? 'strict'
  if (['1', 't', 'T', 'TRUE', 'true', 'True', 'strict'].includes(value)) return { fieldValidation: 'Strict' }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False', 'ignore'].includes(value)) return { fieldValidation: 'Ignore' }
  if (value === 'warn') return { fieldValidation: 'Warn' }
  return { error: `error: invalid - validate option ${JSON.stringify(value)}; must be one of: strict (or true), warn, ignore (or false)\n` }
}

/** The printer (ToPrinter): a format create prints, or kubectl's error (or Podlab's not-yet). */
function printFormat(flags: FlagValues): { format: PrintFormat } | { error: string } {
  const chosen = chooseFormat((flags.output as string | undefined) ?? '', CREATE_FORMATS)
  return 'error' in chosen ? chosen : { format: chosen.format as PrintFormat }
}

/**
 * A subcommand's Complete after its name: dry-run, printer, then validation (create -f's: validation, then printer),
 * in kubectl's order; Podlab's refusal of what it does not do yet (a template) comes after kubectl's own checks.
 */
export function completeSettings(flags: FlagValues, specs: FlagSpec[], order: 'printer-first' | 'validation-first' = 'printer-first'): CreateSettings | { error: string } {
  const dryRun = dryRunStrategy(flags)
  if ('error' in dryRun) return dryRun
  const checks = order === 'printer-first' ? [printFormat(flags), validationDirective(flags)] : [validationDirective(flags), printFormat(flags)]
  const failed = checks.find((c) => 'error' in c)
  if (failed && 'error' in failed) return failed
  const printer = printFormat(flags) as { format: PrintFormat }
  const validation = validationDirective(flags) as { fieldValidation: FieldValidation }
  const notYet = flagNotYet(specs, flags)
  if (notYet) return { error: notYetError(notYet) }
  return {
    dryRun: dryRun.dryRun,
    format: printer.format,
    fieldValidation: validation.fieldValidation,
    saveConfig: flags['save-config'] === true,
    fieldManager: fieldManagerFlag(specs, flags),
    showManagedFields: flags['show-managed-fields'] === true,
    warnings: dryRun.warning,
  }
}

/** A subcommand's Complete: its NAME (NameFromCommandArgs), then the shared settings. */
export function completeSubcommand(args: string[], flags: FlagValues, globals: Globals, path: string, specs: FlagSpec[]): { name: string; settings: CreateSettings } | { error: string } {
  const named = nameFromArgs(args, globals.argsLenAtDash, path)
  if ('error' in named) return named
  const settings = completeSettings(flags, specs)
  return 'error' in settings ? settings : { name: named.name, settings }
}

/** NameFromCommandArgs: exactly one NAME before `--`, or the usage error naming the command. */
function nameFromArgs(args: string[], argsLenAtDash: number | undefined, path: string): { name: string } | { error: string } {
  const count = argsLenAtDash === undefined || argsLenAtDash < 0 ? args.length : argsLenAtDash
  if (count !== 1) return { error: usageError(path, `exactly one NAME is required, got ${count}`) }
  return { name: args[0]! }
}

/** cmdutil.UsageErrorf as checkErr prints it. */
export function usageError(path: string, message: string): string {
  return `error: ${message}\nSee '${path} -h' for help and examples\n`
}

/** One printed object: `name` and the operation line need its kind and group; yaml/json the object itself. */
export function printObject(format: PrintFormat, dryRun: DryRun, ref: Pick<ResourceRef, 'kind' | 'group'>, object: KubeObject, typed: boolean, first: boolean, showManagedFields = false): string {
  // cli-runtime pkg/printers/name.go: an object without a name prints as `<unknown>`.
  const name = kindSlashName(ref, object.metadata.name || '<unknown>')
  if (format === 'name') return `${name}\n`
  const shown = printable(object, showManagedFields)
  if (format === 'yaml') return `${first ? '' : '---\n'}${toYaml(shown)}`
  if (format === 'json') return typed ? toTypedJson(shown, ref.kind) : toJson(shown)
  return `${name} created${dryRunSuffix(dryRun)}\n`
}

/**
 * CreateOrUpdateAnnotation for a typed object (scheme.DefaultJSONEncoder): its JSON in the struct's order, the
 * annotation itself left out, an empty annotations map omitted.
 */
function annotateTyped(object: KubeObject): KubeObject {
  const { [LAST_APPLIED]: _old, ...others } = object.metadata.annotations ?? {}
  const metadata = { ...object.metadata, annotations: others }
  if (Object.keys(others).length === 0) delete (metadata as { annotations?: unknown }).annotations
  const annotation = toTypedJsonLine({ ...object, metadata }, object.kind)
  return { ...object, metadata: { ...object.metadata, annotations: { ...others, [LAST_APPLIED]: annotation } } }
}

/** What a subcommand generated, and how it reaches the server. */
export interface Generated {
  ref: ResourceRef
  object: KubeObject
  /** The request's namespace (a namespaced kind's object is created there). */
  namespace: string
  /** The words a failed create is wrapped in (`failed to create deployment: `), or undefined to print the error as is. */
  failurePrefix?: string
  /**
   * The kind is one Podlab does not simulate yet (Services, CronJobs): the error said instead of any create, a
   * server dry run included (no API server of Podlab's could admit it). A client dry run still prints it.
   */
  unserved?: string
  /** Hears the server's answer to the create (`kubectl run --attach` goes on with the pod). */
  created?: (object: KubeObject) => void
}

/**
 * CreateSubcommandOptions.Run and its kin: annotate with --save-config, create through the engine unless
 * --dry-run=client (a namespaced object in the request's namespace), then print what the server answered (or the
 * object itself on a client dry run).
 */
export function runGenerated(io: KubectlIO, s: CreateSettings, g: Generated): KubectlResult {
  let object = s.saveConfig ? annotateTyped(g.object) : g.object
  if (s.dryRun !== 'client' && g.unserved !== undefined) return fail(s.warnings + g.unserved)
  if (s.dryRun !== 'client') {
    const sent = g.ref.namespaced ? { ...object, metadata: { ...object.metadata, namespace: g.namespace } } : object
    try {
      object = io.engine.create(sent, { fieldValidation: s.fieldValidation, fieldManager: s.fieldManager, ...serverDryRun(s.dryRun) })
      g.created?.(object)
    } catch (e) {
      const err = fromThrown(e)
      return fail(s.warnings + (g.failurePrefix === undefined ? checkErrText(err) : `error: ${g.failurePrefix}${errorString(err)}\n`))
    }
  }
  return ok(printObject(s.format, s.dryRun, g.ref, object, true, true, s.showManagedFields), s.warnings)
}
