// `kubectl delete TYPE NAME... | TYPE/NAME... | TYPE -l SEL | TYPE --all | -f FILE [-n NS|-A] [--grace-period=N]
// [--force] [--now] [--wait[=bool]]`, after kubectl pkg/cmd/delete/delete.go and delete_flags.go (v0.32.5):
// ToOptions -> Complete -> Validate -> RunDelete, over the resource builder (ResourceTypeOrNameArgs(false, ...)).
// One DELETE per object in the order named, its line printed as it returns; errors are collected and printed
// at the end (ContinueOnErrorVisitor), and then, by default, kubectl waits until the deleted objects are gone
// (wait/wait.ts says how the virtual clock stands in for that wait).
//
// Not supported yet (a clear error instead): -k/-R, --field-selector, --raw, -i and --timeout. --dry-run=client
// deletes nothing; --dry-run=server sends each DELETE with dryRun=All; neither waits.

import type { KubeObject } from '../../../kube'
import type { ResourceRef } from '../../../engine'
import { addSourceToErr, aggregate, checkErrText, fromThrown, type CliError } from '../../errors'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { fail, OrderedOutput, type KubectlIO, type KubectlResult } from '../../io'
import { kindSlashName } from '../../mapping'
import { buildVisits, list, type Visit } from '../../resource/builder'
import { waitForDeletion, type Deleted } from '../../wait/wait'
import { flagNotYet, notYetError, type Command, type Globals } from '../command'
import { dryRunStrategy, dryRunSuffix, type DryRun } from '../create/create-options'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'all', type: 'bool' },
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'cascade', type: 'string', noOptDefVal: 'background' },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged', defValue: 'none' },
  { long: 'field-selector', type: 'string', notYet: true },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'force', type: 'bool' },
  { long: 'grace-period', type: 'int' },
  { long: 'ignore-not-found', type: 'bool' },
  { long: 'interactive', short: 'i', type: 'bool', notYet: true },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'now', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'raw', type: 'string', notYet: true },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'timeout', type: 'string', notYet: true },
  { long: 'wait', type: 'bool' },
]

export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  group: 'Basic Commands (Intermediate):',
  flags: FLAGS,
  help: HELP,
  run: runDelete,
}

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'
const CLUSTER_SCOPE_WARNING = 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n'

interface DeleteOptions {
  visits: Visit[]
  /** Documents of -f files that could not be visited, reported with the DELETEs' errors. */
  visitErrors: CliError[]
  namespace: string
  /** -n given: a cluster-scoped type gets a warning (WarnClusterScope). */
  warnClusterScope: boolean
  /** -1: the object's own grace period (no gracePeriodSeconds is sent). */
  gracePeriod: number
  force: boolean
  ignoreNotFound: boolean
  wait: boolean
  output: string
  /** --cascade, sent as DeleteOptions.propagationPolicy with every DELETE (background by default). */
  cascade: 'Background' | 'Foreground' | 'Orphan'
  dryRun: DryRun
}

function runDelete(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // Everything kubectl writes to stderr before its first DELETE (flag warnings), in order.
  const early = { stderr: '' }
  const completed = complete(io, args, flags, globals.namespace, globals.explicitNamespace, early)
  if ('error' in completed) return fail(early.stderr + completed.error)
  const problem = validate(completed, early)
  return problem ? fail(early.stderr + problem) : run(io, completed, early.stderr)
}

function complete(
  io: KubectlIO,
  args: string[],
  flags: FlagValues,
  namespace: string,
  explicitNamespace: boolean,
  early: { stderr: string },
): DeleteOptions | { error: string } {
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return { error: notYetError(notYet) }

  // ToOptions: parseCascadingFlag.
  const cascade = parseCascade((flags.cascade as string | undefined) ?? 'background', early)
  if ('error' in cascade) return cascade

  // Complete: --now is --grace-period=1; 0 without --force becomes 1; --force alone is 0.
  const force = flags.force === true
  let gracePeriod = (flags['grace-period'] as number | undefined) ?? -1
  if (flags.now === true) {
    if (gracePeriod !== -1) return { error: 'error: --now and --grace-period cannot be specified together\n' }
    gracePeriod = 1
  }
  // "To preserve backwards compatibility, but prevent accidental data loss, we convert --grace-period=0
  // into --grace-period=1. Users may provide --force to bypass this conversion."
  if (gracePeriod === 0 && !force) gracePeriod = 1
  if (force && gracePeriod < 0) gracePeriod = 0
  const dry = dryRunStrategy(flags)
  if ('error' in dry) return dry
  early.stderr += dry.warning

  const built = buildVisits(io, {
    namespace,
    enforceNamespace: explicitNamespace,
    allNamespaces: flags['all-namespaces'] === true,
    filenames: (flags.filename as string[] | undefined) ?? [],
    selector: flags.selector as string | undefined,
    selectAll: flags.all === true,
    allowEmptySelector: false,
    args,
  })
  if ('stderr' in built) return { error: built.stderr }
  if ('error' in built) return { error: checkErrText(built.error) }
  return {
    visits: built.visits,
    visitErrors: built.errors,
    namespace,
    warnClusterScope: explicitNamespace,
    gracePeriod,
    force,
    ignoreNotFound: flags['ignore-not-found'] === true,
    wait: flags.wait !== false,
    output: (flags.output as string | undefined) ?? '',
    cascade: cascade.policy,
    dryRun: dry.dryRun,
  }
}

