// The request an httpGet probe or hook sends (pkg/probe/http/request.go NewRequestForHTTPGetAction, 1.32):
// scheme lower-cased, host from the action or the pod IP, the port resolved, headers canonicalised as
// http.Header.Add does, `User-Agent: kube-<purpose>/1.32` and `Accept: */*` unless given (an empty Accept
// removes it), plus what Go's transport adds (the probe client disables keep-alives).

import type { Container } from '../../api/pods/types'
import type { HTTPGetAction } from './probe-spec'
import { resolveContainerPort } from './resolve-port'

/** The Kubernetes version the User-Agent names (component-base version Major.Minor). */
export const KUBE_VERSION = { major: '1', minor: '32' }

export interface ProbeUrl {
  scheme: 'http' | 'https'
  /** The host as the URL names it (an IP or a name), without brackets. */
  host: string
  port: number
  /** Path and query, starting with '/'. */
  path: string
}

export interface ProbeRequest {
  url: ProbeUrl
  headers: Record<string, string>
}

/** url.URL.String() of a probe URL: `http://10.244.0.11:8080/healthz`. */
export function urlString(u: ProbeUrl): string {
  const host = u.host.includes(':') ? `[${u.host}]` : u.host
  return `${u.scheme}://${host}:${u.port}${u.path}`
}

/** textproto.CanonicalMIMEHeaderKey: `x-custom-header` -> `X-Custom-Header`; keys with invalid bytes unchanged. */
export function canonicalHeaderKey(key: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(key)) return key
  return key.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())
}

/** A path as url.Parse leaves it in the URL: always rooted once a host is set. */
function rooted(path: string): string {
  return path.startsWith('/') ? path : `/${path}`
}

/**
 * The request for `action` of `container` in a pod at `podIp`; `purpose` is `probe` or `lifecycle` (the
 * User-Agent's fragment). An unresolvable port gives the error text the prober reports.
 */
export function requestForHttpGet(action: HTTPGetAction, container: Container, podIp: string, purpose: 'probe' | 'lifecycle'): ProbeRequest | { error: string } {
  const port = resolveContainerPort(action.port, container)
  if ('error' in port) return port
  const scheme = (action.scheme ?? 'HTTP').toLowerCase() === 'https' ? 'https' : 'http'
  const url: ProbeUrl = { scheme, host: action.host || podIp, port: port.port, path: rooted(action.path ?? '') }
  const given = new Map<string, string[]>()
  for (const h of action.httpHeaders ?? []) {
    const key = canonicalHeaderKey(h.name)
    given.set(key, [...(given.get(key) ?? []), h.value])
  }
  if (!given.has('User-Agent')) given.set('User-Agent', [`kube-${purpose}/${KUBE_VERSION.major}.${KUBE_VERSION.minor}`])
  if (!given.has('Accept')) given.set('Accept', ['*/*'])
  else if ((given.get('Accept') ?? [])[0] === '') given.delete('Accept')
  const hostHeader = (given.get('Host') ?? [])[0]
  given.delete('Host')
  const headers: Record<string, string> = { Host: hostHeader || `${url.host.includes(':') ? `[${url.host}]` : url.host}:${url.port}` }
  for (const [k, v] of given) headers[k] = v.join(', ')
  // Go's transport: gzip unless the caller set Accept-Encoding; the probe transport disables keep-alives.
  if (!('Accept-Encoding' in headers)) headers['Accept-Encoding'] = 'gzip'
  if (purpose === 'probe') headers.Connection = 'close'
  return { url, headers }
}
