// The official postgres image: docker-entrypoint.sh (docker-library/postgres 17) and the postgres server.
// The entrypoint, for `postgres ...`: with an empty $PGDATA it needs POSTGRES_PASSWORD (or
// POSTGRES_HOST_AUTH_METHOD=trust), else prints its error block on stderr and exits 1; otherwise it runs
// initdb and a temporary server (their lines, about 2 s), writes $PGDATA/PG_VERSION, and execs the server. A
// $PGDATA that has PG_VERSION (an emptyDir kept across restarts) skips initialization. The server logs on
// stderr, listens on 5432, and shuts down on INT (fast, the image's STOPSIGNAL), TERM (smart), QUIT (immediate).

import { isErrno } from '../../process/errno'
import type { Program, Sys } from '../../process/program'
import type { Signal } from '../../process/signals'
import { complain, type Invocation, invocation, say } from '../kit'
import { strftime } from '../strftime'
import { MiB, server, type ServerState } from './server'

const INIT_MS = 2000
const DEFAULT_PG_VERSION = '17.2-1.pgdg120+1'

const pgdataOf = (inv: Invocation): string => inv.env.PGDATA || '/var/lib/postgresql/data'
const versionOf = (inv: Invocation): string => inv.env.PG_VERSION || DEFAULT_PG_VERSION

function pgLog(sys: Sys, pid: number, text: string, level = 'LOG'): string {
  const ms = sys.now()
  return `${strftime('%Y-%m-%d %H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')} UTC [${pid}] ${level}:  ${text}`
}

function startingLine(inv: Invocation): string {
  const full = versionOf(inv)
  return `starting PostgreSQL ${full.split('-')[0]} (Debian ${full}) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`
}

const MISSING_PASSWORD = `Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html`

