// pkg/probe/grpc/grpc.go (1.32): the grpc.health.v1.Health/Check call. The client dials with WithBlock, so a
// port where nothing speaks gRPC (refused, or an HTTP/1 server) waits out the timeout:
// `timeout: failed to connect service "10.244.0.11:9555" within 1s: context deadline exceeded`.
//
// The runtime has no gRPC door, so the call goes through its http with a convention the image programs
// answer (programs/): POST-like GET of `/grpc.health.v1.Health/Check`, headers `Content-Type:
// application/grpc` and `Grpc-Health-Service: <service>`; a gRPC server answers with a `grpc-status` header
// (0 OK, 12 Unimplemented, 5 NotFound...) and, on OK, the serving status as the body (`SERVING`,
// `NOT_SERVING`, `SERVICE_UNKNOWN`); `grpc-message` carries a status's message. Anything without
// `grpc-status` is not gRPC.

import type { HttpResponse, NetError } from '../../process/program'
import { goDuration } from '../../../gostd/go-duration'
import { goQuote } from '../../../gostd/gofmt'
import { KUBE_VERSION } from './http-request'
import { run, type ProbeRun } from './probe-result'

export const GRPC_HEALTH_PATH = '/grpc.health.v1.Health/Check'

/** The headers of the health call for `service`. */
export function grpcHealthHeaders(service: string): Record<string, string> {
  return {
    'Content-Type': 'application/grpc',
    'Grpc-Health-Service': service,
    'User-Agent': `kube-probe/${KUBE_VERSION.major}.${KUBE_VERSION.minor} grpc-go/1.65.0`,
    Te: 'trailers',
  }
}

const header = (r: HttpResponse, name: string): string | undefined => {
  const key = Object.keys(r.headers).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : r.headers[key]
}

/** The verdict of a gRPC probe of `host:port` given the health call's answer; `timeoutMs` as the probe's. */
export function grpcVerdict(answer: HttpResponse | NetError, host: string, port: number, timeoutMs: number): ProbeRun {
  const addr = `${host.includes(':') ? `[${host}]` : host}:${port}`
  const status = 'error' in answer ? undefined : header(answer, 'grpc-status')
  if (status === undefined || 'error' in answer) {
    return run('failure', `timeout: failed to connect service ${goQuote(addr)} within ${goDuration(timeoutMs)}: context deadline exceeded`)
  }
  const message = header(answer, 'grpc-message') ?? ''
  if (status === '12') return run('failure', `error: this server does not implement the grpc health protocol (grpc.health.v1.Health): ${message}`)
  if (status === '4') return run('failure', `timeout: health rpc did not complete within ${goDuration(timeoutMs)}`)
  if (status !== '0') return run('failure', `error: health rpc probe failed: rpc error: code = ${GRPC_CODES[status] ?? `Code(${status})`} desc = ${message}`)
  const serving = answer.body.trim() || 'UNKNOWN'
  if (serving !== 'SERVING') return run('failure', `service unhealthy (responded with ${goQuote(serving)})`)
  return run('success', 'service healthy')
}

const GRPC_CODES: Record<string, string> = {
  '1': 'Canceled',
  '2': 'Unknown',
  '3': 'InvalidArgument',
  '5': 'NotFound',
  '7': 'PermissionDenied',
  '8': 'ResourceExhausted',
  '13': 'Internal',
  '14': 'Unavailable',
  '16': 'Unauthenticated',
}
