// `kubectl run -i/-t/--attach [--rm]` on a real engine (manual clock): the follow waits for the pod, attaches to
// its main process, and ends as run.go does: the container's exit code, the reattach line for restartPolicy Always,
// the removal's `pod "x" deleted` before the error, the log for a pod done before the attach, the timeout.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Engine } from '../../../engine/engine'
import { openCluster } from '../../../engine/open-cluster'
import { isInteractive, type KubectlResult } from '../../io'
import { runKubectl } from '../../run-kubectl'

const opened: Engine[] = []
afterEach(() => opened.splice(0).forEach((e) => e.close()))

function cluster(terminal: boolean, stdin = '') {
  const engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-run-attach-')), 'c.podlab'), { mode: 'manual' })
  opened.push(engine)
  const kubectl = (...args: string[]) => runKubectl(args, { engine, readFile: () => '', readStdin: () => stdin, terminal })
  return { engine, kubectl }
}

/** Starts the result's follow; `chunks` is what a terminal shows, in order, and `exit` its end. */
function follow(result: KubectlResult) {
  const seen = { chunks: [] as Array<[string, string]>, exit: undefined as number | undefined }
  const stop = result.follow!.start(
    (stream, text) => seen.chunks.push([stream, text]),
    (code) => (seen.exit = code),
  )
  const text = () => seen.chunks.map(([, t]) => t).join('')
  return { seen, stop, text }
}

const HINT = "If you don't see a command prompt, try pressing enter.\n"

describe('kubectl run attached', () => {
  it('-it --rm --restart=Never -- sh: the hint, typed lines answered, `exit 3` deletes the pod, then the exit code 3', () => {
    const { engine, kubectl } = cluster(true)
    const r = kubectl('run', 'box', '--image=busybox', '-it', '--rm', '--restart=Never', '--', 'sh')
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stdout: '', stderr: '', exitCode: 0 })
    expect(isInteractive(r.follow!)).toBe(true)
    const f = follow(r)
    engine.advance(30_000)
    expect(f.seen.chunks).toEqual([['stderr', HINT]])
    if (!isInteractive(r.follow!)) return
    r.follow.input('echo hi-$((6*7))\n')
    engine.advance(1_000)
    expect(f.text()).toBe(`${HINT}hi-42\n/ # `)
    r.follow.input('exit 3\n')
    engine.advance(5_000)
    expect(f.seen.exit).toBe(3)
    expect(f.seen.chunks.slice(-2)).toEqual([
      ['stdout', 'pod "box" deleted\n'],
      ['stderr', 'pod default/box terminated (Error)\n'],
    ])
    // A finished pod has nothing to stop: it is gone at once.
    expect(() => engine.get('pods', 'default', 'box')).toThrow('pods "box" not found')
  })

  it('keys typed before the pod runs wait for the attach, as a terminal buffers them', () => {
    const { engine, kubectl } = cluster(true)
    const r = kubectl('run', 'box', '--image=busybox', '-it', '--restart=Never', '--', 'sh')
    const f = follow(r)
    if (isInteractive(r.follow!)) r.follow.input('echo early\n')
    engine.advance(30_000)
    expect(f.text()).toBe(`${HINT}early\n/ # `)
  })

  it('-i without a terminal: the piped stdin is the container\'s, closed after it; exit 0 and no removal without --rm', () => {
    const { engine, kubectl } = cluster(false, 'echo piped\n')
    const r = kubectl('run', 'b', '--image=busybox', '-i', '--restart=Never', '--', 'sh')
    expect(isInteractive(r.follow!)).toBe(false)
    const f = follow(r)
    engine.advance(30_000)
    expect(f.seen).toEqual({ chunks: [['stderr', HINT], ['stdout', 'piped\n']], exit: 0 })
    expect((engine.get('pods', 'default', 'b') as { status: { phase: string } }).status.phase).toBe('Succeeded')
  })

  it('-it without a terminal: kubectl\'s TTY refusal before the hint', () => {
    const { engine, kubectl } = cluster(false, 'exit 0\n')
    const f = follow(kubectl('run', 'b', '--image=busybox', '-it', '--restart=Never', '--', 'sh'))
    engine.advance(30_000)
    expect(f.seen.chunks[0]).toEqual(['stderr', `Unable to use a TTY - input is not a terminal or the right kind of file\n${HINT}`])
    expect(f.seen.exit).toBe(0)
  })

  it('restartPolicy Always: after the shell exits, the reattach line and exit 0 (no wait for an exit code)', () => {
    const { engine, kubectl } = cluster(true)
    const r = kubectl('run', 'box', '--image=busybox', '-it', '--restart=Always', '--', 'sh')
    const f = follow(r)
    engine.advance(30_000)
    if (isInteractive(r.follow!)) r.follow.input('exit 5\n')
    engine.advance(1_000)
    expect(f.seen.exit).toBe(0)
    expect(f.seen.chunks.at(-1)).toEqual(['stdout', "Session ended, resume using 'kubectl attach box -c box -i -t' command when the pod is running\n"])
  })

  it('default -it (OnFailure): `exit 0` Succeeds, exit 0, no reattach line', () => {
    const { engine, kubectl } = cluster(true)
    const r = kubectl('run', 'box', '--image=busybox', '-it', '--rm', '--', 'sh')
    const f = follow(r)
    engine.advance(30_000)
    if (isInteractive(r.follow!)) r.follow.input('exit\n')
    engine.advance(5_000)
    expect(f.seen.exit).toBe(0)
    expect(f.seen.chunks.at(-1)).toEqual(['stdout', 'pod "box" deleted\n'])
  })

  it('--attach to a pod that is done before it runs: its log instead, and its exit code', () => {
    const { engine, kubectl } = cluster(false)
    const f = follow(kubectl('run', 'once', '--image=busybox', '--attach', '--rm', '--restart=Never', '--', 'sh', '-c', 'echo bye; exit 4'))
    engine.advance(30_000)
    expect(f.seen).toEqual({
      chunks: [
        ['stdout', 'bye\n'],
        ['stdout', 'pod "once" deleted\n'],
        ['stderr', 'pod default/once terminated (Error)\n'],
      ],
      exit: 4,
    })
  })

  it('a pod that never runs: the removal, then `timed out waiting for the condition` after --pod-running-timeout', () => {
    const { engine, kubectl } = cluster(true)
    const f = follow(kubectl('run', 'bad', '--image=registry.invalid/nope:1', '-it', '--rm', '--pod-running-timeout=20s', '--', 'sh'))
    engine.advance(19_000)
    expect(f.seen.exit).toBeUndefined()
    engine.advance(2_000)
    expect(f.seen).toEqual({ chunks: [['stdout', 'pod "bad" deleted\n'], ['stderr', 'error: timed out waiting for the condition\n']], exit: 1 })
  })

  it('stopped by the host (Ctrl+C): it detaches, deletes nothing, says no more', () => {
    const { engine, kubectl } = cluster(true)
    const r = kubectl('run', 'box', '--image=busybox', '-it', '--rm', '--restart=Never', '--', 'sh')
    const f = follow(r)
    engine.advance(30_000)
    f.stop()
    const before = f.text()
    engine.advance(30_000)
    expect({ text: f.text(), exit: f.seen.exit }).toEqual({ text: before, exit: undefined })
    expect((engine.get('pods', 'default', 'box') as { metadata: { deletionTimestamp?: string } }).metadata.deletionTimestamp).toBeUndefined()
  })
})
