// `kubectl delete TYPE NAME... | TYPE/NAME... [-n NS] [--grace-period=N] [--force] [--now] [--wait[=bool]]`, after
// kubectl pkg/cmd/delete/delete.go and delete_flags.go (v0.32.5) and the resource builder's argument rules
// (cli-runtime pkg/resource/builder.go ResourceTypeOrNameArgs): ToOptions -> Complete -> Validate -> RunDelete.
// One DELETE per object in the order named, its line printed as it returns; errors are collected and printed
// at the end (ContinueOnErrorVisitor), and then, by default, kubectl waits until the deleted objects are gone.
//
// Waiting (--wait, default true). The real kubectl blocks after its last line until a GET finds each object gone
// (or a watch says DELETED), while wall time - and so the cluster - moves on. Podlab's clock only moves when a
// door moves it: in manual mode (the `podlab` CLI) the wait runs the virtual clock forward in 1 s steps, checking
// after each, for at most the largest grace period + 30 s, and then returns whether or not the objects are gone
// (the real kubectl would go on waiting up to --timeout, a week by default). A grace period of more than an hour
// is waited for in longer steps (at most 3600 looks), and never for more than that week. In real-time mode (the app, `serve`)
// the clock runs by itself, so the command returns at once, as with --wait=false.
//
// Not supported yet (a clear error instead): -f/-k/-R, -l, --field-selector, --all, -A, --raw, -i, --dry-run,
// --timeout, and --cascade other than background.

import type { KubeObject } from '../contract'
import type { ResourceRef } from '../engine/engine'
import { aggregate, checkErrText, fromThrown, plain, type CliError } from './errors'
import type { FlagSpec, FlagValues } from './flags'
import { fail, ok, type KubectlIO, type KubectlResult } from './io'
import { kindSlashName, resourceForArg } from './mapping'

export const DELETE_FLAGS: FlagSpec[] = [
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'kustomize', short: 'k', type: 'string' },
  { long: 'recursive', short: 'R', type: 'bool' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'field-selector', type: 'string' },
  { long: 'all', type: 'bool' },
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'force', type: 'bool' },
  { long: 'cascade', type: 'string', noOptDefVal: 'background' },
  { long: 'now', type: 'bool' },
  { long: 'grace-period', type: 'int' },
  { long: 'timeout', type: 'string' },
  { long: 'ignore-not-found', type: 'bool' },
  { long: 'wait', type: 'bool' },
  { long: 'output', short: 'o', type: 'string' },
  { long: 'raw', type: 'string' },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'dry-run', type: 'string', noOptDefVal: 'unchanged' },
]

/** Flags kubectl delete has that Podlab's does not implement yet, as `-s/--long` for the message. */
const NOT_YET: Array<[long: string, shown: string]> = [
  ['filename', '-f/--filename'],
  ['kustomize', '-k/--kustomize'],
  ['recursive', '-R/--recursive'],
  ['selector', '-l/--selector'],
  ['field-selector', '--field-selector'],
  ['all', '--all'],
  ['all-namespaces', '-A/--all-namespaces'],
  ['raw', '--raw'],
  ['interactive', '-i/--interactive'],
  ['timeout', '--timeout'],
]

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'
const CLUSTER_SCOPE_WARNING = 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n'

/** builder.go missingResourceError. */
const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

interface Target {
  ref: ResourceRef
  name: string
}

interface DeleteOptions {
  targets: Target[]
  namespace: string
  /** -n given: a cluster-scoped type gets a warning (WarnClusterScope). */
  warnClusterScope: boolean
  /** -1: the object's own grace period (no gracePeriodSeconds is sent). */
  gracePeriod: number
  force: boolean
  ignoreNotFound: boolean
  wait: boolean
  output: string
}

