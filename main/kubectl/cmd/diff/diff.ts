// `kubectl diff -f FILE|-`, after kubectl pkg/cmd/diff/diff.go (v0.32.5): Complete -> validateArgs -> Run. Each
// object of the files is read from the server (LIVE) and sent as the apply would send it, with dryRun=All
// (MERGED): a dry-run create when it does not exist, else client-side apply's three-way patch with the live
// resourceVersion (InfoObject.Merged). Both versions are written as YAML into kubectl's temp directories
// (/tmp/LIVE-NNN, /tmp/MERGED-NNN) and `diff -u -N` compares them: exit 0 when equal, 1 when not, 2 on an error
// (CheckDiffErr adds one to kubectl's code). Podlab writes no files and runs no program: it prints what GNU diff
// prints for those directories (./unified.ts), the files' times from the cluster's clock and the directories'
// numbers from a generator seeded by the cluster's seed, resourceVersion and time (no wall clock, no Math.random).
// KUBECTL_EXTERNAL_DIFF names a program Podlab cannot run: it says so on stderr and prints diff -u -N's output.
// Not supported yet: --server-side (and so --force-conflicts' use), --prune, -k, -R, -l.

import type { KubeObject } from '../../../kube'
import { createRng, isApiError, seedState, type Engine } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { patchObject } from '../../apply-patch'
import { checkErrText, fromThrown, type CliError } from '../../errors'
import { type KubectlIO, type KubectlResult } from '../../io'
import { lastAppliedConfiguration } from '../../last-applied'
import { readSources } from '../../resource/builder'
import { isSlotError, sourceName, visitDocuments, type DocumentInfo } from '../../resource/documents'
import { flagNotYet, notYetError, type Command, type Globals } from '../command'
import { diffFileName, diffVersions } from './differ'
import { HELP } from './help'
import { unifiedDirectoryDiff } from './unified'

const FLAGS: FlagSpec[] = [
  // Objects are diffed one after the other; a larger number changes nothing in what is printed.
  { long: 'concurrency', type: 'int', defValue: 1 },
  { long: 'field-manager', type: 'string', defValue: 'kubectl-client-side-apply' },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'force-conflicts', type: 'bool' },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'prune', type: 'bool', notYet: true },
  { long: 'prune-allowlist', type: 'stringArray', notYet: true },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'selector', short: 'l', type: 'string', notYet: true },
  { long: 'server-side', type: 'bool', notYet: true },
  { long: 'show-managed-fields', type: 'bool' },
]

/** CheckDiffErr: kubectl's error text, with exit code 2 (1 means "differences found"). */
const diffFail = (stderr: string, stdout = ''): KubectlResult => ({ stdout, stderr, exitCode: 2 })

export const diffCommand: Command = {
  name: 'diff',
  short: 'Diff the live version against a would-be applied version',
  group: 'Advanced Commands:',
  flags: FLAGS,
  help: HELP,
  run: runDiff,
  // SetFlagErrorFunc: a flag error is a usage error, exit 2.
  flagError: (error) => diffFail(`error: ${error}\nSee 'kubectl diff -h' for help and examples\n`),
}

interface DiffOptions {
  filenames: string[]
  showManagedFields: boolean
  namespace: string
  enforceNamespace: boolean
}

function runDiff(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // Complete: RequireFilenameOrKustomize, then the server-side flags.
  const filenames = (flags.filename as string[] | undefined) ?? []
  if (filenames.length === 0) return diffFail('error: must specify one of -f and -k\n')
  if (flags['force-conflicts'] === true && flags['server-side'] !== true) return diffFail('error: --force-conflicts only works with --server-side\n')
  // validateArgs.
  if (args.length > 0) return diffFail(`error: Unexpected args: [${args.join(' ')}]\nSee 'kubectl diff -h' for help and examples\n`)
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return diffFail(notYetError(notYet))
  return run(io, { filenames, showManagedFields: flags['show-managed-fields'] === true, namespace: globals.namespace, enforceNamespace: globals.explicitNamespace })
}

