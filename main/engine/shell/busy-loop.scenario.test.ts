// Shell loops that never wait, on the real runtime (a fresh user's issue 8 report): a string doubled at every
// turn meets the container's memory limit (OOMKilled, 137, as the cgroup's OOM killer ends it), and a loop of
// `:` runs on while the rest of the cluster moves on.
import { describe, expect, it } from 'vitest'
import { openCluster } from '../open-cluster'
import { pod, tmpFile } from '../testing/cluster'

const loopPod = (name: string, script: string, memory?: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', script], ...(memory ? { resources: { limits: { memory } } } : {}) }] },
})

describe('a shell loop that never waits', () => {
  it('x=$x$x with limits.memory 64Mi is OOMKilled (exit 137) within a second of starting; the pod is Failed', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(loopPod('hog', 'x=a; while true; do x=$x$x; done', '64Mi'))
    engine.advance(30_000)
    const status = pod(engine, 'hog').status!
    expect(status.phase).toBe('Failed')
    const terminated = status.containerStatuses![0]!.state!.terminated!
    expect(terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' })
    expect(Date.parse(terminated.finishedAt!) - Date.parse(terminated.startedAt!)).toBeLessThanOrEqual(1_000)
    engine.close()
  })

  it('with no memory limit the string outgrows what Podlab can hold: the container is OOMKilled rather than the cluster stalled', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(loopPod('hog', 'x=a; while true; do x=$x$x; done'))
    engine.advance(30_000)
    const status = pod(engine, 'hog').status!
    expect(status.phase).toBe('Failed')
    expect(status.containerStatuses![0]!.state!.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' })
    engine.close()
  })

  it('`while true; do :; done` keeps running at bounded cost, and a pod created beside it starts and ends', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    engine.create(loopPod('spin', 'while true; do :; done'))
    engine.advance(5_000)
    engine.create(loopPod('other', 'echo done'))
    engine.advance(30_000)
    expect(pod(engine, 'spin').status!.containerStatuses![0]!.state!.running).toBeDefined()
    expect(pod(engine, 'other').status!.phase).toBe('Succeeded')
    engine.close()
  })
})
