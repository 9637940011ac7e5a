// An HTTP answer written on a socket Node's server has handed over for an upgrade (it no longer writes
// responses there): the refusals before a 101, as the API server or the kubelet would have sent them.

import type { Duplex } from 'node:stream'
import { STATUS_CODES } from 'node:http'
import type { Status } from '../../kube'

/** Writes a whole response and ends the socket. */
export function writeRawResponse(socket: Duplex, code: number, contentType: string | undefined, body: string, headers: Record<string, string> = {}): void {
  if (!socket.writable) return
  const bytes = Buffer.from(body, 'utf8')
  const lines = [`HTTP/1.1 ${code} ${STATUS_CODES[code] ?? ''}`]
  if (contentType) lines.push(`Content-Type: ${contentType}`)
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  lines.push(`Content-Length: ${bytes.length}`, 'Connection: close', '', '')
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), bytes]))
}

/** A Status as the API server answers a failed call (application/json, the Status's code). */
export function writeRawStatus(socket: Duplex, status: Status): void {
  writeRawResponse(socket, status.code, 'application/json', `${JSON.stringify(status)}\n`, { 'Cache-Control': 'no-cache, private' })
}
