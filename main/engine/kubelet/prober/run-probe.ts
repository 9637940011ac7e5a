// pkg/kubelet/prober/prober.go (1.32): one probe of one container — runProbe by handler kind (exec with
// the container's static env expanded, ExpandContainerCommandOnlyStatic; httpGet; tcpSocket; grpc), retried
// up to 3 times while it errors (runProbeWithRetries), and the event each verdict records: Unhealthy
// `Liveness probe failed: <output>` for a failure, Unhealthy `Liveness probe errored: <err>` for an error
// (1.32's wording: "errored and resulted in ... state" came with 1.33, PR 125901), ProbeWarning
// `Liveness probe warning: <output>` for a warning (a success).

import type { Container, Pod } from '../../api/pods/types'
import type { RuntimeService } from '../../containerd/runtime-service'
import { expand } from '../container-config'
import { execVerdict } from './exec-probe'
import { grpcHealthHeaders, grpcVerdict, GRPC_HEALTH_PATH } from './grpc-probe'
import { doHttpProbe, type HttpSender } from './http-probe'
import { requestForHttpGet } from './http-request'
import { errored, type ProbeRun, type Result } from './probe-result'
import { probeTimings, probeTypeName, type Probe, type ProbeType } from './probe-spec'
import { resolveContainerPort } from './resolve-port'
import { doTcpProbe } from './tcp-probe'

const MAX_PROBE_RETRIES = 3

/** The runtime's doors a probe uses. */
export type ProbeRuntime = Pick<RuntimeService, 'execSync' | 'http' | 'tcp'>

/** Where a probe runs: the runtime, the container (node and id) and the pod's IP. */
export interface ProbeTarget {
  runtime: ProbeRuntime
  node: string
  containerId: string
  podIp: string
  /** A fresh exec id (64 hex digits) for the runtime's error texts. */
  newExecId(): string
}

/** format.Pod: `name_namespace(uid)`. */
export function formatPod(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`
}

/** An HttpSender over the runtime's http for one container. */
export function httpSender(target: { runtime: Pick<RuntimeService, 'http'>; node: string; containerId: string }): HttpSender {
  return (url, headers, timeoutMs) =>
    target.runtime.http(target.node, target.containerId, { port: url.port, path: url.path, host: url.host, scheme: url.scheme === 'https' ? 'HTTPS' : 'HTTP', headers }, timeoutMs)
}

/** The static env a probe's command may name: every env entry's `value` (valueFrom ones are empty). */
function staticEnv(container: Container): Record<string, string> {
  const vars: Record<string, string> = {}
  const env = Array.isArray(container.env) ? (container.env as Array<{ name?: string; value?: string }>) : []
  for (const e of env) if (typeof e.name === 'string') vars[e.name] = e.value ?? ''
  return vars
}

/** runProbe: one attempt of `p` against the target. */
export function runProbe(p: Probe, pod: Pod, container: Container, target: ProbeTarget): ProbeRun {
  const { timeoutMs } = probeTimings(p)
  if (p.exec) {
    const vars = staticEnv(container)
    const argv = (p.exec.command ?? []).map((word) => expand(word, vars))
    return execVerdict(argv, target.runtime.execSync(target.node, target.containerId, argv, timeoutMs), target.newExecId)
  }
  if (p.httpGet) {
    const req = requestForHttpGet(p.httpGet, container, target.podIp, 'probe')
    if ('error' in req) return errored(req.error)
    return doHttpProbe(httpSender(target), req, timeoutMs)
  }
  if (p.tcpSocket) {
    const port = resolveContainerPort(p.tcpSocket.port, container)
    if ('error' in port) return errored(port.error)
    const host = p.tcpSocket.host || target.podIp
    return doTcpProbe(() => target.runtime.tcp(target.node, target.containerId, port.port, timeoutMs), host, port.port)
  }
  if (p.grpc) {
    const service = p.grpc.service ?? ''
    const url = { scheme: 'http' as const, host: target.podIp, port: p.grpc.port, path: GRPC_HEALTH_PATH }
    return grpcVerdict(httpSender(target)(url, grpcHealthHeaders(service), timeoutMs), target.podIp, p.grpc.port, timeoutMs)
  }
  return errored(`missing probe handler for ${formatPod(pod)}:${container.name}`)
}

/** An event a probe asks to record on its container. */
export interface ProbeEvent {
  type: 'Normal' | 'Warning'
  reason: 'Unhealthy' | 'ProbeWarning'
  message: string
}

/** prober.probe: the result to keep (undefined: the probe errored, throw it away) and the event to record. */
export function probe(t: ProbeType, p: Probe, pod: Pod, container: Container, target: ProbeTarget): { result?: Result; event?: ProbeEvent } {
  let attempt = runProbe(p, pod, container, target)
  for (let i = 1; i < MAX_PROBE_RETRIES && attempt.error !== undefined; i++) attempt = runProbe(p, pod, container, target)
  const name = probeTypeName(t)
  if (attempt.error !== undefined) return { event: { type: 'Warning', reason: 'Unhealthy', message: `${name} probe errored: ${attempt.error}` } }
  switch (attempt.outcome) {
    case 'success':
      return { result: 'Success' }
    case 'warning':
      return { result: 'Success', event: { type: 'Warning', reason: 'ProbeWarning', message: `${name} probe warning: ${attempt.output}` } }
    default:
      return { result: 'Failure', event: { type: 'Warning', reason: 'Unhealthy', message: `${name} probe failed: ${attempt.output}` } }
  }
}