export function runDelete(io: KubectlIO, args: string[], flags: FlagValues, namespace: string, explicitNamespace: boolean): KubectlResult {
  // Everything kubectl writes to stderr before its first DELETE (flag warnings), in order.
  const early = { stderr: '' }
  const completed = complete(io, args, flags, namespace, explicitNamespace, early)
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
  for (const [long, shown] of NOT_YET) {
    if (flags[long] !== undefined && flags[long] !== false && flags[long] !== '') return { error: notYet(shown) }
  }
  const dryRun = flags['dry-run'] as string | undefined
  if (dryRun !== undefined && dryRun !== 'none') return { error: notYet('--dry-run') }

  // ToOptions: parseCascadingFlag.
  const cascade = parseCascade((flags.cascade as string | undefined) ?? 'background', early)
  if ('error' in cascade) return cascade
  if (cascade.policy !== 'Background') return { error: notYet(`--cascade=${cascade.policy.toLowerCase()}`) }

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

  const targets = resolveArgs(io, args)
  if ('error' in targets) return { error: checkErrText(targets.error) }
  return {
    targets: targets.targets,
    namespace,
    warnClusterScope: explicitNamespace,
    gracePeriod,
    force,
    ignoreNotFound: flags['ignore-not-found'] === true,
    wait: flags.wait !== false,
    output: (flags.output as string | undefined) ?? '',
  }
}

function notYet(flag: string): string {
  return `error: ${flag} is not supported by Podlab yet: name the objects, as in kubectl delete TYPE NAME... or TYPE/NAME...\n`
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

/**
 * The builder's ResourceTypeOrNameArgs(false, args...) then visitorResult: `TYPE NAME...`, `TYPE/NAME...`,
 * `T1,T2 NAME...` (one object per type and name); every type mapped before anything is deleted.
 */
function resolveArgs(io: KubectlIO, input: string[]): { targets: Target[] } | { error: CliError } {
  let args = input
  // normalizeMultipleResourcesArgs: "a,b x y" -> a/x a/y b/x b/y.
  if (args.length >= 2) {
    const types = splitResourceArgument(args[0]!)
    if (types.length > 1) args = types.flatMap((t) => args.slice(1).map((n) => `${t}/${n}`))
  }
  const slashed = args.filter((a) => a.includes('/')).length
  if (slashed > 0) {
    if (slashed !== args.length) {
      return {
        error: plain(
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
        ),
      }
    }
    const tuples: Array<{ type: string; name: string }> = []
    for (const a of args) {
      const seg = a.split('/')
      if (seg.length !== 2) return { error: plain('arguments in resource/name form may not have more than one slash') }
      const [type, name] = seg as [string, string]
      if (!type || !name || splitResourceArgument(type).length !== 1) {
        return { error: plain('arguments in resource/name form must have a single resource and name') }
      }
      tuples.push({ type, name })
    }
    // resourceTupleMappings: every type first, in order.
    const refs = new Map<string, ResourceRef>()
    for (const { type } of tuples) {
      if (refs.has(type)) continue
      const ref = mapType(io, type)
      if ('error' in ref) return ref
      refs.set(type, ref.ref)
    }
    return { targets: tuples.map(({ type, name }) => ({ ref: refs.get(type)!, name })) }
  }
  if (args.length === 0) return { error: plain(MISSING_RESOURCE) }
  const types = splitResourceArgument(args[0]!)
  const names = args.slice(1)
  if (names.length === 0) {
    for (const type of types) {
      const ref = mapType(io, type)
      if ('error' in ref) return ref
    }
    return { error: plain('resource(s) were provided, but no name was specified') }
  }
  if (types.length > 1) return { error: plain('you must specify only one resource') }
  const ref = mapType(io, types[0]!)
  if ('error' in ref) return ref
  return { targets: names.map((name) => ({ ref: ref.ref, name })) }
}

/** builder.go SplitResourceArgument: comma-separated, duplicates dropped. */
function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))]
}

function mapType(io: KubectlIO, type: string): { ref: ResourceRef } | { error: CliError } {
  const ref = resourceForArg(io.engine, type)
  return ref ? { ref } : { error: plain(`the server doesn't have a resource type ${JSON.stringify(type)}`) }
}

function validate(o: DeleteOptions, early: { stderr: string }): string | undefined {
  if (o.output !== '' && o.output !== 'name') return `error: unexpected -o output mode: ${o.output}. We only support '-o name'\n`
  if (o.gracePeriod === 0 && o.force) early.stderr += FORCE_WARNING
  else if (o.gracePeriod > 0 && o.force) return 'error: --force and --grace-period greater than 0 cannot be specified together\n'
  return undefined
}

