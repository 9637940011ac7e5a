// The texts each probe kind gives, as Kubernetes 1.32's prober and pkg/probe word them.

import { describe, expect, it } from 'vitest'
import type { Container, Pod } from '../../api/pods/types'
import { canonicalHeaderKey } from './http-request'
import { probe } from './run-probe'
import type { Probe } from './probe-spec'
import { FakeRuntime, type FakeContainer } from './testing/fake-runtime'

const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns', uid: 'u1' }, spec: { containers: [] } }
const container: Container = { name: 'c', image: 'nginx', ports: [{ name: 'web', containerPort: 8080 }], env: [{ name: 'FILE', value: '/tmp/ok' }] }

function probeWith(p: Probe, behaviour: Partial<Omit<FakeContainer, 'files'>> & { files?: Record<string, string> }, t: 'liveness' | 'readiness' | 'startup' = 'liveness') {
  const runtime = new FakeRuntime(() => 0)
  runtime.add({ node: 'n', id: 'c1', startedAt: 0, ...behaviour })
  const got = probe(t, { timeoutSeconds: 1, ...p }, pod, container, { runtime, node: 'n', containerId: 'c1', podIp: '10.244.0.11', newExecId: () => 'e'.repeat(64) })
  return { ...got, runtime }
}

describe('exec probes', () => {
  it('succeed on exit 0 and expand $(VAR) from the static env', () => {
    const got = probeWith({ exec: { command: ['cat', '$(FILE)'] } }, { files: { '/tmp/ok': 'yes' } })
    expect(got.result).toBe('Success')
    expect(got.runtime.calls[0]?.argv).toEqual(['cat', '/tmp/ok'])
  })

  it('fail with the command output', () => {
    expect(probeWith({ exec: { command: ['cat', '/tmp/healthy'] } }, {}).event?.message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n",
    )
  })

  it('fail with `command "..." timed out` past timeoutSeconds', () => {
    const got = probeWith({ exec: { command: ['sleep', '5'] } }, {})
    expect(got).toMatchObject({ result: 'Failure', event: { reason: 'Unhealthy', message: 'Liveness probe failed: command "sleep 5" timed out' } })
  })

  it('error (1.32: "probe errored: ...", result thrown away) when the binary is missing, after 3 tries', () => {
    const got = probeWith({ exec: { command: ['healthcheck'] } }, {})
    expect(got.result).toBeUndefined()
    expect(got.event?.message).toBe(
      `Liveness probe errored: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "${'e'.repeat(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "healthcheck": executable file not found in $PATH: unknown`,
    )
    expect(got.runtime.calls).toHaveLength(3)
  })
})

describe('httpGet probes', () => {
  const ok = { status: 200, headers: {}, body: 'ok' }

  it('resolve a named port, and error with strconv.Atoi\'s text for an unknown name', () => {
    expect(probeWith({ httpGet: { path: '/', port: 'web' } }, { serve: { 8080: () => ok } }).result).toBe('Success')
    expect(probeWith({ httpGet: { path: '/', port: 'http' } }, {}, 'readiness').event?.message).toBe(
      'Readiness probe errored: strconv.Atoi: parsing "http": invalid syntax',
    )
  })

  it('time out with Go\'s client text', () => {
    expect(probeWith({ httpGet: { path: '/healthz', port: 8080 } }, { serve: { 8080: () => ({ error: 'ETIMEDOUT' }) } }).event?.message).toBe(
      'Liveness probe failed: Get "http://10.244.0.11:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    )
  })

  it('follow a redirect on the same host (another port too) and succeed', () => {
    const got = probeWith(
      { httpGet: { path: '/old', port: 8080 } },
      { serve: { 8080: () => ({ status: 301, headers: { Location: 'http://10.244.0.11:9090/new' }, body: '' }), 9090: () => ok } },
    )
    expect(got).toMatchObject({ result: 'Success' })
    expect(got.event).toBeUndefined()
    expect(got.runtime.calls.map((c) => `${c.port}${c.path}`)).toEqual(['8080/old', '9090/new'])
  })

  it('stop at a redirect to another host: a success with a ProbeWarning', () => {
    const got = probeWith({ httpGet: { path: '/', port: 8080 } }, { serve: { 8080: () => ({ status: 302, headers: { location: 'http://example.com/' }, body: 'moved' }) } })
    expect(got).toMatchObject({ result: 'Success', event: { reason: 'ProbeWarning', message: 'Liveness probe warning: Probe terminated redirects, Response body: moved' } })
  })

  it('fail after 10 redirects in a row', () => {
    const got = probeWith({ httpGet: { path: '/', port: 8080 } }, { serve: { 8080: () => ({ status: 302, headers: { Location: '/loop' }, body: '' }) } })
    expect(got.event?.message).toBe('Liveness probe failed: Get "/loop": stopped after 10 redirects')
    expect(got.runtime.calls).toHaveLength(10)
  })

  it('canonicalise header names as http.Header.Add does', () => {
    expect(canonicalHeaderKey('x-custom-header')).toBe('X-Custom-Header')
    expect(canonicalHeaderKey('user-agent')).toBe('User-Agent')
    expect(canonicalHeaderKey('bad header')).toBe('bad header')
  })
})

describe('tcpSocket and grpc probes', () => {
  it('tcp: open is a success, refused a failure with the dial error', () => {
    expect(probeWith({ tcpSocket: { port: 6379 } }, { listen: [6379] }).result).toBe('Success')
    expect(probeWith({ tcpSocket: { port: 6379 } }, {}).event?.message).toBe('Liveness probe failed: dial tcp 10.244.0.11:6379: connect: connection refused')
  })

  it('grpc: nothing (or nothing gRPC) answering waits out the timeout', () => {
    const message = 'Liveness probe failed: timeout: failed to connect service "10.244.0.11:2379" within 1s: context deadline exceeded'
    expect(probeWith({ grpc: { port: 2379 } }, {}).event?.message).toBe(message)
    expect(probeWith({ grpc: { port: 2379 } }, { serve: { 2379: () => ({ status: 404, headers: {}, body: '' }) } }).event?.message).toBe(message)
  })

  it('grpc: SERVING is a success, another status a failure naming it', () => {
    const answer = (body: string) => ({ serve: { 2379: () => ({ status: 200, headers: { 'grpc-status': '0' }, body }) } })
    expect(probeWith({ grpc: { port: 2379 } }, answer('SERVING')).result).toBe('Success')
    expect(probeWith({ grpc: { port: 2379 } }, answer('NOT_SERVING')).event?.message).toBe('Liveness probe failed: service unhealthy (responded with "NOT_SERVING")')
  })
})
