import { describe, expect, it } from 'vitest'
import { shellKernel } from './testing/shell-kernel'

describe('a shell runs across many steps on the virtual clock', () => {
  it("the docs' liveness script: /tmp/healthy exists for 30 s, then is gone while sleep 600 runs", () => {
    const k = shellKernel('busybox')
    k.start(['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'])
    k.advance(29_000)
    expect(typeof k.fs.stat('/tmp/healthy')).toBe('object')
    expect(k.processes().map((p) => p.command)).toEqual(['/bin/sh -c touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600', 'sleep 30'])
    k.advance(2_000)
    expect(k.fs.stat('/tmp/healthy')).toBe('ENOENT')
    k.advance(600_000)
    expect(k.status(1)).toEqual({ exited: 0 })
  })

  it('a while loop with $(date) and $((i+1)) writes one line per virtual second', () => {
    const k = shellKernel('busybox', { nowMs: Date.UTC(2026, 11, 1, 2, 44, 48) })
    k.start(['sh', '-c', 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'])
    k.advance(2_500)
    expect(k.logText()).toBe('0: Tue Dec  1 02:44:48 UTC 2026\n1: Tue Dec  1 02:44:49 UTC 2026\n2: Tue Dec  1 02:44:50 UTC 2026\n')
    expect(k.isRunning(1)).toBe(true)
  })

  it('the state survives a JSON round trip and a cold parse cache between steps (frames point at statement ids)', async () => {
    const { clearParseCache } = await import('./parse')
    const k = shellKernel('dash')
    k.start(['sh', '-c', 'for n in 1 2 3; do if [ $n = 2 ]; then echo two; else echo "n=$n"; fi; sleep 1; done; echo end'])
    k.advance(1_000)
    clearParseCache()
    k.advance(5_000)
    expect(k.logText()).toBe('n=1\ntwo\nn=3\nend\n')
  })

  it('a command substitution runs to its end at the same instant', () => {
    const k = shellKernel('dash')
    k.start(['sh', '-c', 'echo "[$(echo a; echo b)]"; x=$(cat /data/plain.txt); echo "$x"'])
    expect(k.logText()).toBe('[a\nb]\nhello\n')
  })
})

describe('external commands: spawned, waited for, or the shell becomes its last command', () => {
  it('sh -c "sleep 3600" execs sleep as PID 1 (busybox, dash and bash all exec a lone last command)', () => {
    const k = shellKernel('busybox')
    k.start(['sh', '-c', 'sleep 3600'])
    expect(k.processes().map((p) => `${p.pid} ${p.command}`)).toEqual(['1 sleep 3600'])
  })

  it('sh -c "echo ... && sleep 3600" keeps the shell as PID 1 with sleep as its child', () => {
    const k = shellKernel('busybox')
    k.start(['sh', '-c', 'echo The app is running! && sleep 3600'])
    expect(k.logText()).toBe('The app is running!\n')
    expect(k.processes().map((p) => `${p.pid} ${p.ppid} ${p.command}`)).toEqual(['1 0 sh -c echo The app is running! && sleep 3600', '2 1 sleep 3600'])
  })

  it.each([
    ['busybox', 'sh: nosuch: not found\n'],
    ['dash', 'sh: 2: nosuch: not found\n'],
    ['bash', 'bash: line 2: nosuch: command not found\n'],
  ] as const)('%s: a command not found prints its text and gives 127', (flavour, text) => {
    const k = shellKernel(flavour)
    k.start([flavour === 'bash' ? 'bash' : 'sh', '-c', 'true\nnosuch arg; echo "status $?"'])
    expect(k.logText('stderr')).toBe(text)
    expect(k.logText('stdout')).toBe('status 127\n')
  })

  it.each([
    ['busybox', 'sh: /data/plain.txt: Permission denied\n'],
    ['dash', 'sh: 1: /data/plain.txt: Permission denied\n'],
    ['bash', 'bash: line 1: /data/plain.txt: Permission denied\n'],
  ] as const)('%s: a file that is not executable gives 126', (flavour, text) => {
    const k = shellKernel(flavour)
    k.start([flavour === 'bash' ? 'bash' : 'sh', '-c', '/data/plain.txt; echo $?'])
    expect(k.logText()).toBe(`${text}126\n`)
  })

  it('busybox echo reads no escapes without -e; dash always does', () => {
    const busybox = shellKernel('busybox')
    busybox.start(['sh', '-c', 'echo "a\\tb"; echo -e "c\\td"'])
    expect(busybox.logText()).toBe('a\\tb\nc\td\n')
    const dash = shellKernel('dash')
    dash.start(['sh', '-c', 'echo "a\\tb"'])
    expect(dash.logText()).toBe('a\tb\n')
  })

  it('`cmd &` in a compound forks a shell that shows in ps with the same command line, and wait collects it', () => {
    const k = shellKernel('dash')
    k.start(['sh', '-c', '(sleep 2; echo child done) & echo started $!; wait; echo "waited $?"'])
    expect(k.logText()).toBe('started 2\n')
    expect(k.processes().map((p) => p.command)).toEqual(['sh -c (sleep 2; echo child done) & echo started $!; wait; echo "waited $?"', 'sh -c (sleep 2; echo child done) & echo started $!; wait; echo "waited $?"', 'sleep 2'])
    k.advance(2_000)
    expect(k.logText()).toBe('started 2\nchild done\nwaited 0\n')
  })
})

describe('signals', () => {
  it('PID 1 shell without a trap ignores TERM (kill 1 from inside does nothing); SIGKILL from outside ends it', () => {
    const k = shellKernel('busybox')
    k.start(['sh', '-c', 'while true; do sleep 10; done'])
    const session = k.openSession('s')
    k.start(['sh', '-c', 'kill 1; kill -9 1; echo sent $?'], { fds: session })
    expect(k.session('s').stdout).toBe('sent 0\n')
    k.advance(30_000)
    expect(k.isRunning(1)).toBe(true)
    k.kill(1, 'SIGKILL')
    expect(k.status(1)).toEqual({ signaled: 'SIGKILL' })
  })

  it('with `trap ... TERM` the trap runs only after the foreground child ends (POSIX)', () => {
    const k = shellKernel('dash')
    k.start(['sh', '-c', "trap 'echo caught; exit 3' TERM; sleep 30; echo not reached"])
    k.advance(1_000)
    k.kill(1, 'SIGTERM')
    expect(k.logText()).toBe('')
    k.advance(29_000)
    expect(k.logText()).toBe('caught\n')
    expect(k.status(1)).toEqual({ exited: 3 })
  })

  it('`wait` is interrupted at once by a trapped signal', () => {
    const k = shellKernel('bash')
    k.start(['bash', '-c', "trap 'echo term; exit 0' TERM; sleep 3600 & wait"])
    k.advance(5_000)
    k.kill(1, 'SIGTERM')
    expect(k.logText()).toBe('term\n')
    expect(k.status(1)).toEqual({ exited: 0 })
  })

  it('the EXIT trap runs at the end, after a trapped TERM exits', () => {
    const k = shellKernel('busybox')
    k.start(['sh', '-c', "trap 'echo bye' EXIT; trap 'exit 1' INT; sleep 100 & wait"])
    k.kill(1, 'SIGINT')
    expect(k.logText()).toBe('bye\n')
    expect(k.status(1)).toEqual({ exited: 1 })
  })

  it('a shell that is not PID 1 dies of an untrapped TERM (status 143 to its parent)', () => {
    const k = shellKernel('dash')
    k.start(['sh', '-c', 'sh -c "sleep 50; echo no"; echo "child $?"'])
    const child = k.processes().find((p) => p.command.startsWith('sh -c sleep'))!
    k.kill(child.pid, 'SIGTERM')
    expect(k.logText()).toBe('child 143\n')
  })

  it.each([
    ['busybox', 'sh: can\'t kill pid 99: No such process\n'],
    ['dash', 'sh: 1: kill: No such process\n'],
    ['bash', 'bash: line 1: kill: (99) - No such process\n'],
  ] as const)('%s: kill builtin on a missing pid', (flavour, text) => {
    const k = shellKernel(flavour)
    k.start([flavour === 'bash' ? 'bash' : 'sh', '-c', 'kill -TERM 99; echo $?'])
    expect(k.logText()).toBe(`${text}1\n`)
  })
})

describe('interactive sessions (kubectl exec -it ... -- sh)', () => {
  it.each([
    ['busybox', '/ # ', 'sh'],
    ['dash', '# ', 'sh'],
    ['bash', 'root@mypod:/# ', 'bash'],
  ] as const)('%s prints its prompt, runs each line, exits at `exit`', (flavour, promptText, arg0) => {
    const k = shellKernel(flavour)
    k.start(['sleep', '3600'])
    const fds = k.openSession('s')
    const pid = k.start([arg0], { fds, env: { PATH: '/bin', HOME: '/root', TERM: 'xterm' } })
    expect(k.session('s').stderr).toBe(promptText)
    k.sessionInput('s', 'echo hi $((1+1))\n')
    expect(k.session('s').stdout).toBe('hi 2\n')
    k.sessionInput('s', 'for i in 1 2; do\n')
    k.sessionInput('s', 'echo $i; done\n')
    expect(k.session('s').stdout).toBe('hi 2\n1\n2\n')
    expect(k.session('s').stderr).toBe(`${promptText}${promptText}> ${promptText}`)
    k.sessionInput('s', 'exit 4\n')
    expect(k.status(pid)).toEqual({ exited: 4 })
  })

  it('ends at end of input with the last status; without TERM there is no prompt', () => {
    const k = shellKernel('dash')
    k.start(['sleep', '3600'])
    const fds = k.openSession('s')
    const pid = k.start(['sh'], { fds })
    k.sessionInput('s', 'false\n')
    k.sessionInput('s', 'eof')
    expect(k.session('s').stderr).toBe('')
    expect(k.status(pid)).toEqual({ exited: 1 })
  })

  it.each(['busybox', 'dash', 'bash'] as const)(
    '%s: a paste of several lines arrives in one chunk; the lines after a pipeline or a redirection still run',
    (flavour) => {
      const k = shellKernel(flavour)
      k.start(['sleep', '3600'])
      const pid = k.start([flavour === 'bash' ? 'bash' : 'sh'], { fds: k.openSession('s'), env: { PATH: '/bin', HOME: '/root' } })
      k.sessionInput('s', 'echo a | cat\necho b > /tmp/b\ncat < /tmp/b\necho c\nexit 4\n')
      expect(k.session('s').stdout).toBe('a\nb\nc\n')
      expect(k.status(pid)).toEqual({ exited: 4 })
    },
  )

  it('an interactive shell ignores TERM, as real ones do', () => {
    const k = shellKernel('bash')
    k.start(['sleep', '3600'])
    const pid = k.start(['bash'], { fds: k.openSession('s'), env: { TERM: 'xterm', PATH: '/bin' } })
    k.kill(pid, 'SIGTERM')
    expect(k.isRunning(pid)).toBe(true)
  })
})

describe('exec and scripts', () => {
  it('`exec sleep` replaces the shell: same pid, and nothing after it runs', () => {
    const k = shellKernel('dash')
    k.start(['sh', '-c', 'echo before; exec sleep 5; echo after'])
    expect(k.processes().map((p) => `${p.pid} ${p.command}`)).toEqual(['1 sleep 5'])
    k.advance(5_000)
    expect(k.logText()).toBe('before\n')
    expect(k.status(1)).toEqual({ exited: 0 })
  })

  it('`exec` with a redirection runs the command with it, then the shell ends with its status', () => {
    const k = shellKernel('busybox')
    k.start(['sh', '-c', 'exec cat /data/plain.txt > /tmp/copy; echo after'])
    expect(k.fs.readFile('/tmp/copy')).toBe('hello\n')
    expect(k.logText()).toBe('')
    expect(k.status(1)).toEqual({ exited: 0 })
  })

  it('an executable text file without #! is run by the shell itself, with its own $0 and arguments', () => {
    const k = shellKernel('dash')
    k.fs.writeFile('/data/run.sh', 'echo "script $0 got $1 $#"\nexit 3\n')
    k.fs.chmod('/data/run.sh', 0o755)
    k.start(['sh', '-c', '/data/run.sh one two; echo "status $? $0"'])
    expect(k.logText()).toBe('script /data/run.sh got one 2\nstatus 3 sh\n')
  })
})

describe('resources', () => {
  it('a loop that never waits runs 5,000 frames per virtual second, uses a whole core, and the clock goes on', () => {
    const k = shellKernel('busybox')
    k.start(['sh', '-c', 'i=0; while :; do i=$((i+1)); done'])
    expect(k.table.get(1)!.cpuMillicores).toBe(1000)
    k.advance(3_000)
    expect(k.isRunning(1)).toBe(true)
    expect(k.nowMs).toBe(3_000)
  })

  it('memory grows with what the variables hold (a loop that allocates); an idle shell has its base size', () => {
    const k = shellKernel('dash')
    k.start(['sh', '-c', 'x=0123456789; n=0; while [ $n -lt 10 ]; do x="$x$x"; n=$((n+1)); sleep 1; done; sleep 100'])
    const before = k.table.get(1)!.rssBytes
    k.advance(11_000)
    expect(before).toBeLessThan(700 * 1024)
    expect(k.table.get(1)!.rssBytes - before).toBeGreaterThan(10 * 1024 - 20)
    expect(k.table.get(1)!.cpuMillicores).toBe(0)
  })
})

describe('what tutorials put in command/args', () => {
  it("the init container's until loop keeps waiting (with 2>/dev/null) until the file it polls appears", () => {
    const k = shellKernel('busybox')
    k.start(['sh', '-c', 'until cat /tmp/ready 2>/dev/null; do echo waiting for myservice; sleep 2; done; echo ready'])
    k.advance(5_000)
    expect(k.logText()).toBe('waiting for myservice\n'.repeat(3))
    k.fs.writeFile('/tmp/ready', 'ok\n')
    k.advance(1_000)
    expect(k.logText()).toBe(`${'waiting for myservice\n'.repeat(3)}ok\nready\n`)
    expect(k.status(1)).toEqual({ exited: 0 })
  })

  it('2>&1 sends a command\'s errors into the pipe; >&2 sends echo to stderr', () => {
    const k = shellKernel('dash')
    k.start(['sh', '-c', 'cat /nope 2>&1 | cat > /tmp/out; echo to-err >&2'])
    expect(k.fs.readFile('/tmp/out')).toBe("cat: can't open '/nope': No such file or directory\n")
    expect(k.logText('stderr')).toBe('to-err\n')
  })

  it('kill -9 / -s TERM / -TERM reach a child; $? of the waited child is 128+n', () => {
    const k = shellKernel('bash')
    k.start(['bash', '-c', 'sleep 100 & p=$!; kill -9 $p; wait $p; echo "9: $?"; sleep 100 & p=$!; kill -s TERM $p; wait $p; echo "TERM: $?"; sleep 100 & kill -TERM $!; wait $!; echo "-TERM: $?"'])
    expect(k.logText()).toBe('9: 137\nTERM: 143\n-TERM: 143\n')
  })

  it('kill -l lists signals as busybox does, one per line', () => {
    const k = shellKernel('busybox')
    k.start(['sh', '-c', 'kill -l; kill -l 9'])
    const lines = k.logText('stdout').split('\n')
    expect([...lines.slice(0, 2), lines[14], lines[lines.length - 2]]).toEqual([' 1) HUP', ' 2) INT', '15) TERM', 'KILL'])
  })
})
