// postStart and preStop hooks as kuberuntime runs them in 1.32: their failure events and messages, the kill
// after a failed postStart, and the grace preStop leaves (the 2 s floor).

import { describe, expect, it } from 'vitest'
import type { Container, Pod } from '../../api/pods/types'
import { FakeRuntime, type FakeContainer } from '../prober/testing/fake-runtime'
import { runHandler } from './handlers'
import { runPostStart } from './post-start'
import { planStop } from './pre-stop'

const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u1' }, spec: { terminationGracePeriodSeconds: 30, containers: [] } }

function target(behaviour: Partial<Omit<FakeContainer, 'files'>> & { files?: Record<string, string> } = {}) {
  const runtime = new FakeRuntime(() => 0)
  runtime.add({ node: 'n', id: 'c1', startedAt: 0, ...behaviour })
  return { runtime, node: 'n', containerId: 'c1', podIp: '10.244.0.11', newExecId: () => 'f'.repeat(64) }
}

const withHooks = (lifecycle: object): Container => ({ name: 'nginx', image: 'nginx', lifecycle })

describe('postStart', () => {
  it('an exec hook that ends well lets the container run at once', () => {
    const c = withHooks({ postStart: { exec: { command: ['true'] } } })
    expect(runPostStart(pod, c, target(), 5_000)).toEqual({ kind: 'done', doneAt: 5_000 })
  })

  it('a sleep hook holds Running back for its seconds', () => {
    const c = withHooks({ postStart: { sleep: { seconds: 5 } } })
    expect(runPostStart(pod, c, target(), 1_000)).toEqual({ kind: 'done', doneAt: 6_000 })
  })

  it('a failing exec hook: FailedPostStartHook without the message, killed as FailedPostStartHook, PostStartHookError', () => {
    const c = withHooks({ postStart: { exec: { command: ['sh', '-c', 'exit 1'] } } })
    const t = target({ exec: () => ({ exitCode: 1, stdout: 'out\n', stderr: 'bad\n' }) })
    expect(runPostStart(pod, c, t, 0)).toEqual({
      kind: 'failed',
      doneAt: 0,
      events: [{ type: 'Warning', reason: 'FailedPostStartHook', message: 'PostStartHook failed' }],
      kill: { message: 'FailedPostStartHook', graceSeconds: 30 },
      waiting: {
        reason: 'PostStartHookError',
        message:
          'Exec lifecycle hook ([sh -c exit 1]) for Container "nginx" in Pod "web_default(u1)" failed - error: command \'sh -c exit 1\' exited with 1: bad\n, message: "out\\nbad\\n"',
      },
    })
  })

  it('an httpGet hook fails only when no answer comes (a 500 is fine), with kube-lifecycle/1.32', () => {
    const c = withHooks({ postStart: { httpGet: { path: '/start', port: 80, scheme: 'HTTP' } } })
    const served = target({ serve: { 80: () => ({ status: 500, headers: {}, body: '' }) } })
    expect(runPostStart(pod, c, served, 0).kind).toBe('done')
    expect(served.runtime.calls[0]?.headers?.['User-Agent']).toBe('kube-lifecycle/1.32')
    const refused = runPostStart(pod, c, target(), 0)
    expect(refused.kind === 'failed' && refused.waiting.message).toBe(
      'HTTP lifecycle hook (/start) for Container "nginx" in Pod "web_default(u1)" failed - error: Get "http://10.244.0.11:80/start": dial tcp 10.244.0.11:80: connect: connection refused',
    )
  })

  it('the deprecated tcpSocket handler fails as an invalid handler', () => {
    const got = runHandler({ tcpSocket: { port: 80 } }, pod, withHooks({}), target(), 0)
    expect(got).toEqual({
      failed: true,
      tookMs: 0,
      message: 'Cannot run handler: invalid handler: &LifecycleHandler{Exec:nil,HTTPGet:nil,TCPSocket:&TCPSocketAction{Port:{0 80 },Host:,},Sleep:nil,}',
    })
  })
})

describe('preStop', () => {
  it('without a hook: the stop signal now with the whole grace', () => {
    expect(planStop(pod, withHooks({}), target(), 30, 1_000)).toEqual({ stopAt: 1_000, graceMs: 30_000, graceLeftSeconds: 30, events: [] })
  })

  it('a sleep hook takes its seconds off the grace', () => {
    expect(planStop(pod, withHooks({ preStop: { sleep: { seconds: 10 } } }), target(), 30, 0)).toEqual({ stopAt: 10_000, graceMs: 20_000, graceLeftSeconds: 20, events: [] })
  })

  it('a hook that outlasts the grace is cut at it, and the stop still gets the 2 s minimum', () => {
    expect(planStop(pod, withHooks({ preStop: { sleep: { seconds: 60 } } }), target(), 30, 0)).toEqual({ stopAt: 30_000, graceMs: 2_000, graceLeftSeconds: 0, events: [] })
  })

  it('a failing hook records FailedPreStopHook and the stop goes on', () => {
    const plan = planStop(pod, withHooks({ preStop: { exec: { command: ['nginx', '-s', 'quit'] } } }), target(), 30, 0)
    expect(plan).toEqual({ stopAt: 0, graceMs: 30_000, graceLeftSeconds: 30, events: [{ type: 'Warning', reason: 'FailedPreStopHook', message: 'PreStopHook failed' }] })
  })

  it('grace 0 skips the hook', () => {
    const t = target()
    expect(planStop(pod, withHooks({ preStop: { exec: { command: ['false'] } } }), t, 0, 0)).toEqual({ stopAt: 0, graceMs: 2_000, graceLeftSeconds: 0, events: [] })
    expect(t.runtime.calls).toEqual([])
  })
})
