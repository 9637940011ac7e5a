// What `kubectl set image|env|resources` share (kubectl pkg/cmd/set/helper.go CalculatePatches and the three
// Run functions, v0.32.5): the builder's objects (GET each, -l / --all listed, or -f's with --local), each changed
// on the client, the change sent as a strategic merge patch (CreateTwoWayMergePatch of before and after; nothing
// sent nor printed when it is `{}`), then `kind/name <operation>`. The change's errors are collected and printed
// at the end, after the lines of the objects that were patched.

import { printable } from '../../printers/print-flags'
import type { KubeObject } from '../../../kube'
import { apiVersionOf, createTwoWayMergePatch, typeForKind, type ResourceRef } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { toYaml } from '../../../gostd/yaml'
import { aggregate, checkErrText, fromThrown, plain, type CliError } from '../../errors'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { kindSlashName } from '../../mapping'
import { toJson } from '../../printers/json'
import { chooseFormat } from '../../printers/print-flags'
import { buildVisits, list } from '../../resource/builder'
import { fieldManagerFlag, flagNotYet, notYetError, type Globals } from '../command'
import { CREATE_FORMATS, dryRunStrategy, dryRunSuffix, serverDryRun, type DryRun } from '../create/create-options'

/** The flags every set subcommand has. */
export const SET_FLAGS: FlagSpec[] = [
  { long: 'all', type: 'bool' },
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-set' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'local', type: 'bool', notYet: true },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string', notYet: true },
]

export interface SetChange {
  /** `image updated`. */
  operation: string
  /**
   * Changes the object in place; returns its errors, kept for the end. With `skip` the object is not patched
   * (set env's refusal: CalculatePatches' patch.Err); without, what did change is (set image's missing container).
   */
  apply(object: KubeObject, ref: ResourceRef): { errors: CliError[]; skip?: boolean }
  /** set env --list: print instead of change. */
  list?(object: KubeObject, ref: ResourceRef): string
}

/** The printer settings and dry run, or kubectl's error (Complete). */
export function setSettings(flags: FlagValues): { dryRun: 'none' | 'client' | 'server'; warning: string; format: string } | { error: string } {
  const dry = dryRunStrategy(flags)
  if ('error' in dry) return dry
  const chosen = chooseFormat((flags.output as string | undefined) ?? '', CREATE_FORMATS)
  if ('error' in chosen) return chosen
  return { ...dry, format: chosen.format }
}

/** Run: visit, change, patch, print. `resources` are the arguments that name objects. */
export function runSet(change: SetChange, io: KubectlIO, resources: string[], flags: FlagValues, globals: Globals, specs: FlagSpec[]): KubectlResult {
  const settings = setSettings(flags)
  if ('error' in settings) return fail(settings.error)
  const notYet = flagNotYet(specs, flags)
  if (notYet) return fail(notYetError(notYet))
  const built = buildVisits(io, {
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
    allNamespaces: false,
    filenames: (flags.filename as string[] | undefined) ?? [],
    selector: flags.selector as string | undefined,
    selectAll: flags.all === true,
    allowEmptySelector: false,
    args: resources,
  })
  if ('stderr' in built) return fail(built.stderr)
  if ('error' in built) return fail(checkErrText(built.error))

  const errors: CliError[] = [...built.errors]
  let out = ''
  for (const visit of built.visits) {
    let objects: KubeObject[]
    try {
      objects = visit.kind === 'list' ? list(io, visit) : [io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group)]
    } catch (e) {
      errors.push(fromThrown(e))
      continue
    }
    for (const object of objects) {
      if (change.list) {
        out += change.list(object, visit.ref)
        continue
      }
      const changed = structuredClone(object)
      const applied = change.apply(changed, visit.ref)
      errors.push(...applied.errors)
      if (applied.skip) continue
      const schema = typeForKind(object.apiVersion ?? apiVersionOf(visit.ref), object.kind ?? visit.ref.kind)
      const patch = schema ? createTwoWayMergePatch(object, changed, schema) : {}
      if (Object.keys(patch).length === 0) continue
      if (settings.dryRun !== 'client') {
        try {
          io.engine.patch(visit.ref.resource, object.metadata.namespace, object.metadata.name!, 'strategic', patch, { ...serverDryRun(settings.dryRun), fieldManager: fieldManagerFlag(specs, flags) })
        } catch (e) {
          errors.push(plain(`failed to patch ${change.operation.split(' ')[0]} update to pod template: ${checkErrText(fromThrown(e)).replace(/^error: /, '').trimEnd()}`))
          continue
        }
      }
      out += printed(typed(changed), visit.ref, change.operation, { ...settings, showManagedFields: flags['show-managed-fields'] === true })
    }
  }
  const err = aggregate(errors)
  return err ? fail(settings.warning + checkErrText(err), out) : ok(out, settings.warning)
}

/** The object as the typed Go value prints it: `status: {}` when it had none. */
function typed(o: KubeObject): KubeObject {
  return o.status === undefined ? { ...o, status: {} } : o
}

function printed(object: KubeObject, ref: ResourceRef, operation: string, s: { dryRun: DryRun; format: string; showManagedFields: boolean }): string {
  const name = kindSlashName(ref, object.metadata.name ?? '')
  if (s.format === 'name') return `${name}\n`
  if (s.format === 'yaml') return toYaml(printable(object, s.showManagedFields))
  if (s.format === 'json') return toJson(printable(object, s.showManagedFields))
  return `${name} ${operation}${dryRunSuffix(s.dryRun)}\n`
}
