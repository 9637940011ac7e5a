// The headers every `podlab serve` response carries, whatever its status (200, 3xx, 4xx, 5xx), and the two ways
// a response leaves: through Node's ServerResponse, or written by hand on a raw socket (upgrade requests and
// requests Node's parser refused, which have no ServerResponse).

import { STATUS_CODES, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { CONTENT_SECURITY_POLICY } from '../../door/csp'

export type Headers = Record<string, string | number>

/** The security headers of every response, with `extra` added (or overriding them). */
export function securityHeaders(extra: Headers = {}): Headers {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  }
}

/** Answers with a short plain-text body (one sentence and a newline) and the security headers. */
export function sendText(res: ServerResponse, status: number, text: string, extra: Headers = {}): void {
  res.writeHead(status, securityHeaders({ 'Content-Type': 'text/plain; charset=utf-8', ...extra }) as OutgoingHttpHeaders)
  res.end(text)
}

/**
 * Writes a whole HTTP/1.1 response with a plain-text body on a socket that has no ServerResponse, then closes
 * it. Does nothing but close a socket that can no longer be written.
 */
export function sendRaw(socket: Duplex, status: number, text: string, extra: Headers = {}): void {
  if (!socket.writable) {
    socket.destroy()
    return
  }
  const headers = securityHeaders({
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    Connection: 'close',
    ...extra,
  })
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${head}\r\n${text}`)
}
