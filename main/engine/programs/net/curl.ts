// curl URL... (curlimages/curl, and Debian/Ubuntu images that ship it): -s -S -f -i -I -v -L -o -O -w -X -H -d
// -A -m. The body goes to stdout (or a file); errors are curl's `curl: (N) ...` lines with its exit codes: 6
// could not resolve, 7 failed to connect ("Couldn't connect to server", "Could not connect to server" from curl
// 8.17 on), 22 an HTTP error with -f, 28 a timeout. The progress meter curl draws on stderr when stdout is not a
// terminal is not drawn here; the answer comes at once (timeouts of the server are not simulated).

import { isErrno } from '../../process/errno'
import type { HttpResponse, Program, Sys } from '../../process/program'
import { absolute, complain, type Invocation, oneShot } from '../kit'
import { imageTag } from '../daemons/image-version'
import { reasonPhrase } from './http-status'
import { addressOf, parseTarget, type Target } from './target'

interface CurlArgs {
  silent: boolean
  showError: boolean
  fail: boolean
  include: boolean
  head: boolean
  verbose: boolean
  follow: boolean
  output: string | undefined
  remoteName: boolean
  writeOut: string | undefined
  method: string | undefined
  headers: Record<string, string>
  data: string | undefined
  agent: string | undefined
  urls: string[]
}

const WITH_VALUE = new Set(['-o', '--output', '-w', '--write-out', '-X', '--request', '-H', '--header', '-d', '--data', '--data-raw', '--data-binary', '-A', '--user-agent', '-m', '--max-time', '--connect-timeout', '-u', '--user', '-e', '--referer', '-b', '--cookie', '-T', '--retry'])

function parse(argv: string[]): CurlArgs {
  const a: CurlArgs = { silent: false, showError: false, fail: false, include: false, head: false, verbose: false, follow: false, output: undefined, remoteName: false, writeOut: undefined, method: undefined, headers: {}, data: undefined, agent: undefined, urls: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (WITH_VALUE.has(arg)) {
      const value = argv[++i] ?? ''
      if (arg === '-o' || arg === '--output') a.output = value
      else if (arg === '-w' || arg === '--write-out') a.writeOut = value
      else if (arg === '-X' || arg === '--request') a.method = value
      else if (arg === '-H' || arg === '--header') {
        const at = value.indexOf(':')
        if (at > 0) a.headers[value.slice(0, at).trim()] = value.slice(at + 1).trim()
      } else if (arg.startsWith('-d') || arg.startsWith('--data')) a.data = value
      else if (arg === '-A' || arg === '--user-agent') a.agent = value
      continue
    }
    if (arg === '--silent') a.silent = true
    else if (arg === '--show-error') a.showError = true
    else if (arg === '--fail' || arg === '--fail-with-body') a.fail = true
    else if (arg === '--include') a.include = true
    else if (arg === '--head') a.head = true
    else if (arg === '--verbose') a.verbose = true
    else if (arg === '--location') a.follow = true
    else if (arg === '--remote-name') a.remoteName = true
    else if (/^-[a-zA-Z]+$/.test(arg)) {
      for (const f of arg.slice(1)) {
        if (f === 's') a.silent = true
        else if (f === 'S') a.showError = true
        else if (f === 'f') a.fail = true
        else if (f === 'i') a.include = true
        else if (f === 'I') a.head = true
        else if (f === 'v') a.verbose = true
        else if (f === 'L') a.follow = true
        else if (f === 'O') a.remoteName = true
      }
    } else if (!arg.startsWith('--')) a.urls.push(arg)
  }
  return a
}

/** The curl version of the image: curlimages/curl's tag, else the distribution's package (/etc/os-release). */
export function curlVersion(inv: Invocation, sys: Sys): string {
  if (inv.image.includes('curlimages/curl')) {
    const tag = /^\d+\.\d+\.\d+/.exec(imageTag(inv.image))
    return tag ? tag[0] : '8.18.0'
  }
  const release = sys.fs.readFile('/etc/os-release')
  const codename = isErrno(release) ? '' : (/^VERSION_CODENAME=(.*)$/m.exec(release)?.[1] ?? '')
  return { bullseye: '7.74.0', bookworm: '7.88.1', trixie: '8.14.1', focal: '7.68.0', jammy: '7.81.0', noble: '8.5.0' }[codename] ?? '8.14.1'
}

