// postStart and preStop through the Engine on the real runtime and images, as kuberuntime 1.32 runs them
// (kuberuntime_container.go startContainer step 4, killContainer / executePreStopHook).
import { describe, expect, it } from 'vitest'
import type { HostEngine } from '../../engine'
import type { Container } from '../../api/pods/types'
import { openCluster } from '../../open-cluster'
import { eventsFor, pod, row, tmpFile } from '../../testing/cluster'

const open = (): HostEngine => openCluster(tmpFile(), { mode: 'manual' })

const podOf = (name: string, container: Partial<Container>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { ...spec, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], ...container }] },
})

const statusOf = (engine: HostEngine, name: string) => pod(engine, name).status?.containerStatuses?.[0]
const said = (engine: HostEngine, name: string) => eventsFor(engine, name).map((e) => `${e.type} ${e.reason} ${e.message}`)
const gone = (engine: HostEngine, name: string) => !engine.list('pods', 'default').items.some((p) => p.metadata.name === name)

/** The virtual ms at which the pod's container was seen to end (its terminated transition). */
const endedAt = (engine: HostEngine, name: string) => engine.timeline('default', name).find((t) => t.to === 'terminated')?.at

describe('postStart', () => {
  it('an exec hook that ends well: the pod is Running and the hook ran in the container', () => {
    const engine = open()
    engine.create(podOf('greet', { image: 'nginx', command: undefined, lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', 'echo Hello from the postStart handler > /usr/share/message'] } } } }))
    engine.advance(20_000)
    expect(row(engine, 'greet')).toMatch(/^greet \| 1\/1 \| Running \| 0 \|/)
    expect(engine.exec({ namespace: 'default', pod: 'greet', command: ['cat', '/usr/share/message'] }).stdout).toBe('Hello from the postStart handler\n')
    expect(said(engine, 'greet').filter((e) => e.includes('Hook'))).toEqual([])
    engine.close()
  })

  it('a hook that sleeps 5 s in the container keeps the pod ContainerCreating until it ends; Started comes before it', () => {
    const engine = open()
    engine.create(podOf('slow', { lifecycle: { postStart: { exec: { command: ['sh', '-c', 'sleep 5'] } } } }))
    engine.advance(1_000)
    let started: number | undefined
    for (let i = 0; i < 30 && started === undefined; i++) {
      engine.advance(500)
      if (said(engine, 'slow').some((e) => e.startsWith('Normal Started'))) started = engine.clock().nowMs
    }
    expect(started).toBeDefined()
    engine.advance(4_000)
    expect(row(engine, 'slow')).toMatch(/^slow \| 0\/1 \| ContainerCreating \| 0 \|/)
    engine.advance(1_500)
    expect(row(engine, 'slow')).toMatch(/^slow \| 1\/1 \| Running \| 0 \|/)
    // running.startedAt (whole seconds) is the runtime's start, before the hook; the timeline's change to running its end.
    const startedAt = Date.parse(String(statusOf(engine, 'slow')?.state.running?.startedAt))
    const running = engine.timeline('default', 'slow').find((t) => t.to === 'running')!
    expect(Math.floor(running.at / 1000) * 1000 - startedAt).toBe(5_000)
    engine.close()
  })

  it('a failing exec hook: FailedPostStartHook, Killing "FailedPostStartHook", PostStartHookError, restarts, then CrashLoopBackOff', () => {
    const engine = open()
    engine.create(podOf('badhook', { image: 'nginx', command: undefined, lifecycle: { postStart: { exec: { command: ['sh', '-c', 'echo no >&2; exit 1'] } } } }))
    const uid = pod(engine, 'badhook').metadata.uid
    const message = `Exec lifecycle hook ([sh -c echo no >&2; exit 1]) for Container "c" in Pod "badhook_default(${uid})" failed - error: command 'sh -c echo no >&2; exit 1' exited with 1: no\n, message: "no\\n"`
    const seen: string[] = []
    for (let i = 0; i < 100; i++) {
      const s = statusOf(engine, 'badhook')
      const shown = s?.state.waiting ? `${s.state.waiting.reason}:${s.restartCount}` : ''
      if (shown !== '' && shown !== seen.at(-1)) seen.push(shown)
      if (s?.state.waiting?.reason === 'PostStartHookError') expect(s.state.waiting.message).toBe(message)
      engine.advance(500)
    }
    const events = said(engine, 'badhook')
    const started = events.indexOf('Normal Started Started container c')
    expect(events.slice(started, started + 3)).toEqual([
      'Normal Started Started container c',
      'Warning FailedPostStartHook PostStartHook failed',
      'Normal Killing FailedPostStartHook',
    ])
    // The first failure is restarted at once (after the pod worker's resync), the next ones behind the back-off.
    expect(seen.slice(0, 4)).toEqual(['ContainerCreating:0', 'PostStartHookError:0', 'PostStartHookError:1', 'CrashLoopBackOff:1'])
    expect(seen).toContain('CrashLoopBackOff:2')
    expect(statusOf(engine, 'badhook')!.restartCount).toBeGreaterThanOrEqual(2)
    const causes = engine.timeline('default', 'badhook').map((t) => t.cause.kind)
    expect(causes).toContain('post-start-failed')
    expect(causes).not.toContain('started')
    engine.close()
  })

  it('an httpGet hook to a port nobody listens on fails with the dial error', () => {
    const engine = open()
    engine.create(podOf('nohttp', { image: 'nginx', command: undefined, lifecycle: { postStart: { httpGet: { path: '/ready', port: 8080 } } } }))
    const uid = pod(engine, 'nohttp').metadata.uid
    // The handler's message is the reason cache's, shown while the dead container waits for its restart.
    let message: string | undefined
    for (let i = 0; i < 120 && message === undefined; i++) {
      const w = statusOf(engine, 'nohttp')?.state.waiting
      if (w?.reason === 'PostStartHookError') message = w.message
      engine.advance(250)
    }
    expect(said(engine, 'nohttp')).toContain('Warning FailedPostStartHook PostStartHook failed')
    const ip = pod(engine, 'nohttp').status?.podIP
    expect(message).toBe(
      `HTTP lifecycle hook (/ready) for Container "c" in Pod "nohttp_default(${uid})" failed - error: Get "http://${ip}:8080/ready": dial tcp ${ip}:8080: connect: connection refused`,
    )
    engine.close()
  })
})

describe('preStop', () => {
  /** Creates `name`, lets it run, deletes it; returns the virtual ms of the deletion. */
  const runThenDelete = (engine: HostEngine, name: string, container: Partial<Container>, spec: Record<string, unknown> = {}) => {
    engine.create(podOf(name, container, spec))
    engine.advance(15_000)
    expect(statusOf(engine, name)?.state.running).toBeDefined()
    engine.delete('pods', 'default', name, {})
    return engine.clock().nowMs
  }

  it('a sleep of 5 s delays the stop signal: nginx ends 5 s later than without the hook', () => {
    const engine = open()
    const plain = runThenDelete(engine, 'plain', { image: 'nginx', command: undefined })
    engine.advance(10_000)
    const hooked = runThenDelete(engine, 'hooked', { image: 'nginx', command: undefined, lifecycle: { preStop: { sleep: { seconds: 5 } } } })
    engine.advance(4_900)
    expect(gone(engine, 'hooked')).toBe(false)
    engine.advance(10_000)
    expect(gone(engine, 'plain') && gone(engine, 'hooked')).toBe(true)
    expect(endedAt(engine, 'hooked')! - hooked - (endedAt(engine, 'plain')! - plain)).toBe(5_000)
    engine.close()
  })

  it('a hook longer than the grace period is cut at it, and SIGKILL comes 2 s later (minimumGracePeriodInSeconds)', () => {
    const engine = open()
    const at = runThenDelete(engine, 'stubborn', { lifecycle: { preStop: { exec: { command: ['sleep', '60'] } } } }, { terminationGracePeriodSeconds: 3 })
    engine.advance(4_900)
    expect(gone(engine, 'stubborn')).toBe(false)
    engine.advance(200)
    expect(gone(engine, 'stubborn')).toBe(true)
    const end = engine.timeline('default', 'stubborn').find((t) => t.to === 'terminated')!
    expect([end.at - at, end.exitCode, end.cause.kind]).toEqual([5_000, 137, 'pod-deleted'])
    engine.close()
  })

  it('a failing hook: Killing, then FailedPreStopHook without the handler\'s message, and the pod still goes away', () => {
    const engine = open()
    runThenDelete(engine, 'failstop', { image: 'nginx', command: undefined, lifecycle: { preStop: { exec: { command: ['sh', '-c', 'exit 3'] } } } })
    engine.advance(5_000)
    expect(gone(engine, 'failstop')).toBe(true)
    expect(said(engine, 'failstop').slice(-2)).toEqual(['Normal Killing Stopping container c', 'Warning FailedPreStopHook PreStopHook failed'])
    engine.close()
  })

  it("a sidecar's preStop runs when the pod's kill begins; its stop signal waits for the hook and for the app container", () => {
    const engine = open()
    const sidecar = { name: 'side', image: 'redis', restartPolicy: 'Always', lifecycle: { preStop: { sleep: { seconds: 3 } } } }
    engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'withside' }, spec: { initContainers: [sidecar], containers: [{ name: 'app', image: 'nginx' }] } })
    engine.advance(30_000)
    expect(row(engine, 'withside')).toMatch(/^withside \| 2\/2 \| Running \|/)
    engine.delete('pods', 'default', 'withside', {})
    const at = engine.clock().nowMs
    engine.advance(10_000)
    expect(gone(engine, 'withside')).toBe(true)
    const ends = engine.timeline('default', 'withside').filter((t) => t.to === 'terminated').map((t) => [t.container, t.at - at])
    expect(ends).toEqual([
      ['app', 180],
      // redis (not a second nginx: two nginx in one pod cannot both bind port 80) ends at once on its SIGTERM.
      ['side', 3_000],
    ])
    engine.close()
  })

  it('a pod deleted while its postStart hook runs still goes away', () => {
    const engine = open()
    engine.create(podOf('midhook', { image: 'nginx', command: undefined, lifecycle: { postStart: { sleep: { seconds: 25 } } } }))
    engine.advance(20_000)
    expect(row(engine, 'midhook')).toMatch(/^midhook \| 0\/1 \| ContainerCreating \|/)
    engine.delete('pods', 'default', 'midhook', {})
    engine.advance(2_000)
    expect(gone(engine, 'midhook')).toBe(true)
    expect(engine.timeline('default', 'midhook').map((t) => [t.from, t.to, t.cause.kind])).toEqual([['waiting', 'terminated', 'pod-deleted']])
    engine.close()
  })

  it('a new image: the preStop hook runs before the old container is stopped, then it is replaced', () => {
    const engine = open()
    engine.create(podOf('swap', { image: 'nginx', command: undefined, lifecycle: { preStop: { sleep: { seconds: 4 } } } }))
    engine.advance(15_000)
    const current = pod(engine, 'swap')
    engine.update({ ...current, spec: { ...current.spec, containers: [{ ...current.spec.containers[0]!, image: 'nginx:1.27' }] } })
    const changedAt = engine.clock().nowMs
    engine.advance(30_000)
    // nginx's graceful quit on SIGQUIT takes 180 ms: its end is the hook's 4 s plus that after the kill.
    const end = engine.timeline('default', 'swap').find((t) => t.to === 'terminated')!
    expect([end.at - changedAt, end.cause.kind]).toEqual([4_180, 'definition-changed'])
    expect(statusOf(engine, 'swap')).toMatchObject({ restartCount: 1, image: 'docker.io/library/nginx:1.27' })
    engine.close()
  })
})

