// `kubectl exec` on a real cluster (manual clock), through runKubectl as a learner types it: the notes' kill-1
// cases (nginx has no kill binary; `sh -c 'kill 1'` makes nginx exit and the kubelet restart it), kubectl's exit
// code for a command that fails, -i with piped input, and -it as an Interactive session on a terminal.
import { describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine'
import { manualClusters, MYNGINX, pod } from '../../../engine/testing/cluster'
import { isInteractive, type KubectlIO } from '../../io'
import { runKubectl } from '../../run-kubectl'

const cluster = manualClusters()

function kubectl(engine: Engine, args: string[], more: Partial<KubectlIO> = {}) {
  return runKubectl(args, { engine, readFile: () => '', readStdin: () => '', ...more })
}

function runningNginx(): Engine {
  const engine = cluster()
  engine.create(MYNGINX)
  engine.advance(30_000)
  return engine
}

describe('kubectl exec on a real cluster', () => {
  it('exec mynginx -- kill 1: nginx has no kill binary, so the runtime refuses it as containerd words it, exit 1, nothing restarts', () => {
    const engine = runningNginx()
    const r = kubectl(engine, ['exec', 'mynginx', '--', 'kill', '1'])
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "kill": executable file not found in \$PATH: unknown\n$/,
    )
    expect(r.exitCode).toBe(1)
    engine.advance(10_000)
    expect(pod(engine).status?.containerStatuses?.[0]?.restartCount).toBe(0)
  })

  it("exec mynginx -- sh -c 'kill 1': nginx gets SIGTERM as PID 1, exits, and the kubelet restarts it; logs -p shows the old one's end", () => {
    const engine = runningNginx()
    expect(kubectl(engine, ['exec', 'mynginx', '--', 'sh', '-c', 'kill 1'])).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    engine.advance(5_000)
    const status = pod(engine).status?.containerStatuses?.[0]
    expect(status?.restartCount).toBe(1)
    expect(status?.state?.running).toBeDefined()
    expect(kubectl(engine, ['logs', 'mynginx', '-p']).stdout).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting\n')
  })

  it('a command that exits non-zero: its output, then `command terminated with exit code N` on stderr, and kubectl exits N', () => {
    const engine = runningNginx()
    const r = kubectl(engine, ['exec', 'mynginx', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'])
    expect(r).toEqual({ stdout: 'out\n', stderr: 'err\ncommand terminated with exit code 3\n', exitCode: 3 })
  })

  it('the deprecated form `exec POD CMD` is refused with its usage error', () => {
    const engine = runningNginx()
    expect(kubectl(engine, ['exec', 'mynginx', 'ls']).stderr).toBe(
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    )
  })

  it('-it without a terminal: the TTY is refused with kubectl\'s line, and the command reads the piped stdin to its end', () => {
    const engine = runningNginx()
    const r = kubectl(engine, ['exec', '-it', 'mynginx', '--', 'sh'], { readStdin: () => 'echo piped\n' })
    expect(r).toEqual({ stdout: 'piped\n', stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n', exitCode: 0 })
    expect(r.follow).toBeUndefined()
  })

  it('-t without -i is dropped silently (SetupTTY): the command runs without stdin', () => {
    const engine = runningNginx()
    expect(kubectl(engine, ['exec', '-t', 'mynginx', '--', 'sh', '-c', 'echo hi'])).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 })
  })

  it('-it on a terminal: an Interactive follow; typed lines run in the shell as the clock runs, `exit 7` ends it with 7', () => {
    const engine = runningNginx()
    const r = kubectl(engine, ['exec', '-it', 'mynginx', '--', 'sh'], { terminal: true })
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    const follow = r.follow!
    expect(isInteractive(follow)).toBe(true)
    if (!isInteractive(follow)) return
    let out = ''
    let ended: number | undefined
    follow.start(
      (_stream, text) => (out += text),
      (code) => (ended = code),
    )
    follow.input('echo hello-from-tty\n')
    engine.advance(1_000)
    expect(out).toContain('hello-from-tty')
    expect(ended).toBeUndefined()
    follow.input('exit 7\n')
    engine.advance(1_000)
    expect(ended).toBe(7)
    expect(out.endsWith('command terminated with exit code 7\n')).toBe(true)
  })

  it('-it on a terminal: the shell shows its prompt before anything is typed, and sees TERM=xterm (the CRI adds it to a TTY exec, container_execsync.go)', () => {
    const engine = runningNginx()
    const r = kubectl(engine, ['exec', '-it', 'mynginx', '--', 'sh'], { terminal: true })
    const follow = r.follow!
    if (!isInteractive(follow)) throw new Error('not interactive')
    let out = ''
    follow.start((_stream, text) => (out += text), () => {})
    engine.advance(1_000)
    // nginx's image is Debian: dash's prompt for root.
    expect(out).toBe('# ')
    follow.input('echo $TERM\n')
    engine.advance(1_000)
    expect(out).toBe('# xterm\n# ')
    const piped = kubectl(engine, ['exec', 'mynginx', '--', 'sh', '-c', 'echo "[$TERM]"'])
    expect(piped.stdout).toBe('[]\n')
  })

  it('-it on a terminal, stopped by the host (Ctrl+C at the terminal going away): the session is closed and says no more', () => {
    const engine = runningNginx()
    const r = kubectl(engine, ['exec', '-it', 'mynginx', '--', 'sh'], { terminal: true })
    let out = ''
    let ended: number | undefined
    const stop = r.follow!.start(
      (_s, text) => (out += text),
      (code) => (ended = code),
    )
    stop()
    const before = out
    if (isInteractive(r.follow!)) r.follow.input('echo after\n')
    engine.advance(2_000)
    expect({ out, ended }).toEqual({ out: before, ended: undefined })
    expect(pod(engine).status?.containerStatuses?.[0]?.restartCount).toBe(0)
  })

  it('exec deploy/NAME runs in one of its pods; several containers default to the first with kubectl\'s stderr line', () => {
    const engine = cluster()
    engine.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx' }, { name: 'side', image: 'busybox', command: ['sleep', '3600'] }] },
        },
      },
    })
    engine.advance(30_000)
    const r = kubectl(engine, ['exec', 'deploy/web', '--', 'sh', '-c', 'echo in-web'])
    expect(r).toEqual({ stdout: 'in-web\n', stderr: 'Defaulted container "nginx" out of: nginx, side\n', exitCode: 0 })
    expect(kubectl(engine, ['exec', 'deploy/web', '-q', '--', 'true']).stderr).toBe('')
  })
})