/** delete_flags.go parseCascadingFlag: a propagation policy, deprecated booleans warned about on stderr. */
function parseCascade(value: string, early: { stderr: string }): { policy: 'Background' | 'Foreground' | 'Orphan' } | { error: string } {
  const asBool = ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value) ? true : ['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value) ? false : undefined
  if (asBool === undefined) {
    if (value === 'background') return { policy: 'Background' }
    if (value === 'foreground') return { policy: 'Foreground' }
    if (value === 'orphan') return { policy: 'Orphan' }
    return { error: `error: invalid cascade value (${value}). Must be "background", "foreground", or "orphan"\n` }
  }
  const replacement = asBool ? 'background' : 'orphan'
  early.stderr += `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`
  return { policy: asBool ? 'Background' : 'Orphan' }
}

function validate(o: DeleteOptions, early: { stderr: string }): string | undefined {
  if (o.output !== '' && o.output !== 'name') return `error: unexpected -o output mode: ${o.output}. We only support '-o name'\n`
  if (o.gracePeriod === 0 && o.force) early.stderr += FORCE_WARNING
  else if (o.gracePeriod > 0 && o.force) return 'error: --force and --grace-period greater than 0 cannot be specified together\n'
  return undefined
}

function run(io: KubectlIO, o: DeleteOptions, warnings: string): KubectlResult {
  // The warnings come first on stderr, before any `deleted` line (a terminal shows them in this order).
  const output = new OrderedOutput()
  output.err(warnings)
  let warnClusterScope = o.warnClusterScope
  const errors: CliError[] = [...o.visitErrors]
  const deleted: Deleted[] = []
  const found = targets(io, o.visits, errors)
  if (found.length === 0 && errors.length === 0) {
    output.out('No resources found\n')
    return output.result(0)
  }
  for (const target of found) {
    if (warnClusterScope && !target.ref.namespaced) {
      output.err(CLUSTER_SCOPE_WARNING)
      warnClusterScope = false
    }
    // DeleteResult: a client dry run prints and sends nothing.
    if (o.dryRun === 'client') {
      output.out(printObj(o, target))
      continue
    }
    let response: KubeObject
    try {
      // DeleteOptions{GracePeriodSeconds (when >= 0), PropagationPolicy: the --cascade strategy}.
      const grace = o.gracePeriod >= 0 ? { gracePeriodSeconds: o.gracePeriod } : {}
      response = io.engine.delete(target.ref.resource, target.namespace, target.name, { ...grace, propagationPolicy: o.cascade, ...(o.dryRun === 'server' ? { dryRun: 'All' as const } : {}) })
    } catch (e) {
      const err = fromThrown(e)
      if (!(o.ignoreNotFound && isNotFound(err))) errors.push(target.source ? addSourceToErr('deleting', target.source, err) : err)
      continue
    }
    output.out(printObj(o, target))
    deleted.push({
      ref: target.ref,
      namespace: target.namespace,
      name: target.name,
      uid: response.metadata.uid,
      grace: response.metadata.deletionGracePeriodSeconds ?? Math.max(o.gracePeriod, 0),
    })
  }
  if (errors.length > 0) {
    output.err(checkErrText(errors.length === 1 ? errors[0]! : aggregate(errors)!))
    return output.result(1)
  }
  // "If we are dry-running, then we don't want to wait".
  if (o.wait && o.dryRun === 'none') waitForDeletion(io.engine, deleted)
  return output.result(0)
}

interface Target {
  ref: ResourceRef
  namespace: string | undefined
  name: string
  /** The file it was read from, for `error when deleting "FILE": ...`. */
  source?: string
}

/** The objects to delete: named ones as they are, and each object a selector's LIST finds (a failed LIST kept). */
function targets(io: KubectlIO, visits: Visit[], errors: CliError[]): Target[] {
  return visits.flatMap((v): Target[] => {
    if (v.kind === 'named') return [{ ref: v.ref, namespace: v.namespace, name: v.name, ...(v.source ? { source: v.source } : {}) }]
    try {
      return list(io, v).map((obj) => ({ ref: v.ref, namespace: v.ref.namespaced ? obj.metadata.namespace : undefined, name: obj.metadata.name ?? '' }))
    } catch (e) {
      errors.push(fromThrown(e))
      return []
    }
  })
}

/** DeleteOptions.PrintObj: `pod "x" deleted`, `deployment.apps "hello" force deleted`, or `pod/x` with -o name. */
function printObj(o: DeleteOptions, target: Target): string {
  if (o.output === 'name') return `${kindSlashName(target.ref, target.name)}\n`
  const kind = target.ref.group ? `${target.ref.kind.toLowerCase()}.${target.ref.group}` : target.ref.kind.toLowerCase()
  return `${kind} "${target.name}" ${o.gracePeriod === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(o.dryRun)}\n`
}

function isNotFound(err: CliError): boolean {
  return err.kind === 'status' && err.status.reason === 'NotFound'
}
