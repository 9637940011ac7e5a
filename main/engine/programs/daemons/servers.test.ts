// The image daemons other than nginx: their start-up lines, ports, answers and signals.
import type { Program } from '../../process/program'
import { describe, expect, it } from 'vitest'
import { FakeSys, run, T0 } from '../testing/fake-sys'
import { agnhost } from './agnhost'
import { curlEntrypoint, nodeEntrypoint, redisEntrypoint } from './entrypoints'
import { helloApp, helloWorld, httpEcho, pause } from './go-programs'
import { httpd } from './httpd'
import { interpreter } from './interpreters'
import { mongoEntrypoint } from './mongo'
import { mysqlEntrypoint } from './mysql'
import { postgres, postgresEntrypoint } from './postgres'
import { redisServer } from './redis'

describe('pause and hello-world', () => {
  it('pause waits; TERM prints psignal\'s "Shutting down, got signal: Terminated" and exits 0', () => {
    const p = run(pause, ['/pause'])
    expect(p.running).toBe(true)
    p.signal('SIGTERM')
    expect([p.sys.stderr, p.ended]).toEqual(['Shutting down, got signal: Terminated\n', { exit: 0 }])
  })

  it('pause not as PID 1 warns first', () => {
    expect(run(pause, ['/pause'], { init: false }).sys.stderr).toBe('Warning: pause should be the first process\n')
  })

  it('hello-world prints its message and exits 0', () => {
    const p = run(helloWorld, ['/hello'])
    expect(p.ended).toEqual({ exit: 0 })
    expect(p.sys.stdout.startsWith('\nHello from Docker!\nThis message shows that your installation appears to be working correctly.\n')).toBe(true)
  })
})

describe('agnhost', () => {
  it('pause prints Paused; TERM exits 2, INT exits 1', () => {
    const p = run(agnhost, ['/agnhost', 'pause'])
    expect(p.sys.stdout).toBe('Paused\n')
    p.signal('SIGTERM')
    expect(p.ended).toEqual({ exit: 2 })
    const q = run(agnhost, ['/agnhost', 'pause'])
    q.signal('SIGINT')
    expect(q.ended).toEqual({ exit: 1 })
  })

  it('liveness: /healthz is 200 ok for 10 s, then 500 `error: <seconds>`', () => {
    const p = run(agnhost, ['/agnhost', 'liveness'])
    expect(p.sys.listening).toEqual([8080])
    p.sys.clock = T0 + 10_000
    expect(p.http('/healthz')).toMatchObject({ status: 200, body: 'ok' })
    p.sys.clock = T0 + 12_500
    expect(p.http('/healthz')).toMatchObject({ status: 500, body: 'error: 12.5' })
  })

  it('netexec logs its start and answers /hostname and /echo', () => {
    const p = run(agnhost, ['/agnhost', 'netexec', '--http-port=8080'])
    expect(p.sys.stderr).toBe('2026/12/01 02:44:48 Started HTTP server on port 8080\n2026/12/01 02:44:48 Started UDP server on port  8081\n')
    expect(p.http('/hostname').body).toBe('mypod')
    expect(p.http('/echo?msg=hi').body).toBe('hi')
  })

  it('netexec /exit?code=3 ends the process with 3 at its next step', () => {
    const p = run(agnhost, ['/agnhost', 'netexec'])
    p.http('/exit?code=3')
    p.resume()
    expect(p.ended).toEqual({ exit: 3 })
  })

  it('serve-hostname answers its hostname on 9376 and lingers 60 s after TERM', () => {
    const p = run(agnhost, ['/agnhost', 'serve-hostname'])
    expect(p.sys.listening).toEqual([9376])
    expect(p.http('/').body).toBe('mypod')
    p.signal('SIGTERM')
    expect(p.running).toBe(true)
    p.advance(59_999)
    expect(p.running).toBe(true)
    p.advance(1)
    expect(p.ended).toEqual({ exit: 0 })
  })

  it('an unknown subcommand is cobra\'s error, exit 1', () => {
    const p = run(agnhost, ['/agnhost', 'nope'])
    expect([p.sys.stderr, p.ended]).toEqual(['Error: unknown command "nope" for "agnhost"\nRun \'agnhost --help\' for usage.\n', { exit: 1 }])
  })
})

describe('http-echo and hello-app', () => {
  it('http-echo without -text or ECHO_TEXT exits 127 with its words; with it, echoes on :5678', () => {
    const bad = run(httpEcho, ['/http-echo'], { env: {} })
    expect([bad.sys.stderr, bad.ended]).toEqual(['Missing -text option or ECHO_TEXT env var!\n', { exit: 127 }])
    const p = run(httpEcho, ['/http-echo', '-text=apple'], { env: {} })
    expect(p.sys.listening).toEqual([5678])
    expect(p.http('/').body).toBe('apple\n')
    p.signal('SIGTERM')
    expect(p.ended).toEqual({ exit: 2 })
  })

  it('hello-app logs `Server listening on port 8080` and answers with its three lines', () => {
    const p = run(helloApp, ['/hello-app'], { env: {}, image: 'gcr.io/google-samples/hello-app:2.0' })
    expect(p.sys.stderr).toBe('2026/12/01 02:44:48 Server listening on port 8080\n')
    expect(p.http('/').body).toBe('Hello, world!\nVersion: 2.0.0\nHostname: mypod\n')
    expect(p.sys.stderr).toContain('Serving request: /\n')
  })
})

