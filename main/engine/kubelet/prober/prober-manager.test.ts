// Scenario tests of the prober on a manual clock, through the fake runtime (testing/): the docs' exec
// liveness example, http liveness with agnhost's `liveness` server, readiness gating, startup gating, and what
// the workers write.

import { describe, expect, it } from 'vitest'
import type { Container, Pod } from '../../api/pods/types'
import { ProbeManager } from './prober-manager'
import { FakeRuntime } from './testing/fake-runtime'
import { MemoryStore, ProbeNode, type Behaviour } from './testing/probe-node'

function pod(containers: Container[], spec: Partial<Pod['spec']> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'uid-1' },
    spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, ...spec, containers },
  }
}

const defaults = { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }
const CANT_OPEN = "cat: can't open '/tmp/healthy': No such file or directory\n"

// docs: configure-liveness-readiness-startup-probes, "Define a liveness command".
const livenessExec = pod([
  {
    name: 'liveness',
    image: 'registry.k8s.io/busybox:1.27.2',
    args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
    livenessProbe: { ...defaults, exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
  },
])

/** The shell touches /tmp/healthy at start and removes it 30 s later; as PID 1 it ignores SIGTERM. */
const healthyFor30s: Behaviour = (_name, startedAt) => ({
  exec: (argv, now) => (argv[0] === 'cat' && now < startedAt + 30_000 ? { exitCode: 0, stdout: '', stderr: '' } : undefined),
})

describe('the docs exec liveness example (touch /tmp/healthy; sleep 30; rm; sleep 600)', () => {
  it('fails from 30 s on, is killed after the third failure and dies at the 30 s grace: restarted every 75 s', () => {
    const node = new ProbeNode(livenessExec, healthyFor30s, { startDelayMs: 1_700 })
    node.runUntil(300_000)
    // Ticker from the first sync (t=0) every 5 s; start at 1.7 s, first probe at 10 s (5 s delay), healthy until
    // 31.7 s: failures at 35, 40, 45 s, killed at 45 s, SIGKILL at 75 s, started again 1.7 s later.
    expect(node.container('liveness').starts).toEqual([1_700, 76_700, 151_700, 226_700])
    const first = node.events.filter((e) => e.at <= 75_000)
    expect(first).toEqual([
      { at: 35_000, container: 'liveness', reason: 'Unhealthy', message: `Liveness probe failed: ${CANT_OPEN}` },
      { at: 40_000, container: 'liveness', reason: 'Unhealthy', message: `Liveness probe failed: ${CANT_OPEN}` },
      { at: 45_000, container: 'liveness', reason: 'Unhealthy', message: `Liveness probe failed: ${CANT_OPEN}` },
      { at: 45_000, container: 'liveness', reason: 'Killing', message: 'Container liveness failed liveness probe, will be restarted' },
    ])
  })

  it('names a failed container to kill once, however often the kubelet syncs while it dies', () => {
    const node = new ProbeNode(livenessExec, healthyFor30s, { startDelayMs: 1_700 })
    node.runUntil(45_000)
    for (const at of [45_000, 50_000, 60_000, 74_000]) {
      node.runUntil(at)
      node.syncNow()
    }
    expect(node.verdicts.filter((v) => v.verdict.toKill.length > 0).map((v) => v.at)).toEqual([45_000])
  })

  it('does not probe a killed container again until its replacement runs (onHold)', () => {
    const node = new ProbeNode(livenessExec, healthyFor30s, { startDelayMs: 1_700 })
    node.runUntil(76_000)
    const probesWhileDying = node.runtime.calls.filter((c) => c.kind === 'exec' && c.at > 45_000)
    expect(probesWhileDying).toEqual([])
  })

  it('omits ", will be restarted" under restartPolicy Never and ends the worker once the container is dead', () => {
    const node = new ProbeNode({ ...livenessExec, spec: { ...livenessExec.spec, restartPolicy: 'Never' } }, healthyFor30s, { startDelayMs: 1_700 })
    node.runUntil(200_000)
    expect(node.events.filter((e) => e.reason === 'Killing').map((e) => e.message)).toEqual(['Container liveness failed liveness probe'])
    expect(node.container('liveness').starts).toEqual([1_700])
    expect(node.verdicts.at(-1)?.verdict.wakeAt).toBeUndefined()
  })

  it('kills with the probe-level terminationGracePeriodSeconds when set', () => {
    const probe = { ...(livenessExec.spec.containers[0]!.livenessProbe as object), terminationGracePeriodSeconds: 5 }
    const p = pod([{ ...livenessExec.spec.containers[0]!, livenessProbe: probe }])
    const node = new ProbeNode(p, healthyFor30s, { startDelayMs: 1_700 })
    node.runUntil(60_000)
    // Killed at 45 s, SIGKILL 5 s later, started again 1.7 s after.
    expect(node.container('liveness').starts).toEqual([1_700, 51_700])
  })
})

// docs: "Define a liveness HTTP request": agnhost liveness serves /healthz 200 for 10 s, then 500.
const livenessHttp = pod([
  {
    name: 'liveness',
    image: 'registry.k8s.io/e2e-test-images/agnhost:2.40',
    args: ['liveness'],
    livenessProbe: { ...defaults, httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP', httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }] }, initialDelaySeconds: 3, periodSeconds: 3 },
  },
])

const agnhostLiveness: Behaviour = (_name, startedAt) => ({
  onStop: { afterMs: 0, exitCode: 2 },
  serve: {
    8080: (req, now) =>
      req.path !== '/healthz'
        ? { status: 404, headers: {}, body: '404 page not found\n' }
        : now - startedAt > 10_000
          ? { status: 500, headers: {}, body: `error: ${(now - startedAt) / 1000}` }
          : { status: 200, headers: {}, body: 'ok' },
  },
})

describe('the docs http liveness example (agnhost liveness)', () => {
  it('fails with "HTTP probe failed with statuscode: 500" after 10 s and is restarted after the third failure', () => {
    const node = new ProbeNode(livenessHttp, agnhostLiveness, { startDelayMs: 1_700 })
    node.runUntil(40_000)
    // Probes at 6, 9 (200), 12, 15, 18 (500): killed at 18 s; agnhost exits on SIGTERM at once.
    expect(node.events.filter((e) => e.at <= 18_000)).toEqual([
      { at: 12_000, container: 'liveness', reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500' },
      { at: 15_000, container: 'liveness', reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500' },
      { at: 18_000, container: 'liveness', reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500' },
      { at: 18_000, container: 'liveness', reason: 'Killing', message: 'Container liveness failed liveness probe, will be restarted' },
    ])
    expect(node.container('liveness').starts.slice(0, 2)).toEqual([1_700, 19_700])
  })

  it('sends the custom header, kube-probe/1.32 and Accept */* to the pod IP', () => {
    const node = new ProbeNode(livenessHttp, agnhostLiveness, { startDelayMs: 1_700, podIp: '10.244.0.11' })
    node.runUntil(6_000)
    const call = node.runtime.calls.find((c) => c.kind === 'http')
    expect(call?.headers).toMatchObject({ 'Custom-Header': 'Awesome', 'User-Agent': 'kube-probe/1.32', Accept: '*/*', Host: '10.244.0.11:8080' })
  })

  it('reports Go\'s error text when nothing listens', () => {
    const node = new ProbeNode(livenessHttp, () => ({}), { podIp: '10.244.0.11' })
    node.runUntil(4_000)
    expect(node.events[0]?.message).toBe(
      'Liveness probe failed: Get "http://10.244.0.11:8080/healthz": dial tcp 10.244.0.11:8080: connect: connection refused',
    )
  })
})

const web = (readinessProbe: object): Pod =>
  pod([{ name: 'nginx', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }], readinessProbe: { ...defaults, ...readinessProbe } }])

const nginx: Behaviour = () => ({
  onStop: { afterMs: 100, exitCode: 0 },
  serve: { 80: (req) => (req.path === '/' ? { status: 200, headers: {}, body: '<html>' } : { status: 404, headers: {}, body: 'not found' }) },
})

describe('readiness gates ready (READY, Ready and ContainersReady)', () => {
  it('is not ready before initialDelaySeconds, then ready at the first tick past it', () => {
    const node = new ProbeNode(web({ httpGet: { path: '/', port: 'http', scheme: 'HTTP' }, initialDelaySeconds: 5, periodSeconds: 5 }), nginx, { startDelayMs: 1_000 })
    node.runUntil(9_999)
    expect(node.last('nginx')).toEqual({ started: true, ready: false })
    expect(node.runtime.calls).toEqual([])
    // Started at 1 s, ticks at 0, 5, 10 s: 5 whole seconds have passed at the 10 s tick.
    node.runUntil(10_000)
    expect(node.last('nginx')).toEqual({ started: true, ready: true })
  })

  it('a status update past the delay pulls the readiness run before the tick', () => {
    const node = new ProbeNode(web({ httpGet: { path: '/', port: 80, scheme: 'HTTP' }, initialDelaySeconds: 5, periodSeconds: 5 }), nginx, { startDelayMs: 1_000 })
    node.runUntil(6_000)
    node.syncNow()
    expect(node.last('nginx')).toEqual({ started: true, ready: true })
  })

  it('never becomes ready on a path nginx 404s, is never killed, and says so each period', () => {
    const node = new ProbeNode(web({ httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' }, periodSeconds: 10 }), nginx, { startDelayMs: 1_000 })
    node.runUntil(60_000)
    expect(node.last('nginx')).toEqual({ started: true, ready: false })
    expect(node.events.every((e) => e.reason === 'Unhealthy' && e.message === 'Readiness probe failed: HTTP probe failed with statuscode: 404')).toBe(true)
    expect(node.events.map((e) => e.at)).toEqual([1_000, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000])
    expect(node.container('nginx').starts).toEqual([1_000])
  })

  it('a ready container turns unready after failureThreshold failures and ready again after one success', () => {
    let up = true
    const flaky: Behaviour = () => ({ serve: { 80: () => (up ? { status: 200, headers: {}, body: '' } : { status: 503, headers: {}, body: '' }) } })
    const node = new ProbeNode(web({ httpGet: { path: '/', port: 80, scheme: 'HTTP' } }), flaky)
    node.runUntil(15_000)
    expect(node.last('nginx')?.ready).toBe(true)
    up = false
    node.runUntil(35_000)
    expect(node.last('nginx')?.ready).toBe(true)
    node.runUntil(40_000)
    expect(node.last('nginx')?.ready).toBe(false)
    up = true
    node.runUntil(50_000)
    expect(node.last('nginx')?.ready).toBe(true)
  })
})

describe('startup probe', () => {
  const slow = (failureThreshold: number): Pod =>
    pod([
      {
        name: 'app',
        image: 'nginx',
        startupProbe: { ...defaults, httpGet: { path: '/', port: 80, scheme: 'HTTP' }, periodSeconds: 10, failureThreshold },
        livenessProbe: { ...defaults, httpGet: { path: '/', port: 80, scheme: 'HTTP' }, periodSeconds: 10 },
        readinessProbe: { ...defaults, httpGet: { path: '/', port: 80, scheme: 'HTTP' }, periodSeconds: 10 },
      },
    ])
  const upAfter = (ms: number): Behaviour => (_n, startedAt) => ({
    onStop: { afterMs: 0, exitCode: 0 },
    serve: { 80: (_r, now) => (now - startedAt >= ms ? { status: 200, headers: {}, body: '' } : { error: 'ECONNREFUSED' }) },
  })

  it('holds liveness and readiness back until it passes, then sets started and lets readiness run at once', () => {
    const node = new ProbeNode(slow(30), upAfter(25_000))
    node.runUntil(29_000)
    expect(node.last('app')).toEqual({ started: false, ready: false })
    expect(node.events.every((e) => e.message.startsWith('Startup probe failed: Get "http://10.244.1.5:80/": dial tcp 10.244.1.5:80: connect: connection refused'))).toBe(true)
    node.runUntil(30_000)
    expect(node.last('app')).toEqual({ started: true, ready: true })
    expect(node.events.filter((e) => !e.message.startsWith('Startup'))).toEqual([])
  })

  it('kills the container after failureThreshold failures with the startup message', () => {
    const node = new ProbeNode(slow(3), upAfter(3_600_000))
    node.runUntil(20_000)
    expect(node.events.at(-1)).toEqual({ at: 20_000, container: 'app', reason: 'Killing', message: 'Container app failed startup probe, will be restarted' })
  })
})

describe('what the workers cost', () => {
  it('writes their state only when it changes: a steady successful probe writes nothing', () => {
    const node = new ProbeNode(web({ httpGet: { path: '/', port: 80, scheme: 'HTTP' } }), nginx)
    node.runUntil(30_000)
    const writes = node.store.writes
    node.runUntil(600_000)
    expect(node.runtime.calls.filter((c) => c.at > 30_000).length).toBe(57)
    expect(node.store.writes).toBe(writes)
  })

  it('starts a worker after a random part of its period only when the kubelet started within the last period', () => {
    const fresh = new ProbeNode(web({ httpGet: { path: '/', port: 80, scheme: 'HTTP' } }), nginx, { kubeletStartedAt: -1_000 })
    fresh.runUntil(30_000)
    const ticks = fresh.runtime.calls.map((c) => c.at)
    expect(ticks[0]! % 10_000).not.toBe(0)
    expect(ticks[1]! - ticks[0]!).toBe(10_000)
    const old = new ProbeNode(web({ httpGet: { path: '/', port: 80, scheme: 'HTTP' } }), nginx)
    old.runUntil(30_000)
    expect(old.runtime.calls.map((c) => c.at)).toEqual([0, 10_000, 20_000, 30_000])
  })
})

describe('sidecars and deletion', () => {
  const failing: Behaviour = () => ({ exec: () => ({ exitCode: 1, stdout: '', stderr: 'no\n' }) })

  it('a sidecar (restartable init container) that fails liveness is killed as computeInitContainerActions words it', () => {
    const runtime = new FakeRuntime(() => 0, failing('', 0))
    const manager = new ProbeManager(new MemoryStore())
    const p = pod([{ name: 'app', image: 'nginx' }], {
      initContainers: [{ name: 'log', image: 'busybox', restartPolicy: 'Always', livenessProbe: { ...defaults, exec: { command: ['check'] } } }],
    })
    const host = { runtime, node: 'n', podIp: '10.244.1.5', kubeletStartedAt: -3_600_000, random: () => 0, newExecId: () => '0', record: () => {} }
    const views = [{ name: 'log', sidecar: true, containerId: 'c1', startedAt: 0 }, { name: 'app', containerId: 'c2', startedAt: 0 }]
    const kills = [0, 10_000, 20_000].flatMap((t) => manager.sync(p, views, host, t).toKill)
    expect(kills).toEqual([
      { container: 'log', sidecar: true, containerId: 'c1', probe: 'liveness', message: 'Init container log failed liveness probe', restart: true, graceSeconds: 30, failures: 3 },
    ])
  })

  it('a pod being deleted is not killed by its liveness probe: the worker sets Success and stops', () => {
    const p = { ...livenessExec, metadata: { ...livenessExec.metadata, deletionTimestamp: '2025-01-01T00:00:20Z', deletionGracePeriodSeconds: 30 } }
    const node = new ProbeNode(p, failing, { startDelayMs: 0 })
    node.runUntil(120_000)
    expect(node.events).toEqual([])
    expect(node.verdicts.at(-1)?.verdict.wakeAt).toBeUndefined()
  })
})

describe('stored worker states', () => {
  it('a doctored record (wrong shape) is not trusted: the workers start afresh instead of the sync throwing', () => {
    const node = new ProbeNode(web({ httpGet: { path: '/', port: 80, scheme: 'HTTP' } }), nginx)
    node.store.values.set('node1/probe/default/p', JSON.stringify({ uid: 'uid-1', createdAt: 0, workers: { 'nginx|readiness': { firstTickAt: 'soon' } } }))
    node.runUntil(10_000)
    expect(node.last('nginx')).toEqual({ started: true, ready: true })
    expect(JSON.parse(node.store.values.get('node1/probe/default/p') ?? '{}').workers['nginx|readiness'].firstTickAt).toBe(0)
  })
})
