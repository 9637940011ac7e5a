// Where a client's URL leads: scheme, host as written, port, path; and the address the host resolves to
// (an IP literal, localhost from /etc/hosts, else the pod's DNS via Sys.resolve).

import type { Sys } from '../../process/program'

export interface Target {
  /** Host as written in the URL, without the port. */
  host: string
  /** Host with ":port" when the URL names a port (busybox wget prints this). */
  hostPort: string
  port: number
  /** Path and query, `/` at least. */
  path: string
  scheme: 'http' | 'https'
}

/** The URL read as clients read it (no scheme means http://); undefined when it cannot be read. */
export function parseTarget(url: string): Target | undefined {
  const withScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(url) ? url : `http://${url}`
  let parsed: URL
  try {
    parsed = new URL(withScheme)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined
  const scheme = parsed.protocol === 'https:' ? 'https' : 'http'
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  const port = parsed.port === '' ? (scheme === 'https' ? 443 : 80) : Number(parsed.port)
  return { host, hostPort: parsed.port === '' ? parsed.hostname : `${parsed.hostname}:${parsed.port}`, port, path: `${parsed.pathname}${parsed.search}`, scheme }
}

/** The IPv4 address of `host`, or undefined when it does not resolve. */
export function addressOf(sys: Sys, host: string): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return host
  if (host === 'localhost') return '127.0.0.1'
  const found = sys.resolve(host)
  return 'addresses' in found ? found.addresses[0] : undefined
}
