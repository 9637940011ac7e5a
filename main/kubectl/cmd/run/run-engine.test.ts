// kubectl run on the real engine: the pod it makes is scheduled and runs, an invalid name is the API server's
// Invalid in kubectl's words, and -it creates the pod and goes on as a follow (attached-run.test.ts).
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine/engine'
import { engineCluster } from '../../testing/engine-cluster'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

function cluster() {
  const c = engineCluster()
  opened.push(c.engine)
  return c
}

describe('kubectl run on the engine', () => {
  it('creates pod/NAME labelled run=NAME, which runs once the clock moves', () => {
    const { engine, kubectl } = cluster()
    expect(kubectl('run', 'web', '--image=nginx:1.27', '--port=80')).toEqual({ stdout: 'pod/web created\n', stderr: '', exitCode: 0 })
    engine.advance(30_000)
    const pod = engine.get('pods', 'default', 'web') as { metadata: { labels: Record<string, string> }; status: { phase: string } }
    expect(pod.metadata.labels).toEqual({ run: 'web' })
    expect(pod.status.phase).toBe('Running')
  })

  it('a name that is not a DNS subdomain is the server\'s Invalid', () => {
    const { kubectl } = cluster()
    const result = kubectl('run', 'Web_1', '--image=nginx')
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toMatch(/^The Pod "Web_1" is invalid: /)
  })

  it('-it --rm --restart=Never creates the pod with stdin, stdinOnce and tty, prints nothing yet, and follows it', () => {
    const { engine, kubectl } = cluster()
    const result = kubectl('run', 'box', '--image=busybox', '-it', '--rm', '--restart=Never', '--', 'sh')
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(result.follow).toBeDefined()
    const pod = engine.get('pods', 'default', 'box') as { spec: { restartPolicy: string; containers: Array<{ stdin?: boolean; stdinOnce?: boolean; tty?: boolean }> } }
    expect(pod.spec.restartPolicy).toBe('Never')
    expect(pod.spec.containers[0]).toMatchObject({ stdin: true, stdinOnce: true, tty: true })
  })

  it('--expose --port says Services are not simulated and creates nothing', () => {
    const { engine, kubectl } = cluster()
    const result = kubectl('run', 'web', '--image=nginx', '--port=80', '--expose')
    expect(result.stderr).toContain('Podlab does not simulate Services yet')
    expect(engine.list('pods', 'default').items).toEqual([])
  })
})
