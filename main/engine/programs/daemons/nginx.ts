// nginx in the foreground (`nginx -g 'daemon off;'`), as the official image runs it: its start-up notices on
// stderr (the error log is /dev/stderr), listening on the ports its conf.d files name (80), serving files from
// /usr/share/nginx/html (index.html for a directory, nginx's own 301/403/404/405 pages otherwise) with an
// access-log line per request on stdout in the image's `main` format, and its signals (nginx.org's "Controlling
// nginx"): QUIT graceful shutdown, TERM and INT fast shutdown, both exit 0; HUP reconfigures, USR1 reopens logs.
// `nginx -t`/`-T` test (and print) the configuration, `-v`/`-V` the version, `-s quit` (...) signals the master
// through the pid file it writes (nginx-signal.ts). The worker processes are not
// separate processes here: their lines name pids after the master's, as in a container started by the
// entrypoint, and there are two.

import { isErrno } from '../../process/errno'
import type { HttpRequest, HttpResponse, Program, Sys } from '../../process/program'
import { SIGNALS, type Signal } from '../../process/signals'
import { KERNEL_RELEASE } from '../applets/identity'
import { complain, type Invocation, invocation, say } from '../kit'
import { reasonPhrase } from '../net/http-status'
import { strftime } from '../strftime'
import { softwareVersion } from './image-version'
import { NGINX_CONF_PATH, NGINX_HTML_ROOT } from './nginx-config'
import { pidPath, signalMaster, signalOption } from './nginx-signal'

interface NginxState {
  inv: Invocation
  version: string
  mode: 'serve' | 'test' | 'dump' | 'version' | 'signal'
  /** `-s NAME`'s name (mode 'signal'). */
  signal?: string
  started: boolean
  /** Failed tries to bind the listening sockets so far (ngx_open_listening_sockets tries 5 times, 500 ms apart). */
  bindTries?: number
  /** Connections served (nginx's *N in error lines). */
  connections: number
  /** A stop signal came: the master waits for its workers to close their connections, then exits (virtual ms). */
  stopping?: { atMs: number; sig: Signal }
}

/**
 * How long the master takes to exit after a stop signal, ms: a graceful stop (QUIT) lets the workers finish and
 * close their connections, a fast one (TERM, INT) only waits for them to exit. It is never the same instant: the
 * pod stays Terminating for a moment after `kubectl delete`, as on a real node.
 */
const SHUTDOWN_MS = { graceful: 180, fast: 40 }

const WORKERS = 2
/** Resident memory of the master and its two workers, bytes (a `kubectl top` of an idle nginx pod). */
const RSS_BYTES = 7 * 1024 * 1024
const FIRST_WORKER_PID = 29

const logTime = (ms: number): string => strftime('%Y/%m/%d %H:%M:%S', ms)

function notice(sys: Sys, pid: number, text: string, level = 'notice'): void {
  complain(sys, `${logTime(sys.now())} [${level}] ${pid}#${pid}: ${text}`)
}

function workerPids(sys: Sys): number[] {
  return Array.from({ length: WORKERS }, (_, i) => sys.pid + FIRST_WORKER_PID - 1 + i)
}

/**
 * The addresses the configuration listens on, as nginx names them (`0.0.0.0:80`, `[::]:80`): every `listen` of
 * /etc/nginx/conf.d/*.conf, in order.
 */
function listenAddresses(sys: Sys): Array<{ text: string; port: number }> {
  const found = new Map<string, number>()
  const files = sys.fs.readdir('/etc/nginx/conf.d')
  for (const name of isErrno(files) ? [] : files.filter((f) => f.endsWith('.conf'))) {
    const text = sys.fs.readFile(`/etc/nginx/conf.d/${name}`)
    if (isErrno(text)) continue
    for (const m of text.matchAll(/^\s*listen\s+(\[::\]:|[\d.]+:)?(\d+)/gm)) {
      const host = m[1] === undefined ? '0.0.0.0:' : m[1]
      found.set(`${host}${m[2]}`, Number(m[2]))
    }
  }
  if (found.size === 0) found.set('0.0.0.0:80', 80)
  return [...found].map(([text, port]) => ({ text, port }))
}

const BIND_TRIES = 5
const BIND_RETRY_MS = 500

/**
 * An [emerg] line while the configuration is loaded: in the error log (/dev/stderr in the image, through its own
 * descriptor) and again on the console as `nginx: [emerg] ...` (ngx_log_error_core, src/core/ngx_log.c).
 */
function emerg(sys: Sys, text: string): void {
  notice(sys, sys.pid, text, 'emerg')
  complain(sys, `nginx: [emerg] ${text}`)
}

/**
 * ngx_open_listening_sockets (src/core/ngx_connection.c): bind every address; one taken by another process of
 * the pod (two nginx containers in one pod) is `bind() to 0.0.0.0:80 failed (98: Address already in use)`, tried
 * 5 times 500 ms apart, then `still could not bind()` and nginx exits 1. 'ok' once every address listens.
 */
