// `kubectl replace -f FILE [--save-config] [--dry-run=client] [-o name|yaml|json] [--force [--grace-period=N]]`, after
// kubectl pkg/cmd/replace/replace.go (v0.32.5): each object of the files PUT as it is (resource.Helper.Replace with
// overwrite: an object without a resourceVersion gets the stored one's, read first), `replaced`; an error is
// `error when replacing "<file>": ...`, and the next object goes on. --force deletes each object (with
// --grace-period, default the object's own), waits for it to be gone on the clock as delete --wait does, then
// creates it again.
//
// Not supported yet: -k, -R, --raw, --subresource, --timeout and --wait. --dry-run=server PUTs with dryRun=All.

import { printable } from '../../printers/print-flags'
import type { KubeObject } from '../../../kube'
import type { CreateOptions, ResourceRef } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { toYaml } from '../../../gostd/yaml'
import { addSourceToErr, aggregate, checkErrText, fromThrown, type CliError } from '../../errors'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { LAST_APPLIED, lastAppliedConfiguration, withLastApplied } from '../../last-applied'
import { kindSlashName } from '../../mapping'
import { toJson } from '../../printers/json'
import { chooseFormat } from '../../printers/print-flags'
import { buildVisits, type Visit } from '../../resource/builder'
import { waitForDeletion, type Deleted } from '../../wait/wait'
import { fieldManagerFlag, flagNotYet, notYetError, type Command, type Globals } from '../command'
import { CREATE_FORMATS, dryRunStrategy, dryRunSuffix, serverDryRun, validationDirective, type DryRun } from '../create/create-options'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'cascade', type: 'string', noOptDefVal: 'background', defValue: 'background' },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-replace' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'force', type: 'bool' },
  { long: 'grace-period', type: 'int', defValue: -1 },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'raw', type: 'string', notYet: true },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'save-config', type: 'bool' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'subresource', type: 'string', notYet: true },
  { long: 'template', type: 'string', notYet: true },
  { long: 'timeout', type: 'string', defValue: '0s', notYet: true },
  { long: 'validate', type: 'string', noOptDefVal: 'strict', defValue: 'strict' },
  { long: 'wait', type: 'bool', notYet: true },
]

export const replaceCommand: Command = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  group: 'Advanced Commands:',
  flags: FLAGS,
  help: HELP,
  run: runReplace,
}

function runReplace(io: KubectlIO, _args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // Complete: dry run, validation, printer.
  const dry = dryRunStrategy(flags)
  if ('error' in dry) return fail(dry.error)
  const validation = validationDirective(flags)
  if ('error' in validation) return fail(validation.error)
  const chosen = chooseFormat((flags.output as string | undefined) ?? '', CREATE_FORMATS)
  if ('error' in chosen) return fail(chosen.error)
  // Validate.
  const filenames = (flags.filename as string[] | undefined) ?? []
  const force = flags.force === true
  const grace = (flags['grace-period'] as number | undefined) ?? -1
  if (filenames.length === 0) return fail('error: must specify one of -f and -k\n')
  if (grace >= 0 && !force) return fail('error: --grace-period must have --force specified\n')
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  if (force && dry.dryRun !== 'none') return fail('error: --dry-run can not be used when --force is set\n')

  // The arguments are not given to the builder: `replace pod web -f web.yaml` replaces what the file says.
  const built = buildVisits(io, { namespace: globals.namespace, enforceNamespace: globals.explicitNamespace, allNamespaces: false, filenames, selectAll: false, allowEmptySelector: false, args: [] })
  if ('stderr' in built) return fail(built.stderr)
  if ('error' in built) return fail(checkErrText(built.error))

  const errors: CliError[] = [...built.errors]
  let out = ''
  const saveConfig = flags['save-config'] === true
  // forceReplace: every object deleted first (DeleteResult prints each), all waited for, then each created.
  if (force) out += forceDelete(io, built.visits, grace, chosen.format, errors)
  for (const visit of built.visits) {
    if (visit.kind !== 'named' || !visit.object) continue
    let object = visit.object as unknown as KubeObject
    // CreateOrUpdateAnnotation: only with --save-config, or when the object already carries one.
    if (saveConfig || object.metadata.annotations?.[LAST_APPLIED] !== undefined) {
      object = withLastApplied(object as never, lastAppliedConfiguration(object as never)) as unknown as KubeObject
    }
    try {
      let answer = object
      if (force) {
        const { resourceVersion: _rv, ...metadata } = object.metadata
        answer = io.engine.create({ ...object, metadata }, { fieldManager: fieldManagerFlag(FLAGS, flags) })
      } else if (dry.dryRun !== 'client') answer = replaceOne(io, visit.ref, object, { fieldValidation: validation.fieldValidation, fieldManager: fieldManagerFlag(FLAGS, flags), ...serverDryRun(dry.dryRun) })
      out += printed(answer, visit.ref, chosen.format, dry.dryRun, flags['show-managed-fields'] === true)
    } catch (e) {
      errors.push(addSourceToErr('replacing', visit.source ?? '', fromThrown(e)))
    }
  }
  const err = aggregate(errors)
  return err ? fail(dry.warning + checkErrText(err), out) : ok(out, dry.warning)
}