function couldNotConnect(version: string): string {
  const [major = 0, minor = 0] = version.split('.').map(Number)
  return major > 8 || (major === 8 && minor >= 17) ? 'Could not connect to server' : "Couldn't connect to server"
}

function statusLine(r: HttpResponse): string {
  return `HTTP/1.1 ${r.status} ${reasonPhrase(r.status)}`.trimEnd()
}

function headerBlock(r: HttpResponse): string {
  return [statusLine(r), ...Object.entries(r.headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n')
}

function fetch(sys: Sys, inv: Invocation, a: CurlArgs, url: string, version: string): number {
  const fail = (code: number, text: string): number => {
    if (!a.silent || a.showError) complain(sys, `curl: (${code}) ${text}`)
    return code
  }
  let target: Target | undefined = parseTarget(url)
  if (!target) return fail(3, `URL rejected: Malformed input to a URL function`)
  const method = a.method ?? (a.head ? 'HEAD' : a.data !== undefined ? 'POST' : 'GET')
  let response: HttpResponse | undefined
  for (let hops = 0; hops < 50; hops++) {
    const address = addressOf(sys, target.host)
    if (address === undefined) return fail(6, `Could not resolve host: ${target.host}`)
    const headers = { Host: target.hostPort, 'User-Agent': a.agent ?? `curl/${version}`, Accept: '*/*', ...a.headers }
    if (a.verbose) complain(sys, `* Host ${target.hostPort} was resolved.\n* IPv4: ${address}\n*   Trying ${address}:${target.port}...`)
    const answer = sys.http({ method, host: target.host, port: target.port, path: target.path, headers })
    if ('error' in answer) {
      if (answer.error === 'ETIMEDOUT') return fail(28, `Failed to connect to ${target.host} port ${target.port} after 0 ms: Timeout was reached`)
      if (a.verbose) complain(sys, `* connect to ${address} port ${target.port} from 127.0.0.1 port 0 failed: ${answer.error === 'ECONNREFUSED' ? 'Connection refused' : 'No route to host'}`)
      return fail(7, `Failed to connect to ${target.host} port ${target.port} after 0 ms: ${couldNotConnect(version)}`)
    }
    if (a.verbose) {
      complain(sys, `* Connected to ${target.host} (${address}) port ${target.port}\n${[`${method} ${target.path} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), ''].map((l) => `> ${l}`).join('\n')}\n${[statusLine(answer), ...Object.entries(answer.headers).map(([k, v]) => `${k}: ${v}`), ''].map((l) => `< ${l}`).join('\n')}`)
    }
    const location = answer.headers.Location ?? answer.headers.location
    if (a.follow && location && answer.status >= 300 && answer.status < 400) {
      target = parseTarget(new URL(location, `${target.scheme}://${target.hostPort}${target.path}`).toString())
      if (!target) return fail(3, 'URL rejected: Malformed input to a URL function')
      continue
    }
    response = answer
    break
  }
  if (!response) return fail(47, 'Maximum (50) redirects followed')
  if (a.fail && response.status >= 400) return fail(22, `The requested URL returned error: ${response.status}`)
  let out = ''
  if (a.include || a.head) out += headerBlock(response)
  if (!a.head) out += response.body
  const file = a.output ?? (a.remoteName ? target!.path.split('?')[0]!.split('/').pop() : undefined)
  if (a.remoteName && file === '') return fail(23, 'Remote file name has no length')
  if (file !== undefined && file !== '-') {
    const e = sys.fs.writeFile(absolute(inv, file), out)
    if (e) return fail(23, `Failure writing output to destination, passed ${out.length} returned 0`)
  } else sys.write(1, out)
  if (a.writeOut !== undefined) sys.write(1, a.writeOut.replace(/%\{(http_code|response_code)\}/g, String(response.status)).replace(/\\n/g, '\n'))
  if (a.verbose) complain(sys, `* Connection #0 to host ${target!.host} left intact`)
  return 0
}

export const curl: Program<Invocation> = oneShot((inv, sys) => {
  const a = parse(inv.argv.slice(1))
  if (a.urls.length === 0) {
    complain(sys, "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information")
    return 2
  }
  const version = curlVersion(inv, sys)
  let status = 0
  for (const url of a.urls) status = fetch(sys, inv, a, url, version) || status
  return status
})
