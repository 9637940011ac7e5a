// `kubectl wait` on a real cluster: the manual clock run forward until the condition is met (the `condition met`
// line at the virtual time it happened), the timeout's error, --for=delete, jsonpath, and on a running clock a
// Follow that ends when the pod is Ready.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine'
import { openCluster } from '../../../engine'
import { tmpFile } from '../../../engine/testing/cluster'
import { runKubectl } from '../../run-kubectl'
import { replaySuite } from '../../testing/replay-suite'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`
const BAD_IMAGE = POD.replace('nginx:1.27', 'nginx:no-such-tag')

function kubectl(engine: Engine, args: string[], file = POD) {
  return runKubectl(args, { engine, readFile: () => file, readStdin: () => '' })
}

describe('kubectl wait on the manual clock', () => {
  it('--for=condition=Ready runs the clock until the pod is Ready and prints pod/web condition met', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    kubectl(engine, ['apply', '-f', 'pod.yaml'])
    const start = engine.clock().nowMs
    expect(kubectl(engine, ['wait', '--for=condition=Ready', 'pod/web'])).toEqual({ stdout: 'pod/web condition met\n', stderr: '', exitCode: 0 })
    const pod = engine.get('pods', 'default', 'web')
    expect((pod.status as { phase: string }).phase).toBe('Running')
    // It stopped at the first look after Ready, well before the 30 s timeout.
    expect(engine.clock().nowMs - start).toBeGreaterThan(0)
    expect(engine.clock().nowMs - start).toBeLessThan(30_000)
    engine.close()
  })

  it('a pod that never gets Ready: the timeout error after --timeout of virtual time, exit 1', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    kubectl(engine, ['apply', '-f', 'pod.yaml'], BAD_IMAGE)
    const start = engine.clock().nowMs
    expect(kubectl(engine, ['wait', '--for=condition=Ready', 'pods', 'web', '--timeout=20s'])).toEqual({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on pods/web\n',
      exitCode: 1,
    })
    expect(engine.clock().nowMs - start).toBe(20_000)
    engine.close()
  })

  it('--for=jsonpath={.status.phase}=Running, selected by label', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    kubectl(engine, ['apply', '-f', 'pod.yaml'])
    expect(kubectl(engine, ['wait', "--for=jsonpath={.status.phase}=Running", '-l', 'app=web', 'pods'])).toEqual({ stdout: 'pod/web condition met\n', stderr: '', exitCode: 0 })
    engine.close()
  })

  it('--for=delete after a delete --wait=false: waits out the grace period', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    kubectl(engine, ['apply', '-f', 'pod.yaml'])
    kubectl(engine, ['wait', '--for=condition=Ready', 'pod/web'])
    kubectl(engine, ['delete', 'pod', 'web', '--wait=false'])
    expect(kubectl(engine, ['wait', '--for=delete', 'pod/web', '--timeout=60s'])).toEqual({ stdout: 'pod/web condition met\n', stderr: '', exitCode: 0 })
    expect(() => engine.get('pods', 'default', 'web')).toThrow()
    // Already gone: nothing to print, success.
    expect(kubectl(engine, ['wait', '--for=delete', 'pod/web'])).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    engine.close()
  })

  it('kubectl errors: a missing object, an unknown --for, a bad --timeout, nothing selected', () => {
    const engine = openCluster(tmpFile(), { mode: 'manual' })
    expect(kubectl(engine, ['wait', '--for=condition=Ready', 'pod/nope']).stderr).toBe('Error from server (NotFound): pods "nope" not found\n')
    expect(kubectl(engine, ['wait', '--for=ready', 'pod/web']).stderr).toBe('error: unrecognized condition: "ready"\n')
    expect(kubectl(engine, ['wait', '--for=delete', 'pod/web', '--timeout=5']).stderr).toBe(
      'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\nSee \'kubectl wait --help\' for usage.\n',
    )
    expect(kubectl(engine, ['wait', '--for=condition=Ready', 'pods', '-l', 'app=none'])).toEqual({ stdout: '', stderr: 'error: no matching resources found\n', exitCode: 1 })
    engine.close()
  })
})

describe('kubectl wait on a running clock', () => {
  it('prints nothing at first, then pod/web condition met when the clock has made it Ready, and ends with 0', () => {
    const engine = openCluster(tmpFile(), { mode: 'realtime', door: 'web' })
    kubectl(engine, ['apply', '-f', 'pod.yaml'])
    const result = kubectl(engine, ['wait', '--for=condition=Ready', 'pod/web', '--timeout=2m'])
    expect(result).toMatchObject({ stdout: '', stderr: '', exitCode: 0 })
    const written: string[] = []
    let ended: number | undefined
    const stop = result.follow!.start((_s, text) => written.push(text), (code) => (ended = code))
    for (let i = 0; i < 60 && ended === undefined; i++) engine.advance(1000, { tick: true })
    expect(written).toEqual(['pod/web condition met\n'])
    expect(ended).toBe(0)
    stop()
    engine.close()
  })
})

describe('kubectl wait matches real kubectl 1.32 where it answers at once (cmd/wait/testdata)', () => {
  const cases = replaySuite(path.join(__dirname, 'testdata'))
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { engine, result } = c.run()
    expect(result).toEqual(c.want)
    expect(engine.advancedMs).toBe(0)
  })
})
