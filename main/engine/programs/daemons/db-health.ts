// The databases' own health commands that probes and learners run inside their containers: `redis-cli ping`,
// `pg_isready` and `mysqladmin ping`. Each connects to its server's port (the Unix socket the real tools use by
// default stands for 127.0.0.1 here) and prints the real tool's words; any other use of them is not simulated.

import type { Sys } from '../../process/program'
import { complain, type Invocation, oneShot, progName, say } from '../kit'

/** The value after `flag` (`-p 5432`) or glued to it (`-p5432`, `--port=5432`), else undefined. */
function option(args: string[], ...flags: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    for (const flag of flags) {
      if (a === flag) return args[i + 1]
      if (flag.startsWith('--') && a.startsWith(`${flag}=`)) return a.slice(flag.length + 1)
      if (!flag.startsWith('--') && a.startsWith(flag) && a.length > flag.length) return a.slice(flag.length)
    }
  }
  return undefined
}

/** The arguments that are not options nor their values (`flagsWithValue` take one). */
function operands(args: string[], flagsWithValue: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? ''
    if (flagsWithValue.includes(a)) i++
    else if (!a.startsWith('-')) out.push(a)
  }
  return out
}

function notSimulated(inv: Invocation, sys: Sys): number {
  complain(sys, `${progName(inv)}: Podlab does not simulate this use of it yet`)
  return 1
}

/** `redis-cli [-h host] [-p port] ping`: PONG when the server accepts the connection. */
export const redisCli = oneShot((inv, sys) => {
  const args = inv.argv.slice(1)
  const host = option(args, '-h') ?? '127.0.0.1'
  const port = Number(option(args, '-p') ?? 6379)
  const command = operands(args, ['-h', '-p', '-a', '-n', '--user', '--pass'])
  if (command.length !== 1 || command[0]?.toLowerCase() !== 'ping') return notSimulated(inv, sys)
  if (sys.connect(host, port) !== 'ok') {
    complain(sys, `Could not connect to Redis at ${host}:${port}: Connection refused`)
    return 1
  }
  say(sys, 'PONG')
  return 0
})

/** `pg_isready [-U user] [-d db] [-h host] [-p port]`: exit 0 accepting, 2 no response (PostgreSQL's codes). */
export const pgIsReady = oneShot((inv, sys) => {
  const args = inv.argv.slice(1)
  const host = option(args, '-h', '--host')
  const port = Number(option(args, '-p', '--port') ?? inv.env.PGPORT ?? 5432)
  const where = `${host ?? '/var/run/postgresql'}:${port}`
  const up = sys.connect(host ?? '127.0.0.1', port) === 'ok'
  if (!args.includes('-q') && !args.includes('--quiet')) say(sys, `${where} - ${up ? 'accepting connections' : 'no response'}`)
  return up ? 0 : 2
})

/** `mysqladmin [-h host] [-P port] [-u user] [-p...] ping`: "mysqld is alive", or the client's connect error. */
export const mysqladmin = oneShot((inv, sys) => {
  const args = inv.argv.slice(1)
  const host = option(args, '-h', '--host')
  const port = Number(option(args, '-P', '--port') ?? 3306)
  const command = operands(args, ['-h', '-P', '-u', '--host', '--port', '--user'])
  if (command.length !== 1 || command[0] !== 'ping') return notSimulated(inv, sys)
  const socket = host === undefined || host === 'localhost'
  if (sys.connect(socket ? '127.0.0.1' : host, port) === 'ok') {
    say(sys, 'mysqld is alive')
    return 0
  }
  if (socket) {
    complain(sys, `mysqladmin: connect to server at 'localhost' failed\nerror: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'\nCheck that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!`)
  } else {
    complain(sys, `mysqladmin: connect to server at '${host}' failed\nerror: 'Can't connect to MySQL server on '${host}:${port}' (111)'\nCheck that mysqld is running on ${host} and that the port is ${port}.\nYou can check this by doing 'telnet ${host} ${port}'`)
  }
  return 1
})
