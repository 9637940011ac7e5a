// The official mysql image: docker-entrypoint.sh (docker-library/mysql 8.4) and mysqld. The entrypoint's
// lines are `<date --rfc-3339=seconds> [Note] [Entrypoint]: ...`; with an uninitialized datadir it needs one of
// MYSQL_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD, MYSQL_RANDOM_ROOT_PASSWORD (else its [ERROR] block, exit
// 1), and MYSQL_USER=root is refused; initialization takes about 8 s (a temporary server), then it execs
// mysqld, which listens on 3306 and 33060 and shuts down on TERM. mysqld's own lines are the 8.4 ones.

import { isErrno } from '../../process/errno'
import type { Program, Sys } from '../../process/program'
import { complain, type Invocation, invocation, say } from '../kit'
import { strftime } from '../strftime'
import { imageTag } from './image-version'
import { MiB, server, type ServerState } from './server'

const INIT_MS = 8000
const DATADIR = '/var/lib/mysql'

function versionOf(inv: Invocation): string {
  if (inv.env.MYSQL_VERSION) return inv.env.MYSQL_VERSION
  const tag = imageTag(inv.image)
  if (tag.startsWith('5.7')) return '5.7.44-1.el7'
  if (tag.startsWith('8.0')) return '8.0.40-1.el9'
  return '8.4.3-1.el9'
}

function entry(sys: Sys, type: 'Note' | 'ERROR' | 'Warn', text: string): string {
  return `${strftime('%Y-%m-%d %H:%M:%S', sys.now())}+00:00 [${type}] [Entrypoint]: ${text}`
}

function serverLine(sys: Sys, level: string, code: string, text: string): string {
  const ms = sys.now()
  return `${strftime('%Y-%m-%dT%H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')}000Z 0 [${level}] [${code}] [Server] ${text}`
}

interface EntrypointState {
  inv: Invocation
  initUntil?: number
}

export const mysqlEntrypoint: Program<EntrypointState> = {
  start: (ctx) => ({ inv: invocation(ctx) }),
  run: (state, sys) => {
    const { inv } = state
    let command = inv.argv.slice(1)
    if (command[0]?.startsWith('-')) command = ['mysqld', ...command]
    const exec = { exec: { argv: command, env: inv.env, cwd: inv.cwd } }
    if (command[0] !== 'mysqld') return command.length === 0 ? { exit: 0 } : exec
    if (state.initUntil !== undefined) {
      if (sys.now() < state.initUntil) return { state, block: { wakeAt: state.initUntil } }
      say(sys, [entry(sys, 'Note', 'Database files initialized'), entry(sys, 'Note', 'Starting temporary server'), entry(sys, 'Note', 'Temporary server started.'), "'/var/lib/mysql/mysql.sock' -> '/var/run/mysqld/mysqld.sock'", entry(sys, 'Note', 'Stopping temporary server'), entry(sys, 'Note', 'Temporary server stopped'), '', entry(sys, 'Note', 'MySQL init process done. Ready for start up.'), ''].join('\n'))
      return exec
    }
    const started = entry(sys, 'Note', `Entrypoint script for MySQL Server ${versionOf(inv)} started.`)
    say(sys, [started, entry(sys, 'Note', "Switching to dedicated user 'mysql'"), started].join('\n'))
    if (!isErrno(sys.fs.stat(`${DATADIR}/mysql`))) return exec
    if (!inv.env.MYSQL_ROOT_PASSWORD && !inv.env.MYSQL_ALLOW_EMPTY_PASSWORD && !inv.env.MYSQL_RANDOM_ROOT_PASSWORD) {
      complain(sys, `${entry(sys, 'ERROR', 'Database is uninitialized and password option is not specified')}\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD`)
      return { exit: 1 }
    }
    if (inv.env.MYSQL_USER === 'root') {
      complain(sys, `${entry(sys, 'ERROR', 'MYSQL_USER="root", MYSQL_USER and MYSQL_PASSWORD are for configuring a regular user and cannot be used for the root user')}\n    Remove MYSQL_USER="root" and use one of the following to control the root user password:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD`)
      return { exit: 1 }
    }
    sys.fs.mkdir(`${DATADIR}/mysql`, { parents: true })
    say(sys, entry(sys, 'Note', 'Initializing database files'))
    const initUntil = sys.now() + INIT_MS
    return { state: { ...state, initUntil }, block: { wakeAt: initUntil } }
  },
  handles: () => false,
  signal: () => ({ exit: 0 }),
}

export const mysqld: Program<ServerState> = server({
  boot: (inv, sys) => {
    const version = versionOf(inv).split('-')[0]!
    complain(
      sys,
      [
        serverLine(sys, 'System', 'MY-015015', 'MySQL Server - start.'),
        serverLine(sys, 'System', 'MY-010116', `/usr/sbin/mysqld (mysqld ${version}) starting as process ${sys.pid}`),
        serverLine(sys, 'System', 'MY-013576', 'InnoDB initialization has started.'),
        serverLine(sys, 'System', 'MY-013577', 'InnoDB initialization has ended.'),
        serverLine(sys, 'System', 'MY-011323', 'X Plugin ready for connections. Bind-address: \'::\' port: 33060, socket: /var/run/mysqld/mysqlx.sock'),
        serverLine(sys, 'System', 'MY-010931', `/usr/sbin/mysqld: ready for connections. Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`),
      ].join('\n'),
    )
    return { listen: [3306, 33060], rssBytes: 360 * MiB, cpuMillicores: 5 }
  },
  signals: {
    SIGTERM: (_s, sys) => {
      complain(sys, [serverLine(sys, 'System', 'MY-013172', `Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${versionOf(_s.inv).split('-')[0]}).`), serverLine(sys, 'System', 'MY-010910', `/usr/sbin/mysqld: Shutdown complete (mysqld ${versionOf(_s.inv).split('-')[0]})  MySQL Community Server - GPL.`), serverLine(sys, 'System', 'MY-015016', 'MySQL Server - end.')].join('\n'))
      return { exit: 0 }
    },
  },
})
