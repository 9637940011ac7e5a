// `podlab chaos ...`: the engine's chaos operations from a terminal. Each is one recorded command (Engine.chaos);
// flags are read as kubectl reads its own (pflag), and errors are worded as kubectl words them: the API server's
// (`Error from server (NotFound): pods "x" not found`), kubectl's own (`error: container x not found in pod y`),
// and usage errors with kubectl's "See '... -h' for help and examples".

import { parseFlags, type FlagSpec } from '../../gostd/pflag'
import { bytes } from '../../gostd/quantity'
import type { ChaosOperation, Engine } from '../../engine'
import { checkErrText, fromThrown } from '../../kubectl/errors'
import { parseDuration } from './parse-duration'

interface Output {
  stdout: string
  stderr: string
  exitCode: number
}

export const CHAOS_USAGE = `Break things on purpose, on the cluster's virtual clock. Each action is recorded in the cluster file.

Usage:
  podlab chaos kill POD [-c CONTAINER] [--signal SIG] [-n NAMESPACE]
                      send a signal (default KILL) to the container's main process, from outside
                      the container, as the runtime does; the program decides what the signal does
  podlab chaos oom POD [-c CONTAINER] [-n NAMESPACE]
                      OOM-kill the container as the kernel does (exit 137, OOMKilled)
  podlab chaos delete POD [-n NAMESPACE]
                      delete the pod with its grace period
  podlab chaos fill-disk NODE [--size QUANTITY]
                      write QUANTITY (default: until 5% is left) on the node's disk: DiskPressure
  podlab chaos free-disk NODE
                      remove what fill-disk wrote
  podlab chaos random --rate R [--seed N] [--for DURATION]
                      from now on, R times a minute on average (virtual time), kill or OOM-kill a
                      container or delete a pod outside the system namespaces, at random; the same
                      seed gives the same chaos (default seed: from the cluster's seed and the time);
                      runs until 'podlab chaos stop', or for DURATION (30s, 5m, 1h30m)
  podlab chaos stop   stop random chaos

Run the clock with 'podlab advance DURATION' (or 'podlab serve') to see what happens next.
`

const TARGET_FLAGS: FlagSpec[] = [
  { long: 'container', short: 'c', type: 'string' },
  { long: 'namespace', short: 'n', type: 'string' },
]
const FLAGS: Record<string, FlagSpec[]> = {
  kill: [...TARGET_FLAGS, { long: 'signal', short: 's', type: 'string' }],
  oom: TARGET_FLAGS,
  delete: [{ long: 'namespace', short: 'n', type: 'string' }],
  'fill-disk': [{ long: 'size', type: 'string' }],
  'free-disk': [],
  random: [
    { long: 'rate', type: 'string' },
    { long: 'seed', type: 'string' },
    { long: 'for', type: 'string' },
  ],
  stop: [],
}
const ARG_NAMES: Record<string, string> = { kill: 'POD', oom: 'POD', delete: 'POD', 'fill-disk': 'NODE', 'free-disk': 'NODE' }

const usageError = (verb: string, message: string): Output => ({
  stdout: '',
  stderr: `error: ${message}\nSee 'podlab chaos ${verb} -h' for help and examples\n`,
  exitCode: 1,
})

/** The operation `podlab chaos VERB ARGS` asks for, or the usage error to print. */
export function chaosOperation(verb: string, args: string[]): ChaosOperation | Output {
  const specs = FLAGS[verb] as FlagSpec[]
  const parsed = parseFlags(args, specs)
  if (!parsed.ok) return usageError(verb, parsed.error)
  const flags = parsed.flags as Record<string, string | undefined>
  const argName = ARG_NAMES[verb]
  const wanted = argName ? 1 : 0
  if (parsed.args.length !== wanted) {
    return usageError(verb, argName ? `exactly one ${argName} is required, got ${parsed.args.length}` : `unexpected arguments: ${parsed.args.join(' ')}`)
  }
  const name = parsed.args[0] as string
  const namespace = flags.namespace !== undefined ? { namespace: flags.namespace } : {}
  const container = flags.container !== undefined ? { container: flags.container } : {}
  switch (verb) {
    case 'kill':
      return { op: 'kill', pod: name, ...namespace, ...container, ...(flags.signal !== undefined ? { signal: flags.signal } : {}) }
    case 'oom':
      return { op: 'oom', pod: name, ...namespace, ...container }
    case 'delete':
      return { op: 'delete-pod', pod: name, ...namespace }
    case 'fill-disk': {
      if (flags.size === undefined) return { op: 'fill-disk', node: name }
      const size = bytes(flags.size)
      if (!Number.isFinite(size) || size < 1) return usageError(verb, `--size must be a quantity of at least 1 byte, such as 10Gi, got "${flags.size}"`)
      return { op: 'fill-disk', node: name, bytes: size }
    }
    case 'free-disk':
      return { op: 'free-disk', node: name }
    case 'random': {
      if (flags.rate === undefined) return usageError(verb, 'required flag(s) "rate" not set')
      const rate = Number(flags.rate)
      if (flags.rate.trim() === '' || !Number.isFinite(rate)) return usageError(verb, `--rate must be a number of actions per minute, such as 2 or 0.5, got "${flags.rate}"`)
      const op: ChaosOperation = { op: 'random', ratePerMinute: rate }
      if (flags.seed !== undefined) op.seed = flags.seed
      if (flags.for !== undefined) {
        const ms = parseDuration(flags.for)
        if (ms instanceof Error) return usageError(verb, ms.message)
        op.forMs = ms
      }
      return op
    }
    default:
      return { op: 'stop' }
  }
}

/** Runs `podlab chaos ARGS` on `engine`. */
export function runChaosCommand(engine: Engine, args: string[]): Output {
  const [verb, ...rest] = args
  if (verb === undefined || verb === '-h' || verb === '--help' || verb === 'help') return { stdout: CHAOS_USAGE, stderr: '', exitCode: verb === undefined ? 1 : 0 }
  if (!(verb in FLAGS)) return { stdout: '', stderr: `error: unknown chaos command "${verb}"\n\n${CHAOS_USAGE}`, exitCode: 1 }
  if (rest.includes('-h') || rest.includes('--help')) return { stdout: CHAOS_USAGE, stderr: '', exitCode: 0 }
  const operation = chaosOperation(verb, rest)
  if ('exitCode' in operation) return operation
  try {
    const outcome = engine.chaos(operation)
    return { stdout: `${outcome.summary}\n`, stderr: outcome.notice ? `${outcome.notice}\n` : '', exitCode: 0 }
  } catch (e) {
    return { stdout: '', stderr: checkErrText(fromThrown(e)), exitCode: 1 }
  }
}
