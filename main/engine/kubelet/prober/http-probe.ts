// pkg/probe/http/http.go DoHTTPProbe (1.32) over the runtime's http: 200-399 is a success, and a 3xx the
// client did not follow is a warning ("Probe terminated redirects"); any other status fails with
// `HTTP probe failed with statuscode: N` (never the body, issue 99425); a request that gets no answer fails
// with Go's *url.Error text. Redirects as RedirectChecker(false): followed to the same host name (any port)
// at most 10 times, not followed to another host (the 3xx is the answer).

import type { HttpResponse, NetError } from '../../process/program'
import { goQuote } from '../../../gostd/gofmt'
import { run, type ProbeRun } from './probe-result'
import { urlString, type ProbeRequest, type ProbeUrl } from './http-request'

/** maxRespBodyLength: the probe reads at most 10 KiB of the body. */
const MAX_BODY = 10 * 1024
const MAX_REDIRECTS = 10

/** What sends one request (the runtime's http, bound to the node and container), timeout in ms. */
export type HttpSender = (url: ProbeUrl, headers: Record<string, string>, timeoutMs: number) => HttpResponse | NetError

/** net.OpError's text for a failed dial to host:port (Go's `dial tcp 10.244.0.11:8080: connect: ...`). */
export function dialError(host: string, port: number, error: NetError['error']): string {
  const addr = `${host.includes(':') ? `[${host}]` : host}:${port}`
  switch (error) {
    case 'ECONNREFUSED':
      return `dial tcp ${addr}: connect: connection refused`
    case 'EHOSTUNREACH':
      return `dial tcp ${addr}: connect: no route to host`
    case 'ETIMEDOUT':
      return `dial tcp ${addr}: i/o timeout`
  }
}

/** The *url.Error text of a GET of `url` that got no answer. */
function requestError(url: ProbeUrl, error: NetError['error']): string {
  const prefix = `Get ${goQuote(urlString(url))}: `
  // http.Client.Timeout covers the dial and the wait for headers alike.
  if (error === 'ETIMEDOUT') return `${prefix}context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
  return prefix + dialError(url.host, url.port, error)
}

/** The URL a Location header points to from `from` (relative references resolved), or undefined if unusable. */
function resolveLocation(from: ProbeUrl, location: string): ProbeUrl | undefined {
  let parsed: URL
  try {
    parsed = new URL(location, urlString(from))
  } catch {
    return undefined
  }
  const scheme = parsed.protocol === 'https:' ? 'https' : parsed.protocol === 'http:' ? 'http' : undefined
  if (!scheme) return undefined
  const port = parsed.port ? Number(parsed.port) : scheme === 'https' ? 443 : 80
  return { scheme, host: parsed.hostname.replace(/^\[|\]$/g, ''), port, path: parsed.pathname + parsed.search }
}

const header = (r: HttpResponse, name: string): string | undefined => {
  const key = Object.keys(r.headers).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : r.headers[key]
}

/** The answer to `req` after the redirects the probe client follows, or the *url.Error text. */
export function httpGet(send: HttpSender, req: ProbeRequest, timeoutMs: number): { response: HttpResponse } | { error: string } {
  let url = req.url
  let headers = req.headers
  for (let redirects = 0; ; redirects++) {
    const answer = send(url, headers, timeoutMs)
    if ('error' in answer) return { error: requestError(url, answer.error) }
    const location = answer.status >= 300 && answer.status < 400 && answer.status !== 304 ? header(answer, 'Location') : undefined
    if (location === undefined) return { response: answer }
    const next = resolveLocation(url, location)
    if (!next) return { response: answer }
    // RedirectChecker(false): another host ends the chain with this response (http.ErrUseLastResponse).
    if (next.host !== req.url.host) return { response: answer }
    // CheckRedirect sees the requests made so far: the 10th 3xx in a row ends it.
    if (redirects + 1 >= MAX_REDIRECTS) return { error: `Get ${goQuote(location)}: stopped after ${MAX_REDIRECTS} redirects` }
    url = next
    headers = { ...headers, Host: `${next.host.includes(':') ? `[${next.host}]` : next.host}:${next.port}` }
  }
}

/** DoHTTPProbe: the verdict of an httpGet probe. */
export function doHttpProbe(send: HttpSender, req: ProbeRequest, timeoutMs: number): ProbeRun {
  const got = httpGet(send, req, timeoutMs)
  // Errors become failures, to catch timeouts.
  if ('error' in got) return run('failure', got.error)
  const { status } = got.response
  const body = got.response.body.slice(0, MAX_BODY)
  if (status >= 200 && status < 400) {
    if (status >= 300) return run('warning', `Probe terminated redirects, Response body: ${body}`)
    return run('success', body)
  }
  return run('failure', `HTTP probe failed with statuscode: ${status}`)
}
