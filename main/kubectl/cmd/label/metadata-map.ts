// What `kubectl label` and `kubectl annotate` share (pkg/cmd/label/label.go RunLabel, pkg/cmd/annotate/annotate.go
// RunAnnotate, v0.32.5): the builder's objects (GET each named one, LIST by -l/--all), a change of one metadata
// map, a JSON merge patch of the object before and after (jsonpatch.CreateMergePatch: `{}` when nothing changed)
// sent with PATCH, and the operation line, the object, or `--list`'s KEY=VALUE lines. Errors go on to the next
// object and are printed together at the end (ContinueOnError).

import { printable } from '../../printers/print-flags'
import { generate } from 'json-merge-patch'
import type { KubeObject } from '../../../kube'
import type { ResourceRef } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { toYaml } from '../../../gostd/yaml'
import { aggregate, checkErrText, fromThrown, plain, type CliError } from '../../errors'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { kindSlashName } from '../../mapping'
import { toJson } from '../../printers/json'
import { chooseFormat } from '../../printers/print-flags'
import { buildVisits, list } from '../../resource/builder'
import { CREATE_FORMATS, dryRunStrategy, dryRunSuffix, serverDryRun, type DryRun } from '../create/create-options'
import { fieldManagerFlag, flagNotYet, notYetError, type Globals } from '../command'
import { resourcesAndPairs } from './pairs'

/** The flags label and annotate both have (PrintFlags, dry run, builder flags). */
export const METADATA_FLAGS: FlagSpec[] = [
  { long: 'all', type: 'bool' },
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'field-selector', type: 'string', notYet: true },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'list', type: 'bool' },
  { long: 'local', type: 'bool', notYet: true },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'overwrite', type: 'bool' },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'resource-version', type: 'string' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string', notYet: true },
]

/** How one verb changes its map and words what it did. */
export interface MetadataVerb {
  /** `labels` or `annotations`. */
  field: 'labels' | 'annotations'
  /** `label` / `annotation`: the pair type in GetResourcesAndPairs' and Validate's words. */
  pairType: string
  /** Parses the pairs: what to set and remove, or the error (ParsePairs / label's parseLabels, and their checks). */
  parse(pairs: string[]): { set: Map<string, string>; remove: string[] } | { error: string }
  /** The refusal to overwrite an existing key without --overwrite, or undefined. */
  noOverwrite(current: Record<string, string>, set: Map<string, string>): string | undefined
  /** The operation printed after `kind/name` (`labeled`), from the object's JSON before and after. */
  operation(before: string, after: string, overwrite: boolean): string
  /** label prints the object as it changed it; annotate the server's answer. */
  printsServerAnswer: boolean
  /** label says `label "k" not found.` for each key to remove the object lacks. */
  sayMissing: boolean
  /** `Listing labels for` / `Listing annotations for`. */
  listing: string
}

/** Complete -> Validate -> Run of label/annotate. */
export function runMetadataVerb(verb: MetadataVerb, io: KubectlIO, args: string[], flags: FlagValues, globals: Globals, specs: FlagSpec[]): KubectlResult {
  const output = (flags.output as string | undefined) ?? ''
  const dry = dryRunStrategy(flags)
  if ('error' in dry) return fail(dry.error)
  const chosen = chooseFormat(output, CREATE_FORMATS)
  if ('error' in chosen) return fail(chosen.error)
  const listing = flags.list === true
  if (listing && output) return fail('error: --list and --output may not be specified together\n')
  const split = resourcesAndPairs(args, verb.pairType)
  if ('error' in split) return fail(`error: ${split.error}\n`)
  const parsed = verb.parse(split.pairs)
  if ('error' in parsed) return fail(`error: ${parsed.error}\n`)

  // Validate.
  const selector = flags.selector as string | undefined
  const filenames = (flags.filename as string[] | undefined) ?? []
  if (flags.all === true && selector) return fail('error: cannot set --all and --selector at the same time\n')
  if (split.resources.length < 1 && filenames.length === 0) return fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n')
  if (parsed.set.size < 1 && parsed.remove.length < 1 && !listing) return fail(`error: at least one ${verb.pairType} update is required\n`)
  const conflict = conflicts(verb, parsed)
  if (conflict) return fail(`error: ${conflict}\n`)
  const notYet = flagNotYet(specs, flags)
  if (notYet) return fail(notYetError(notYet))

  const built = buildVisits(io, {
    namespace: globals.namespace,
    enforceNamespace: globals.explicitNamespace,
    allNamespaces: flags['all-namespaces'] === true,
    filenames,
    selector,
    selectAll: flags.all === true,
    allowEmptySelector: false,
    args: split.resources,
  })
  if ('stderr' in built) return fail(built.stderr)
  if ('error' in built) return fail(checkErrText(built.error))
  const resourceVersion = (flags['resource-version'] as string | undefined) ?? ''
  if (!built.singleItemImplied && resourceVersion) return fail('error: --resource-version may only be used with a single resource\n')

  const run: RunState = { out: '', errors: [...built.errors] }
  const settings: Settings = { ...parsed, fieldManager: fieldManagerFlag(specs, flags), showManagedFields: flags['show-managed-fields'] === true, overwrite: flags.overwrite === true, resourceVersion, dryRun: dry.dryRun, format: chosen.format, listing, single: built.singleItemImplied }
  for (const visit of built.visits) {
    let objects: Array<{ ref: ResourceRef; object: KubeObject }>
    try {
      objects =
        visit.kind === 'list'
          ? list(io, visit).map((object) => ({ ref: visit.ref, object }))
          : [{ ref: visit.ref, object: io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group) }]
    } catch (e) {
      run.errors.push(fromThrown(e))
      continue
    }
    for (const { ref, object } of objects) visitObject(verb, io, ref, object, settings, run)
  }
  const err = aggregate(run.errors)
  return err ? fail(dry.warning + checkErrText(err), run.out) : ok(run.out, dry.warning)
}