function bindAll(state: NginxState, sys: Sys): 'ok' | { retryAt: number } | { exit: number } {
  if ((state.bindTries ?? 0) >= BIND_TRIES) {
    emerg(sys, 'still could not bind()')
    return { exit: 1 }
  }
  let failed = false
  for (const address of listenAddresses(sys)) {
    if (sys.listen(address.port) === 'ok') continue
    emerg(sys, `bind() to ${address.text} failed (98: Address already in use)`)
    failed = true
  }
  if (!failed) return 'ok'
  state.bindTries = (state.bindTries ?? 0) + 1
  notice(sys, sys.pid, `try again to bind() after ${BIND_RETRY_MS}ms`)
  return { retryAt: sys.now() + BIND_RETRY_MS }
}

/** nginx's built-in error page (ngx_http_special_response.c), CRLF lines. */
function errorPage(status: number, version: string): string {
  const title = `${status} ${status === 405 ? 'Not Allowed' : reasonPhrase(status)}`
  return [`<html>`, `<head><title>${title}</title></head>`, `<body>`, `<center><h1>${title}</h1></center>`, `<hr><center>nginx/${version}</center>`, `</body>`, `</html>`, ''].join('\r\n')
}

function header(name: string, request: HttpRequest): string | undefined {
  const key = Object.keys(request.headers).find((k) => k.toLowerCase() === name)
  return key === undefined ? undefined : request.headers[key]
}

function answer(state: NginxState, request: HttpRequest, sys: Sys): HttpResponse {
  const headers = (type: string, length: number): Record<string, string> => ({
    Server: `nginx/${state.version}`,
    Date: strftime('%a, %d %b %Y %H:%M:%S GMT', sys.now()),
    'Content-Type': type,
    'Content-Length': String(length),
    Connection: 'keep-alive',
  })
  const fail = (status: number, why?: string): HttpResponse => {
    if (why) {
      const host = header('host', request)
      notice(sys, workerPids(sys)[0]!, `*${state.connections} ${why}, client: ${request.remoteAddr ?? '127.0.0.1'}, server: localhost, request: "${request.method} ${request.path} HTTP/1.1"${host ? `, host: "${host}"` : ''}`, 'error')
    }
    const body = errorPage(status, state.version)
    return { status, headers: headers('text/html', body.length), body }
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405)
  let path: string
  try {
    path = decodeURIComponent(request.path.split('?')[0] ?? '/')
  } catch {
    return fail(400)
  }
  let file = `${NGINX_HTML_ROOT}${path}`
  const stat = sys.fs.stat(file)
  if (!isErrno(stat) && stat.kind === 'dir') {
    if (!path.endsWith('/')) {
      const body = errorPage(301, state.version)
      return { status: 301, headers: { ...headers('text/html', body.length), Location: `http://${header('host', request) ?? request.host}${path}/` }, body }
    }
    const index = ['index.html', 'index.htm'].map((n) => `${file}${n}`).find((p) => !isErrno(sys.fs.stat(p)))
    if (!index) return fail(403, `directory index of "${file}" is forbidden`)
    file = index
  }
  const text = sys.fs.readFile(file)
  if (isErrno(text)) return fail(404, `open() "${file}" failed (2: No such file or directory)`)
  const found = sys.fs.stat(file)
  const mtime = isErrno(found) ? 0 : found.mtimeMs
  const length = Buffer.byteLength(text, 'utf8')
  return {
    status: 200,
    headers: {
      ...headers(file.endsWith('.html') || file.endsWith('.htm') ? 'text/html' : 'application/octet-stream', length),
      'Last-Modified': strftime('%a, %d %b %Y %H:%M:%S GMT', mtime),
      ETag: `"${Math.floor(mtime / 1000).toString(16)}-${length.toString(16)}"`,
      'Accept-Ranges': 'bytes',
    },
    body: request.method === 'HEAD' ? '' : text,
  }
}

function configTest(sys: Sys, dump: boolean): number {
  const conf = sys.fs.readFile(NGINX_CONF_PATH)
  if (isErrno(conf)) {
    complain(sys, `nginx: [emerg] open() "${NGINX_CONF_PATH}" failed (2: No such file or directory)`)
    complain(sys, `nginx: configuration file ${NGINX_CONF_PATH} test failed`)
    return 1
  }
  complain(sys, `nginx: the configuration file ${NGINX_CONF_PATH} syntax is ok`)
  complain(sys, `nginx: configuration file ${NGINX_CONF_PATH} test is successful`)
  if (dump) {
    let out = `# configuration file ${NGINX_CONF_PATH}:\n${conf}\n`
    const names = sys.fs.readdir('/etc/nginx/conf.d')
    for (const name of isErrno(names) ? [] : names.filter((n) => n.endsWith('.conf'))) {
      const text = sys.fs.readFile(`/etc/nginx/conf.d/${name}`)
      if (!isErrno(text)) out += `# configuration file /etc/nginx/conf.d/${name}:\n${text}\n`
    }
    sys.write(1, out)
  }
  return 0
}

