import { describe, expect, it } from 'vitest'
import { FakeSys, run } from '../testing/fake-sys'
import { tailProgram } from './tail'

const lines = (n: number): string => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('')

describe('tail', () => {
  it('prints the last 10 lines, or -n N, or from +N', () => {
    const sys = new FakeSys()
    sys.fs.writeFile('/f', lines(12))
    expect(run(tailProgram('busybox'), ['tail', '/f'], { sys }).sys.stdout).toBe(lines(12).split('\n').slice(2).join('\n'))
    sys.stdout = ''
    expect(run(tailProgram('busybox'), ['tail', '-n', '1', '/f'], { sys }).sys.stdout).toBe('line 12\n')
    sys.stdout = ''
    expect(run(tailProgram('busybox'), ['tail', '-n', '+12', '/f'], { sys }).sys.stdout).toBe('line 12\n')
  })

  it('-f shows what another writer appends, polling each second (a shared emptyDir file)', () => {
    const sys = new FakeSys()
    sys.fs.writeFile('/var-log', 'first\n')
    const p = run(tailProgram('busybox'), ['tail', '-f', '/var-log'], { sys })
    expect(sys.stdout).toBe('first\n')
    sys.fs.writeFile('/var-log', 'second\n', { append: true })
    p.advance(999)
    expect(sys.stdout).toBe('first\n')
    p.advance(1)
    expect(sys.stdout).toBe('first\nsecond\n')
    expect(p.running).toBe(true)
  })

  it("-F waits for a missing file: `tail: can't open 'x'` then `tail: x has appeared; following end of new file`", () => {
    const sys = new FakeSys()
    const p = run(tailProgram('busybox'), ['tail', '-F', '/tmp/out'], { sys })
    expect(p.running).toBe(true)
    sys.fs.writeFile('/tmp/out', 'hello\n')
    p.advance(1000)
    expect(sys.stderr).toBe("tail: can't open '/tmp/out': No such file or directory\ntail: /tmp/out has appeared; following end of new file\n")
    expect(sys.stdout).toBe('hello\n')
  })

  it('-f of a missing file gives up: busybox `tail: no files`, GNU `tail: no files remaining`', () => {
    const b = run(tailProgram('busybox'), ['tail', '-f', '/nope'])
    expect([b.sys.stderr, b.ended]).toEqual(["tail: can't open '/nope': No such file or directory\ntail: no files\n", { exit: 1 }])
    const g = run(tailProgram('gnu'), ['tail', '-f', '/nope'])
    expect(g.sys.stderr).toBe("tail: cannot open '/nope' for reading: No such file or directory\ntail: no files remaining\n")
  })

  it('tail -f /dev/null runs until a signal', () => {
    const sys = new FakeSys()
    sys.fs.mkdir('/dev')
    sys.files['/dev/null'] = { kind: 'chardev', mode: 0o666, mtimeMs: 0, uid: 0, gid: 0 }
    const p = run(tailProgram('busybox'), ['tail', '-f', '/dev/null'], { sys })
    p.advance(3_600_000)
    expect(p.running).toBe(true)
    p.signal('SIGTERM')
    expect(p.ended).toEqual({ killedBy: 'SIGTERM' })
  })
})
