// Issue 11 item 8: each UI action runs as the command line it shows, through the console's line runner, on a
// real engine: the ReplicaSet replaces a deleted pod, a killed container restarts, a node stops and starts.

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Action, Delta } from '../../contract'
import type { HostEngine } from '../../engine'
import { openCluster } from '../../engine'
import { tmpFile } from '../../engine/testing/cluster'
import type { Pod } from '../../engine/api/pods/types'
import { Session } from '../session'
import { MAX_RATE_PER_MINUTE } from '../../engine/chaos/random-mode'
import { MAX_CHAOS_RATE_PER_MINUTE } from '../../contract'

const WEB = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
}

let engine: HostEngine
let session: Session
let deltas: Delta[]

beforeEach(() => {
  engine = openCluster(tmpFile(), { mode: 'manual', seed: '8' })
  deltas = []
  session = new Session(engine, (d) => deltas.push(d))
})
afterEach(() => {
  session.close()
  engine.close()
})

const pods = () => (engine.list('pods', 'default').items as Pod[]).filter((p) => !p.metadata.deletionTimestamp)
const names = () => pods().map((p) => p.metadata.name).sort()

/** Runs an action through the session; resolves with its command, output and exit status once its job ends. */
async function act(action: Action): Promise<{ command: string; stdout: string; stderr: string; code: number }> {
  const reply = session.call('actions.run', { action })
  if (!reply.ok) throw new Error(reply.error.message)
  const { command, job } = reply.result as { command: string; job: string }
  for (let i = 0; i < 200; i++) {
    const exit = deltas.find((d) => d.type === 'console-exit' && d.job === job)
    if (exit && exit.type === 'console-exit') {
      const text = (stream: string) =>
        deltas.filter((d) => d.type === 'console' && d.job === job && d.stream === stream).map((d) => (d.type === 'console' ? d.text : '')).join('')
      return { command, stdout: text('stdout'), stderr: text('stderr'), code: exit.code }
    }
    await new Promise((r) => setTimeout(r, 5))
  }
  throw new Error(`job ${job} did not end`)
}

