// `kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)`, after kubectl
// pkg/cmd/describe/describe.go (v0.32.5): ToOptions -> Validate -> Run over the resource builder
// (ResourceTypeOrNameArgs(true, ...), ContinueOnError), each object through its kind's describer
// (describers.ts), the texts separated by a blank line; a TYPE NAME that is not found describes every object of
// TYPE whose name starts with NAME (DescribeMatchingResources), as `kubectl describe pods nginx` finds
// nginx-7c5ddbdf54-xk2vq. Ages are taken on the cluster's clock.
//
// Not supported yet (a clear error instead): -k/--kustomize and -R/--recursive.

import { isApiError, type ResourceRef } from '../../../engine'
import { aggregate, checkErrText, fromThrown, plain, type CliError } from '../../errors'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { fail, ok, type KubectlIO, type KubectlResult } from '../../io'
import { buildVisits, list, type Visit } from '../../resource/builder'
import { flagNotYet, notYetError, type Command, type Globals } from '../command'
import type { DescribeContext, DescriberSettings } from './describer'
import { describerFor } from './describers'
import { HELP } from './help'

const FLAGS: FlagSpec[] = [
  { long: 'all-namespaces', short: 'A', type: 'bool' },
  { long: 'chunk-size', type: 'int', defValue: 500 },
  { long: 'filename', short: 'f', type: 'stringArray' },
  { long: 'kustomize', short: 'k', type: 'string', notYet: true },
  { long: 'recursive', short: 'R', type: 'bool', notYet: true },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'show-events', type: 'bool', defValue: true },
]

export const describeCommand: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  group: 'Troubleshooting and Debugging Commands:',
  flags: FLAGS,
  help: HELP,
  run: runDescribe,
}

interface DescribeOptions {
  args: string[]
  namespace: string
  allNamespaces: boolean
  selector?: string
  filenames: string[]
  enforceNamespace: boolean
  settings: DescriberSettings
}

/** One builder Info: an object to describe. */
interface Info {
  ref: ResourceRef
  namespace: string
  name: string
}

function runDescribe(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const o = toOptions(args, flags, globals)
  if ('error' in o) return fail(o.error)
  return run(io, o)
}

/** DescribeFlags.ToOptions. */
function toOptions(args: string[], flags: FlagValues, globals: Globals): DescribeOptions | { error: string } {
  const filenames = (flags.filename as string[] | undefined) ?? []
  if (args.length === 0 && filenames.length === 0) {
    return { error: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n' }
  }
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return { error: notYetError(notYet) }
  const allNamespaces = flags['all-namespaces'] === true
  return {
    args,
    namespace: globals.namespace,
    allNamespaces,
    selector: flags.selector as string | undefined,
    filenames,
    enforceNamespace: globals.explicitNamespace && !allNamespaces,
    settings: { showEvents: flags['show-events'] !== false, chunkSize: (flags['chunk-size'] as number | undefined) ?? 500 },
  }
}

function context(io: KubectlIO, o: DescribeOptions): DescribeContext {
  return { engine: io.engine, settings: o.settings, nowMs: io.engine.clock().nowMs }
}

/** DescribeOptions.Run. */
function run(io: KubectlIO, o: DescribeOptions): KubectlResult {
  const built = buildVisits(io, {
    namespace: o.namespace,
    enforceNamespace: o.enforceNamespace,
    allNamespaces: o.allNamespaces,
    filenames: o.filenames,
    selector: o.selector,
    selectAll: false,
    allowEmptySelector: true,
    args: o.args,
  })
  if ('stderr' in built) return fail(built.stderr)
  if ('error' in built) return fail(checkErrText(built.error))
  // r.Infos() with ContinueOnError: every visit tried (a named one is a GET), the failures kept.
  const visitErrors: CliError[] = [...built.errors]
  const infos: Info[] = []
  for (const visit of built.visits) {
    try {
      infos.push(...visitInfos(io, visit))
    } catch (e) {
      visitErrors.push(fromThrown(e))
    }
  }
  const infosError = visitErrors.length === 1 ? visitErrors[0] : aggregate(visitErrors)
  if (infosError && isNotFound(infosError) && o.args.length === 2) return describeMatchingResources(io, o, infosError)

  const ctx = context(io, o)
  const errors: CliError[] = infosError ? [infosError] : []
  const seen = new Set<string>()
  let stdout = ''
  let first = true
  for (const info of infos) {
    let text: string
    try {
      text = describerFor(info.ref)(ctx, info.namespace, info.name)
    } catch (e) {
      const err = fromThrown(e)
      const key = checkErrText(err)
      if (!seen.has(key)) errors.push(err)
      seen.add(key)
      continue
    }
    stdout += first ? text : `\n\n${text}`
    first = false
  }
  if (infos.length === 0 && errors.length === 0) {
    return ok('', o.allNamespaces ? 'No resources found\n' : `No resources found in ${o.namespace} namespace.\n`)
  }
  return errors.length > 0 ? fail(checkErrText(aggregate(errors)!), stdout) : ok(stdout)
}

/** The objects one visit stands for: a named object after its GET (RetrieveLazy), or a list's items. */
function visitInfos(io: KubectlIO, visit: Visit): Info[] {
  if (visit.kind === 'named') {
    const object = io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group)
    return [{ ref: visit.ref, namespace: object.metadata.namespace ?? '', name: object.metadata.name ?? visit.name }]
  }
  return list(io, visit).map((object) => ({ ref: visit.ref, namespace: object.metadata.namespace ?? '', name: object.metadata.name ?? '' }))
}

function isNotFound(err: CliError): boolean {
  return err.kind === 'status' && err.status.reason === 'NotFound'
}

/**
 * DescribeMatchingResources: every object of the type, in the namespace (never across namespaces), whose name
 * starts with the prefix, each text followed by a newline; the original NotFound when none does.
 */
function describeMatchingResources(io: KubectlIO, o: DescribeOptions, originalError: CliError): KubectlResult {
  const [type, prefix] = o.args as [string, string]
  const built = buildVisits(io, { namespace: o.namespace, enforceNamespace: false, allNamespaces: false, filenames: [], selectAll: false, allowEmptySelector: true, args: [type] })
  if ('stderr' in built) return fail(built.stderr)
  if ('error' in built) return fail(checkErrText(built.error))
  // SingleResourceType: `all` (pods, deployments, replicasets) cannot be searched by prefix.
  if (built.visits.length !== 1) return fail(checkErrText(plain('you may only specify a single resource type')))
  const ctx = context(io, o)
  let stdout = ''
  let found = false
  try {
    for (const info of visitInfos(io, built.visits[0]!)) {
      if (!info.name.startsWith(prefix)) continue
      found = true
      stdout += `${describerFor(info.ref)(ctx, info.namespace, info.name)}\n`
    }
  } catch (e) {
    return fail(checkErrText(isApiError(e) || e instanceof Error ? fromThrown(e) : plain(String(e))), stdout)
  }
  return found ? ok(stdout) : fail(checkErrText(originalError), stdout)
}
