// The kubelet drives containers through the CRI seam (RuntimeService) instead of predicting their end: what it
// hands startContainer (generateContainerConfig), what it reads back from status (exit code, reason, signal,
// termination message), the stops it asks for, and the states item 1 of issue 8 names (InvalidImageName before
// any pull, RunContainerError/StartError with exit 128, OOMKilled, back-off reset after 10 minutes of running).
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/pods/types'
import type { HostEngine } from '../engine'
import { runKubectl } from '../../kubectl/run-kubectl'
import { openCluster } from '../open-cluster'
import { eventsFor, pod } from '../testing/cluster'
import { runtimeKey } from './runtime-state'
import { invalidImageName } from '../images'
import type { Script } from './predicted-runtime'
import { scriptedClusters } from './testing/recording-runtime'

const { cluster, closeAfter } = scriptedClusters()

const podOf = (name: string, spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...metadata },
  spec,
})

const statusOf = (engine: HostEngine, name: string) => pod(engine, name).status?.containerStatuses?.[0]
const getPods = (engine: HostEngine): string => runKubectl(['get', 'pods'], { engine, readFile: () => '', readStdin: () => '' }).stdout

const MISSING_EXECUTABLE =
  'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown'

describe('generateContainerConfig: what the kubelet hands RuntimeService.startContainer', () => {
  it('expands $(VAR) in command and args from the env (ExpandContainerCommandAndArgs), passes env, limits, stdin/tty and the termination-message defaults', () => {
    const { engine, runtime } = cluster(() => ({ kind: 'serves' }))
    engine.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { greeting: 'hello' } })
    engine.create(
      podOf('cfg-pod', {
        containers: [
          {
            name: 'app',
            image: 'busybox',
            command: ['sh', '-c', 'echo $(GREETING) $(MISSING) $$(GREETING); sleep 3600'],
            args: ['$(WHO)'],
            env: [
              { name: 'GREETING', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'greeting' } } },
              { name: 'WHO', value: '$(GREETING)-world' },
            ],
            resources: { limits: { memory: '64Mi', cpu: '500m' } },
            stdin: true,
            tty: true,
          },
        ],
      }),
    )
    engine.advance(10_000)
    const config = runtime().started.find((c) => c.podName === 'cfg-pod')!
    expect(config.command).toEqual(['sh', '-c', 'echo hello $(MISSING) $(GREETING); sleep 3600'])
    expect(config.args).toEqual(['hello-world'])
    expect(config.env).toEqual([
      { name: 'GREETING', value: 'hello' },
      { name: 'WHO', value: 'hello-world' },
    ])
    expect(config).toMatchObject({
      namespace: 'default',
      containerName: 'app',
      image: 'docker.io/library/busybox:latest',
      memoryLimitBytes: 64 * 1024 * 1024,
      cpuLimitMillicores: 500,
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      stdin: true,
      tty: true,
      hostNetwork: false,
    })
    const p = pod(engine, 'cfg-pod')
    expect(config.podIp).toBe(p.status?.podIP)
    expect(config.podUid).toBe(p.metadata.uid)
    expect(`containerd://${config.containerId}`).toBe(statusOf(engine, 'cfg-pod')?.containerID)
  })

  it('mounts emptyDir, configMap and secret volumes, and the service-account volume admission adds, with the namespace file', () => {
    const { engine, runtime } = cluster()
    engine.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'site' }, data: { 'index.html': '<h1>hi</h1>', other: 'x' } })
    engine.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { password: Buffer.from('s3cret').toString('base64') } })
    engine.create(
      podOf('vols', {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            volumeMounts: [
              { name: 'cache', mountPath: '/cache' },
              { name: 'html', mountPath: '/usr/share/nginx/html', readOnly: true },
              { name: 'creds', mountPath: '/etc/creds' },
            ],
          },
        ],
        volumes: [
          { name: 'cache', emptyDir: {} },
          { name: 'html', configMap: { name: 'site', items: [{ key: 'index.html', path: 'index.html' }] } },
          { name: 'creds', secret: { secretName: 'creds' } },
        ],
      }),
    )
    engine.advance(10_000)
    const mounts = runtime().started.find((c) => c.podName === 'vols')!.mounts
    expect(mounts.map((m) => [m.containerPath, m.volume.kind, m.readOnly])).toEqual([
      ['/cache', 'emptyDir', false],
      ['/usr/share/nginx/html', 'files', true],
      ['/etc/creds', 'files', false],
      ['/var/run/secrets/kubernetes.io/serviceaccount', 'files', true],
    ])
    const files = (i: number) => (mounts[i]!.volume.kind === 'files' ? (mounts[i]!.volume as { files: Record<string, string> }).files : {})
    expect(files(1)).toEqual({ 'index.html': '<h1>hi</h1>' })
    expect(files(2)).toEqual({ password: 's3cret' })
    expect(files(3).namespace).toBe('default')
    expect(files(3).token?.split('.')).toHaveLength(3)
  })
})