function run(io: KubectlIO, o: DiffOptions): KubectlResult {
  const read = readSources(io, o.filenames)
  if ('error' in read) return diffFail(read.error)
  let warnings = externalDiffWarning(io.env?.KUBECTL_EXTERNAL_DIFF)
  const live = new Map<string, string>()
  const merged = new Map<string, string>()
  for (const source of read.sources) {
    // The builder without ContinueOnError: the first bad document ends the run before anything is compared.
    const { slots, stop } = visitDocuments(io.engine, source.text, source.name, { namespace: o.namespace, enforceNamespace: o.enforceNamespace, validate: false })
    for (const slot of slots) {
      if (isSlotError(slot)) return diffFail(warnings + checkErrText(slot))
      const versions = diffOne(io.engine, slot, sourceName(source.name))
      if ('error' in versions) return diffFail(warnings + checkErrText(versions.error))
      // apply.WarnIfDeleting of the live object.
      if (versions.live?.metadata.deletionTimestamp) warnings += `Warning: Detected changes to resource ${slot.name} which is currently being deleted.\n`
      const name = diffFileName(slot.ref, slot.namespace, slot.name)
      const texts = diffVersions(versions.live, versions.merged, o.showManagedFields)
      live.set(name, texts.live)
      merged.set(name, texts.merged)
    }
    if (stop) return diffFail(warnings + checkErrText(stop))
  }
  const [liveDir, mergedDir] = tempDirectories(io.engine)
  const nowMs = io.engine.clock().nowMs
  const out = unifiedDirectoryDiff({ path: liveDir, files: live, modifiedMs: nowMs }, { path: mergedDir, files: merged, modifiedMs: nowMs })
  return { stdout: out, stderr: warnings, exitCode: out === '' ? 0 : 1 }
}

/**
 * InfoObject.Live and Merged: the object as the server has it (undefined when NotFound), and as it would be after
 * the apply, from the server's dry run. Errors are kubectl's.
 */
function diffOne(engine: Engine, info: DocumentInfo, shown: string): { live?: KubeObject; merged?: KubeObject } | { error: CliError } {
  const { ref, name, namespace, object } = info
  const ns = ref.namespaced ? namespace : undefined
  let live: KubeObject | undefined
  try {
    live = engine.get(ref.resource, ns, name, ref.group)
  } catch (e) {
    if (!(isApiError(e) && e.reason === 'NotFound')) return { error: fromThrown(e) }
  }
  if (!live) {
    try {
      // CreateWithOptions with no fieldValidation: the API server's default (Warn).
      return { merged: engine.create(object, { fieldValidation: 'Warn', dryRun: 'All', fieldManager: 'kubectl-client-side-apply' }) }
    } catch (e) {
      return { error: fromThrown(e) }
    }
  }
  // GetModifiedConfiguration(annotate=false): the manifest without its last-applied annotation.
  const modified = JSON.parse(lastAppliedConfiguration(object)) as Record<string, unknown>
  const patched = patchObject(engine, ref, ns, live as unknown as Record<string, unknown>, modified, shown, {
    serverDryRun: true,
    resourceVersion: live.metadata.resourceVersion ?? '',
    fieldValidation: 'Warn',
  })
  if (patched.error) return { error: patched.error }
  return { live, merged: patched.object as unknown as KubeObject }
}

/**
 * os.MkdirTemp("", "LIVE-") and ("", "MERGED-"): each a random uint32 in decimal. Drawn from a generator seeded
 * by the cluster's seed, resourceVersion and time, so that the same history prints the same names and the
 * cluster's own generator (names, uids) is not moved.
 */
function tempDirectories(engine: Engine): [string, string] {
  const info = engine.info()
  const mixed = (Number(info.seed) * 1_000_003 + Number(info.resourceVersion) * 7_919 + engine.clock().nowMs) % 1e15
  const rng = createRng(seedState(String(Math.floor(mixed))))
  return [`/tmp/LIVE-${rng.int(2 ** 32)}`, `/tmp/MERGED-${rng.int(2 ** 32)}`]
}

/** What Podlab says when KUBECTL_EXTERNAL_DIFF names another program: it cannot run one. */
function externalDiffWarning(value: string | undefined): string {
  if (!value) return ''
  return `Warning: Podlab runs no external programs: KUBECTL_EXTERNAL_DIFF=${JSON.stringify(value)} is ignored and the diff below is diff -u -N's\n`
}
