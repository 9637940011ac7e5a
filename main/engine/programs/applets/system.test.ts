// date, env, printenv, hostname, id, whoami, uname, kill, ps: what the process sees of its system.
import { describe, expect, it } from 'vitest'
import { FakeSys, run, T0 } from '../testing/fake-sys'
import { dateProgram } from './date'
import { envProgram, printenvProgram } from './env'
import { hostnameProgram, idProgram, unameProgram, whoamiProgram } from './identity'
import { killProgram } from './kill'
import { psProgram } from './ps'

describe('date', () => {
  it("prints the virtual clock in busybox's default format: `Tue Dec  1 02:44:48 UTC 2026`", () => {
    expect(run(dateProgram('busybox'), ['date']).sys.stdout).toBe('Tue Dec  1 02:44:48 UTC 2026\n')
  })

  it('follows the clock, and +FORMAT', () => {
    const sys = new FakeSys()
    sys.clock = T0 + 86_400_000 * 10 + 1000
    expect(run(dateProgram('busybox'), ['date'], { sys }).sys.stdout).toBe('Fri Dec 11 02:44:49 UTC 2026\n')
    expect(run(dateProgram('gnu'), ['date', '+%Y-%m-%dT%H:%M:%S%z %s %j'], { sys: new FakeSys() }).sys.stdout).toBe(`2026-12-01T02:44:48+0000 ${T0 / 1000} 335\n`)
  })

  it("refuses another operand: `date: invalid date 'x'`", () => {
    const p = run(dateProgram('busybox'), ['date', 'x'])
    expect([p.sys.stderr, p.ended]).toEqual(["date: invalid date 'x'\n", { exit: 1 }])
  })
})

describe('env and printenv', () => {
  const env = { PATH: '/bin', HOME: '/root', GREETING: 'hi' }
  it('env prints NAME=VALUE lines; printenv NAME prints the value or exits 1', () => {
    expect(run(envProgram, ['env'], { env }).sys.stdout).toBe('PATH=/bin\nHOME=/root\nGREETING=hi\n')
    expect(run(printenvProgram, ['printenv', 'GREETING'], { env }).sys.stdout).toBe('hi\n')
    expect(run(printenvProgram, ['printenv', 'NOPE'], { env }).ended).toEqual({ exit: 1 })
  })

  it('env NAME=VALUE COMMAND execs the command with the changed environment', () => {
    expect(run(envProgram, ['env', '-u', 'HOME', 'X=1', 'printenv', 'X'], { env }).ended).toEqual({ exec: { argv: ['printenv', 'X'], env: { PATH: '/bin', GREETING: 'hi', X: '1' }, cwd: '/' } })
  })
})

describe('hostname, id, whoami, uname', () => {
  function sys(): FakeSys {
    const s = new FakeSys()
    s.fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ncurl_user:x:100:101:Linux User,,,:/home/curl_user:/sbin/nologin\n')
    s.fs.writeFile('/etc/group', 'root:x:0:root\nwheel:x:10:root\ncurl_group:x:101:\n')
    s.procs = [{ pid: 1, ppid: 0, user: 'root', command: 'sh', startedAt: T0, rssBytes: 0, state: 'S' }]
    return s
  }

  it('hostname is the pod name', () => {
    expect(run(hostnameProgram, ['hostname']).sys.stdout).toBe('mypod\n')
  })

  it('id of root lists its groups from /etc/group', () => {
    expect(run(idProgram, ['id'], { sys: sys() }).sys.stdout).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n')
  })

  it('id and whoami follow the process user (an image USER)', () => {
    const s = sys()
    s.procs[0]!.user = 'curl_user'
    expect(run(idProgram, ['id'], { sys: s }).sys.stdout).toBe('uid=100(curl_user) gid=101(curl_group) groups=101(curl_group)\n')
    s.stdout = ''
    expect(run(whoamiProgram('busybox'), ['whoami'], { sys: s }).sys.stdout).toBe('curl_user\n')
  })

  it('uname and uname -a', () => {
    expect(run(unameProgram, ['uname']).sys.stdout).toBe('Linux\n')
    expect(run(unameProgram, ['uname', '-a']).sys.stdout).toMatch(/^Linux mypod 6\.\S+ #.* x86_64 GNU\/Linux\n$/)
  })
})

describe('kill', () => {
  it('kill PID sends TERM; kill -9 and -s KILL send KILL', () => {
    const sys = new FakeSys()
    run(killProgram('busybox'), ['kill', '1'], { sys })
    run(killProgram('busybox'), ['kill', '-9', '7'], { sys })
    run(killProgram('busybox'), ['kill', '-s', 'KILL', '8'], { sys })
    run(killProgram('gnu'), ['kill', '-SIGQUIT', '9'], { sys })
    expect(sys.kills).toEqual([
      { pid: 1, sig: 'SIGTERM' },
      { pid: 7, sig: 'SIGKILL' },
      { pid: 8, sig: 'SIGKILL' },
      { pid: 9, sig: 'SIGQUIT' },
    ])
  })

  it("no such process: busybox `kill: can't kill pid 99: No such process`, procps `kill: (99): No such process`", () => {
    const sys = new FakeSys()
    sys.procs = [{ pid: 1, ppid: 0, user: 'root', command: 'sleep 3600', startedAt: T0, rssBytes: 0, state: 'S' }]
    const b = run(killProgram('busybox'), ['kill', '99'], { sys })
    expect([b.sys.stderr, b.ended]).toEqual(["kill: can't kill pid 99: No such process\n", { exit: 1 }])
    sys.stderr = ''
    expect(run(killProgram('gnu'), ['kill', '99'], { sys }).sys.stderr).toBe('kill: (99): No such process\n')
  })

  it('kill -l 15 names the signal; a bad signal name is refused', () => {
    expect(run(killProgram('busybox'), ['kill', '-l', '15']).sys.stdout).toBe('TERM\n')
    expect(run(killProgram('busybox'), ['kill', '-FOO', '1']).ended).toEqual({ exit: 1 })
  })
})

describe('ps', () => {
  const sys = (): FakeSys => {
    const s = new FakeSys()
    s.procs = [
      { pid: 1, ppid: 0, user: 'root', command: 'sh -c sleep 3600', startedAt: T0, rssBytes: 1 << 20, state: 'S' },
      { pid: 7, ppid: 1, user: 'root', command: 'sleep 3600', startedAt: T0, rssBytes: 1 << 19, state: 'S' },
      { pid: 8, ppid: 0, user: 'root', command: 'ps', startedAt: T0, rssBytes: 1 << 19, state: 'R' },
    ]
    return s
  }

  it("busybox: `PID   USER     TIME  COMMAND` and its columns", () => {
    expect(run(psProgram('busybox'), ['ps'], { sys: sys() }).sys.stdout).toBe(
      ['PID   USER     TIME  COMMAND', '    1 root      0:00 sh -c sleep 3600', '    7 root      0:00 sleep 3600', '    8 root      0:00 ps', ''].join('\n'),
    )
  })

  it('procps: PID TTY TIME CMD, and ps -ef', () => {
    expect(run(psProgram('gnu'), ['ps'], { sys: sys() }).sys.stdout).toBe(['    PID TTY          TIME CMD', '      1 ?        00:00:00 sh', '      7 ?        00:00:00 sleep', '      8 ?        00:00:00 ps', ''].join('\n'))
    expect(run(psProgram('gnu'), ['ps', '-ef'], { sys: sys() }).sys.stdout.split('\n')[1]).toBe('root           1       0  0 02:44 ?        00:00:00 sh -c sleep 3600')
  })
})