describe('the end of a container, as the runtime reports it', () => {
  it('an OOM kill: terminated OOMKilled with 137, restarted, lastState keeps it (item 1)', () => {
    const { engine } = cluster((c) => (c.podName === 'hog' ? { kind: 'exits', afterMs: 2_000, exitCode: 137, reason: 'OOMKilled' } : undefined))
    engine.create(podOf('hog', { containers: [{ name: 'hog', image: 'nginx' }] }))
    engine.advance(9_000)
    expect(statusOf(engine, 'hog')?.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' })
    expect(statusOf(engine, 'hog')?.restartCount).toBe(1)
  })

  it('a termination message reaches state.terminated as written; the signal does not (the kubelet never sets terminated.signal)', () => {
    const { engine } = cluster((c) =>
      c.podName === 'msg' ? { kind: 'exits', afterMs: 1_000, exitCode: 143, reason: 'Error', signal: 'SIGTERM', message: 'goodbye\n' } : undefined,
    )
    engine.create(podOf('msg', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'nginx' }] }))
    engine.advance(15_000)
    expect(statusOf(engine, 'msg')?.state.terminated).toMatchObject({ exitCode: 143, reason: 'Error', message: 'goodbye\n' })
    expect(statusOf(engine, 'msg')?.state.terminated).not.toHaveProperty('signal')
    expect(pod(engine, 'msg').status?.phase).toBe('Failed')
  })
})

describe('starts the runtime refuses, and images the kubelet refuses (item 1)', () => {
  it('an executable missing from the image: Created, Failed with containerd\'s text, RunContainerError, then StartError 128 in lastState and CrashLoopBackOff', () => {
    const { engine } = cluster((c) => (c.command?.[0] === 'foo' ? { reason: 'StartError', message: MISSING_EXECUTABLE, exitCode: 128 } : undefined))
    engine.create(podOf('nofoo', { containers: [{ name: 'c', image: 'busybox', command: ['foo'] }] }))
    engine.advance(3_000) // pulled at 2.2 s: the first start fails
    const first = statusOf(engine, 'nofoo')!
    expect(first.state.waiting).toEqual({ reason: 'RunContainerError', message: MISSING_EXECUTABLE })
    expect(first.lastState.terminated).toMatchObject({ exitCode: 128, reason: 'StartError', message: MISSING_EXECUTABLE, startedAt: '1970-01-01T00:00:00Z' })
    expect(first.restartCount).toBe(0)
    expect(getPods(engine)).toMatch(/^nofoo +0\/1 +RunContainerError +0 /m)
    const failed = eventsFor(engine, 'nofoo').filter((e) => e.reason === 'Failed')
    expect(failed.map((e) => `${e.type} ${e.message}`)).toEqual([`Warning Error: ${MISSING_EXECUTABLE}`])
    expect(eventsFor(engine, 'nofoo').map((e) => e.reason)).toContain('Created')
    expect(eventsFor(engine, 'nofoo').map((e) => e.reason)).not.toContain('Started')
    // The next sync starts it again (no back-off yet); it fails again and backs off 10 s.
    engine.advance(2_000)
    expect(statusOf(engine, 'nofoo')?.restartCount).toBe(1)
    engine.advance(2_000)
    expect(statusOf(engine, 'nofoo')?.state.waiting?.reason).toBe('CrashLoopBackOff')
    expect(getPods(engine)).toMatch(/^nofoo +0\/1 +CrashLoopBackOff +1 /m)
  })

  it('under restartPolicy Never the StartError container stays terminated and the pod fails', () => {
    const { engine } = cluster(() => ({ reason: 'StartError', message: MISSING_EXECUTABLE, exitCode: 128 }))
    engine.create(podOf('once', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['foo'] }] }))
    engine.advance(10_000)
    expect(statusOf(engine, 'once')?.state.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' })
    expect(pod(engine, 'once').status?.phase).toBe('Failed')
  })

  it('image: Controller:Latest is InvalidImageName before any pull, with the InspectFailed and Failed events, retried on the sync back-off', () => {
    const { engine, runtime } = cluster()
    engine.create(podOf('bad', { containers: [{ name: 'controller', image: 'Controller:Latest' }] }))
    engine.advance(5_000)
    const check = invalidImageName('Controller:Latest')
    if (!check) throw new Error('Controller:Latest must not parse')
    expect(check.message.startsWith('Failed to apply default image tag "Controller:Latest": couldn\'t parse image name "Controller:Latest": invalid reference format')).toBe(true)
    expect(statusOf(engine, 'bad')?.state.waiting).toEqual({ reason: 'InvalidImageName', message: check.message })
    expect(eventsFor(engine, 'bad').map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      expect.stringMatching(/^Normal Scheduled /),
      `Warning InspectFailed ${check.message}`,
      'Warning Failed Error: InvalidImageName',
    ])
    expect(getPods(engine)).toMatch(/^bad +0\/1 +InvalidImageName +0 /m)
    engine.advance(60_000)
    expect(eventsFor(engine, 'bad').find((e) => e.reason === 'InspectFailed')?.count).toBeGreaterThanOrEqual(3)
    expect(runtime().started.filter((c) => c.podName === 'bad')).toEqual([])
  })
})