describe('redis', () => {
  it('prints its start-up notices (7.2 markers), listens on 6379; TERM saves and exits 0', () => {
    const p = run(redisServer, ['redis-server'], { env: { REDIS_VERSION: '7.2.5' } })
    const lines = p.sys.stdout.split('\n')
    expect(lines[0]).toBe('1:C 01 Dec 2026 02:44:48.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo')
    expect(lines[1]).toBe('1:C 01 Dec 2026 02:44:48.000 * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started')
    expect(lines[6]).toBe('1:M 01 Dec 2026 02:44:48.000 * Ready to accept connections tcp')
    expect(p.sys.listening).toEqual([6379])
    p.signal('SIGTERM')
    expect(p.ended).toEqual({ exit: 0 })
    expect(p.sys.stdout).toContain(`1:signal-handler (${T0 / 1000}) Received SIGTERM scheduling shutdown...\n`)
  })

  it('redis 6 uses # markers and "Ready to accept connections"', () => {
    const p = run(redisServer, ['redis-server'], { env: {}, image: 'docker.io/library/redis:6.0.5' })
    expect(p.sys.stdout).toContain('# Redis version=6.0.5,')
    expect(p.sys.stdout.trimEnd().split('\n').pop()).toBe('1:M 01 Dec 2026 02:44:48.000 * Ready to accept connections')
  })
})

describe('postgres', () => {
  it('without POSTGRES_PASSWORD the entrypoint prints its error block and exits 1', () => {
    const p = run(postgresEntrypoint, ['docker-entrypoint.sh', 'postgres'], { env: { PGDATA: '/var/lib/postgresql/data' } })
    expect(p.ended).toEqual({ exit: 1 })
    expect(p.sys.stderr.split('\n').slice(0, 3)).toEqual([
      'Error: Database is uninitialized and superuser password is not specified.',
      '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
      '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
    ])
  })

  it('with a password it initializes for 2 s, then execs postgres; a second start skips initialization', () => {
    const sys = new FakeSys()
    const env = { PGDATA: '/var/lib/postgresql/data', POSTGRES_PASSWORD: 'x' }
    const p = run(postgresEntrypoint, ['docker-entrypoint.sh', 'postgres'], { sys, env })
    expect(p.running).toBe(true)
    expect(sys.stdout).toContain('\nPostgreSQL init process complete; ready for start up.\n')
    p.advance(2000)
    expect(p.ended).toEqual({ exec: { argv: ['postgres'], env, cwd: '/' } })
    sys.stdout = ''
    const again = run(postgresEntrypoint, ['docker-entrypoint.sh', 'postgres'], { sys, env })
    expect(sys.stdout).toBe('\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n')
    expect(again.ended).toMatchObject({ exec: { argv: ['postgres'] } })
  })

  it('the server listens on 5432 and SIGINT (the image STOPSIGNAL) is a fast shutdown, exit 0', () => {
    const p = run(postgres, ['postgres'], { env: { PG_VERSION: '17.2-1.pgdg120+1' } })
    expect(p.sys.stderr.split('\n')[0]).toBe('2026-12-01 02:44:48.000 UTC [1] LOG:  starting PostgreSQL 17.2 (Debian 17.2-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit')
    expect(p.sys.listening).toEqual([5432])
    p.signal('SIGINT')
    expect(p.ended).toEqual({ exit: 0 })
    expect(p.sys.stderr).toContain('LOG:  received fast shutdown request\n')
  })
})

describe('mysql and mongo entrypoints', () => {
  it('mysql without a root password option: [ERROR] [Entrypoint] block, exit 1', () => {
    const p = run(mysqlEntrypoint, ['docker-entrypoint.sh', 'mysqld'], { env: {}, image: 'docker.io/library/mysql:8.4' })
    expect(p.ended).toEqual({ exit: 1 })
    expect(p.sys.stdout).toBe("2026-12-01 02:44:48+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.\n2026-12-01 02:44:48+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'\n2026-12-01 02:44:48+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.4.3-1.el9 started.\n")
    expect(p.sys.stderr).toBe('2026-12-01 02:44:48+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n')
  })

  it('mysql with MYSQL_ROOT_PASSWORD initializes (8 s) then execs mysqld', () => {
    const p = run(mysqlEntrypoint, ['docker-entrypoint.sh', 'mysqld'], { env: { MYSQL_ROOT_PASSWORD: 'x' } })
    expect(p.running).toBe(true)
    p.advance(8000)
    expect(p.ended).toMatchObject({ exec: { argv: ['mysqld'] } })
    expect(p.sys.stdout).toContain('[Note] [Entrypoint]: MySQL init process done. Ready for start up.\n')
  })

  it('mongo with only one of the root user variables: its error, exit 1', () => {
    const p = run(mongoEntrypoint, ['docker-entrypoint.sh', 'mongod'], { env: { MONGO_INITDB_ROOT_USERNAME: 'admin' } })
    expect([p.sys.stderr, p.ended]).toEqual(["error: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created\n", { exit: 1 }])
  })
})

