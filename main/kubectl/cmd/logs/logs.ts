// `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] | -l SELECTOR`, after kubectl pkg/cmd/logs/logs.go and
// polymorphichelpers/logsforobject.go (v0.32.5): Complete (the builder's object: a pod, a pod list by -l, or a
// workload whose first pod by ByLogging is meant) -> Validate -> RunLogs (one pods/log request per pod and
// container, read in turn, or followed together with -f). The API server's and kubelet's refusals are the
// engine's BadRequests (`container "x" in pod "y" is waiting to start: ContainerCreating`), printed as kubectl
// prints a Status. Go ranges over the requests as a map, so with several pods or --all-containers a real kubectl
// prints them in a random order; Podlab keeps the list order.

import type { KubeObject } from '../../../kube'
import type { LogsRequest } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { durationFlag } from '../../../gostd/parse-duration'
import { parseRfc3339 } from '../../../gostd/parse-rfc3339'
import { checkErrText, errorString, fromThrown, plain } from '../../errors'
import { fail, type KubectlIO, type KubectlResult } from '../../io'
import { buildVisits, list } from '../../resource/builder'
import { usageError } from '../create/create-options'
import { allContainerNames, DEFAULT_CONTAINER_ANNOTATION, hasContainer, hasOtherContainers } from '../exec/podcmd'
import type { Command, Globals } from '../command'
import { HELP } from './help'
import { byLogging, NoPodForObject, podsForObject, type PodLike } from './pod-for-object'
import { StreamFollow } from './stream-follow'

const FLAGS: FlagSpec[] = [
  { long: 'all-containers', type: 'bool' },
  { long: 'all-pods', type: 'bool' },
  { long: 'container', short: 'c', type: 'string' },
  { long: 'follow', short: 'f', type: 'bool' },
  { long: 'ignore-errors', type: 'bool' },
  { long: 'insecure-skip-tls-verify-backend', type: 'bool' },
  { long: 'limit-bytes', type: 'int' },
  { long: 'max-log-requests', type: 'int', defValue: 5 },
  { long: 'pod-running-timeout', type: 'string', defValue: '20s' },
  { long: 'prefix', type: 'bool' },
  { long: 'previous', short: 'p', type: 'bool' },
  { long: 'selector', short: 'l', type: 'string' },
  { long: 'since', type: 'string', defValue: '0s' },
  { long: 'since-time', type: 'string' },
  { long: 'tail', type: 'int', defValue: -1 },
  { long: 'timestamps', type: 'bool' },
]

export const logsCommand: Command = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  group: 'Troubleshooting and Debugging Commands:',
  flags: FLAGS,
  help: HELP,
  run: runLogs,
}

const LOGS_USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command"
/** logs.go selectorTail: the lines each pod gives with -l when --tail is not set. */
const SELECTOR_TAIL = 10

interface LogsOptions {
  object: KubeObject | { kind: 'PodList'; items: PodLike[] }
  container: string
  allContainers: boolean
  allPods: boolean
  prefix: boolean
  follow: boolean
  ignoreErrors: boolean
  maxLogRequests: number
  podRunningTimeoutMs: number
  request: Omit<LogsRequest, 'namespace' | 'pod' | 'container'>
}

/** One pods/log request: a pod's container. */
interface LogRequest {
  pod: PodLike
  container: string
}

function runLogs(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const early = { stderr: '' }
  const o = complete(io, args, flags, globals.namespace, early)
  if ('error' in o) return { stdout: '', stderr: early.stderr + o.error, exitCode: 1 }
  if ('empty' in o) return { stdout: '', stderr: early.stderr, exitCode: 0 }
  let requests: LogRequest[]
  try {
    requests = logsForObject(io, o, o.object, o.allContainers, o.allPods, early)
  } catch (e) {
    return { stdout: '', stderr: early.stderr + errorText(e), exitCode: 1 }
  }
  if (o.follow && requests.length > 1 && requests.length > o.maxLogRequests) {
    return {
      stdout: '',
      stderr: `${early.stderr}error: you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${o.maxLogRequests}, use --max-log-requests to increase the limit\n`,
      exitCode: 1,
    }
  }
  return o.follow ? follow(io, o, requests, early.stderr) : sequential(io, o, requests, early.stderr)
}

function errorText(e: unknown): string {
  return checkErrText(e instanceof NoPodForObject ? plain(e.message) : fromThrown(e))
}