/** Helper.Replace(overwrite=true): the stored resourceVersion when the object has none, then the PUT. */
function replaceOne(io: KubectlIO, ref: ResourceRef, object: KubeObject, options: CreateOptions): KubeObject {
  let sent = object
  if (!object.metadata.resourceVersion) {
    // A GET that fails means the PUT would fail the same way (NotFound): its error is the one kubectl shows.
    const current = io.engine.get(ref.resource, object.metadata.namespace, object.metadata.name!, ref.group)
    sent = { ...object, metadata: { ...object.metadata, resourceVersion: current.metadata.resourceVersion } }
  }
  return io.engine.update(sent, options)
}

/**
 * forceReplace's DeleteResult and wait (replace.go): each object DELETEd (the grace given, 0 made 1 as replace's
 * Complete does, or the object's own) and printed as delete prints it (`pod "web" deleted`, `pod/web` with -o name);
 * one already missing is no error (IgnoreNotFound); then kubectl waits until all are gone. Errors go to `errors`.
 */
function forceDelete(io: KubectlIO, visits: Visit[], grace: number, format: string, errors: CliError[]): string {
  const seconds = grace === 0 ? 1 : grace
  const deleted: Deleted[] = []
  let out = ''
  for (const visit of visits) {
    if (visit.kind !== 'named' || !visit.object) continue
    const { ref, namespace, name } = visit
    try {
      const gone = io.engine.delete(ref.resource, namespace, name, { ...(seconds >= 0 ? { gracePeriodSeconds: seconds } : {}), propagationPolicy: 'Background' })
      deleted.push({ ref, namespace, name, uid: gone.metadata.uid, grace: gone.metadata.deletionGracePeriodSeconds ?? Math.max(seconds, 0) })
      const kind = ref.group ? `${ref.kind.toLowerCase()}.${ref.group}` : ref.kind.toLowerCase()
      out += format === 'name' ? `${kind}/${name}\n` : `${kind} "${name}" deleted\n`
    } catch (e) {
      const err = fromThrown(e)
      if (!(err.kind === 'status' && err.status.reason === 'NotFound')) errors.push(err)
    }
  }
  waitForDeletion(io.engine, deleted)
  return out
}

function printed(object: KubeObject, ref: ResourceRef, format: string, dryRun: DryRun, showManagedFields: boolean): string {
  const name = kindSlashName(ref, object.metadata.name ?? '')
  if (format === 'name') return `${name}\n`
  if (format === 'yaml') return toYaml(printable(object, showManagedFields))
  if (format === 'json') return toJson(printable(object, showManagedFields))
  return `${name} replaced${dryRunSuffix(dryRun)}\n`
}
