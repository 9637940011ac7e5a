// `kubectl attach (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] [-q]`, after kubectl pkg/cmd/attach/attach.go
// (v0.32.5): Complete (--pod-running-timeout), Validate (one or two arguments), Run: the pod (a workload's most
// active one), refused when completed, then session.ts (container, TTY, the prompt hint) and the stream as a
// Follow: the container's output from now on, typed input to its stdin with -i on a terminal (piped stdin is sent
// at once), over when its main process ends, with the reattach line after a raw session.

import type { FlagSpec, FlagValues } from '../../../gostd/pflag'
import { durationFlag } from '../../../gostd/parse-duration'
import { fail, type Follow, type Interactive, type KubectlIO, type KubectlResult } from '../../io'
import { usageError } from '../create/create-options'
import { BuilderError, attachablePod } from '../exec/attachable-pod'
import { StreamFollow } from '../logs/stream-follow'
import type { Command, Globals } from '../command'
import { HELP } from './help'
import { attachErrorText, openAttach, planAttach, reattachMessage, type AttachFlags, type AttachHandle, type AttachPod } from './session'

const FLAGS: FlagSpec[] = [
  { long: 'container', short: 'c', type: 'string' },
  { long: 'pod-running-timeout', type: 'string', defValue: '1m0s' },
  { long: 'quiet', short: 'q', type: 'bool' },
  { long: 'stdin', short: 'i', type: 'bool' },
  { long: 'tty', short: 't', type: 'bool' },
]

export const attachCommand: Command = {
  name: 'attach',
  short: 'Attach to a running container',
  group: 'Troubleshooting and Debugging Commands:',
  flags: FLAGS,
  help: HELP,
  run: runAttach,
}

function runAttach(io: KubectlIO, args: string[], flags: FlagValues, globals: Globals): KubectlResult {
  // pflag parses the duration before Run; GetPodRunningTimeoutFlag's zero check is a usage error.
  const timeout = durationFlag((flags['pod-running-timeout'] as string | undefined) ?? '1m0s', '--pod-running-timeout')
  if ('error' in timeout) return fail(`error: ${timeout.error}\nSee 'kubectl attach --help' for usage.\n`)
  if (timeout.ns <= 0n) return fail(usageError('kubectl attach', '--pod-running-timeout must be higher than zero'))
  // Validate.
  if (args.length === 0) return fail('error: at least 1 argument is required for attach\n')
  if (args.length > 2) return fail(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]\n`)
  const f: AttachFlags = {
    container: (flags.container as string | undefined) ?? '',
    stdin: flags.stdin === true,
    tty: flags.tty === true,
    quiet: flags.quiet === true,
    commandName: 'kubectl attach',
  }
  let pod: AttachPod
  try {
    pod = attachablePod(io, args, globals.namespace, Number(timeout.ns / 1_000_000n), 'attach') as AttachPod
  } catch (e) {
    return fail(e instanceof BuilderError ? e.text : attachErrorText(e))
  }
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return fail(`error: cannot attach a container in a completed pod; current phase is ${phase}\n`)
  return run(io, pod, f)
}

function run(io: KubectlIO, pod: AttachPod, f: AttachFlags): KubectlResult {
  const plan = planAttach(io, pod, f)
  if ('error' in plan) return fail(plan.stderr + plan.error)
  let handle: AttachHandle | undefined
  const stream = new StreamFollow(() => handle?.detach())
  try {
    handle = openAttach(
      io,
      plan,
      (s, text) => stream.emit(s, text),
      () => {
        stream.emit('stdout', reattachMessage(plan, f))
        stream.finish(0)
      },
    )
  } catch (e) {
    return { stdout: '', stderr: plan.stderr + attachErrorText(e), exitCode: 1 }
  }
  const opened = handle
  const follow: Follow = { start: (write, end) => stream.start(write, end) }
  if (plan.stdin && io.terminal) {
    const typed: Interactive = {
      ...follow,
      input: (text) => {
        if (!stream.over) opened.input(text)
      },
    }
    return { stdout: '', stderr: plan.stderr, exitCode: 0, follow: typed }
  }
  return { stdout: '', stderr: plan.stderr, exitCode: 0, follow }
}
