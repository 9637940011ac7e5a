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

/** The name part of a Host header (`[::1]:8080` -> `[::1]`, `Example:80` -> `example`); undefined when absent. */
export function hostName(hostHeader: string | undefined): string | undefined {
  if (!hostHeader) return undefined
  const name = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0]
  return name?.toLowerCase()
}

/** Whether a request with this Host header is addressed to this server. A missing Host is refused. */
export function hostAllowed(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  const name = hostName(hostHeader)
  return name !== undefined && allowed.has(name)
}
