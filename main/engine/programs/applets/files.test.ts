// touch, rm, mkdir, ls, cp, mv, test: their effect on the container's filesystem and their error texts.
import { describe, expect, it } from 'vitest'
import { FakeSys, run, T0 } from '../testing/fake-sys'
import { cpMvProgram } from './cp-mv'
import { lsProgram } from './ls'
import { mkdirProgram } from './mkdir'
import { rmProgram } from './rm'
import { testProgram } from './test'
import { touchProgram } from './touch'

describe('touch, rm, mkdir', () => {
  it('touch creates an empty file and then moves its mtime to now', () => {
    const sys = new FakeSys()
    run(touchProgram('busybox'), ['touch', '/tmp/healthy'], { sys })
    expect(sys.fs.readFile('/tmp/healthy')).toBe('')
    sys.fs.writeFile('/tmp/healthy', 'x')
    sys.clock += 5000
    run(touchProgram('busybox'), ['touch', '/tmp/healthy'], { sys })
    expect(sys.fs.stat('/tmp/healthy')).toMatchObject({ mtimeMs: T0 + 5000, size: 1 })
  })

  it('touch in a missing directory: busybox `touch: /a/b: No such file or directory`, GNU `touch: cannot touch ...`', () => {
    expect(run(touchProgram('busybox'), ['touch', '/a/b']).sys.stderr).toBe('touch: /a/b: No such file or directory\n')
    expect(run(touchProgram('gnu'), ['touch', '/a/b']).sys.stderr).toBe("touch: cannot touch '/a/b': No such file or directory\n")
  })

  it('rm -f of a missing file is quiet and 0; rm of one is an error in each flavour', () => {
    expect(run(rmProgram('busybox'), ['rm', '-f', '/tmp/healthy']).ended).toEqual({ exit: 0 })
    const b = run(rmProgram('busybox'), ['rm', '/tmp/healthy'])
    expect([b.sys.stderr, b.ended]).toEqual(["rm: can't remove '/tmp/healthy': No such file or directory\n", { exit: 1 }])
    expect(run(rmProgram('gnu'), ['rm', '/x']).sys.stderr).toBe("rm: cannot remove '/x': No such file or directory\n")
  })

  it('rm of a directory needs -r: busybox `rm: \'/tmp\' is a directory`, GNU `rm: cannot remove \'/tmp\': Is a directory`', () => {
    expect(run(rmProgram('busybox'), ['rm', '/tmp']).sys.stderr).toBe("rm: '/tmp' is a directory\n")
    expect(run(rmProgram('gnu'), ['rm', '/tmp']).sys.stderr).toBe("rm: cannot remove '/tmp': Is a directory\n")
    const sys = new FakeSys()
    sys.fs.writeFile('/tmp/f', 'x')
    expect(run(rmProgram('busybox'), ['rm', '-rf', '/tmp'], { sys }).ended).toEqual({ exit: 0 })
    expect(sys.fs.stat('/tmp')).toBe('ENOENT')
  })

  it('mkdir -p makes parents; mkdir of an existing directory fails in each flavour', () => {
    const sys = new FakeSys()
    expect(run(mkdirProgram('busybox'), ['mkdir', '-p', '/a/b/c'], { sys }).ended).toEqual({ exit: 0 })
    expect(sys.fs.stat('/a/b/c')).toMatchObject({ kind: 'dir' })
    expect(run(mkdirProgram('busybox'), ['mkdir', '/tmp']).sys.stderr).toBe("mkdir: can't create directory '/tmp': File exists\n")
    expect(run(mkdirProgram('gnu'), ['mkdir', '/x/y']).sys.stderr).toBe("mkdir: cannot create directory '/x/y': No such file or directory\n")
  })
})