describe('stops go to the runtime with the grace period', () => {
  it('pod deletion: StopContainer with terminationGracePeriodSeconds (30 s); the pod goes once the runtime reports the end', () => {
    const { engine, runtime } = cluster()
    engine.create(podOf('web', { containers: [{ name: 'nginx', image: 'nginx' }] }))
    engine.advance(10_000)
    const id = runtime().started.find((c) => c.podName === 'web')!.containerId
    engine.delete('pods', 'default', 'web', {})
    expect(runtime().stops).toMatchObject([{ containerId: id, graceMs: 30_000 }])
    engine.advance(1_000) // nginx leaves on SIGQUIT in 180 ms
    expect(engine.list('pods', 'default').items.map((p) => p.metadata.name)).toEqual([])
  })

  it('a new image: StopContainer, then the replacement is started whatever the restart policy', () => {
    const { engine, runtime } = cluster()
    engine.create(podOf('swap', { restartPolicy: 'Never', terminationGracePeriodSeconds: 5, containers: [{ name: 'c', image: 'nginx' }] }))
    engine.advance(10_000)
    const p = pod(engine, 'swap')
    engine.update({ ...p, spec: { ...p.spec, containers: [{ ...p.spec.containers[0]!, image: 'nginx:1.27' }] } })
    expect(runtime().stops.map((s) => s.graceMs)).toEqual([5_000])
    engine.advance(10_000)
    expect(runtime().started.filter((c) => c.podName === 'swap').map((c) => c.image)).toEqual(['docker.io/library/nginx:latest', 'docker.io/library/nginx:1.27'])
    expect(statusOf(engine, 'swap')).toMatchObject({ restartCount: 1, state: { running: {} } })
  })
})

