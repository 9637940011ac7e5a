// `podlab serve`: the same app in a browser. Serves the built renderer and carries the contract over one
// WebSocket per page at /podlab (./socket-door.ts). Binds 127.0.0.1 unless told otherwise; anywhere else it
// requires a token (./auth.ts). Whatever a client sends, the server stays up: every socket, parser and
// protocol error is answered or closes that one connection, and ./limits.ts bounds what each client may hold.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import type { Duplex } from 'node:stream'
import { createRequire } from 'node:module'
import type { WebSocket, WebSocketServer } from 'ws'
import type { Engine } from '../../engine'
import type { KubeApiInfo } from '../../contract'
import { newToken, TokenGate, UNAUTHENTICATED_MESSAGE } from './auth'
import { sendRaw, sendText } from './headers'
import { allowedHostNames, hostAllowed, isLoopback, originFormTarget } from '../../door/host-check'
import { WEB_LIMITS, type WebLimits } from './limits'
import type { Session } from '../../door/session'
import { attachSocket } from './socket-door'
import { serveFile } from './static-files'
import { handleUpgrade, refuseHandshake, WRONG_HOST_MESSAGE } from './upgrade'

export interface WebHost {
  /** Where the server listens, `http://ADDRESS:PORT/`. */
  url: string
  /** The address to open in a browser: `url`, with `?token=...` when a token is required. */
  openUrl: string
  /** Whether requests need the token (the server is not on loopback, or a token was given). */
  tokenRequired: boolean
  close(): Promise<void>
}

export interface ServeOptions {
  engine: Engine
  /** The built renderer (out/renderer). */
  root: string
  host?: string
  port?: number
  /** The token clients must bring. Default: none on loopback, a fresh random one anywhere else. */
  token?: string
  limits?: Partial<WebLimits>
  /** Where the host serves the cluster's Kubernetes API, for the page's `kubeapi.info` (asked at each call). */
  kubeApi?: () => KubeApiInfo
}

function showAddress(address: string, family: string): string {
  if (address === '0.0.0.0' || address === '::') {
    // A wildcard is no address to open: show one of this machine's that other machines can reach.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((info) => info && info.family === 'IPv4' && !info.internal)
    return external?.address ?? '127.0.0.1'
  }
  return family === 'IPv6' ? `[${address}]` : address
}

// Node's parser refused the request (bad request line or header, headers too large, too slow).
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // Never write over a response already under way on this connection.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true
  if (error.code === 'ECONNRESET' || inFlight) {
    socket.destroy()
    return
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') sendRaw(socket, 431, 'The request headers are too large.\n')
  else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') sendRaw(socket, 408, 'The request took too long to arrive.\n')
  else sendRaw(socket, 400, 'This is not an HTTP/1.1 request the server can read.\n')
}

/** Starts the web host; resolves once it listens. Rejects when it cannot listen (port taken, bad address). */
export function serve({ engine, root, host = '127.0.0.1', port = 0, token, limits: overrides = {}, kubeApi }: ServeOptions): Promise<WebHost> {
  const limits = { ...WEB_LIMITS, ...overrides }
  const required = token ?? (isLoopback(host) ? undefined : newToken())
  const allowedHosts = allowedHostNames(host)
  // Made once the port is known: the cookie's name carries it.
  let tokenGate: TokenGate | null | 'not-ready' = required === undefined ? null : 'not-ready'

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, allowedHosts)) return sendText(res, 421, WRONG_HOST_MESSAGE)
    const url = originFormTarget(req.url)
    if (!url) return sendText(res, 400, 'The request target is not a URL path.\n')
    if (tokenGate !== null) {
      const decision = tokenGate === 'not-ready' ? { kind: 'deny' as const } : tokenGate.decide(req, url, true)
      if (decision.kind === 'deny') return sendText(res, 401, UNAUTHENTICATED_MESSAGE, { 'WWW-Authenticate': 'Bearer realm="podlab"' })
      if (decision.kind === 'trade') {
        return sendText(res, 303, 'Signed in; on to the app.\n', { Location: decision.location, 'Set-Cookie': decision.setCookie })
      }
    }
    serveFile(root, req, res, url.pathname)
  }

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckMs,
      // Node would answer a missing Host with a bare 400 of its own; the Host check below answers it, with the
      // security headers every response carries.
      requireHostHeader: false,
    },
    (req, res) => {
      try {
        answer(req, res)
      } catch (e) {
        console.error(`podlab: a request could not be answered: ${(e as Error).message}`)
        if (res.headersSent) res.destroy()
        else sendText(res, 500, 'The server could not answer this request.\n')
      }
    },
  )
  server.maxConnections = limits.maxConnections
  server.on('clientError', answerClientError)

  // Required here, not at load: `ws` is ~30 ms of every `podlab` start, and only `podlab serve` takes sockets.
  const { WebSocketServer: Server } = createRequire(import.meta.url)('ws') as typeof import('ws')
  const sockets: WebSocketServer = new Server({ noServer: true, maxPayload: limits.maxMessageBytes })
  sockets.on('error', (e) => console.error(`podlab: WebSocket server error: ${e.message}`))
  sockets.on('wsClientError', refuseHandshake)

  // Heartbeat: a socket that has not answered the previous ping (a vanished laptop, a half-open connection) is dropped.
  const answered = new WeakSet<WebSocket>()
  const heartbeat = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!answered.delete(ws)) ws.terminate()
      else ws.ping()
    }
  }, limits.heartbeatMs)
  heartbeat.unref()
  // The pages' Sessions, closed by close() itself: a socket's own close event comes after server.close() has
  // answered, and the CLI closes the engine then, under whatever push a Session still had scheduled.
  const sessions = new Set<Session>()
  const onSocket = (ws: WebSocket) => {
    answered.add(ws)
    ws.on('pong', () => answered.add(ws))
    const session = attachSocket(ws, engine, limits.maxBufferedBytes, kubeApi)
    sessions.add(session)
    ws.on('close', () => sessions.delete(session))
  }
  const gate = { allowedHosts, tokenGate: () => tokenGate, sockets, maxSockets: limits.maxSockets }
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => handleUpgrade(gate, req, socket, head, onSocket))

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      server.on('error', (e) => console.error(`podlab: web server error: ${e.message}`))
      const address = server.address() as AddressInfo
      const url = `http://${showAddress(address.address, address.family)}:${address.port}/`
      if (required !== undefined) tokenGate = new TokenGate(required, `podlab-token-${address.port}`)
      resolvePromise({
        url,
        openUrl: required === undefined ? url : `${url}?token=${encodeURIComponent(required)}`,
        tokenRequired: required !== undefined,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat)
            for (const session of sessions) session.close()
            sessions.clear()
            for (const client of sockets.clients) client.terminate()
            sockets.close()
            server.close(() => done())
            server.closeAllConnections()
          }),
      })
    })
  })
}