describe('ls', () => {
  function tree(): FakeSys {
    const sys = new FakeSys()
    sys.fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx:/nonexistent:/bin/false\n')
    sys.fs.writeFile('/etc/group', 'root:x:0:\nnginx:x:101:\n')
    sys.fs.mkdir('/data')
    sys.fs.writeFile('/data/b.txt', 'hello world\n')
    sys.fs.writeFile('/data/.hidden', '')
    sys.fs.mkdir('/data/sub')
    return sys
  }

  it('lists one name a line, hiding dot files unless -a (which adds . and ..)', () => {
    expect(run(lsProgram('busybox'), ['ls', '/data'], { sys: tree() }).sys.stdout).toBe('b.txt\nsub\n')
    expect(run(lsProgram('busybox'), ['ls', '-a', '/data'], { sys: tree() }).sys.stdout).toBe('.\n..\n.hidden\nb.txt\nsub\n')
  })

  it("ls -l in busybox's columns (%-10s %4lu %-8s %-8s %9u %.12s) with its total", () => {
    const out = run(lsProgram('busybox'), ['ls', '-l', '/data'], { sys: tree() }).sys.stdout
    expect(out).toBe(['total 8', '-rw-r--r--    1 root     root            12 Dec  1 02:44 b.txt', 'drwxr-xr-x    2 root     root          4096 Dec  1 02:44 sub', ''].join('\n'))
  })

  it('ls -l in GNU coreutils\' aligned columns', () => {
    const out = run(lsProgram('gnu'), ['ls', '-l', '/data'], { sys: tree() }).sys.stdout
    expect(out).toBe(['total 8', '-rw-r--r-- 1 root root   12 Dec  1 02:44 b.txt', 'drwxr-xr-x 2 root root 4096 Dec  1 02:44 sub', ''].join('\n'))
  })

  it('a missing operand: busybox `ls: /x: No such file or directory` exit 1, GNU `ls: cannot access \'/x\': ...` exit 2', () => {
    const b = run(lsProgram('busybox'), ['ls', '/x'])
    expect([b.sys.stderr, b.ended]).toEqual(['ls: /x: No such file or directory\n', { exit: 1 }])
    const g = run(lsProgram('gnu'), ['ls', '/x'])
    expect([g.sys.stderr, g.ended]).toEqual(["ls: cannot access '/x': No such file or directory\n", { exit: 2 }])
  })

  it('an old file shows its year instead of its time', () => {
    const sys = tree()
    sys.fs.utimes('/data/b.txt', Date.UTC(2020, 0, 5))
    expect(run(lsProgram('busybox'), ['ls', '-l', '/data/b.txt'], { sys }).sys.stdout).toBe('-rw-r--r--    1 root     root            12 Jan  5  2020 /data/b.txt\n')
  })
})

describe('cp and mv', () => {
  it('cp copies a file into a directory; mv renames', () => {
    const sys = new FakeSys()
    sys.fs.writeFile('/tmp/a', 'A')
    run(cpMvProgram('cp', 'busybox'), ['cp', '/tmp/a', '/root'], { sys })
    expect(sys.fs.readFile('/root/a')).toBe('A')
    run(cpMvProgram('mv', 'busybox'), ['mv', '/tmp/a', '/tmp/b'], { sys })
    expect([sys.fs.readFile('/tmp/a'), sys.fs.readFile('/tmp/b')]).toEqual(['ENOENT', 'A'])
  })

  it("a missing source: busybox `cp: can't stat '/x': ...`, GNU `cp: cannot stat '/x': ...`", () => {
    expect(run(cpMvProgram('cp', 'busybox'), ['cp', '/x', '/y']).sys.stderr).toBe("cp: can't stat '/x': No such file or directory\n")
    expect(run(cpMvProgram('cp', 'gnu'), ['cp', '/x', '/y']).sys.stderr).toBe("cp: cannot stat '/x': No such file or directory\n")
  })
})

describe('test and [', () => {
  const sys = (): FakeSys => {
    const s = new FakeSys()
    s.fs.writeFile('/tmp/healthy', '')
    return s
  }
  it.each([
    [['test', '-e', '/tmp/healthy'], 0],
    [['test', '-f', '/tmp'], 1],
    [['test', '-d', '/tmp'], 0],
    [['test', '-s', '/tmp/healthy'], 1],
    [['[', '1', '-lt', '2', ']'], 0],
    [['[', 'a', '=', 'b', ']'], 1],
    [['[', '!', '-e', '/nope', ']'], 0],
    [['[', '-e', '/tmp/healthy', '-a', '3', '-gt', '2', ']'], 0],
    [['test'], 1],
    [['test', ''], 1],
    [['test', 'x'], 0],
  ])('%j exits %i', (argv, status) => {
    expect(run(testProgram('busybox'), argv as string[], { sys: sys() }).ended).toEqual({ exit: status })
  })

  it('[ without its ] is a syntax error: busybox `[: missing ]`, GNU `[: missing \']\'`, status 2', () => {
    const b = run(testProgram('busybox'), ['[', '1', '=', '1'])
    expect([b.sys.stderr, b.ended]).toEqual(['[: missing ]\n', { exit: 2 }])
    expect(run(testProgram('gnu'), ['[', 'x']).sys.stderr).toBe("[: missing ']'\n")
  })

  it('a non-number to -eq is status 2 with the flavour\'s words', () => {
    const b = run(testProgram('busybox'), ['test', 'a', '-eq', '1'])
    expect([b.sys.stderr, b.ended]).toEqual(["test: invalid number 'a'\n", { exit: 2 }])
    expect(run(testProgram('gnu'), ['test', 'a', '-eq', '1']).sys.stderr).toBe("test: invalid integer 'a'\n")
  })
})