interface Deleted {
  target: Target
  namespace: string | undefined
  uid: string | undefined
  /** Seconds the object may take to go: its deletionGracePeriodSeconds, else what was asked, else 0. */
  grace: number
}

function run(io: KubectlIO, o: DeleteOptions, warnings: string): KubectlResult {
  let stdout = ''
  let stderr = warnings
  let warnClusterScope = o.warnClusterScope
  const errors: CliError[] = []
  const deleted: Deleted[] = []
  for (const target of o.targets) {
    if (warnClusterScope && !target.ref.namespaced) {
      stderr += CLUSTER_SCOPE_WARNING
      warnClusterScope = false
    }
    const namespace = target.ref.namespaced ? o.namespace : undefined
    let response: KubeObject
    try {
      // DeleteOptions{GracePeriodSeconds (when >= 0), PropagationPolicy: Background}; the engine's delete is
      // always background.
      response = io.engine.delete(target.ref.resource, namespace, target.name, o.gracePeriod >= 0 ? { gracePeriodSeconds: o.gracePeriod } : {})
    } catch (e) {
      const err = fromThrown(e)
      if (!(o.ignoreNotFound && isNotFound(err))) errors.push(err)
      continue
    }
    stdout += printObj(o, target)
    deleted.push({
      target,
      namespace,
      uid: response.metadata.uid,
      grace: response.metadata.deletionGracePeriodSeconds ?? Math.max(o.gracePeriod, 0),
    })
  }
  if (errors.length > 0) return fail(stderr + checkErrText(errors.length === 1 ? errors[0]! : aggregate(errors)!), stdout)
  if (o.wait) waitForDeletion(io, deleted)
  return ok(stdout, stderr)
}

/** DeleteOptions.PrintObj: `pod "x" deleted`, `deployment.apps "hello" force deleted`, or `pod/x` with -o name. */
function printObj(o: DeleteOptions, target: Target): string {
  if (o.output === 'name') return `${kindSlashName(target.ref, target.name)}\n`
  const kind = target.ref.group ? `${target.ref.kind.toLowerCase()}.${target.ref.group}` : target.ref.kind.toLowerCase()
  return `${kind} "${target.name}" ${o.gracePeriod === 0 ? 'force deleted' : 'deleted'}\n`
}

function isNotFound(err: CliError): boolean {
  return err.kind === 'status' && err.status.reason === 'NotFound'
}

/** How long one wait may run the virtual clock past the largest grace period. */
export const WAIT_SLACK_SECONDS = 30
/** delete.go: "if we requested to wait forever, set it to a week" (--timeout=0, the default). */
const WAIT_TIMEOUT_SECONDS = 168 * 3600
/** The most times one wait looks (and advances the clock): a grace period of 2^63 s must not take 2^63 steps. */
const MAX_LOOKS = 3600

/**
 * kubectl's wait for IsDeleted: an object is gone when its GET is NotFound or finds another object (a new UID)
 * of that name. See the file comment: in manual mode the virtual clock stands in for the wall time kubectl
 * spends waiting; in real-time mode nothing is advanced.
 */
function waitForDeletion(io: KubectlIO, deleted: Deleted[]): void {
  if (deleted.length === 0 || io.engine.clock().mode !== 'manual') return
  const gone = (d: Deleted): boolean => {
    try {
      const current = io.engine.get(d.target.ref.resource, d.namespace, d.target.name)
      return d.uid !== undefined && current.metadata.uid !== d.uid
    } catch {
      // NotFound is the answer waited for; any other failure ends the wait too (the DELETEs were done).
      return true
    }
  }
  const limitMs = Math.min(Math.max(...deleted.map((d) => d.grace)) + WAIT_SLACK_SECONDS, WAIT_TIMEOUT_SECONDS) * 1000
  // Whole seconds between looks; more than one when the wait is long, so that it never takes more than MAX_LOOKS.
  const stepMs = Math.max(1, Math.ceil(limitMs / MAX_LOOKS / 1000)) * 1000
  for (let waited = 0; !deleted.every(gone) && waited < limitMs; waited += stepMs) io.engine.advance(Math.min(stepMs, limitMs - waited))
}