/** The lines after the signal's own, once the workers are done; then the master exits 0. */
function shutdown(sys: Sys, sig: Signal): { exit: number } {
  const graceful = sig === 'SIGQUIT'
  for (const pid of workerPids(sys)) {
    if (graceful) notice(sys, pid, 'gracefully shutting down')
    notice(sys, pid, 'exiting')
    notice(sys, pid, 'exit')
  }
  for (const pid of workerPids(sys).reverse()) {
    notice(sys, sys.pid, `signal 17 (SIGCHLD) received from ${pid}`)
    notice(sys, sys.pid, `worker process ${pid} exited with code 0`)
  }
  notice(sys, sys.pid, 'exit')
  sys.fs.unlink(pidPath(sys))
  return { exit: 0 }
}

export const nginx: Program<NginxState> = {
  start: (ctx) => {
    const inv = invocation(ctx)
    const flags = inv.argv.slice(1)
    const signal = signalOption(flags)
    const mode = flags.includes('-T') ? 'dump' : flags.includes('-t') ? 'test' : flags.includes('-v') || flags.includes('-V') ? 'version' : signal ? 'signal' : 'serve'
    const state: NginxState = { inv, version: softwareVersion(inv, 'NGINX_VERSION', '1.27.4'), mode, started: false, connections: 0 }
    if (signal?.name !== undefined) state.signal = signal.name
    return state
  },
  run: (state, sys) => {
    if (state.mode === 'version') {
      complain(sys, `nginx version: nginx/${state.version}`)
      return { exit: 0 }
    }
    if (state.mode === 'signal') return { exit: signalMaster(sys, state.signal) }
    if (state.mode !== 'serve') return { exit: configTest(sys, state.mode === 'dump') }
    if (state.stopping) return sys.now() >= state.stopping.atMs ? shutdown(sys, state.stopping.sig) : { state, block: { wakeAt: state.stopping.atMs } }
    if (!state.started) {
      // The sockets are bound while the configuration loads (ngx_init_cycle), before the event module's notice.
      const bound = bindAll(state, sys)
      if (bound !== 'ok') return 'exit' in bound ? bound : { state, block: { wakeAt: bound.retryAt } }
      notice(sys, sys.pid, 'using the "epoll" event method')
      notice(sys, sys.pid, `nginx/${state.version}`)
      notice(sys, sys.pid, 'built by gcc 12.2.0 (Debian 12.2.0-14) ')
      notice(sys, sys.pid, `OS: Linux ${KERNEL_RELEASE}`)
      notice(sys, sys.pid, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576')
      notice(sys, sys.pid, 'start worker processes')
      for (const pid of workerPids(sys)) notice(sys, sys.pid, `start worker process ${pid}`)
      sys.fs.writeFile(pidPath(sys), `${sys.pid}\n`)
      sys.setRss(RSS_BYTES)
      sys.setCpu(0)
    }
    return { state: { ...state, started: true }, block: {} }
  },
  handles: (_state, sig) => ['SIGQUIT', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR1'].includes(sig),
  signal: (state, sig, sys) => {
    if (sig === 'SIGHUP' || sig === 'SIGUSR1') {
      const what = sig === 'SIGHUP' ? 'reconfiguring' : 'reopening logs'
      notice(sys, sys.pid, `signal ${SIGNALS[sig]} (${sig}) received, ${what}`)
      notice(sys, sys.pid, what)
      return { state, block: {} }
    }
    if (state.stopping) return { state, block: { wakeAt: state.stopping.atMs } }
    const atMs = sys.now() + (sig === 'SIGQUIT' ? SHUTDOWN_MS.graceful : SHUTDOWN_MS.fast)
    notice(sys, sys.pid, `signal ${SIGNALS[sig]} (${sig}) received, ${sig === 'SIGQUIT' ? 'shutting down' : 'exiting'}`)
    return { state: { ...state, stopping: { atMs, sig } }, block: { wakeAt: atMs } }
  },
  serveHttp: (state, request, sys) => {
    const next = { ...state, connections: state.connections + 1 }
    const response = answer(next, request, sys)
    const size = request.method === 'HEAD' ? 0 : Buffer.byteLength(response.body, 'utf8')
    const dash = (v: string | undefined): string => v ?? '-'
    say(
      sys,
      `${request.remoteAddr ?? '127.0.0.1'} - - [${strftime('%d/%b/%Y:%H:%M:%S +0000', sys.now())}] "${request.method} ${request.path} HTTP/1.1" ${response.status} ${size} "${dash(header('referer', request))}" "${dash(header('user-agent', request))}" "${dash(header('x-forwarded-for', request))}"`,
    )
    return { state: next, response }
  },
}
