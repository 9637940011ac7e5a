// busybox wget [-q] [-O FILE|-] [-S] [--spider] [-U AGENT] [-T SEC] URL...: what it prints on stderr
// (networking/wget.c: "Connecting to HOST (IP:PORT)", "saving to 'F'", the progress line as written when
// stderr is not a terminal, "'F' saved") and its errors: `wget: bad address 'x'`, `wget: can't connect to
// remote host (IP): Connection refused`, `wget: server returned error: HTTP/1.1 404 Not Found`; redirects are
// followed. The answer comes at once: connect and read timeouts are not simulated yet, nor TLS (https:// is
// asked of the port as plain HTTP).

import { isErrno } from '../../process/errno'
import type { HttpResponse, Program, Sys } from '../../process/program'
import { busyboxUsage } from '../busybox/usage'
import { absolute, complain, errnoText, type Invocation, oneShot } from '../kit'
import { reasonPhrase } from './http-status'
import { addressOf, parseTarget } from './target'

interface WgetArgs {
  quiet: boolean
  output: string | undefined
  spider: boolean
  agent: string
  urls: string[]
}

function parse(args: string[]): WgetArgs {
  const out: WgetArgs = { quiet: false, output: undefined, spider: false, agent: 'Wget', urls: [] }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--spider') out.spider = true
    else if (arg === '-O' || arg === '--output-document') out.output = args[++i]
    else if (arg.startsWith('--output-document=')) out.output = arg.slice(18)
    else if (arg === '-U' || arg === '--user-agent') out.agent = args[++i] ?? 'Wget'
    else if (arg === '-T' || arg === '--timeout' || arg === '-o' || arg === '--header' || arg === '-Y') i++
    else if (arg === '--quiet') out.quiet = true
    else if (/^-[qScs]*O.*$/.test(arg) && arg.length > 1) {
      out.quiet ||= arg.slice(1, arg.indexOf('O')).includes('q')
      out.output = arg.slice(arg.indexOf('O') + 1) || args[++i]
    } else if (/^-[qScs]+$/.test(arg)) out.quiet ||= arg.includes('q')
    else out.urls.push(arg)
  }
  return out
}

/** busybox's smart_ulltoa5: five columns, scaled with k, M, G past 99999. */
function size5(n: number): string {
  const units = ' kMGTPE'
  let scaled = n
  let unit = 0
  while (scaled > 99999) {
    scaled = Math.floor(scaled / 1024)
    unit++
  }
  return unit === 0 ? String(scaled).padStart(5) : `${String(scaled).padStart(4)}${units[unit]}`
}

/** The progress line bb_progress_update prints at the end when stderr is not a terminal (80 columns: a 32-star bar). */
function progressLine(file: string, bytes: number): string {
  const bar = bytes > 0 ? `100% |${'*'.repeat(32)}| ` : ''
  return `${file.slice(0, 20).padEnd(20)} ${bar}${size5(bytes)}  0:00:00 ETA`
}

function fetchOne(sys: Sys, inv: Invocation, args: WgetArgs, url: string): number {
  let target = parseTarget(url)
  if (!target) {
    complain(sys, `wget: not an http or ftp url: ${url}`)
    return 1
  }
  let response: HttpResponse | undefined
  for (let hops = 0; hops <= 16; hops++) {
    const address = addressOf(sys, target.host)
    if (address === undefined) {
      complain(sys, `wget: bad address '${target.hostPort}'`)
      return 1
    }
    if (!args.quiet) complain(sys, `Connecting to ${target.hostPort} (${address}:${target.port})`)
    const answer = sys.http({ method: args.spider ? 'HEAD' : 'GET', host: target.host, port: target.port, path: target.path, headers: { Host: target.hostPort, 'User-Agent': args.agent, Connection: 'close' } })
    if ('error' in answer) {
      complain(sys, `wget: can't connect to remote host (${address}): ${errnoText(answer.error)}`)
      return 1
    }
    const location = answer.headers.Location ?? answer.headers.location
    if ([301, 302, 303, 307, 308].includes(answer.status) && location) {
      const next = parseTarget(new URL(location, `${target.scheme}://${target.hostPort}${target.path}`).toString())
      if (!next) break
      target = next
      continue
    }
    response = answer
    break
  }
  if (!response) {
    complain(sys, 'wget: too many redirections')
    return 1
  }
  if (response.status < 200 || response.status > 299) {
    complain(sys, `wget: server returned error: HTTP/1.1 ${response.status} ${reasonPhrase(response.status)}`.trimEnd())
    return 1
  }
  if (args.spider) return 0
  const toStdout = args.output === '-'
  const fileName = args.output ?? (target.path.split('?')[0]!.split('/').pop() || 'index.html')
  if (!toStdout) {
    const path = absolute(inv, fileName)
    if (args.output === undefined && !isErrno(sys.fs.lstat(path))) {
      complain(sys, `wget: can't open '${fileName}': File exists`)
      return 1
    }
    const e = sys.fs.writeFile(path, '')
    if (e) {
      complain(sys, `wget: can't open '${fileName}': ${errnoText(e)}`)
      return 1
    }
  }
  if (!args.quiet) complain(sys, toStdout ? 'writing to stdout' : `saving to '${fileName}'`)
  if (toStdout) sys.write(1, response.body)
  else sys.fs.writeFile(absolute(inv, fileName), response.body)
  if (!args.quiet) {
    complain(sys, progressLine(toStdout ? '-' : fileName.slice(fileName.lastIndexOf('/') + 1), Buffer.byteLength(response.body, 'utf8')))
    complain(sys, toStdout ? 'written to stdout' : `'${fileName}' saved`)
  }
  return 0
}

export const wget: Program<Invocation> = oneShot((inv, sys) => {
  const args = parse(inv.argv.slice(1))
  if (args.urls.length === 0) return busyboxUsage(sys, 'wget')
  // busybox dies at the first error (bb_error_msg_and_die), leaving the other URLs.
  for (const url of args.urls) {
    const status = fetchOne(sys, inv, args, url)
    if (status !== 0) return status
  }
  return 0
})