interface Settings {
  /** --field-manager (kubectl-label, kubectl-annotate). */
  fieldManager: string
  showManagedFields: boolean
  set: Map<string, string>
  remove: string[]
  overwrite: boolean
  resourceVersion: string
  dryRun: DryRun
  format: string
  listing: boolean
  single: boolean
}

interface RunState {
  out: string
  errors: CliError[]
}

/** A key both set and removed: label's one sentence, annotate's list. */
function conflicts(verb: MetadataVerb, parsed: { set: Map<string, string>; remove: string[] }): string | undefined {
  const both = parsed.remove.filter((k) => parsed.set.has(k))
  if (both.length === 0) return undefined
  return verb.field === 'labels'
    ? 'can not both modify and remove a label in the same command'
    : `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`
}

/** One object of the visit: changed locally, then patched (or not, on a client dry run or --list), then printed. */
function visitObject(verb: MetadataVerb, io: KubectlIO, ref: ResourceRef, fetched: KubeObject, s: Settings, run: RunState): void {
  const object = structuredClone(fetched)
  // With --resource-version the starting JSON has none, so the patch always carries it.
  if (s.resourceVersion) delete (object.metadata as { resourceVersion?: string }).resourceVersion
  const before = JSON.stringify(object)
  const current = { ...((object.metadata[verb.field] as Record<string, string> | undefined) ?? {}) }
  const local = s.dryRun === 'client' || s.listing
  if (!local && verb.sayMissing) for (const key of s.remove) if (!(key in current)) run.out += `${verb.field.slice(0, -1)} ${JSON.stringify(key)} not found.\n`
  if (!s.overwrite) {
    const refusal = verb.noOverwrite(current, s.set)
    if (refusal) {
      run.errors.push(plain(refusal))
      return
    }
  }
  for (const [k, v] of s.set) current[k] = v
  for (const k of s.remove) delete current[k]
  ;(object.metadata as Record<string, unknown>)[verb.field] = current
  if (s.resourceVersion) (object.metadata as { resourceVersion?: string }).resourceVersion = s.resourceVersion
  const after = JSON.stringify(object)
  const operation = verb.operation(before, after, s.overwrite)
  let answer = object
  if (!local) {
    const patch = generate(JSON.parse(before), JSON.parse(after)) ?? {}
    try {
      answer = io.engine.patch(ref.resource, object.metadata.namespace, object.metadata.name!, 'merge', patch, { ...serverDryRun(s.dryRun), fieldManager: s.fieldManager })
    } catch (e) {
      run.errors.push(fromThrown(e))
      return
    }
  }
  if (s.listing) {
    const shown = (answer.metadata[verb.field] as Record<string, string> | undefined) ?? {}
    if (!s.single) run.out += `${verb.listing} ${ref.kind}.${ref.group}/${object.metadata.name}:\n`
    // Go ranges over the map in random order; Podlab lists the keys sorted.
    for (const k of Object.keys(shown).sort()) run.out += `${s.single ? '' : ' '}${k}=${shown[k]}\n`
    return
  }
  run.out += printed(verb.printsServerAnswer ? answer : object, ref, operation, s)
}

/** The printer PrintFlagsWithDryRunStrategy makes: the operation line, the name, or the object. */
function printed(object: KubeObject, ref: ResourceRef, operation: string, s: Settings): string {
  const name = kindSlashName(ref, object.metadata.name ?? '')
  if (s.format === 'name') return `${name}\n`
  if (s.format === 'yaml') return toYaml(printable(object, s.showManagedFields))
  if (s.format === 'json') return toJson(printable(object, s.showManagedFields))
  return `${name} ${operation}${dryRunSuffix(s.dryRun)}\n`
}
