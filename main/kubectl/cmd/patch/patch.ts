// `kubectl patch (-f FILE | TYPE NAME...) (-p PATCH | --patch-file FILE) [--type strategic|merge|json] [--local]
// [--dry-run=client] [-o yaml|json|name]`, after kubectl pkg/cmd/patch/patch.go (v0.32.5): Complete -> Validate ->
// RunPatch. The patch text is YAML or JSON (apimachinery yaml.ToJSON: text that starts with `{` goes as it is); each
// object is patched by the server (the Engine's patch) and printed `patched`, or `patched (no change)` when the
// answer is the object as it was. --local and --dry-run=client patch on the client (./local-patch.ts).
//
// Not supported yet: --subresource, -k, -R. --dry-run=server sends the PATCH with dryRun=All; like kubectl, its
// line has no dry-run suffix (patch.go's ToPrinter does not add one).

import { goJsonSyntaxError } from '../../../gostd/json-syntax'
import { printable } from '../../printers/print-flags'
import type { KubeObject } from '../../../kube'
import { isApiError, type PatchType, type ResourceRef } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { toYaml } from '../../../gostd/yaml'
import { aggregate, checkErrText, fromThrown, plain, type CliError } from '../../errors'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { decodeManifest } from '../../manifests'
import { kindSlashName } from '../../mapping'
import { toJson } from '../../printers/json'
import { chooseFormat } from '../../printers/print-flags'
import { buildVisits, list, type Visit } from '../../resource/builder'
import { fieldManagerFlag, flagNotYet, notYetError, type Command, type Globals } from '../command'
import { CREATE_FORMATS, dryRunStrategy, serverDryRun } from '../create/create-options'
import { HELP } from './help'
import { patchedLocally } from './local-patch'

const FLAGS: FlagSpec[] = [
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-patch' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'local', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'patch', short: 'p', type: 'string' },
  { long: 'patch-file', type: 'string' },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'subresource', type: 'string', notYet: true },
  { long: 'template', type: 'string', notYet: true },
  { long: 'type', type: 'string', defValue: 'strategic' },
]

export const patchCommand: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  group: 'Advanced Commands:',
  flags: FLAGS,
  help: HELP,
  run: runPatch,
}

const PATCH_TYPES: readonly PatchType[] = ['json', 'merge', 'strategic']

function runPatch(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // Complete.
  const dry = dryRunStrategy(flags)
  if ('error' in dry) return fail(dry.error)
  const chosen = chooseFormat((flags.output as string | undefined) ?? '', CREATE_FORMATS)
  if ('error' in chosen) return fail(chosen.error)
  // Validate.
  const patchText = (flags.patch as string | undefined) ?? ''
  const patchFile = (flags['patch-file'] as string | undefined) ?? ''
  const local = flags.local === true
  const typeFlag = (flags.type as string | undefined) ?? 'strategic'
  if (patchText && patchFile) return fail('error: cannot specify --patch and --patch-file together\n')
  if (!patchText && !patchFile) return fail('error: must specify --patch or --patch-file containing the contents of the patch\n')
  if (local && args.length > 0) return fail('error: cannot specify --local and server resources\n')
  if (local && dry.dryRun === 'server') return fail('error: cannot specify --local and --dry-run=server - did you mean --dry-run=client?\n')
  const patchType = typeFlag.toLowerCase() as PatchType
  if (typeFlag && !PATCH_TYPES.includes(patchType)) return fail(`error: --type must be one of [json merge strategic], not ${JSON.stringify(typeFlag)}\n`)
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))

  // RunPatch: the patch's bytes, then its JSON.
  let text = patchText
  if (patchFile) {
    try {
      text = io.readFile(patchFile)
    } catch {
      return fail(`error: unable to read patch file: open ${patchFile}: no such file or directory\n`)
    }
  }
  const patch = patchJson(text, patchType)
  if ('error' in patch) return fail(dry.warning + patch.error)

  const built = buildVisits(io, {
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
    allNamespaces: false,
    filenames: (flags.filename as string[] | undefined) ?? [],
    selector: undefined,
    selectAll: false,
    allowEmptySelector: false,
    args,
  })
  if ('stderr' in built) return fail(built.stderr)
  if ('error' in built) return fail(checkErrText(built.error))

  const errors: CliError[] = [...built.errors]
  let out = ''
  let count = 0
  for (const visit of built.visits) {
    let objects: Array<{ ref: ResourceRef; object: KubeObject }>
    try {
      objects = local ? localObjects(visit, globals) : fetched(io, visit)
    } catch (e) {
      errors.push(fromThrown(e))
      continue
    }
    for (const { ref, object } of objects) {
      try {
        const answer =
          local || dry.dryRun === 'client'
            ? patchedLocally(object, ref, patchType, patch.value)
            : io.engine.patch(ref.resource, object.metadata.namespace, object.metadata.name!, patchType, patch.value, { ...serverDryRun(dry.dryRun), fieldManager: fieldManagerFlag(FLAGS, flags) })
        count++
        out += printed(answer, ref, JSON.stringify(answer) === JSON.stringify(object) ? 'patched (no change)' : 'patched', chosen.format, flags['show-managed-fields'] === true)
      } catch (e) {
        errors.push(isApiError(e) ? fromThrown(e) : plain(e instanceof Error ? e.message : String(e)))
      }
    }
  }
  const err = aggregate(errors)
  if (err) return fail(dry.warning + checkErrText(err), out)
  if (count === 0) return fail(dry.warning + checkErrText(plain('no objects passed to patch')), out)
  return ok(out, dry.warning)
}

