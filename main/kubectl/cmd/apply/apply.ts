// `kubectl apply -f FILE|-`, after kubectl pkg/cmd/apply/apply.go (v0.32.5): the file check of the resource
// builder, then for each file apply-manifests.ts (client-side apply) or, with --server-side, server-side.ts for
// each object; success lines on stdout (or, with -o yaml|json, the objects at the end, as printObjects does),
// warnings and the errors on stderr in the order and shape kubectl's Run returns them.

import { applyDocuments } from '../../apply-manifests'
import { aggregate, checkErrText, type CliError } from '../../errors'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { readSources } from '../../resource/builder'
import { flagNotYet, notYetError, type Command, type Globals } from '../command'
import { HELP } from './help'
import { CREATE_FORMATS, dryRunStrategy, type DryRun } from '../create/create-options'
import { chooseFormat, nameLines, omitManagedFields, serialize } from '../../printers/print-flags'
import { toTypedJson } from '../../printers/json'
import { isSlotError, visitDocuments } from '../../resource/documents'
import { applyServerSide } from './server-side'
import type { KubeObject } from '../../../kube'
import type { ResourceRef } from '../../../engine'

const FLAGS: FlagSpec[] = [
  { long: 'all', type: 'bool', notYet: true },
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'cascade', type: 'string', noOptDefVal: 'background', defValue: 'background', notYet: true },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-client-side-apply' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'force', type: 'bool', notYet: true },
  { long: 'force-conflicts', type: 'bool' },
  { long: 'grace-period', type: 'int', defValue: -1, notYet: true },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'openapi-patch', type: 'bool', defValue: true, notYet: true },
  { long: 'output', short: 'o', type: 'string', notYet: true },
  { long: 'overwrite', type: 'bool', defValue: true, notYet: true },
  { long: 'prune', type: 'bool', notYet: true },
  { long: 'prune-allowlist', type: 'stringArray', notYet: true },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'selector', short: 'l', type: 'string', notYet: true },
  { long: 'server-side', type: 'bool' },
  { long: 'show-managed-fields', type: 'bool', notYet: true },
  { long: 'subresource', type: 'string', notYet: true },
  { long: 'template', type: 'string', notYet: true },
  { long: 'timeout', type: 'string', defValue: '0s', notYet: true },
  { long: 'validate', type: 'string', noOptDefVal: 'strict', defValue: 'strict', notYet: true },
  { long: 'wait', type: 'bool', notYet: true },
]

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  group: 'Advanced Commands:',
  flags: FLAGS,
  help: HELP,
  run: (io, _args, flags, globals) => runApply(io, flags, globals),
}

/** The flags Podlab's server-side apply takes that its client-side apply does not yet. */
const SERVER_SIDE_ONLY = new Set(['output', 'show-managed-fields'])

interface ApplyOptions {
  sources: Array<{ name: string; text: string }>
  namespace: string
  enforceNamespace: boolean
  dryRun: DryRun
  /** GetDryRunStrategy's deprecation warning, written first on stderr. */
  warning: string
}

function runApply(io: KubectlIO, flags: FlagValues, globals: Globals): KubectlResult {
  const dry = dryRunStrategy(flags)
  if ('error' in dry) return fail(dry.error)
  // Complete: GetApplyFieldManagerFlag, then the server-side checks.
  const serverSide = flags['server-side'] === true
  const force = flags['force-conflicts'] === true
  const fieldManager = typeof flags['field-manager'] === 'string' ? flags['field-manager'] : serverSide ? 'kubectl' : 'kubectl-client-side-apply'
  if (force && !serverSide) return fail(`${dry.warning}error: --force-conflicts only works with --server-side\n`)
  if (dry.dryRun === 'client' && serverSide) {
    return fail(`${dry.warning}error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n`)
  }
  const printer = serverSide ? chooseFormat((flags.output as string | undefined) ?? '', CREATE_FORMATS) : { format: '' as const }
  if ('error' in printer) return fail(dry.warning + printer.error)
  const notYet = flagNotYet(serverSide ? FLAGS.filter((f) => !SERVER_SIDE_ONLY.has(f.long)) : FLAGS, flags)
  if (notYet) return fail(dry.warning + notYetError(notYet))
  const completed = complete(io, flags, globals.namespace, globals.explicitNamespace)
  if ('error' in completed) return fail(dry.warning + completed.error)
  const options = { ...completed, dryRun: dry.dryRun, warning: dry.warning }
  if (!serverSide) return run(io, { ...options, fieldManager })
  const format = printer.format === 'yaml' || printer.format === 'json' || printer.format === 'name' ? printer.format : ''
  return runServerSide(io, options, { fieldManager, force, format, showManagedFields: flags['show-managed-fields'] === true })
}

