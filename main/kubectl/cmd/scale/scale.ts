// `kubectl scale [--resource-version=RV] [--current-replicas=N] --replicas=N (-f FILE | TYPE NAME... | TYPE -l SEL |
// TYPE --all)`, after kubectl pkg/cmd/scale/scale.go (v0.32.5) and pkg/scale/scale.go (ScaleSimple): the builder's
// objects, then for each the scale subresource's change. Podlab's Engine has no subresource door, so the Scale's
// PATCH `{"spec":{"replicas":N}}` is the same merge patch of the object; with a precondition, the Scale's GET is the
// object's, and its PUT (carrying the resourceVersion read) a merge patch that carries it too (Conflict when stale).
// Only the kinds with a scale subresource scale; others answer as the API server does for a missing subresource.
//
// Not supported yet: --timeout (waiting for the replicas), -k, -R. --dry-run=server sends the PATCH with dryRun=All.

import { printable } from '../../printers/print-flags'
import type { KubeObject } from '../../../kube'
import { ApiError, type ResourceRef } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { toYaml } from '../../../gostd/yaml'
import { checkErrText, errorString, fromThrown, plain, type CliError } from '../../errors'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { kindSlashName } from '../../mapping'
import { toJson } from '../../printers/json'
import { chooseFormat } from '../../printers/print-flags'
import { buildVisits, list } from '../../resource/builder'
import { flagNotYet, notYetError, type Command, type Globals } from '../command'
import { CREATE_FORMATS, dryRunStrategy, dryRunSuffix, serverDryRun, type DryRun } from '../create/create-options'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'all', type: 'bool' },
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'current-replicas', type: 'int', defValue: -1 },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'replicas', type: 'int' },
  { long: 'resource-version', type: 'string' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string', notYet: true },
  { long: 'timeout', type: 'string', defValue: '0s', notYet: true },
]

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  group: 'Deploy Commands:',
  flags: FLAGS,
  help: HELP,
  run: runScale,
}

/** The resources the API server gives a scale subresource (apps and core kinds with spec.replicas). */
const SCALABLE = ['apps/deployments', 'apps/replicasets', 'apps/statefulsets', '/replicationcontrollers']

/** A ScalePrecondition (pkg/scale/scale.go): -1 / '' for what is not checked. */
interface Precondition {
  size: number
  resourceVersion: string
}

function runScale(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // cobra's MarkFlagRequired("replicas").
  if (flags.replicas === undefined) return fail('error: required flag(s) "replicas" not set\n')
  // ToOptions: dry run and printer.
  const dry = dryRunStrategy(flags)
  if ('error' in dry) return fail(dry.error)
  const chosen = chooseFormat((flags.output as string | undefined) ?? '', CREATE_FORMATS)
  if ('error' in chosen) return fail(chosen.error)
  // Validate.
  const replicas = flags.replicas as number
  const currentReplicas = (flags['current-replicas'] as number | undefined) ?? -1
  if (replicas < 0) return fail('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n')
  if (currentReplicas < -1) return fail('error: The --current-replicas must specify an integer of -1 or greater\n')
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))

  const built = buildVisits(io, {
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
    allNamespaces: false,
    filenames: (flags.filename as string[] | undefined) ?? [],
    selector: flags.selector as string | undefined,
    selectAll: flags.all === true,
    allowEmptySelector: false,
    args,
  })
  if ('stderr' in built) return fail(built.stderr)
  if ('error' in built) return fail(checkErrText(built.error))

  // r.Infos(): every object found; the first error kept for the end.
  const infos: Array<{ ref: ResourceRef; object: KubeObject }> = []
  let infoErr: CliError | undefined = built.errors[0]
  for (const visit of built.visits) {
    try {
      if (visit.kind === 'list') infos.push(...list(io, visit).map((object) => ({ ref: visit.ref, object })))
      else infos.push({ ref: visit.ref, object: io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group) })
    } catch (e) {
      infoErr ??= fromThrown(e)
    }
  }
  const resourceVersion = (flags['resource-version'] as string | undefined) ?? ''
  if (resourceVersion && infos.length > 1) return fail('error: cannot use --resource-version with multiple resources\n')
  const precondition = currentReplicas !== -1 || resourceVersion ? { size: currentReplicas, resourceVersion } : undefined
  // 1.32 wraps the visit's error in its sentence (`no objects passed to scale deployments.apps "x" not found`).
  if (infos.length === 0) return fail(dry.warning + checkErrText(plain(`no objects passed to scale${infoErr ? ` ${errorString(infoErr)}` : ''}`)))

  let out = ''
  for (const { ref, object } of infos) {
    if (dry.dryRun !== 'client') {
      const failed = scaleOne(io, ref, object, replicas, precondition, dry.dryRun)
      if (failed) return fail(dry.warning + checkErrText(failed), out)
    }
    const name = kindSlashName(ref, object.metadata.name ?? '')
    if (chosen.format === 'name') out += `${name}\n`
    else if (chosen.format === 'yaml') out += toYaml(printable(object, flags['show-managed-fields'] === true))
    else if (chosen.format === 'json') out += toJson(printable(object, flags['show-managed-fields'] === true))
    else out += `${name} scaled${dryRunSuffix(dry.dryRun)}\n`
  }
  return infoErr ? fail(dry.warning + checkErrText(infoErr), out) : ok(out, dry.warning)
}

/** genericScaler.ScaleSimple for one object; the error to stop with, or undefined. */
function scaleOne(io: KubectlIO, ref: ResourceRef, object: KubeObject, replicas: number, precondition: Precondition | undefined, dryRun: DryRun): CliError | undefined {
  // The scaler sends no fieldManager: the apiserver records kubectl's user-agent prefix (on the real `scale`
  // subresource, as subresource "scale"; Podlab patches the object itself).
  const options = { ...serverDryRun(dryRun), fieldManager: 'kubectl' }
  const namespace = object.metadata.namespace
  const name = object.metadata.name!
  try {
    if (!SCALABLE.includes(`${ref.group}/${ref.resource}`)) {
      throw new ApiError('NotFound', 'the server could not find the requested resource')
    }
    if (!precondition) {
      io.engine.patch(ref.resource, namespace, name, 'merge', { spec: { replicas } }, options)
      return undefined
    }
    // The Scale's GET, then ScalePrecondition.validate.
    const current = io.engine.get(ref.resource, namespace, name, ref.group)
    const size = ((current.spec as { replicas?: number } | undefined)?.replicas ?? 1)
    const rv = current.metadata.resourceVersion ?? ''
    if (precondition.size !== -1 && size !== precondition.size) return plain(`Expected replicas to be ${precondition.size}, was ${size}`)
    if (precondition.resourceVersion && rv !== precondition.resourceVersion) {
      return plain(`Expected resource version to be ${precondition.resourceVersion}, was ${rv}`)
    }
    io.engine.patch(ref.resource, namespace, name, 'merge', { metadata: { resourceVersion: rv }, spec: { replicas } }, options)
    return undefined
  } catch (e) {
    return fromThrown(e)
  }
}