/**
 * apimachinery yaml.ToJSON: text that looks like JSON (`{` first) is sent as it is; YAML is converted, its error
 * `unable to parse "<text>": <go-yaml's reason>`.
 */
function patchJson(text: string, patchType: PatchType): { value: unknown } | { error: string } {
  if (/^\s*\{/.test(text)) {
    // The bytes go to the API server as they are, which refuses them in Go's words (the merge patcher says only
    // `Invalid JSON Patch`); Podlab's Engine takes a decoded patch, so the check is made here, as the REST door does.
    const syntax = goJsonSyntaxError(text)
    if (syntax) return { error: `Error from server (BadRequest): ${patchType === 'merge' ? 'Invalid JSON Patch' : syntax}\n` }
    return { value: JSON.parse(text) }
  }
  const decoded = decodeManifest(text, '')
  if (decoded.error !== undefined) {
    const reason = decoded.error.replace(/^error parsing : error converting YAML to JSON: /, '')
    return { error: `error: unable to parse ${JSON.stringify(text)}: ${reason}\n` }
  }
  return { value: decoded.documents[0] ?? null }
}

/** Latest(): the object as the server has it now (a -f object GET by its name; -l and --all listed). */
function fetched(io: KubectlIO, visit: Visit): Array<{ ref: ResourceRef; object: KubeObject }> {
  if (visit.kind === 'list') return list(io, visit).map((object) => ({ ref: visit.ref, object }))
  return [{ ref: visit.ref, object: io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group) }]
}

/**
 * --local: the objects of the files, as read. The builder put the default namespace into them; a local object
 * keeps only its own (a file that names the default namespace itself loses it here: Podlab cannot tell them apart).
 */
function localObjects(visit: Visit, globals: Globals): Array<{ ref: ResourceRef; object: KubeObject }> {
  if (visit.kind !== 'named' || !visit.object) return []
  const object = structuredClone(visit.object) as unknown as KubeObject
  if (!globals.explicitNamespace && object.metadata.namespace === globals.namespace) delete object.metadata.namespace
  return [{ ref: visit.ref, object }]
}

function printed(object: KubeObject, ref: ResourceRef, operation: string, format: string, showManagedFields: boolean): string {
  const name = kindSlashName(ref, object.metadata.name ?? '')
  if (format === 'name') return `${name}\n`
  if (format === 'yaml') return toYaml(printable(object, showManagedFields))
  if (format === 'json') return toJson(printable(object, showManagedFields))
  return `${name} ${operation}\n`
}