function complete(io: KubectlIO, args: string[], flags: FlagValues, namespace: string, early: { stderr: string }): LogsOptions | { empty: true } | { error: string } {
  // pflag parses the duration flags before cobra runs the command.
  const timeout = durationFlag((flags['pod-running-timeout'] as string | undefined) ?? '20s', '--pod-running-timeout')
  if ('error' in timeout) return { error: `error: ${timeout.error}\nSee 'kubectl logs --help' for usage.\n` }
  const since = durationFlag((flags.since as string | undefined) ?? '0s', '--since')
  if ('error' in since) return { error: `error: ${since.error}\nSee 'kubectl logs --help' for usage.\n` }

  const selector = (flags.selector as string | undefined) ?? ''
  let container = (flags.container as string | undefined) ?? ''
  const containerSpecified = flags.container !== undefined
  if (args.length === 0 && selector === '') return { error: usageError('kubectl logs', LOGS_USAGE) }
  if (args.length === 1 && selector !== '') return { error: usageError('kubectl logs', 'only a selector (-l) or a POD name is allowed') }
  if (args.length === 2) container = args[1]!
  if (args.length > 2) return { error: usageError('kubectl logs', LOGS_USAGE) }
  if (timeout.ns <= 0n) return { error: 'error: --pod-running-timeout must be higher than zero\n' }

  // ToLogOptions.
  const sinceTime = (flags['since-time'] as string | undefined) ?? ''
  const nowMs = io.engine.clock().nowMs
  let sinceSeconds: number | undefined
  if (sinceTime !== '') {
    const at = parseRfc3339(sinceTime)
    if ('error' in at) return { error: `error: ${at.error}\n` }
    sinceSeconds = Math.max(0, (nowMs - at.ms) / 1000)
  }
  // "round up to the nearest second": Duration.Round(time.Second), halves away from zero.
  const sinceRounded = since.ns === 0n ? undefined : Number((since.ns + (since.ns < 0n ? -500_000_000n : 500_000_000n)) / 1_000_000_000n)
  const tail = (flags.tail as number | undefined) ?? -1
  const tailLines = selector !== '' && tail === -1 && flags.tail === undefined ? SELECTOR_TAIL : tail !== -1 ? tail : undefined
  const limitBytes = (flags['limit-bytes'] as number | undefined) ?? 0

  // The builder's object is fetched in Complete; "No resources found" is printed there too.
  const built = builderObject(io, args[0], selector, namespace)
  if ('error' in built) return built
  const object = built.object
  const empty = object.kind === 'PodList' && (object as { items: PodLike[] }).items.length === 0
  if (empty) early.stderr += `No resources found in ${namespace} namespace.\n`

  // Validate.
  if (sinceTime !== '' && since.ns !== 0n) return { error: 'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n' }
  const allContainers = flags['all-containers'] === true
  if (allContainers && container !== '') return { error: `error: --all-containers=true should not be specified with container name ${container}\n` }
  if (containerSpecified && args.length === 2) return { error: 'error: only one of -c or an inline [CONTAINER] arg is allowed\n' }
  if (limitBytes < 0) return { error: 'error: --limit-bytes must be greater than 0\n' }
  if (sinceRounded !== undefined && sinceRounded < 0) return { error: 'error: --since must be greater than 0\n' }
  if (tailLines !== undefined && tailLines < -1) return { error: 'error: --tail must be greater than or equal to -1\n' }

  if (empty) return { empty: true }
  const allPods = flags['all-pods'] === true
  return {
    object,
    container,
    allContainers,
    allPods,
    prefix: flags.prefix === true || allPods,
    follow: flags.follow === true,
    ignoreErrors: flags['ignore-errors'] === true,
    maxLogRequests: (flags['max-log-requests'] as number | undefined) ?? 5,
    podRunningTimeoutMs: Number(timeout.ns / 1_000_000n),
    request: {
      previous: flags.previous === true,
      timestamps: flags.timestamps === true,
      ...(tailLines !== undefined ? { tailLines } : {}),
      ...(sinceRounded !== undefined ? { sinceSeconds: sinceRounded } : sinceSeconds !== undefined ? { sinceSeconds } : {}),
      ...(limitBytes !== 0 ? { limitBytes } : {}),
    },
  }
}

/** The builder's one object: ResourceNames("pods", arg) (a pod, or TYPE/NAME), or the pods -l selects. */
function builderObject(io: KubectlIO, arg: string | undefined, selector: string, namespace: string): { object: LogsOptions['object'] } | { error: string } {
  const built = buildVisits(io, {
    namespace,
    enforceNamespace: false,
    allNamespaces: false,
    filenames: [],
    selector: selector || undefined,
    selectAll: false,
    allowEmptySelector: false,
    args: arg === undefined ? ['pods'] : [arg.includes('/') ? arg : `pods/${arg}`],
  })
  if ('stderr' in built) return { error: built.stderr }
  if ('error' in built) return { error: checkErrText(built.error) }
  const visit = built.visits[0]!
  try {
    if (visit.kind === 'list') return { object: { kind: 'PodList', items: list(io, visit) as PodLike[] } }
    return { object: io.engine.get(visit.ref.resource, visit.namespace, visit.name, visit.ref.group) }
  } catch (e) {
    const err = fromThrown(e)
    // logs.go: a NotFound is wrapped (so no longer a Status): `error: error from server (NotFound): pods "x" not found in namespace "default"`.
    if (err.kind === 'status' && err.status.reason === 'NotFound') return { error: `error: error from server (NotFound): ${err.status.message} in namespace ${JSON.stringify(namespace)}\n` }
    return { error: checkErrText(err) }
  }
}