describe('httpd', () => {
  it('prints AH00558 twice and its notices; serves "It works!"; SIGWINCH stops it gracefully, exit 0', () => {
    const sys = new FakeSys()
    sys.names.mypod = ['10.244.0.5']
    sys.fs.mkdir('/usr/local/apache2/htdocs', { parents: true })
    sys.fs.writeFile('/usr/local/apache2/htdocs/index.html', '<html><body><h1>It works!</h1></body></html>\n')
    const p = run(httpd, ['httpd', '-DFOREGROUND'], { sys, env: { HTTPD_VERSION: '2.4.62' } })
    const lines = sys.stderr.split('\n')
    expect(lines[0]).toBe("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.0.5. Set the 'ServerName' directive globally to suppress this message")
    expect(lines[2]).toBe('[Tue Dec 01 02:44:48.000000 2026] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations')
    expect(lines[3]).toBe("[Tue Dec 01 02:44:48.000000 2026] [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'")
    expect(p.http('/').body).toBe('<html><body><h1>It works!</h1></body></html>\n')
    expect(p.http('/nope').status).toBe(404)
    expect(sys.stdout.split('\n')[1]).toBe('127.0.0.1 - - [01/Dec/2026:02:44:48 +0000] "GET /nope HTTP/1.1" 404 196')
    p.signal('SIGWINCH')
    expect(p.ended).toEqual({ exit: 0 })
    expect(sys.stderr).toContain('AH00492: caught SIGWINCH, shutting down gracefully\n')
  })
})

describe('node and python', () => {
  it('the default REPL reads stdin to its end and exits 0 (a container without stdin crash-loops)', () => {
    expect(run(interpreter('python'), ['python3']).ended).toEqual({ exit: 0 })
    expect(run(interpreter('node'), ['node']).ended).toEqual({ exit: 0 })
  })

  it('code is not run: python3 -c and node -e say so on stderr and exit 1, never pretending', () => {
    const p = run(interpreter('python'), ['python3', '-c', 'print(1)'])
    expect([p.sys.stdout, p.ended]).toEqual(['', { exit: 1 }])
    expect(p.sys.stderr).toBe('Podlab does not run Python programs yet: only the interactive prompt is simulated (it ends at end of input).\n')
    expect(run(interpreter('node'), ['node', '-e', 'x']).sys.stderr).toContain('Podlab does not run JavaScript programs yet')
  })

  it('--version prints the image version', () => {
    expect(run(interpreter('python'), ['python3', '--version'], { env: { PYTHON_VERSION: '3.13.1' } }).sys.stdout).toBe('Python 3.13.1\n')
    expect(run(interpreter('node'), ['node', '--version'], { env: { NODE_VERSION: '22.12.0' } }).sys.stdout).toBe('v22.12.0\n')
  })
})

describe('entrypoints that only choose what to exec', () => {
  it('curlimages/curl: a flag or a non-command first means curl', () => {
    const sys = new FakeSys()
    sys.fs.mkdir('/usr/bin', { parents: true })
    sys.fs.writeFile('/usr/bin/sh', '')
    const env = { PATH: '/usr/bin' }
    expect(run(curlEntrypoint, ['/entrypoint.sh', '-s', 'http://x'], { sys, env }).ended).toMatchObject({ exec: { argv: ['curl', '-s', 'http://x'] } })
    expect(run(curlEntrypoint, ['/entrypoint.sh', 'http://x'], { sys, env }).ended).toMatchObject({ exec: { argv: ['curl', 'http://x'] } })
    expect(run(curlEntrypoint, ['/entrypoint.sh', 'sh', '-c', 'x'], { sys, env }).ended).toMatchObject({ exec: { argv: ['sh', '-c', 'x'] } })
  })

  it('redis: a flag or a .conf file means redis-server; node: a script file means node', () => {
    expect(run(redisEntrypoint, ['docker-entrypoint.sh', '--appendonly', 'yes']).ended).toMatchObject({ exec: { argv: ['redis-server', '--appendonly', 'yes'] } })
    expect(run(nodeEntrypoint, ['docker-entrypoint.sh', 'app.js'], { env: { PATH: '/bin' } }).ended).toMatchObject({ exec: { argv: ['node', 'app.js'] } })
  })
})

describe('Go servers without signal.Notify (issue 8 user case: agnhost liveness ignored SIGTERM)', () => {
  it('agnhost liveness and netexec, and hello-app, end at once on SIGTERM with exit 2, as the Go runtime does as PID 1', () => {
    for (const [program, argv] of [
      [agnhost, ['/agnhost', 'liveness']],
      [agnhost, ['/agnhost', 'netexec']],
      [helloApp, ['/hello-app']],
    ] as const) {
      const p = run(program as Program<unknown>, [...argv])
      expect(p.running).toBe(true)
      p.signal('SIGTERM')
      expect(p.ended, argv.join(' ')).toEqual({ exit: 2 })
    }
  })
})