describe('actions.run', () => {
  it('deletes a pod with kubectl delete, and the ReplicaSet makes a replacement', async () => {
    engine.create(WEB)
    engine.advance(30_000)
    const before = names()
    expect(before).toHaveLength(2)
    const victim = before[0]!
    const ran = await act({ kind: 'delete-pod', namespace: 'default', pod: victim })
    expect(ran).toEqual({ command: `kubectl delete pod ${victim} -n default`, stdout: `pod "${victim}" deleted\n`, stderr: '', code: 0 })
    engine.advance(5_000)
    const after = names()
    expect(after).toHaveLength(2)
    expect(after).not.toContain(victim)
    expect(after).toContain(before[1])
  })

  it('kills a container with podlab chaos kill, and the kubelet restarts it (restartCount 1)', async () => {
    engine.create(WEB)
    engine.advance(30_000)
    const target = names()[0]!
    const ran = await act({ kind: 'kill-container', namespace: 'default', pod: target, container: 'nginx' })
    expect(ran.command).toBe(`podlab chaos kill ${target} -c nginx -n default`)
    expect(ran.code).toBe(0)
    engine.advance(15_000)
    const pod = engine.get('pods', 'default', target) as Pod
    expect(pod.status?.containerStatuses?.[0]?.restartCount).toBe(1)
    expect(pod.status?.containerStatuses?.[0]?.lastState?.terminated?.exitCode).toBe(137)
  })

  it("prints kubectl's error for a pod that is not there, with exit status 1", async () => {
    const ran = await act({ kind: 'delete-pod', namespace: 'default', pod: 'nothere' })
    expect(ran).toMatchObject({ stdout: '', stderr: 'Error from server (NotFound): pods "nothere" not found\n', code: 1 })
  })

  it('scales a Deployment, and its ReplicaSet makes the pods', async () => {
    engine.create(WEB)
    engine.advance(10_000)
    const ran = await act({ kind: 'scale', namespace: 'default', deployment: 'web', replicas: 3 })
    expect(ran).toMatchObject({ command: 'kubectl scale deployment/web --replicas=3 -n default', stdout: 'deployment.apps/web scaled\n', code: 0 })
    engine.advance(5_000)
    expect(names()).toHaveLength(3)
  })

  it('stops and starts a node with podlab node, cordons it with kubectl', async () => {
    const node = (engine.list('nodes', undefined).items[0]!.metadata.name as string) ?? ''
    expect(await act({ kind: 'cordon', node })).toMatchObject({ stdout: `node/${node} cordoned\n`, code: 0 })
    expect(engine.get('nodes', undefined, node).spec).toMatchObject({ unschedulable: true })
    expect(await act({ kind: 'stop-node', node })).toMatchObject({ command: `podlab node stop ${node}`, stdout: `node/${node} stopped\n`, code: 0 })
    expect(await act({ kind: 'start-node', node })).toMatchObject({ stdout: `node/${node} started\n`, code: 0 })
  })

  it('drains a worker with kubectl drain --ignore-daemonsets: cordoned, its pods evicted', async () => {
    engine.create(WEB)
    engine.advance(30_000)
    const node = (engine.get('pods', 'default', names()[0]!).spec as { nodeName: string }).nodeName
    const ran = await act({ kind: 'drain', node })
    expect(ran.command).toBe(`kubectl drain ${node} --ignore-daemonsets`)
    // kubectl's own warning: the node's DaemonSet pods (kindnet, kube-proxy) stay.
    expect(ran.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: kube-system\/kindnet-\S+, kube-system\/kube-proxy-\S+\n$/)
    expect(ran.code).toBe(0)
    expect(ran.stdout).toMatch(new RegExp(`^node/${node} cordoned\n`))
    expect(ran.stdout).toMatch(new RegExp(`node/${node} drained\n$`))
    engine.advance(10_000)
    expect(pods().filter((p) => p.spec?.nodeName === node)).toEqual([])
  })

  it('rolls out a new image with kubectl set image, and undoes it with kubectl rollout undo', async () => {
    engine.create(WEB)
    engine.advance(30_000)
    const image = () => (engine.get('deployments', 'default', 'web').spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image
    const set = await act({ kind: 'set-image', namespace: 'default', deployment: 'web', container: 'nginx', image: 'nginx:1.27' })
    expect(set).toMatchObject({ command: 'kubectl set image deployment/web nginx=nginx:1.27 -n default', stdout: 'deployment.apps/web image updated\n', code: 0 })
    expect(image()).toBe('nginx:1.27')
    engine.advance(60_000)
    const undo = await act({ kind: 'rollout-undo', namespace: 'default', deployment: 'web' })
    expect(undo).toMatchObject({ stdout: 'deployment.apps/web rolled back\n', code: 0 })
    expect(image()).toBe('nginx')
  })

  it('turns random chaos on and off with podlab chaos random and stop', async () => {
    const on = await act({ kind: 'chaos-on', ratePerMinute: 2 })
    expect(on).toMatchObject({ command: 'podlab chaos random --rate 2', code: 0 })
    expect(on.stdout).toMatch(/^random chaos: 2 per minute/)
    expect(await act({ kind: 'chaos-off' })).toMatchObject({ command: 'podlab chaos stop', code: 0 })
    expect((await act({ kind: 'chaos-off' })).code).toBe(1)
  })

  it("bounds the chaos rate as the engine's random mode does", () => {
    expect(MAX_CHAOS_RATE_PER_MINUTE).toBe(MAX_RATE_PER_MINUTE)
  })

  it('refuses exec, whose shell needs the console terminal, and a hostile name before anything runs', () => {
    const exec = session.call('actions.run', { action: { kind: 'exec', namespace: 'default', pod: 'web' } })
    expect(exec).toEqual({
      ok: false,
      error: { reason: 'BadRequest', message: 'actions.run: kubectl exec -it web -n default -- sh opens an interactive shell; run it in the console (console.run)' },
    })
    const hostile = session.call('actions.run', { action: { kind: 'delete-pod', namespace: 'default', pod: 'web && kubectl delete ns default' } })
    expect(hostile.ok).toBe(false)
    expect(deltas).toEqual([])
  })
})

describe('clock.stepToNextEvent', () => {
  it('advances the clock to exactly the next scheduled event', () => {
    engine.create(WEB)
    const next = engine.nextEventAt()!
    const reply = session.call('clock.stepToNextEvent', {})
    expect(reply).toMatchObject({ ok: true, result: { stepped: true, clock: { nowMs: next } } })
  })
})
