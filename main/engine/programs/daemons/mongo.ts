// The official mongo image: docker-entrypoint.sh (only the root-user rule is simulated: setting one of
// MONGO_INITDB_ROOT_USERNAME / MONGO_INITDB_ROOT_PASSWORD without the other is an error, exit 1) and mongod,
// whose structured (JSON) log lines are abridged to the main ones; it listens on 27017, TERM shuts it down.

import type { Program, Sys } from '../../process/program'
import { complain, type Invocation, oneShot, say } from '../kit'
import { strftime } from '../strftime'
import { softwareVersion } from './image-version'
import { MiB, server, type ServerState } from './server'

function line(sys: Sys, c: string, id: number, ctx: string, msg: string, attr?: Record<string, unknown>): string {
  const ms = sys.now()
  const date = `${strftime('%Y-%m-%dT%H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')}+00:00`
  return JSON.stringify({ t: { $date: date }, s: 'I', c, id, ctx, msg, ...(attr ? { attr } : {}) })
}

export const mongoEntrypoint: Program<Invocation> = oneShot((inv, sys) => {
  let command = inv.argv.slice(1)
  if (command[0]?.startsWith('-')) command = ['mongod', ...command]
  const user = inv.env.MONGO_INITDB_ROOT_USERNAME
  const password = inv.env.MONGO_INITDB_ROOT_PASSWORD
  if (command[0] === 'mongod' && Boolean(user) !== Boolean(password)) {
    complain(sys, "error: missing 'MONGO_INITDB_ROOT_USERNAME' or 'MONGO_INITDB_ROOT_PASSWORD'\n       both must be specified for a user to be created")
    return 1
  }
  if (command.length === 0) return 0
  return { exec: { argv: command, env: inv.env, cwd: inv.cwd } }
})

export const mongod: Program<ServerState> = server({
  boot: (inv, sys) => {
    const version = softwareVersion(inv, 'MONGO_VERSION', '8.0.4')
    say(
      sys,
      [
        line(sys, 'CONTROL', 23285, 'main', 'Automatically disabling TLS 1.0, to force-enable TLS 1.0 specify --sslDisabledProtocols \'none\''),
        line(sys, 'CONTROL', 4615611, 'initandlisten', 'MongoDB starting', { pid: sys.pid, port: 27017, dbPath: '/data/db', architecture: '64-bit', host: sys.hostname() }),
        line(sys, 'CONTROL', 23403, 'initandlisten', 'Build Info', { buildInfo: { version } }),
        line(sys, 'NETWORK', 23015, 'listener', 'Listening on', { address: '0.0.0.0' }),
        line(sys, 'NETWORK', 23016, 'listener', 'Waiting for connections', { port: 27017, ssl: 'off' }),
      ].join('\n'),
    )
    return { listen: [27017], rssBytes: 90 * MiB, cpuMillicores: 5 }
  },
  signals: {
    SIGTERM: (_s, sys) => {
      say(sys, [line(sys, 'CONTROL', 23377, 'SignalHandler', 'Received signal', { signal: 15, error: 'Terminated' }), line(sys, 'CONTROL', 4784900, 'SignalHandler', 'Shutting down the process', {}), line(sys, 'CONTROL', 20565, 'SignalHandler', 'Now exiting'), line(sys, 'CONTROL', 23138, 'SignalHandler', 'Shutting down', { exitCode: 0 })].join('\n'))
      return { exit: 0 }
    },
    SIGINT: (_s, sys) => {
      say(sys, [line(sys, 'CONTROL', 23377, 'SignalHandler', 'Received signal', { signal: 2, error: 'Interrupt' }), line(sys, 'CONTROL', 23138, 'SignalHandler', 'Shutting down', { exitCode: 0 })].join('\n'))
      return { exit: 0 }
    },
  },
})
