// echo, printf, cat, head, rev, wc, grep: what each prints, in busybox's and GNU's words.
import { describe, expect, it } from 'vitest'
import { FakeSys, run } from '../testing/fake-sys'
import { catProgram } from './cat'
import { echo } from './echo'
import { grepProgram } from './grep'
import { headProgram } from './head'
import { printfProgram } from './printf'
import { revProgram } from './rev'
import { wcProgram } from './wc'

function withFile(path: string, text: string): FakeSys {
  const sys = new FakeSys()
  sys.fs.writeFile(path, text)
  return sys
}

describe('echo and printf', () => {
  it.each([
    [['echo', 'hello', 'world'], 'hello world\n'],
    [['echo', '-n', 'x'], 'x'],
    [['echo', '-e', 'a\\tb\\n'], 'a\tb\n\n'],
    [['echo', 'a\\tb'], 'a\\tb\n'],
    [['echo', '-e', 'stop\\chere'], 'stop'],
    [['echo', '-x', 'y'], '-x y\n'],
  ])('%j prints %j', (argv, out) => {
    expect(run(echo, argv).sys.stdout).toBe(out)
  })

  it.each([
    [['printf', '%s-%d\\n', 'a', '7', 'b', '8'], 'a-7\nb-8\n'],
    [['printf', '%5s|%-5s|%05d\\n', 'x', 'y', '42'], '    x|y    |00042\n'],
    [['printf', '%x %o %c %%\\n', '255', '8', 'hello'], 'ff 10 h %\n'],
    [['printf', '%.2f\\n', '3.14159'], '3.14\n'],
    [['printf', 'no newline'], 'no newline'],
    [['printf', '%b', 'a\\nb'], 'a\nb'],
  ])('%j prints %j', (argv, out) => {
    expect(run(printfProgram('busybox'), argv).sys.stdout).toBe(out)
  })

  it('printf with a bad number: busybox and GNU words, status 1', () => {
    const b = run(printfProgram('busybox'), ['printf', '%d\\n', 'abc'])
    expect([b.sys.stdout, b.sys.stderr, b.ended]).toEqual(['0\n', "printf: invalid number 'abc'\n", { exit: 1 }])
    const g = run(printfProgram('gnu'), ['printf', '%d\\n', 'abc'])
    expect(g.sys.stderr).toBe("printf: 'abc': expected a numeric value\n")
  })
})

describe('cat', () => {
  it("busybox: `cat: can't open '/x': No such file or directory`, exit 1; GNU: `cat: /x: No such file or directory`", () => {
    const b = run(catProgram('busybox'), ['cat', '/x'])
    expect([b.sys.stderr, b.ended]).toEqual(["cat: can't open '/x': No such file or directory\n", { exit: 1 }])
    const g = run(catProgram('gnu'), ['cat', '/x'])
    expect([g.sys.stderr, g.ended]).toEqual(['cat: /x: No such file or directory\n', { exit: 1 }])
  })

  it('prints files in order and goes on after a missing one', () => {
    const sys = withFile('/tmp/a', 'A\n')
    sys.fs.writeFile('/tmp/b', 'B\n')
    const p = run(catProgram('busybox'), ['cat', '/tmp/a', '/nope', 'b'], { sys, cwd: '/tmp' })
    expect(p.sys.stdout).toBe('A\nB\n')
    expect(p.ended).toEqual({ exit: 1 })
  })

  it('passes stdin on as it comes and waits for more until end of file', () => {
    const sys = new FakeSys()
    sys.stdinClosed = false
    const p = run(catProgram('busybox'), ['cat'], { sys, stdin: ['one\n'] })
    expect(sys.stdout).toBe('one\n')
    expect(p.running).toBe(true)
    sys.stdin.push('two\n')
    sys.stdinClosed = true
    p.resume()
    expect(sys.stdout).toBe('one\ntwo\n')
    expect(p.ended).toEqual({ exit: 0 })
  })

  it('cat on a directory: busybox `cat: read error: Is a directory`, GNU `cat: /tmp: Is a directory`', () => {
    expect(run(catProgram('busybox'), ['cat', '/tmp']).sys.stderr).toBe('cat: read error: Is a directory\n')
    expect(run(catProgram('gnu'), ['cat', '/tmp']).sys.stderr).toBe('cat: /tmp: Is a directory\n')
  })
})

describe('head, rev, wc, grep', () => {
  const text = 'alpha\nbeta\ngamma\ndelta\n'

  it('head -n 2 and head -c 3', () => {
    expect(run(headProgram('busybox'), ['head', '-n', '2', '/f'], { sys: withFile('/f', text) }).sys.stdout).toBe('alpha\nbeta\n')
    expect(run(headProgram('busybox'), ['head', '-c', '3', '/f'], { sys: withFile('/f', text) }).sys.stdout).toBe('alp')
  })

  it('head reads stdin without operands', () => {
    expect(run(headProgram('gnu'), ['head', '-1'], { stdin: [text] }).sys.stdout).toBe('alpha\n')
  })

  it('rev reverses each line', () => {
    expect(run(revProgram('busybox'), ['rev'], { stdin: ['abc\nxy'] }).sys.stdout).toBe('cba\nyx')
  })

  it("wc: busybox pads to 9 columns (`        4         4        23 /f`), a lone count is bare, GNU pads to the widest", () => {
    expect(run(wcProgram('busybox'), ['wc', '/f'], { sys: withFile('/f', text) }).sys.stdout).toBe('        4         4        23 /f\n')
    expect(run(wcProgram('busybox'), ['wc', '-l', '/f'], { sys: withFile('/f', text) }).sys.stdout).toBe('4 /f\n')
    expect(run(wcProgram('gnu'), ['wc', '/f'], { sys: withFile('/f', text) }).sys.stdout).toBe(' 4  4 23 /f\n')
    expect(run(wcProgram('gnu'), ['wc'], { stdin: [text] }).sys.stdout).toBe('      4       4      23\n')
  })

  it('grep selects lines (BRE), -v, -c, -n, -i, -E; status 1 when nothing matched, 2 for a missing file', () => {
    const g = (argv: string[]) => run(grepProgram('busybox'), argv, { sys: withFile('/f', text) })
    expect(g(['grep', 'l.*a$', '/f']).sys.stdout).toBe('alpha\ndelta\n')
    expect(g(['grep', '-v', 'l.*a$', '/f']).sys.stdout).toBe('beta\ngamma\n')
    expect(g(['grep', '-c', 'l', '/f']).sys.stdout).toBe('2\n')
    expect(g(['grep', '-n', 'BETA', '-i', '/f']).sys.stdout).toBe('2:beta\n')
    expect(g(['grep', '-E', 'al(pha)?|del', '/f']).sys.stdout).toBe('alpha\ndelta\n')
    expect(g(['grep', 'a\\(l\\|m\\)', '/f']).sys.stdout).toBe('alpha\ngamma\n')
    expect(g(['grep', 'zzz', '/f']).ended).toEqual({ exit: 1 })
    const missing = g(['grep', 'x', '/nope'])
    expect([missing.sys.stderr, missing.ended]).toEqual(['grep: /nope: No such file or directory\n', { exit: 2 }])
  })
})