function initdbLines(inv: Invocation, sys: Sys): string[] {
  const pgdata = pgdataOf(inv)
  const temp = 48
  return [
    'The files belonging to this database system will be owned by user "postgres".',
    'This user must also own the server process.',
    '',
    `The database cluster will be initialized with locale "${inv.env.LANG || 'en_US.utf8'}".`,
    'The default database encoding has accordingly been set to "UTF8".',
    'The default text search configuration will be set to "english".',
    '',
    'Data page checksums are disabled.',
    '',
    `fixing permissions on existing directory ${pgdata} ... ok`,
    'creating subdirectories ... ok',
    'selecting dynamic shared memory implementation ... posix',
    'selecting default "max_connections" ... 100',
    'selecting default "shared_buffers" ... 128MB',
    'selecting default time zone ... Etc/UTC',
    'creating configuration files ... ok',
    'running bootstrap script ... ok',
    'performing post-bootstrap initialization ... ok',
    'syncing data to disk ... ok',
    '',
    '',
    'Success. You can now start the database server using:',
    '',
    `    pg_ctl -D ${pgdata} -l logfile start`,
    '',
    'initdb: warning: enabling "trust" authentication for local connections',
    'initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.',
    `waiting for server to start....${pgLog(sys, temp, startingLine(inv))}`,
    pgLog(sys, temp, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
    pgLog(sys, temp + 3, `database system was shut down at ${strftime('%Y-%m-%d %H:%M:%S', sys.now())} UTC`),
    pgLog(sys, temp, 'database system is ready to accept connections'),
    ' done',
    'server started',
    '',
    '/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*',
    '',
    `waiting for server to shut down...${pgLog(sys, temp, 'received fast shutdown request')}`,
    pgLog(sys, temp, 'aborting any active transactions'),
    pgLog(sys, temp, `background worker "logical replication launcher" (PID ${temp + 6}) exited with exit code 1`),
    pgLog(sys, temp + 1, 'shutting down'),
    pgLog(sys, temp + 1, 'checkpoint starting: shutdown immediate'),
    pgLog(sys, temp + 1, 'checkpoint complete: wrote 921 buffers (5.6%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.010 s, sync=0.030 s, total=0.045 s; sync files=301, longest=0.002 s, average=0.001 s; distance=4238 kB, estimate=4238 kB; lsn=0/1908980, redo lsn=0/1908980'),
    pgLog(sys, temp, 'database system is shut down'),
    ' done',
    'server stopped',
    '',
    'PostgreSQL init process complete; ready for start up.',
    '',
  ]
}

interface EntrypointState {
  inv: Invocation
  /** Virtual ms the initialization ends at, once it began. */
  initUntil?: number
}

/** The postgres image's docker-entrypoint.sh. */
export const postgresEntrypoint: Program<EntrypointState> = {
  start: (ctx) => ({ inv: invocation(ctx) }),
  run: (state, sys) => {
    const { inv } = state
    let command = inv.argv.slice(1)
    if (command[0]?.startsWith('-')) command = ['postgres', ...command]
    const exec = { exec: { argv: command, env: inv.env, cwd: inv.cwd } }
    const wantsHelp = command.some((a) => ['-?', '--help', '--describe-config', '-V', '--version'].includes(a))
    if (command[0] !== 'postgres' || wantsHelp) return command.length === 0 ? { exit: 0 } : exec
    if (state.initUntil !== undefined) return sys.now() >= state.initUntil ? exec : { state, block: { wakeAt: state.initUntil } }
    const pgdata = pgdataOf(inv)
    const existing = sys.fs.readFile(`${pgdata}/PG_VERSION`)
    if (!isErrno(existing) && existing !== '') {
      say(sys, '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n')
      return exec
    }
    if (!inv.env.POSTGRES_PASSWORD && inv.env.POSTGRES_HOST_AUTH_METHOD !== 'trust') {
      complain(sys, MISSING_PASSWORD)
      return { exit: 1 }
    }
    sys.fs.mkdir(pgdata, { parents: true, mode: 0o700 })
    sys.fs.writeFile(`${pgdata}/PG_VERSION`, `${versionOf(inv).split('.')[0]}\n`)
    say(sys, initdbLines(inv, sys).join('\n'))
    const initUntil = sys.now() + INIT_MS
    return { state: { ...state, initUntil }, block: { wakeAt: initUntil } }
  },
  handles: () => false,
  signal: () => ({ exit: 0 }),
}

function shutdown(sys: Sys, sig: Signal): { exit: number } {
  const kind = sig === 'SIGTERM' ? 'smart' : sig === 'SIGINT' ? 'fast' : 'immediate'
  const lines = [pgLog(sys, sys.pid, `received ${kind} shutdown request`)]
  if (kind === 'immediate') lines.push(pgLog(sys, sys.pid, 'database system is shut down'))
  else {
    if (kind === 'fast') lines.push(pgLog(sys, sys.pid, 'aborting any active transactions'))
    lines.push(
      pgLog(sys, sys.pid, `background worker "logical replication launcher" (PID ${sys.pid + 67}) exited with exit code 1`),
      pgLog(sys, sys.pid + 60, 'shutting down'),
      pgLog(sys, sys.pid + 60, 'checkpoint starting: shutdown immediate'),
      pgLog(sys, sys.pid + 60, 'checkpoint complete: wrote 3 buffers (0.0%); 0 WAL file(s) added, 0 removed, 0 recycled; write=0.002 s, sync=0.001 s, total=0.010 s; sync files=2, longest=0.001 s, average=0.001 s; distance=0 kB, estimate=0 kB; lsn=0/1908A50, redo lsn=0/1908A50'),
      pgLog(sys, sys.pid, 'database system is shut down'),
    )
  }
  complain(sys, lines.join('\n'))
  return { exit: 0 }
}

/** The postgres server. */
export const postgres: Program<ServerState> = server({
  boot: (inv, sys) => {
    if (inv.argv.includes('-V') || inv.argv.includes('--version')) {
      say(sys, `postgres (PostgreSQL) ${versionOf(inv).split('-')[0]} (Debian ${versionOf(inv)})`)
      return 0
    }
    complain(
      sys,
      [
        pgLog(sys, sys.pid, startingLine(inv)),
        pgLog(sys, sys.pid, 'listening on IPv4 address "0.0.0.0", port 5432'),
        pgLog(sys, sys.pid, 'listening on IPv6 address "::", port 5432'),
        pgLog(sys, sys.pid, 'listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"'),
        pgLog(sys, sys.pid + 61, `database system was shut down at ${strftime('%Y-%m-%d %H:%M:%S', sys.now())} UTC`),
        pgLog(sys, sys.pid, 'database system is ready to accept connections'),
      ].join('\n'),
    )
    return { listen: [5432], rssBytes: 24 * MiB, cpuMillicores: 3 }
  },
  signals: { SIGINT: (_s, sys) => shutdown(sys, 'SIGINT'), SIGTERM: (_s, sys) => shutdown(sys, 'SIGTERM'), SIGQUIT: (_s, sys) => shutdown(sys, 'SIGQUIT') },
})
