// The official httpd image: `httpd-foreground` (removes the pid file, execs `httpd -DFOREGROUND`) and Apache
// httpd 2.4 with its default configuration: AH00558 twice (no ServerName) and its notices on stderr, port 80,
// files from /usr/local/apache2/htdocs ("It works!") with Apache's 404 page, an access-log line per request in
// the `common` format on stdout. Signals: WINCH (the image's STOPSIGNAL) graceful stop, TERM and INT stop, HUP
// restart, USR1 graceful restart.

import { isErrno } from '../../process/errno'
import type { HttpResponse, Program, Sys } from '../../process/program'
import { complain, type Invocation, invocation, oneShot, say } from '../kit'
import { strftime } from '../strftime'
import { softwareVersion } from './image-version'
import { MiB, server, type ServerState } from './server'

const HTDOCS = '/usr/local/apache2/htdocs'

function notice(sys: Sys, module: string, text: string): void {
  const ms = sys.now()
  complain(sys, `[${strftime('%a %b %d %H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')}000 ${strftime('%Y', ms)}] [${module}:notice] [pid ${sys.pid}:tid ${sys.pid}] ${text}`)
}

export const httpdForeground: Program<Invocation> = oneShot((inv, sys) => {
  sys.fs.unlink('/usr/local/apache2/logs/httpd.pid')
  return { exec: { argv: ['httpd', '-DFOREGROUND', ...inv.argv.slice(1)], env: inv.env, cwd: inv.cwd } }
})

function stopping(text: string) {
  return (_s: ServerState, sys: Sys): { exit: number } => {
    notice(sys, 'mpm_event', text)
    return { exit: 0 }
  }
}

function notFound(): string {
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n`
}

const httpdServer: Program<ServerState> = server({
  boot: (inv, sys) => {
    const found = sys.resolve(sys.hostname())
    const address = 'addresses' in found ? found.addresses[0] : '127.0.0.1'
    const warning = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${address}. Set the 'ServerName' directive globally to suppress this message`
    complain(sys, `${warning}\n${warning}`)
    notice(sys, 'mpm_event', `AH00489: Apache/${softwareVersion(inv, 'HTTPD_VERSION', '2.4.62')} (Unix) configured -- resuming normal operations`)
    notice(sys, 'core', `AH00094: Command line: '${inv.argv.map((a) => (a === '-DFOREGROUND' ? '-D FOREGROUND' : a)).join(' ')}'`)
    return { listen: [80], rssBytes: 9 * MiB, cpuMillicores: 1 }
  },
  signals: {
    SIGWINCH: stopping('AH00492: caught SIGWINCH, shutting down gracefully'),
    SIGTERM: stopping('AH00491: caught SIGTERM, shutting down'),
    SIGINT: stopping('AH00491: caught SIGTERM, shutting down'),
    SIGHUP: (_s, sys) => {
      notice(sys, 'mpm_event', 'AH00493: SIGHUP received.  Attempting to restart')
      return 'ignore'
    },
    SIGUSR1: (_s, sys) => {
      notice(sys, 'mpm_event', 'AH00494: SIGUSR1 received.  Doing graceful restart')
      return 'ignore'
    },
  },
  serve: (_state, request, sys) => {
    const path = request.path.split('?')[0] ?? '/'
    let file = `${HTDOCS}${path}`
    const stat = sys.fs.stat(file)
    if (!isErrno(stat) && stat.kind === 'dir') file = `${file.replace(/\/$/, '')}/index.html`
    const text = sys.fs.readFile(file)
    const response: HttpResponse = isErrno(text)
      ? { status: 404, headers: { 'Content-Type': 'text/html; charset=iso-8859-1' }, body: notFound() }
      : { status: 200, headers: { 'Content-Type': 'text/html' }, body: request.method === 'HEAD' ? '' : text }
    response.headers.Server = 'Apache/2.4.62 (Unix)'
    response.headers['Content-Length'] = String(Buffer.byteLength(response.body, 'utf8'))
    say(sys, `${request.remoteAddr ?? '127.0.0.1'} - - [${strftime('%d/%b/%Y:%H:%M:%S +0000', sys.now())}] "${request.method} ${request.path} HTTP/1.1" ${response.status} ${response.body === '' ? '-' : Buffer.byteLength(response.body, 'utf8')}`)
    return response
  },
})

const CONFIG_TEST = ['-t', 'configtest']

/** `httpd -t` (and `apachectl -t`/`configtest`): the default configuration's check, "Syntax OK" on stderr. */
function configTest(_inv: Invocation, sys: Sys): number {
  complain(sys, 'Syntax OK')
  return 0
}

type HttpdState = ServerState | { configTest: Invocation }

/** httpd: the server, or with `-t` only the configuration check. */
export const httpd: Program<HttpdState> = {
  start: (ctx, sys) => (ctx.argv.slice(1).some((a) => CONFIG_TEST.includes(a)) ? { configTest: invocation(ctx) } : httpdServer.start(ctx, sys)),
  run: (state, sys) => ('configTest' in state ? { exit: configTest(state.configTest, sys) } : httpdServer.run(state, sys)),
  handles: (state, sig) => !('configTest' in state) && httpdServer.handles(state, sig),
  signal: (state, sig, sys) => ('configTest' in state ? { exit: 0 } : httpdServer.signal(state, sig, sys)),
  // A configuration check never listens, so only the server is asked.
  serveHttp: (state, request, sys) => {
    if ('configTest' in state || !httpdServer.serveHttp) return { state, response: { status: 503, headers: {}, body: '' } }
    return httpdServer.serveHttp(state, request, sys)
  },
}

/** apachectl: `-t`/`configtest` checks the configuration; anything else it hands to httpd, as the script does. */
export const apachectl: Program<Invocation> = oneShot((inv, sys) => {
  const args = inv.argv.slice(1)
  if (args.some((a) => CONFIG_TEST.includes(a))) return configTest(inv, sys)
  return { exec: { argv: ['/usr/local/apache2/bin/httpd', ...args], env: inv.env, cwd: inv.cwd } }
})
