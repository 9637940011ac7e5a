import { describe, expect, it } from 'vitest'
import { Cluster } from '../cluster'
import { openWorld } from '../controller/testing/world'
import { MYNGINX, pod, tmpFile } from '../testing/cluster'
import { CommandLog } from '../store/command-log'
import { takeExpectedEnd } from '../kubelet/transitions'
import { chaosCluster, refusal } from './testing/chaos-cluster'

describe('chaos kill and oom reach the container only through the runtime', () => {
  it('kill sends the signal (SIGKILL by default) to the running container on its node, and leaves the cause for the kubelet', () => {
    const { world, engine, calls } = chaosCluster()
    engine.create(MYNGINX)
    engine.advance(30_000)
    const p = pod(engine)
    const id = (p.status?.containerStatuses?.[0]?.containerID ?? '').replace('containerd://', '')
    expect(engine.chaos({ op: 'kill', pod: 'mynginx' })).toEqual({ summary: 'pod/mynginx: sent SIGKILL to container nginx' })
    expect(engine.chaos({ op: 'kill', pod: 'mynginx', signal: 'term' }).summary).toBe('pod/mynginx: sent SIGTERM to container nginx')
    expect(engine.chaos({ op: 'kill', pod: 'mynginx', signal: '3' }).summary).toBe('pod/mynginx: sent SIGQUIT to container nginx')
    expect(calls).toEqual([
      { call: 'signal', node: p.spec.nodeName, id, signal: 'SIGKILL' },
      { call: 'signal', node: p.spec.nodeName, id, signal: 'SIGTERM' },
      { call: 'signal', node: p.spec.nodeName, id, signal: 'SIGQUIT' },
    ])
    expect(takeExpectedEnd(world, p.spec.nodeName ?? '', id)).toEqual({ kind: 'chaos', signal: 'SIGQUIT' })
    expect(takeExpectedEnd(world, p.spec.nodeName ?? '', id)).toBeUndefined()
    engine.close()
  })

  it('oom asks the kernel OOM killer, and leaves a chaos SIGKILL cause for the kubelet', () => {
    const { world, engine, calls } = chaosCluster()
    engine.create(MYNGINX)
    engine.advance(30_000)
    const p = pod(engine)
    const id = (p.status?.containerStatuses?.[0]?.containerID ?? '').replace('containerd://', '')
    expect(engine.chaos({ op: 'oom', pod: 'mynginx', container: 'nginx' }).summary).toBe('pod/mynginx: container nginx OOM-killed')
    expect(calls).toEqual([{ call: 'oom', node: p.spec.nodeName, id }])
    expect(takeExpectedEnd(world, p.spec.nodeName ?? '', id)).toEqual({ kind: 'chaos', signal: 'SIGKILL' })
    engine.close()
  })

  it('picks the container as kubectl exec does: the first, with kubectl’s Defaulted notice when there are several', () => {
    const { engine, calls } = chaosCluster()
    engine.create({ ...MYNGINX, metadata: { name: 'two' }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox', command: ['sleep', '3600'] }] } })
    engine.advance(30_000)
    expect(engine.chaos({ op: 'kill', pod: 'two' })).toEqual({ summary: 'pod/two: sent SIGKILL to container a', notice: 'Defaulted container "a" out of: a, b' })
    expect(engine.chaos({ op: 'kill', pod: 'two', container: 'b' }).notice).toBeUndefined()
    expect(calls).toHaveLength(2)
    engine.close()
  })

  it('refuses with kubectl’s and the API server’s words, and writes nothing when refused', () => {
    const { world, engine, calls } = chaosCluster()
    engine.create(MYNGINX)
    expect(refusal(() => engine.chaos({ op: 'kill', pod: 'nope' }))).toBe('ApiError: pods "nope" not found')
    expect(refusal(() => engine.chaos({ op: 'kill', pod: 'mynginx', container: 'x' }))).toBe('ContainerNotFound: container x not found in pod mynginx')
    expect(refusal(() => engine.chaos({ op: 'kill', pod: 'mynginx' }))).toBe('NotRunning: container nginx in pod mynginx is not running')
    engine.advance(30_000)
    expect(refusal(() => engine.chaos({ op: 'kill', pod: 'mynginx', signal: 'BOGUS' }))).toMatch(/^BadSignal: unknown signal "BOGUS"/)
    expect(calls).toEqual([])
    const commands = new CommandLog(world.db, 'cli').since().map((c) => c.call)
    expect(commands).not.toContain('chaos')
    engine.close()
  })

  it('a pod on a stopped node is refused (NodeStopped): its status still says running but nothing runs there', () => {
    const { engine, calls } = chaosCluster()
    engine.create(MYNGINX)
    engine.advance(30_000)
    const node = pod(engine).spec.nodeName!
    engine.powerNode(node, 'stop')
    expect(pod(engine).status?.containerStatuses?.[0]?.state.running).toBeDefined()
    expect(refusal(() => engine.chaos({ op: 'kill', pod: 'mynginx' }))).toBe(`NodeStopped: node ${node} is stopped: no container of pod mynginx runs there (podlab node start ${node} powers it on)`)
    expect(refusal(() => engine.chaos({ op: 'oom', pod: 'mynginx' }))).toMatch(/^NodeStopped: /)
    expect(calls).toEqual([])
    engine.close()
  })

  it('a container that ended meanwhile is NotRunning and its cause is rolled back', () => {
    const { world, engine } = chaosCluster('not-running')
    engine.create(MYNGINX)
    engine.advance(30_000)
    const p = pod(engine)
    const id = (p.status?.containerStatuses?.[0]?.containerID ?? '').replace('containerd://', '')
    expect(refusal(() => engine.chaos({ op: 'kill', pod: 'mynginx' }))).toBe('NotRunning: container nginx in pod mynginx is not running')
    expect(takeExpectedEnd(world, p.spec.nodeName ?? '', id)).toBeUndefined()
    engine.close()
  })

  it('without a runtime wired in, kill is refused with a sentence saying so', () => {
    const world = openWorld(tmpFile(), [], { bare: true })
    const engine = new Cluster(world, world.clock)
    expect(refusal(() => engine.chaos({ op: 'kill', pod: 'mynginx' }))).toBe('NoRuntime: no container runtime runs in this cluster to reach the container through')
    engine.close()
  })

  it('each operation is one recorded command with its arguments (the file replays it)', () => {
    const { world, engine } = chaosCluster()
    engine.create(MYNGINX)
    engine.advance(30_000)
    engine.chaos({ op: 'kill', pod: 'mynginx', signal: 'TERM' })
    const last = new CommandLog(world.db, 'cli').since().at(-1)
    expect(last).toMatchObject({ door: 'cli', call: 'chaos', atMs: Date.parse('2025-01-01T00:00:30Z') })
    expect(JSON.parse(last?.payload ?? '')).toEqual({ operation: { op: 'kill', pod: 'mynginx', signal: 'TERM' } })
    engine.close()
  })

  it('delete-pod deletes with the grace period, as kubectl delete pod does', () => {
    const { engine } = chaosCluster()
    engine.create(MYNGINX)
    engine.advance(30_000)
    expect(engine.chaos({ op: 'delete-pod', pod: 'mynginx' }).summary).toBe('pod "mynginx" deleted')
    expect(pod(engine).metadata.deletionTimestamp).toBe('2025-01-01T00:01:00Z')
    engine.close()
  })
})
