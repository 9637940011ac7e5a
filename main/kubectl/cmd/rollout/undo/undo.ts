// `kubectl rollout undo (TYPE NAME | TYPE/NAME | -f FILE) [--to-revision=N] [--dry-run=client|server]`, after kubectl
// pkg/cmd/rollout/rollout_undo.go and polymorphichelpers/rollback.go DeploymentRollbacker (v0.32.5): the
// revision's template (the previous one by default) patched back into the deployment with a JSON patch that
// replaces spec.template and metadata.annotations (the deployment's own bookkeeping ones kept, the ReplicaSet's
// others carried over), `rolled back`; `skipped rollback` when the template is already that revision's.

import type { FlagSpec, FlagValues } from '../../../../gostd/pflag'
import { aggregate, checkErrText, errorString, fromThrown, plain, type CliError } from '../../../errors'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../../io'
import { kindSlashName } from '../../../mapping'
import { flagNotYet, notYetError, type Command, type Globals } from '../../command'
import { dryRunStrategy, dryRunSuffix, serverDryRun, type DryRun } from '../../create/create-options'
import { describePodTemplate } from '../pod-template'
import { REVISION_ANNOTATION, type Deployment, type PodTemplate } from '../replicasets'
import { groupKindString, TARGET_FLAGS, targets } from '../targets'
import { revisions } from '../viewers'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  ...TARGET_FLAGS,
  { long: 'allow-missing-template-keys', type: 'bool', defValue: true, notYet: true },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'output', short: 'o', type: 'string', notYet: true },
  { long: 'show-managed-fields', type: 'bool' },
  { long: 'template', type: 'string', notYet: true },
  { long: 'to-revision', type: 'int' },
]

export const rolloutUndoCommand: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  group: '',
  flags: FLAGS,
  help: HELP,
  run: runUndo,
}

/** pod-template-hash (appsv1.DefaultDeploymentUniqueLabelKey). */
const HASH_LABEL = 'pod-template-hash'

/** rollback.go annotationsToSkip: the deployment keeps its own values of these. */
const ANNOTATIONS_TO_SKIP = [
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.daemonset.template.generation',
]

function runUndo(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  if (args.length === 0 && ((flags.filename as string[] | undefined) ?? []).length === 0) return fail('error: required resource not specified\n')
  const dry = dryRunStrategy(flags)
  if ('error' in dry) return fail(dry.error)
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return fail(notYetError(notYet))
  const toRevision = (flags['to-revision'] as number | undefined) ?? 0
  const found = targets(io, args, flags, globals)
  if ('stderr' in found) return fail(found.stderr)
  let out = ''
  const errors: CliError[] = [...found.errors]
  for (const { ref, object } of found.targets) {
    if (ref.kind !== 'Deployment') {
      errors.push(plain(`no rollbacker has been implemented for ${JSON.stringify(groupKindString(ref))}`))
      continue
    }
    const result = rollback(io, object as Deployment, toRevision, dry.dryRun)
    if ('error' in result) errors.push(result.error)
    else out += `${kindSlashName(ref, object.metadata.name ?? '')} ${result.text}${dryRunSuffix(dry.dryRun)}\n`
  }
  const err = aggregate(errors)
  return err ? fail(dry.warning + checkErrText(err), out) : ok(out, dry.warning)
}

/** DeploymentRollbacker.Rollback: the operation's words, or its error. */
function rollback(io: KubectlIO, d: Deployment, toRevision: number, dryRun: DryRun): { text: string } | { error: CliError } {
  if (toRevision < 0) return { error: plain(`unable to find specified revision ${toRevision} in history`) }
  // deploymentRevision: the wanted revision, or the one before the newest.
  const history = revisions(io, d)
  let wanted = toRevision
  if (toRevision === 0) {
    if (history.size <= 1) return { error: plain(`no rollout history found for deployment ${JSON.stringify(d.metadata.name)}`) }
    wanted = [...history.keys()].sort((a, b) => b - a)[1]!
  }
  const found = history.get(wanted)
  if (!found) return { error: plain(`unable to find specified revision ${toRevision} in history`) }
  if (d.spec.paused) return { error: plain("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again") }
  if (dryRun === 'client') return { text: describePodTemplate(found.template) }
  if (equalIgnoreHash(found.template, d.spec.template)) return { text: `skipped rollback (current template already matches revision ${toRevision})` }

  const template = structuredClone(found.template)
  if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL]
  const annotations: Record<string, string> = {}
  for (const k of ANNOTATIONS_TO_SKIP) if (d.metadata.annotations?.[k] !== undefined) annotations[k] = d.metadata.annotations[k]!
  for (const [k, v] of Object.entries(found.rsAnnotations)) if (!ANNOTATIONS_TO_SKIP.includes(k)) annotations[k] = v
  const patch = [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ]
  try {
    // rollback.go: --dry-run=server sends the same patch with PatchOptions.DryRun All; DeploymentRollbacker sends
    // no fieldManager, so the apiserver records kubectl's user-agent prefix.
    io.engine.patch('deployments', d.metadata.namespace, d.metadata.name!, 'json', patch, { fieldManager: 'kubectl', ...serverDryRun(dryRun) })
  } catch (e) {
    return { error: plain(`failed restoring revision ${wanted}: ${errorString(fromThrown(e))}`) }
  }
  return { text: 'rolled back' }
}

/** deploymentutil.EqualIgnoreHash: the templates equal once the pod-template-hash label is dropped from both. */
function equalIgnoreHash(a: PodTemplate, b: PodTemplate): boolean {
  const strip = (t: PodTemplate) => {
    const c = structuredClone(t)
    if (c.metadata?.labels) delete c.metadata.labels[HASH_LABEL]
    return c
  }
  return canonical(strip(a)) === canonical(strip(b))
}

/**
 * JSON with sorted keys and no null fields, so the templates compare as the typed Go values do (a ReplicaSet's
 * `creationTimestamp: null` and a Deployment's absent one are the same zero time).
 */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined && (v as Record<string, unknown>)[k] !== null)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v)
}