describe("the docs' preStop example (Container Lifecycle Hooks / Attach Handlers)", () => {
  const docs = { preStop: { exec: { command: ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done'] } } }

  it('nginx -s quit stops the master gracefully; the nginx image has no killall (no psmisc), so the loop ends at once', () => {
    const engine = open()
    engine.create(podOf('docs', { image: 'nginx', command: undefined, lifecycle: docs }))
    engine.advance(20_000)
    expect(engine.exec({ namespace: 'default', pod: 'docs', command: ['/bin/sh', '-c', 'nginx -s quit; while killall -0 nginx; do sleep 1; done'] })).toMatchObject({
      exitCode: 0,
      stderr: expect.stringMatching(/\[notice\] \d+#\d+: signal process started\n\/bin\/sh: 1: killall: not found\n$/),
    })
    engine.advance(1_000)
    expect(statusOf(engine, 'docs')?.restartCount).toBe(1)
    engine.close()
  })

  it('deleting the pod runs it: nginx is gone 180 ms later (its graceful quit), no FailedPreStopHook', () => {
    const engine = open()
    engine.create(podOf('docs', { image: 'nginx', command: undefined, lifecycle: docs }))
    engine.advance(20_000)
    engine.delete('pods', 'default', 'docs', {})
    const at = engine.clock().nowMs
    engine.advance(1_000)
    expect(gone(engine, 'docs')).toBe(true)
    expect(endedAt(engine, 'docs')! - at).toBe(180)
    expect(said(engine, 'docs').filter((e) => e.includes('PreStopHook'))).toEqual([])
    engine.close()
  })
})
