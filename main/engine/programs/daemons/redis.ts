// redis-server (the official image, logs on stdout): its start-up notices in the 7.2+ or older markers, port
// 6379 (or --port N), and its shutdown on TERM or INT ("Received SIGTERM scheduling shutdown...", final RDB
// snapshot, exit 0). It speaks RESP, not HTTP: tcpSocket probes reach it, httpGet ones get no HTTP answer.

import type { Program, Sys } from '../../process/program'
import type { Signal } from '../../process/signals'
import { say } from '../kit'
import { strftime } from '../strftime'
import { majorMinor, softwareVersion } from './image-version'
import { MiB, server, type ServerState } from './server'

function log(sys: Sys, role: 'C' | 'M', mark: '*' | '#', text: string): void {
  const ms = sys.now()
  say(sys, `${sys.pid}:${role} ${strftime('%d %b %Y %H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')} ${mark} ${text}`)
}

function portOf(argv: string[]): number {
  const at = argv.indexOf('--port')
  return at >= 0 && argv[at + 1] ? Number(argv[at + 1]) : 6379
}

function shutdown(state: ServerState, sys: Sys, sig: Signal): { exit: number } {
  const modern = majorMinor(softwareVersion(state.inv, 'REDIS_VERSION', '7.2.5'))[0] >= 7
  say(sys, `${sys.pid}:signal-handler (${Math.floor(sys.now() / 1000)}) Received ${sig} scheduling shutdown...`)
  log(sys, 'M', modern ? '*' : '#', 'User requested shutdown...')
  log(sys, 'M', '*', 'Saving the final RDB snapshot before exiting.')
  log(sys, 'M', '*', 'DB saved on disk')
  log(sys, 'M', '#', 'Redis is now ready to exit, bye bye...')
  return { exit: 0 }
}

export const redisServer: Program<ServerState> = server({
  boot: (inv, sys) => {
    const version = softwareVersion(inv, 'REDIS_VERSION', '7.2.5')
    const [major, minor] = majorMinor(version)
    const modern = major > 7 || (major === 7 && minor >= 2)
    const mark = modern ? '*' : '#'
    const port = portOf(inv.argv)
    log(sys, 'C', mark, 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo')
    log(sys, 'C', mark, `Redis version=${version}, bits=64, commit=00000000, modified=0, pid=${sys.pid}, just started`)
    if (!inv.argv.slice(1).some((a) => a.endsWith('.conf'))) {
      log(sys, 'C', '#', 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf')
    }
    log(sys, 'M', '*', 'monotonic clock: POSIX clock_gettime')
    log(sys, 'M', '*', `Running mode=standalone, port=${port}.`)
    log(sys, 'M', mark, 'Server initialized')
    log(sys, 'M', '*', modern ? 'Ready to accept connections tcp' : 'Ready to accept connections')
    return { listen: [port], rssBytes: 3 * MiB, cpuMillicores: 2 }
  },
  signals: { SIGTERM: (s, sys) => shutdown(s, sys, 'SIGTERM'), SIGINT: (s, sys) => shutdown(s, sys, 'SIGINT') },
})
