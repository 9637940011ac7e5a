// pkg/probe/exec/exec.go (1.32) over the runtime's ExecSync, as the kubelet reaches it (kuberuntime
// RunInContainer: stdout then stderr; the CRI client turns a DeadlineExceeded into a TimeoutError,
// `command "sh -c sleep 5" timed out`, a failure since ExecProbeTimeout is GA). Exit 0 is a success, any
// other exit a failure with the command's output as the event's text; a command the runtime cannot start
// is an error (`Liveness probe errored: rpc error: ...`), whose result the worker throws away.

import type { ExecResult } from '../../containerd/runtime-service'
import { goQuote } from '../../../gostd/gofmt'
import { errored, run, type ProbeRun } from './probe-result'

/** maxReadLength: the exec prober keeps at most 10 KiB of output. */
const MAX_OUTPUT = 10 * 1024

export type ExecAnswer = ExecResult | { timedOut: true } | { notFound: string }

/** The rpc error containerd's CRI returns when the exec'd binary is missing; `execId` is its 64-hex exec id. */
export function execStartError(notFound: string, execId: string): string {
  if (notFound.startsWith('rpc error:')) return notFound
  return `rpc error: code = Unknown desc = failed to exec in container: failed to start exec ${goQuote(execId)}: OCI runtime exec failed: exec failed: unable to start container process: ${notFound}: unknown`
}

/** The combined output RunInContainer returns (stdout, then stderr). */
export function combinedOutput(r: ExecResult): string {
  return r.stdout + r.stderr
}

export function execVerdict(argv: string[], answer: ExecAnswer, execId: () => string): ProbeRun {
  if ('timedOut' in answer) return run('failure', `command ${goQuote(argv.join(' '))} timed out`)
  if ('notFound' in answer) return errored(execStartError(answer.notFound, execId()))
  const output = combinedOutput(answer).slice(0, MAX_OUTPUT)
  return run(answer.exitCode === 0 ? 'success' : 'failure', output)
}