/**
 * logsForObjectWithClient: the requests for a pod list, a pod (its default, named or every container) or a
 * workload (its first pod, or all with --all-pods). Writes kubectl's notes to `early.stderr`. Throws kubectl's
 * errors (NoPodForObject, ApiError).
 */
function logsForObject(io: KubectlIO, o: LogsOptions, object: LogsOptions['object'], allContainers: boolean, allPods: boolean, early: { stderr: string }): LogRequest[] {
  if (object.kind === 'PodList') return (object as { items: PodLike[] }).items.flatMap((pod) => logsForObject(io, o, pod, allContainers, allPods, early))
  if (object.kind === 'Pod') {
    const pod = object as PodLike
    if (allContainers) {
      const spec = pod.spec ?? {}
      return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].map((c) => ({ pod, container: c.name }))
    }
    let container = o.container
    const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION] ?? ''
    if (container === '' && annotated !== '') {
      if (hasContainer(pod, annotated)) container = annotated
      else early.stderr += `Default container name ${JSON.stringify(annotated)} not found in pod ${pod.metadata.name ?? ''}\n`
    }
    if (container === '') {
      // "Default to the first container name (aligning behavior with `kubectl exec')."
      container = pod.spec?.containers?.[0]?.name ?? ''
      if (hasOtherContainers(pod) && !allPods) early.stderr += `Defaulted container ${JSON.stringify(container)} out of: ${allContainerNames(pod)}\n`
    }
    if (!hasContainer(pod, container)) throw new NoPodForObject(`container ${container} is not valid for pod ${pod.metadata.name ?? ''}`)
    return [{ pod, container }]
  }
  const pods = podsForObject(io, object as KubeObject, byLogging, o.podRunningTimeoutMs, 'cannot get the logs from')
  if (pods.length > 1 && allPods) return logsForObject(io, o, { kind: 'PodList', items: pods }, allContainers, allPods, early)
  if (pods.length > 1) early.stderr += `Found ${pods.length} pods, using pod/${pods[0]!.metadata.name ?? ''}\n`
  return logsForObject(io, o, pods[0]!, allContainers, allPods, early)
}

function engineRequest(o: LogsOptions, r: LogRequest): LogsRequest {
  return { namespace: r.pod.metadata.namespace ?? 'default', pod: r.pod.metadata.name ?? '', container: r.container, ...o.request }
}

/** addPrefixIfNeeded: every line (each write of DefaultConsumeRequest) gets `[pod/NAME/CONTAINER] `. */
function prefixed(o: LogsOptions, r: LogRequest, text: string): string {
  if (!o.prefix || text === '') return text
  const prefix = `[pod/${r.pod.metadata.name ?? ''}/${r.container}] `
  return text.replace(/[^\n]*(\n|$)/g, (line) => (line === '' ? '' : prefix + line))
}

/** sequentialConsumeRequest: each log in turn; the first error ends the run unless --ignore-errors. */
function sequential(io: KubectlIO, o: LogsOptions, requests: LogRequest[], stderr: string): KubectlResult {
  let stdout = ''
  for (const r of requests) {
    try {
      stdout += prefixed(o, r, io.engine.logs(engineRequest(o, r)))
    } catch (e) {
      if (!o.ignoreErrors) return { stdout, stderr: stderr + errorText(e), exitCode: 1 }
      stdout += `error: ${errorString(fromThrown(e))}\n`
    }
  }
  return { stdout, stderr, exitCode: 0 }
}

/**
 * -f: one follower per request (parallelConsumeRequest when several), each line as it is committed; the follow
 * ends when every followed container has ended. A refusal of the first request is the verb's error.
 */
function follow(io: KubectlIO, o: LogsOptions, requests: LogRequest[], stderr: string): KubectlResult {
  const stops: Array<() => void> = []
  const stream = new StreamFollow(() => stops.forEach((s) => s()))
  let open = requests.length
  for (const r of requests) {
    try {
      stops.push(
        io.engine.followLogs(engineRequest(o, r), {
          text: (chunk) => stream.emit('stdout', prefixed(o, r, chunk)),
          end: () => {
            open -= 1
            if (open === 0) stream.finish(0)
          },
        }),
      )
    } catch (e) {
      if (!o.ignoreErrors) {
        stops.forEach((s) => s())
        return { stdout: '', stderr: stderr + errorText(e), exitCode: 1 }
      }
      stream.emit('stdout', `error: ${errorString(fromThrown(e))}\n`)
      open -= 1
      if (open === 0) stream.finish(0)
    }
  }
  return { stdout: '', stderr, exitCode: 0, follow: stream }
}