interface ServerSideFlags {
  fieldManager: string
  force: boolean
  format: '' | 'name' | 'yaml' | 'json'
  showManagedFields: boolean
}

/** Run with --server-side: every object of every file, then printObjects for -o yaml|json. */
function runServerSide(io: KubectlIO, o: ApplyOptions, s: ServerSideFlags): KubectlResult {
  let stdout = ''
  let warnings = o.warning
  const visitErrors: CliError[] = []
  const applyErrors: CliError[] = []
  const applied: Array<{ ref: ResourceRef; object: KubeObject }> = []
  let documents = 0
  for (const source of o.sources) {
    const { slots, stop } = visitDocuments(io.engine, source.text, source.name, { namespace: o.namespace, enforceNamespace: o.enforceNamespace, validate: true })
    visitErrors.push(...slots.filter(isSlotError), ...(stop ? [stop] : []))
    for (const slot of slots) {
      if (isSlotError(slot)) continue
      documents++
      const result = applyServerSide(io.engine, slot, { fieldManager: s.fieldManager, force: s.force, dryRun: o.dryRun === 'server' ? 'server' : 'none', fieldValidation: 'Strict' })
      if (!result.ok) {
        applyErrors.push(result.error)
        continue
      }
      warnings += result.warning ?? ''
      applied.push({ ref: slot.ref, object: result.object })
      if (s.format === '') stdout += `${result.line}\n`
      else if (s.format === 'name') stdout += nameLines([{ ref: slot.ref, object: result.object }])
    }
  }
  if (documents === 0 && visitErrors.length === 0) return fail(`${warnings}error: no objects passed to apply\n`)
  const errs = [...(visitErrors.length === 1 ? visitErrors : visitErrors.length > 1 ? [aggregate(visitErrors)!] : []), ...applyErrors]
  if (errs.length > 0) return fail(warnings + checkErrText(errs.length === 1 ? errs[0]! : aggregate(errs)!), stdout)
  // printObjects: one object as itself, several as a typed corev1.List (TypeMeta first, an empty ListMeta).
  if ((s.format === 'yaml' || s.format === 'json') && applied.length > 0) {
    const value = applied.length === 1 ? applied[0]!.object : { kind: 'List', apiVersion: 'v1', metadata: {}, items: applied.map((a) => a.object) }
    const shown = s.showManagedFields ? value : omitManagedFields(value)
    stdout += s.format === 'json' && applied.length > 1 ? toTypedJson(shown, 'List') : serialize(s.format, shown, true)
  }
  return ok(stdout, warnings)
}

function complete(io: KubectlIO, flags: FlagValues, namespace: string, explicit: boolean): Omit<ApplyOptions, 'dryRun' | 'warning'> | { error: string } {
  const files = (flags.filename as string[] | undefined) ?? []
  if (files.length === 0) return { error: 'error: must specify one of -f and -k\n' }
  const read = readSources(io, files, 'creating')
  if ('error' in read) return read
  const sources = read.sources
  return { sources, namespace, enforceNamespace: explicit }
}

function run(io: KubectlIO, o: ApplyOptions & { fieldManager: string }): KubectlResult {
  let stdout = ''
  let warnings = o.warning
  // applyOneObject writes its warnings (a missing last-applied annotation, an object being deleted) to stderr
  // before the object's line: a terminal shows them in that order.
  const interleaved: NonNullable<KubectlResult['interleaved']> = o.warning ? [{ stream: 'stderr', text: o.warning }] : []
  const visitErrors: CliError[] = []
  const applyErrors: CliError[] = []
  for (const source of o.sources) {
    const report = applyDocuments(io.engine, source.text, source.name, { namespace: o.namespace, enforceNamespace: o.enforceNamespace, dryRun: o.dryRun, fieldManager: o.fieldManager })
    report.results.forEach((r, i) => {
      const warned = report.warnedBefore[i] ?? ''
      if (warned) interleaved.push({ stream: 'stderr', text: warned })
      if (r.ok) {
        stdout += `${r.line}\n`
        interleaved.push({ stream: 'stdout', text: `${r.line}\n` })
      }
    })
    warnings += report.warnings.join('')
    visitErrors.push(...report.visitErrors)
    applyErrors.push(...report.applyErrors)
  }
  // apply.go Run: the builder's error (one, or an aggregate of several) comes first, then each apply error.
  const errs = [...(visitErrors.length === 1 ? visitErrors : visitErrors.length > 1 ? [aggregate(visitErrors)!] : []), ...applyErrors]
  const errText = errs.length === 0 ? '' : checkErrText(errs.length === 1 ? errs[0]! : aggregate(errs)!)
  if (errText) interleaved.push({ stream: 'stderr', text: errText })
  const result = errs.length === 0 ? ok(stdout, warnings) : fail(warnings + errText, stdout)
  return warnings ? { ...result, interleaved } : result
}
