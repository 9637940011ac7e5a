// The lifecycle handler runner (pkg/kubelet/lifecycle/handlers.go, 1.32) over the RuntimeService: exec
// through ExecSync (RunInContainer: a non-zero exit is the CRI client's error `command '...' exited with N:
// <stderr>`), httpGet with the probe's request builder (User-Agent `kube-lifecycle/1.32`; only a request that
// gets no answer fails: the status code is not looked at), sleep (PodLifecycleSleepAction, beta and on in
// 1.32), and the deprecated tcpSocket, which has no case and fails as an invalid handler. Returns the
// message the kubelet logs (and puts in PostStartHookError), never an event: the callers record those.

import type { Container, Pod } from '../../api/pods/types'
import type { RuntimeService } from '../../containerd/runtime-service'
import { goQuote } from '../../../gostd/gofmt'
import { execStartError, type ExecAnswer } from '../prober/exec-probe'
import { httpGet } from '../prober/http-probe'
import { requestForHttpGet } from '../prober/http-request'
import type { IntOrString, LifecycleHandler } from '../prober/probe-spec'
import { formatPod, httpSender } from '../prober/run-probe'

export interface HookTarget {
  runtime: Pick<RuntimeService, 'execSync' | 'http'>
  node: string
  containerId: string
  podIp: string
  newExecId(): string
}

export interface HookOutcome {
  /** The handler's error message (empty on success), as Run returns it. */
  message: string
  failed: boolean
  /** How long the hook ran, ms (a sleep's seconds, an exec's time in the container; HTTP answers within the instant). */
  tookMs: number
  /** Still running when `limitMs` ran out (the kubelet stops waiting; the hook is not a failure for it). */
  cutShort?: true
}

/** The longest a hook may run when the caller sets no limit (ms): ExecSync's timeout 0 means none. */
const NO_LIMIT_MS = 2 ** 31

/** intstr.IntOrString printed with %v: `{0 80 }` or `{1 0 http}`. */
function intOrStringV(p: IntOrString): string {
  return typeof p === 'number' ? `{0 ${p} }` : `{1 0 ${p}}`
}

/**
 * Runs `handler` for `container` of `pod` in the target container at `now` (ms); `limitMs` bounds how long the
 * caller waits (ms). Never throws: a handler that fails says so in its outcome's message.
 */
export function runHandler(handler: LifecycleHandler, pod: Pod, container: Container, target: HookTarget, now: number, limitMs = NO_LIMIT_MS): HookOutcome {
  const podName = goQuote(formatPod(pod))
  const containerName = goQuote(container.name)
  if (handler.exec) {
    const argv = handler.exec.command ?? []
    const answer: ExecAnswer = target.runtime.execSync(target.node, target.containerId, argv, limitMs)
    if ('timedOut' in answer) return { message: '', failed: false, tookMs: limitMs, cutShort: true }
    let error: string | undefined
    let output = ''
    if ('notFound' in answer) error = execStartError(answer.notFound, target.newExecId())
    else {
      output = answer.stdout + answer.stderr
      if (answer.exitCode !== 0) error = `command '${argv.join(' ')}' exited with ${answer.exitCode}: ${answer.stderr}`
    }
    // The command ran in the container's virtual time: `sh -c 'sleep 5'` ends 5 s after `now`.
    const tookMs = 'exitCode' in answer && answer.endedAt !== undefined ? Math.max(0, answer.endedAt - now) : 0
    if (error === undefined) return { message: '', failed: false, tookMs }
    const message = `Exec lifecycle hook ([${argv.join(' ')}]) for Container ${containerName} in Pod ${podName} failed - error: ${error}, message: ${goQuote(output)}`
    return { message, failed: true, tookMs }
  }
  if (handler.httpGet) {
    const req = requestForHttpGet(handler.httpGet, container, target.podIp, 'lifecycle')
    const got = 'error' in req ? req : httpGet(httpSender(target), req, limitMs)
    if (!('error' in got)) return { message: '', failed: false, tookMs: 0 }
    const message = `HTTP lifecycle hook (${handler.httpGet.path ?? ''}) for Container ${containerName} in Pod ${podName} failed - error: ${got.error}`
    return { message, failed: true, tookMs: 0 }
  }
  if (handler.sleep) {
    const ms = handler.sleep.seconds * 1000
    return ms > limitMs ? { message: '', failed: false, tookMs: limitMs, cutShort: true } : { message: '', failed: false, tookMs: ms }
  }
  const tcp = handler.tcpSocket
  const shown = tcp ? `&TCPSocketAction{Port:${intOrStringV(tcp.port)},Host:${tcp.host ?? ''},}` : 'nil'
  const message = `Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:${shown},Sleep:nil,}`
  return { message, failed: true, tookMs: 0 }
}
