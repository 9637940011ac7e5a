import { describe, expect, it } from 'vitest'
import type { Program } from '../program'
import { FakeKernel } from './fake-kernel'
import { TOY_BINARIES, TOY_PROGRAMS } from './toy-programs'

/** A parent that spawns `sleep 5` and waits for it, then writes the child's status. */
const PARENT: Program<{ child?: number }> = {
  start: () => ({}),
  run(state, sys) {
    if (state.child === undefined) {
      const got = sys.spawn({ argv: ['sleep', '5'], env: { PATH: '/bin' }, cwd: '/', fds: [{ kind: 'null' }, { kind: 'log', stream: 'stdout' }, { kind: 'log', stream: 'stderr' }] })
      if ('error' in got) return { exit: 127 }
      state.child = got.pid
    }
    const status = sys.wait(state.child)
    if (!status) return { state, block: { children: true } }
    sys.write(1, `child ${JSON.stringify(status)} at ${sys.now()}\n`)
    return { exit: 0 }
  },
  handles: () => false,
  signal: (state) => ({ state, block: { children: true } }),
}

const kernel = (): FakeKernel => new FakeKernel({ programs: { ...TOY_PROGRAMS, parent: PARENT }, binaries: { ...TOY_BINARIES, '/bin/parent': 'parent' } })

describe('FakeKernel', () => {
  it('wakes a parent when its child ends on the virtual clock, and not before', () => {
    const k = kernel()
    const pid = k.start(['parent'])
    expect(pid).toBe(1)
    k.advance(4999)
    expect(k.logText()).toBe('')
    k.advance(1)
    expect(k.logText()).toBe('child {"exited":0} at 5000\n')
    expect(k.status(1)).toEqual({ exited: 0 })
  })

  it('PID 1 ignores an unhandled TERM from inside and outside, but dies of an outside SIGKILL', () => {
    const k = kernel()
    k.start(['sleep', '100'])
    expect(k.kill(1, 'SIGTERM')).toBe('ok')
    expect(k.isRunning(1)).toBe(true)
    k.kill(1, 'SIGKILL')
    expect(k.status(1)).toEqual({ signaled: 'SIGKILL' })
  })

  it('a non-init process dies of an unhandled TERM; PID 1 ending kills the rest', () => {
    const k = kernel()
    k.start(['parent'])
    expect(k.processes().map((p) => p.command)).toEqual(['parent', 'sleep 5'])
    k.kill(2, 'SIGTERM')
    expect(k.logText()).toBe('child {"signaled":"SIGTERM"} at 0\n')
  })

  it('resolves PATH as execvp does: ENOENT, EACCES for a non-executable file', () => {
    const k = kernel()
    k.fs.writeFile('/bin/notexec', 'x')
    expect(k.resolve('nope', { PATH: '/bin' }, '/')).toEqual({ error: 'ENOENT' })
    expect(k.resolve('notexec', { PATH: '/bin' }, '/')).toEqual({ error: 'EACCES' })
    expect(k.resolve('/bin/cat', {}, '/')).toEqual({ path: '/bin/cat', programId: 'toy:cat' })
  })

  it('feeds a session to a reader and reports end of file when it closes', () => {
    const k = kernel()
    k.start(['sleep', '1000'])
    const fds = k.openSession('s1')
    const pid = k.start(['cat'], { fds })
    k.sessionInput('s1', 'hi\n')
    expect(k.session('s1').stdout).toBe('hi\n')
    expect(k.isRunning(pid)).toBe(true)
    k.sessionInput('s1', 'eof')
    expect(k.status(pid)).toEqual({ exited: 0 })
  })
})
