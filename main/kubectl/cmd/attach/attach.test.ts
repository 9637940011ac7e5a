// `kubectl attach` on a real engine (manual clock): output from the moment it attaches, typed input with -it on a
// terminal, the TTY rules of attach.go (a container without a TTY refuses one; one with a TTY forces it), the
// reattach line after a raw session with restartPolicy Always, a workload's pod, and the host's Ctrl+C (a detach).
import { describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine'
import { manualClusters, pod } from '../../../engine/testing/cluster'
import { isInteractive, type KubectlIO, type KubectlResult } from '../../io'
import { runKubectl } from '../../run-kubectl'

const cluster = manualClusters()

function kubectl(engine: Engine, args: string[], more: Partial<KubectlIO> = {}): KubectlResult {
  return runKubectl(args, { engine, readFile: () => '', readStdin: () => '', ...more })
}

function shell(engine: Engine, container: Record<string, unknown> = {}): void {
  engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sh' }, spec: { containers: [{ name: 'sh', image: 'busybox', command: ['sh'], stdin: true, tty: true, ...container }] } })
  engine.advance(30_000)
}

function start(r: KubectlResult) {
  const seen = { out: '', exit: undefined as number | undefined }
  const stop = r.follow!.start((_s, text) => (seen.out += text), (code) => (seen.exit = code))
  return { seen, stop }
}

const HINT = "If you don't see a command prompt, try pressing enter.\n"

describe('kubectl attach on a real cluster', () => {
  it('-it to a shell: the hint on stderr, typed lines answered, `exit` ends it with the reattach line (restartPolicy Always)', () => {
    const engine = cluster()
    shell(engine)
    const r = kubectl(engine, ['attach', 'sh', '-it'], { terminal: true })
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: '', stderr: HINT, exitCode: 0 })
    const f = r.follow!
    expect(isInteractive(f)).toBe(true)
    const { seen } = start(r)
    if (!isInteractive(f)) return
    f.input('\n')
    engine.advance(1_000)
    expect(seen.out).toBe('/ # ')
    f.input('exit 2\n')
    engine.advance(1_000)
    expect(seen).toEqual({ out: "/ # Session ended, resume using 'kubectl attach sh -c sh -i -t' command when the pod is running\n", exit: 0 })
  })

  it('-t to a container without a TTY: kubectl\'s refusal line, then the stream without one', () => {
    const engine = cluster()
    shell(engine, { tty: false })
    const r = kubectl(engine, ['attach', 'sh', '-i', '-t'], { terminal: true })
    expect(r.stderr).toBe(`error: Unable to use a TTY - container sh did not allocate one\n${HINT}`)
    expect(r.exitCode).toBe(0)
  })

  it('without -i: output only, from now on; -q drops the hint', () => {
    const engine = cluster()
    engine.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'ticker' },
      spec: { containers: [{ name: 'tick', image: 'busybox', command: ['sh', '-c', 'while true; do echo tick; sleep 10; done'] }] },
    })
    engine.advance(30_000)
    const r = kubectl(engine, ['attach', 'ticker', '-q'])
    expect(r.stderr).toBe('')
    expect(isInteractive(r.follow!)).toBe(false)
    const { seen, stop } = start(r)
    engine.advance(20_000)
    expect(seen.out).toBe('tick\ntick\n')
    stop()
    engine.advance(20_000)
    expect(seen.out).toBe('tick\ntick\n')
    expect(pod(engine, 'ticker').status?.phase).toBe('Running')
  })

  it('deploy/NAME attaches to its pod', () => {
    const engine = cluster()
    engine.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    })
    engine.advance(30_000)
    const r = kubectl(engine, ['attach', 'deploy/web'])
    expect(r).toMatchObject({ stdout: '', stderr: HINT, exitCode: 0 })
  })

  it('a named container the pod lacks: kubectl\'s error', () => {
    const engine = cluster()
    shell(engine)
    expect(kubectl(engine, ['attach', 'sh', '-c', 'nope'])).toEqual({ stdout: '', stderr: 'error: cannot attach to the container: container nope not found in pod sh\n', exitCode: 1 })
  })
})
