// registry.k8s.io/e2e-test-images/agnhost SUBCOMMAND (kubernetes test/images/agnhost): pause (prints `Paused`;
// TERM exits 2, INT exits 1), liveness (:8080 /healthz answers 200 `ok` for the first 10 s, then 500
// `error: <seconds>`), netexec (:8080; /, /clientip, /echo, /exit, /healthz, /hostname, /shutdown; logs each
// request), serve-hostname (:9376 answers the hostname; on TERM it logs and lingers 60 s before exiting).
// Other subcommands print cobra's error for an unknown command and exit 1.

import type { HttpRequest, HttpResponse, Program, Sys } from '../../process/program'
import { complain, say } from '../kit'
import { strftime } from '../strftime'
import { GO_DEFAULT_SIGNALS, goLog, MiB, remoteAddr, server, type ServerSpec, type ServerState, textResponse } from './server'

const idle = { rssBytes: 10 * MiB, cpuMillicores: 0 }

function flag(argv: string[], name: string, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === `--${name}`) return argv[i + 1] ?? fallback
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3)
  }
  return fallback
}

function query(request: HttpRequest): URLSearchParams {
  return new URLSearchParams(request.path.includes('?') ? request.path.slice(request.path.indexOf('?') + 1) : '')
}

/** Go's time.Time %v with its monotonic reading: `2026-12-01 02:44:48.5 +0000 UTC m=+12.500000000`. */
function goNow(sys: Sys, startedAt: number): string {
  const ms = sys.now()
  const fraction = ms % 1000 === 0 ? '' : `.${String(ms % 1000).padStart(3, '0').replace(/0+$/, '')}`
  const since = ms - startedAt
  return `${strftime('%Y-%m-%d %H:%M:%S', ms)}${fraction} +0000 UTC m=+${Math.floor(since / 1000)}.${String(since % 1000).padStart(3, '0')}000000`
}

const pauseSpec: ServerSpec = {
  boot: (_inv, sys) => {
    say(sys, 'Paused')
    return { listen: [], ...idle }
  },
  signals: { SIGTERM: () => ({ exit: 2 }), SIGINT: () => ({ exit: 1 }) },
}

const livenessSpec: ServerSpec = {
  boot: () => ({ listen: [8080], ...idle }),
  signals: GO_DEFAULT_SIGNALS,
  serve: (state, request, sys) => {
    const path = request.path.split('?')[0]
    if (path === '/redirect') {
      const loc = query(request).get('loc') ?? ''
      return { ...textResponse(sys, 302, ''), headers: { Location: loc } }
    }
    if (path !== '/healthz') return textResponse(sys, 404, '404 page not found\n')
    const seconds = (sys.now() - state.startedAt) / 1000
    return seconds > 10 ? textResponse(sys, 500, `error: ${seconds}`) : textResponse(sys, 200, 'ok')
  },
}

function netexecServe(state: ServerState, request: HttpRequest, sys: Sys): HttpResponse | { response: HttpResponse; end: { afterMs: number; status: number } } {
  const path = request.path.split('?')[0]
  const q = query(request)
  switch (path) {
    case '/':
      goLog(sys, 'GET /')
      return textResponse(sys, 200, `NOW: ${goNow(sys, state.startedAt)}`)
    case '/clientip':
      goLog(sys, 'GET /clientip')
      return textResponse(sys, 200, remoteAddr(request, state.served))
    case '/echo': {
      goLog(sys, `GET /echo?msg=${q.get('msg') ?? ''}&code=${q.get('code') ?? ''}`)
      const code = q.get('code')
      return textResponse(sys, code && /^\d+$/.test(code) ? Number(code) : 200, q.get('msg') ?? '')
    }
    case '/healthz':
      goLog(sys, 'GET /healthz')
      return textResponse(sys, 200, '')
    case '/hostname':
    case '/hostName':
      goLog(sys, `GET ${path}`)
      return textResponse(sys, 200, sys.hostname())
    case '/shutdown':
      goLog(sys, 'GET /shutdown')
      return { response: textResponse(sys, 200, ''), end: { afterMs: 0, status: 0 } }
    case '/exit': {
      const code = q.get('code') ?? ''
      goLog(sys, `GET /exit?code=${code}&timeout=${q.get('timeout') ?? ''}&wait=${q.get('wait') ?? ''}`)
      if (code !== '' && !/^-?\d+$/.test(code)) return textResponse(sys, 200, `argument 'code' must be an integer [0-127] or empty, got "${code}"\n`)
      goLog(sys, `Will begin shutdown in 0s, allowing 0s for connections to close, then will exit with ${Number(code || 0)}`)
      return { response: textResponse(sys, 200, ''), end: { afterMs: 0, status: Number(code || 0) } }
    }
    default:
      goLog(sys, 'GET /')
      return textResponse(sys, 200, `NOW: ${goNow(sys, state.startedAt)}`)
  }
}

const SUBCOMMANDS: Record<string, ServerSpec> = {
  pause: pauseSpec,
  liveness: livenessSpec,
  netexec: {
    boot: (inv, sys) => {
      const http = Number(flag(inv.argv, 'http-port', '8080'))
      const udp = Number(flag(inv.argv, 'udp-port', '8081'))
      goLog(sys, `Started HTTP server on port ${http}`)
      if (udp !== -1) goLog(sys, `Started UDP server on port  ${udp}`)
      return { listen: [http], ...idle }
    },
    signals: GO_DEFAULT_SIGNALS,
    serve: netexecServe,
  },
  'serve-hostname': {
    boot: (inv, sys) => {
      const port = Number(flag(inv.argv, 'port', '9376'))
      goLog(sys, `Serving on port ${port}.`)
      return { listen: [port], ...idle }
    },
    signals: {
      SIGTERM: (_s, sys) => {
        goLog(sys, 'Shutting down after receiving signal: terminated.')
        goLog(sys, 'Awaiting pod deletion.')
        return { exitAfterMs: 60_000, status: 0 }
      },
    },
    serve: (state, request, sys) => {
      goLog(sys, `HTTP request from ${remoteAddr(request, state.served)}`)
      return textResponse(sys, 200, sys.hostname())
    },
  },
}

const unknown: ServerSpec = {
  boot: (inv, sys) => {
    const name = inv.argv[1]
    complain(sys, name === undefined ? 'Error: unknown command ""' : `Error: unknown command "${name}" for "agnhost"`)
    complain(sys, "Run 'agnhost --help' for usage.")
    return 1
  },
}

const PROGRAMS = new Map(Object.entries(SUBCOMMANDS).map(([name, spec]) => [name, server(spec)]))
const UNKNOWN = server(unknown)

function forArgv(argv: string[]): Program<ServerState> {
  return PROGRAMS.get(argv[1] ?? '') ?? UNKNOWN
}

/** agnhost: the subcommand (argv[1]) picks the behaviour; each one is a server spec. */
export const agnhost: Program<ServerState> = {
  start: (ctx, sys) => forArgv(ctx.argv).start(ctx, sys),
  run: (state, sys) => forArgv(state.inv.argv).run(state, sys),
  handles: (state, sig) => forArgv(state.inv.argv).handles(state, sig),
  signal: (state, sig, sys) => forArgv(state.inv.argv).signal(state, sig, sys),
  serveHttp: (state, request, sys) => {
    const serve = forArgv(state.inv.argv).serveHttp
    return serve ? serve(state, request, sys) : { state, response: textResponse(sys, 404, '404 page not found\n') }
  },
}
