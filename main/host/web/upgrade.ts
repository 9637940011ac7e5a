// The WebSocket door's gate: an upgrade request becomes a socket only when its target is /podlab, its Host is
// ours, its Origin is this server's own page, it carries the token (when one is required) and there is room.
// Every refusal is a whole HTTP response with the security headers; nothing here can throw.

import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { UNAUTHENTICATED_MESSAGE, type TokenGate } from './auth'
import { sendRaw } from './headers'
import { hostAllowed, originFormTarget } from '../../door/host-check'

export interface UpgradeGate {
  allowedHosts: ReadonlySet<string>
  /** The token check; null on loopback, where none is required. */
  tokenGate: () => TokenGate | null | 'not-ready'
  sockets: WebSocketServer
  maxSockets: number
}

export const WRONG_HOST_MESSAGE = 'This server does not answer to that host name (a guard against DNS rebinding); open the address `podlab serve` printed.\n'

/** Handles the server's 'upgrade' event. */
export function handleUpgrade(gate: UpgradeGate, req: IncomingMessage, socket: Duplex, head: Buffer, onSocket: (ws: WebSocket) => void): void {
  // Node takes its own error listener off an upgraded socket; without one, a reset would crash the process.
  socket.on('error', () => socket.destroy())
  const url = originFormTarget(req.url)
  if (!url) {
    sendRaw(socket, 400, 'The request target is not a URL path.\n')
    return
  }
  if (!hostAllowed(req.headers.host, gate.allowedHosts)) {
    sendRaw(socket, 421, WRONG_HOST_MESSAGE)
    return
  }
  if (url.pathname !== '/podlab') {
    sendRaw(socket, 404, 'The only WebSocket here is /podlab.\n')
    return
  }
  // A page from another origin must not drive this cluster (cross-site WebSocket hijacking).
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${req.headers.host}`) {
    sendRaw(socket, 403, 'A page of another origin may not open this WebSocket.\n')
    return
  }
  const tokens = gate.tokenGate()
  if (tokens !== null && (tokens === 'not-ready' || tokens.decide(req, url, false).kind !== 'allow')) {
    sendRaw(socket, 401, UNAUTHENTICATED_MESSAGE, { 'WWW-Authenticate': 'Bearer realm="podlab"' })
    return
  }
  if (gate.sockets.clients.size >= gate.maxSockets) {
    sendRaw(socket, 503, `This server already has ${gate.maxSockets} open WebSockets; try again later.\n`, { 'Retry-After': 5 })
    return
  }
  gate.sockets.handleUpgrade(req, socket, head, onSocket)
}

/** ws's 'wsClientError': a handshake ws refused (bad key, version, method...). ws leaves the answer to us. */
export function refuseHandshake(error: Error, socket: Duplex, req: IncomingMessage): void {
  socket.on('error', () => socket.destroy())
  if (req.method !== 'GET') sendRaw(socket, 405, 'A WebSocket opens with GET.\n', { Allow: 'GET' })
  else sendRaw(socket, 400, `Not a WebSocket handshake: ${error.message}.\n`)
}
