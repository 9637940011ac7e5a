// `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] [-q] -- COMMAND [args...]`, after kubectl
// pkg/cmd/exec/exec.go (v0.32.5): Complete -> Validate -> Run. Without -i the command runs to its end
// (Engine.exec): its stdout and stderr, and when it exits non-zero, checkErr's `command terminated with exit code
// N` on stderr and kubectl's own exit code N (cmdutil's utilexec.ExitError case). With -i its stdin is the host's
// (piped text runs to the end too); with -i on a terminal the result is an Interactive follow over an
// Engine.execOpen session (the host passes keystrokes). -t without -i is dropped silently (SetupTTY), and -it
// without a terminal says `Unable to use a TTY - input is not a terminal or the right kind of file`.
// The runtime's refusals (`exec: "kill": executable file not found in $PATH`) are the engine's ExecRefused text.

import { ExecRefused, type ExecRequest } from '../../../engine'
import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { durationFlag } from '../../../gostd/parse-duration'
import { checkErrText, fromThrown, plain } from '../../errors'
import { fail, type Interactive, type KubectlIO, type KubectlResult } from '../../io'
import { usageError } from '../create/create-options'
import { NoPodForObject, type PodLike } from '../logs/pod-for-object'
import { StreamFollow } from '../logs/stream-follow'
import { flagNotYet, notYetError, type Command, type Globals } from '../command'
import { HELP } from './help'
import { attachablePod, BuilderError } from './attachable-pod'
import { defaultContainer } from './podcmd'

const FLAGS: FlagSpec[] = [
  { long: 'container', short: 'c', type: 'string' },
  { long: 'filename', short: 'f', type: 'stringArray', notYet: true },
  { long: 'pod-running-timeout', type: 'string', defValue: '1m0s' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'stdin', short: 'i', type: 'bool' },
  { long: 'tty', short: 't', type: 'bool' },
]

export const execCommand: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  group: 'Troubleshooting and Debugging Commands:',
  flags: FLAGS,
  help: HELP,
  run: runExec,
}

const TTY_REFUSED = 'Unable to use a TTY - input is not a terminal or the right kind of file\n'

interface ExecOptions {
  resourceName: string
  command: string[]
  container: string
  stdin: boolean
  tty: boolean
  quiet: boolean
  podRunningTimeoutMs: number
}

function runExec(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  const o = complete(args, flags, globals.argsLenAtDash ?? -1)
  if ('error' in o) return fail(o.error)
  // Validate.
  if (o.resourceName === '') return fail('error: pod, type/name or --filename must be specified\n')
  if (o.command.length === 0) return fail('error: you must specify at least one command for the container\n')
  return run(io, o, globals.namespace)
}

function complete(args: string[], flags: FlagValues, argsLenAtDash: number): ExecOptions | { error: string } {
  // pflag parses the duration flag before cobra runs the command.
  const timeout = durationFlag((flags['pod-running-timeout'] as string | undefined) ?? '1m0s', '--pod-running-timeout')
  if ('error' in timeout) return { error: `error: ${timeout.error}\nSee 'kubectl exec --help' for usage.\n` }
  const notYet = flagNotYet(FLAGS, flags)
  if (notYet) return { error: notYetError(notYet) }
  const resourceName = args.length > 0 && argsLenAtDash !== 0 ? args[0]! : ''
  let command: string[] = []
  if (argsLenAtDash > -1) command = args.slice(argsLenAtDash)
  else if (args.length > 1) return { error: usageError('kubectl exec', 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead') }
  if (timeout.ns <= 0n) return { error: usageError('kubectl exec', '--pod-running-timeout must be higher than zero') }
  return {
    resourceName,
    command,
    container: (flags.container as string | undefined) ?? '',
    stdin: flags.stdin === true,
    tty: flags.tty === true,
    quiet: flags.quiet === true,
    podRunningTimeoutMs: Number(timeout.ns / 1_000_000n),
  }
}

function run(io: KubectlIO, o: ExecOptions, namespace: string): KubectlResult {
  let stderr = ''
  let pod: PodLike
  try {
    pod = attachablePod(io, [o.resourceName], namespace, o.podRunningTimeoutMs, 'exec')
  } catch (e) {
    return fail(errorText(e))
  }
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}\n`)
  let container = o.container
  if (container === '') {
    const picked = defaultContainer(pod, o.quiet)
    if ('error' in picked) return fail(`error: ${picked.error}\n`)
    container = picked.name
    stderr += picked.warn
  }

  // SetupTTY: no stdin, no TTY; a TTY needs a terminal to read from.
  let tty = o.stdin && o.tty
  if (tty && !io.terminal) {
    tty = false
    if (!o.quiet) stderr += TTY_REFUSED
  }
  const request: ExecRequest = { namespace: pod.metadata.namespace ?? namespace, pod: pod.metadata.name ?? '', container, command: o.command, tty }
  if (o.stdin && io.terminal) return interactive(io, request, stderr)
  try {
    const out = io.engine.exec(o.stdin ? { ...request, stdin: io.readStdin() } : request)
    // With a TTY stdout and stderr are one stream (ErrOut is unset); the session already merges them.
    const terminated = out.exitCode !== 0 ? `command terminated with exit code ${out.exitCode}\n` : ''
    return { stdout: out.stdout, stderr: stderr + out.stderr + terminated, exitCode: out.exitCode }
  } catch (e) {
    return { stdout: '', stderr: stderr + errorText(e), exitCode: 1 }
  }
}

function errorText(e: unknown): string {
  if (e instanceof BuilderError) return e.text
  if (e instanceof NoPodForObject || e instanceof ExecRefused) return checkErrText(plain(e.message))
  return checkErrText(fromThrown(e))
}

/**
 * `exec -i` on a terminal: a session whose output the host writes as it comes; when the process exits non-zero,
 * kubectl's `command terminated with exit code N` on stderr and exit code N, as without -i.
 */
function interactive(io: KubectlIO, request: ExecRequest, stderr: string): KubectlResult {
  let session: string | undefined
  const stream = new StreamFollow(() => {
    if (session !== undefined && !stream.over) io.engine.execClose(session)
  })
  try {
    session = io.engine.execOpen(request, {
      output: (s, text) => stream.emit(s, text),
      exit: (code) => {
        if (code !== 0) stream.emit('stderr', `command terminated with exit code ${code}\n`)
        stream.finish(code)
      },
    })
  } catch (e) {
    return { stdout: '', stderr: stderr + errorText(e), exitCode: 1 }
  }
  const opened = session
  const follow: Interactive = {
    start: (write, end) => stream.start(write, end),
    input: (text) => {
      if (!stream.over) io.engine.execInput(opened, text)
    },
  }
  return { stdout: '', stderr, exitCode: 0, follow }
}
