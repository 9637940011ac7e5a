// DNS rebinding: a page on evil.example whose name later resolves to this machine reaches the server with
// `Host: evil.example:PORT`. The server answers only to the names it was bound under.

import { hostname as machineName, networkInterfaces, type NetworkInterfaceInfo } from 'node:os'

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', ''])

/** True for addresses and names that only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase()
  return name === 'localhost' || name === '::1' || name === '[::1]' || /^127(\.\d{1,3}){3}$/.test(name)
}

function bracketed(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address
}

/**
 * The Host names (without port, lower case, IPv6 in brackets) a server bound to `boundTo` answers to: the
 * loopback names on loopback; the bound name itself otherwise; for a wildcard address (0.0.0.0, ::) every
 * address of this machine's interfaces, its host name and the loopback names.
 */
export function allowedHostNames(
  boundTo: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
  hostname: string = machineName(),
): Set<string> {
  if (isLoopback(boundTo)) return new Set(LOOPBACK_NAMES)
  if (!WILDCARDS.has(boundTo)) return new Set([bracketed(boundTo.toLowerCase())])
  const names = new Set([...LOOPBACK_NAMES, hostname.toLowerCase()])
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) if (!info.address.includes('%')) names.add(bracketed(info.address.toLowerCase()))
  }
  return names
}

/** `name` or `name:port`, name an IPv6 literal in brackets or a host name / IPv4 address; nothing else. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i

/**
 * The name part of a Host header (`[::1]:8080` -> `[::1]`, `Example:80` -> `example`); undefined when absent or
 * not of the form `name[:port]` (`127.0.0.1:80@evil.example` and `127.0.0.1, evil.example` are refused whole,
 * not read up to the first colon).
 */
export function hostName(hostHeader: string | undefined): string | undefined {
  const match = hostHeader === undefined ? null : HOST_HEADER.exec(hostHeader)
  return match ? (match[1] as string).toLowerCase() : undefined
}

/**
 * The request target as a URL when it is in origin form (`/path?query`), the only form this server answers;
 * undefined otherwise: the absolute form (`GET http://evil.example/`) names a host of its own that the Host
 * check would not see, and `//x` is not a path.
 */
export function originFormTarget(target: string | undefined): URL | undefined {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return undefined
  try {
    return new URL(target, 'http://localhost')
  } catch {
    return undefined
  }
}

/** Whether a request with this Host header is addressed to this server. A missing Host is refused. */
export function hostAllowed(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  const name = hostName(hostHeader)
  return name !== undefined && allowed.has(name)
}
