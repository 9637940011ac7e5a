// `kubectl logs` on a real cluster (manual clock): the kubelet's refusal while a container is being created,
// the log as it grows, --tail/--since against the virtual clock, and -f as a Follow that hears each line as the
// clock runs and ends when the container ends.
import { describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine'
import { manualClusters } from '../../../engine/testing/cluster'
import { runKubectl } from '../../run-kubectl'

const cluster = manualClusters()
const kubectl = (engine: Engine, ...args: string[]) => runKubectl(args, { engine, readFile: () => '', readStdin: () => '' })

/** A pod whose one container prints a line every 2 s, three times, then exits 0. */
function counter(engine: Engine): void {
  engine.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'counter' },
    spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo one; sleep 2; echo two; sleep 2; echo three'] }] },
  })
}

describe('kubectl logs on a real cluster', () => {
  it('before the container runs: the kubelet\'s words, as kubectl prints a BadRequest', () => {
    const engine = cluster()
    counter(engine)
    expect(kubectl(engine, 'logs', 'counter')).toEqual({ stdout: '', stderr: 'Error from server (BadRequest): container "c" in pod "counter" is waiting to start: ContainerCreating\n', exitCode: 1 })
  })

  it('the log so far, and --tail keeps its last lines', () => {
    const engine = cluster()
    counter(engine)
    engine.advance(30_000)
    expect(kubectl(engine, 'logs', 'counter')).toEqual({ stdout: 'one\ntwo\nthree\n', stderr: '', exitCode: 0 })
    expect(kubectl(engine, 'logs', 'counter', '--tail=1').stdout).toBe('three\n')
    expect(kubectl(engine, 'logs', 'pod/counter', '--prefix', '--tail=2').stdout).toBe('[pod/counter/c] two\n[pod/counter/c] three\n')
  })

  it('--since counts back from the virtual clock (rounded to whole seconds)', () => {
    const engine = cluster()
    counter(engine)
    engine.advance(30_000)
    expect(kubectl(engine, 'logs', 'counter', '--since=1h').stdout).toBe('one\ntwo\nthree\n')
    expect(kubectl(engine, 'logs', 'counter', '--since=1s').stdout).toBe('')
  })

  it('-f: the log so far, then each line as the clock runs; the follow ends by itself with 0 when the container exits', () => {
    const engine = cluster()
    counter(engine)
    // Until the first line: the container starts after the image pull.
    for (let i = 0; i < 60 && kubectl(engine, 'logs', 'counter').stdout === ''; i++) engine.advance(250)
    const r = kubectl(engine, 'logs', '-f', 'counter')
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    let out = ''
    let ended: number | undefined
    r.follow!.start(
      (_s, text) => (out += text),
      (code) => (ended = code),
    )
    expect(out).toBe('one\n')
    engine.advance(2_100)
    expect(out).toBe('one\ntwo\n')
    expect(ended).toBeUndefined()
    engine.advance(5_000)
    expect(out).toBe('one\ntwo\nthree\n')
    expect(ended).toBe(0)
  })

  it('-f stopped by the host hears nothing more', () => {
    const engine = cluster()
    counter(engine)
    for (let i = 0; i < 60 && kubectl(engine, 'logs', 'counter').stdout === ''; i++) engine.advance(250)
    const r = kubectl(engine, 'logs', '-f', 'counter')
    let out = ''
    const stop = r.follow!.start(
      (_s, text) => (out += text),
      () => undefined,
    )
    stop()
    engine.advance(10_000)
    expect(out).toBe('one\n')
  })

  it('deploy/NAME: the first pod by kubectl\'s ByLogging order, with "Found 2 pods" on stderr', () => {
    const engine = cluster()
    engine.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    })
    engine.advance(30_000)
    const first = engine
      .list('pods', 'default')
      .items.map((p) => p.metadata.name ?? '')
      .sort()[0]
    const r = kubectl(engine, 'logs', 'deploy/web')
    expect(r.stderr).toBe(`Found 2 pods, using pod/${first}\n`)
    expect(r.stdout).toContain('Configuration complete; ready for start up\n')
  })
})