describe('sidecars on deletion (terminationOrdering, SidecarContainers on in 1.32)', () => {
  const sidecarPod = (app: Record<string, unknown>, grace: number) =>
    podOf('side', {
      terminationGracePeriodSeconds: grace,
      initContainers: [{ name: 'proxy', image: 'busybox', restartPolicy: 'Always', command: ['sleep', 'infinity'] }],
      containers: [{ name: 'app', ...app }],
    })
  const stopsOf = (runtime: ReturnType<ReturnType<typeof cluster>['runtime']>, deletedAt: number) => {
    const name = new Map(runtime.started.filter((c) => c.podName === 'side').map((c) => [c.containerId, c.containerName]))
    return runtime.stops.map((s) => `${name.get(s.containerId)} +${(s.at - deletedAt) / 1000}s grace ${s.graceMs / 1000}s`)
  }

  it('the sidecar is stopped only after the app container has ended, with the grace period left', () => {
    const { engine, runtime } = cluster()
    engine.create(sidecarPod({ image: 'nginx' }, 30))
    engine.advance(15_000)
    const deletedAt = Date.parse(engine.clock().now)
    engine.delete('pods', 'default', 'side', {})
    engine.advance(60_000)
    // nginx leaves 180 ms after its SIGQUIT; busybox sleep (PID 1) ignores SIGTERM and is killed at the end.
    expect(stopsOf(runtime(), deletedAt)).toEqual(['app +0s grace 30s', 'proxy +0.18s grace 30s'])
    expect(engine.list('pods', 'default').items).toEqual([])
    expect(eventsFor(engine, 'side').filter((e) => e.reason === 'Killing').map((e) => e.message)).toEqual(['Stopping container proxy', 'Stopping container app'])
  })

  it('a sidecar still waiting when the grace period runs out is stopped then, with the 2 s minimum', () => {
    const { engine, runtime } = cluster()
    engine.create(sidecarPod({ image: 'busybox', command: ['sleep', 'infinity'] }, 10))
    engine.advance(15_000)
    const deletedAt = Date.parse(engine.clock().now)
    engine.delete('pods', 'default', 'side', {})
    engine.advance(11_000)
    expect(engine.list('pods', 'default').items.map((p) => p.metadata.name)).toEqual(['side'])
    engine.advance(2_000)
    expect(stopsOf(runtime(), deletedAt)).toEqual(['app +0s grace 10s', 'proxy +10s grace 2s'])
    expect(engine.list('pods', 'default').items).toEqual([])
  })
})

describe('the restart back-off', () => {
  it('is reset once a container has run for 10 minutes: restarted at once, without CrashLoopBackOff (k8s-behaviour.md §3)', () => {
    let starts = 0
    const { engine } = cluster((c) => {
      if (c.podName !== 'flaky') return undefined
      starts += 1
      return { kind: 'exits', afterMs: starts <= 2 ? 1_000 : 11 * 60_000, exitCode: 1 }
    })
    engine.create(podOf('flaky', { containers: [{ name: 'c', image: 'nginx' }] }))
    engine.advance(30_000) // two quick crashes: the second backs off 10 s
    expect(eventsFor(engine, 'flaky').filter((e) => e.reason === 'BackOff').map((e) => e.count)).toEqual([1])
    engine.advance(11 * 60_000) // the third ran 11 minutes
    const s = statusOf(engine, 'flaky')!
    expect(s.restartCount).toBe(3)
    expect(s.state.running).toBeDefined()
    expect(eventsFor(engine, 'flaky').filter((e) => e.reason === 'BackOff').map((e) => e.count)).toEqual([1])
  })
})

describe('cluster files from before issue 8', () => {
  it('a container recorded as running with a predicted exit (no runtime container) still ends then, with that code, and is restarted through the runtime', () => {
    const { engine, path } = cluster(() => ({ kind: 'serves' }))
    engine.create(podOf('old', { containers: [{ name: 'c', image: 'nginx' }] }))
    engine.advance(10_000)
    const now = engine.clock().now
    engine.close()
    const db = new Database(path)
    const row = db.prepare('SELECT node, value FROM node_state WHERE key = ?').get(runtimeKey('default', 'old')) as { node: string; value: string }
    const rt = JSON.parse(row.value) as { containers: Record<string, Record<string, unknown>> }
    const c = rt.containers.c!
    delete c.cri
    c.containerId = 'f'.repeat(64)
    c.exit = { at: Date.parse(now) + 5_000, code: 3 }
    db.prepare('UPDATE node_state SET value = ? WHERE node = ? AND key = ?').run(JSON.stringify(rt), row.node, runtimeKey('default', 'old'))
    // The kubelet of then asked to be woken at the predicted end.
    db.prepare("INSERT INTO timers (due_ms, queue, key) VALUES (?, 'kubelet', ?)").run(Date.parse(now) + 5_000, `${row.node}|default/old`)
    db.close()
    const again = openCluster(path, { mode: 'manual' })
    closeAfter(again)
    again.advance(4_000)
    expect(statusOf(again, 'old')?.state.running).toBeDefined()
    again.advance(2_000)
    const s = statusOf(again, 'old')!
    expect(s.lastState.terminated).toMatchObject({ exitCode: 3, reason: 'Error', containerID: `containerd://${'f'.repeat(64)}` })
    expect(s.restartCount).toBe(1)
    expect(s.state.running).toBeDefined()
  })
})
