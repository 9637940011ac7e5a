// `podlab serve`: the same app in a browser. Serves the built renderer and carries the contract over one
// WebSocket per page at /podlab: `{id, call, request}` in, `{id, reply}` and `{delta}` out.
// Binds 127.0.0.1 unless told otherwise, and refuses sockets from pages of other origins.

import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Engine } from '../engine/engine'
import { MAX_MANIFEST_BYTES } from '../contract'
import { CONTENT_SECURITY_POLICY } from './csp'
import { Session } from './session'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface WebHost {
  url: string
  close(): Promise<void>
}

export interface ServeOptions {
  engine: Engine
  /** The built renderer (out/renderer). */
  root: string
  host?: string
  port?: number
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * DNS rebinding: a page on evil.example whose name later resolves to 127.0.0.1 reaches this server with
 * `Host: evil.example:PORT`. On a loopback address only loopback names are served.
 */
export function hostAllowed(hostHeader: string | undefined, boundTo: string): boolean {
  if (!LOOPBACK_NAMES.has(boundTo === '::1' ? '[::1]' : boundTo)) return true
  if (!hostHeader) return false
  const name = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0]
  return LOOPBACK_NAMES.has((name ?? '').toLowerCase())
}

function serveFile(root: string, req: IncomingMessage, res: ServerResponse): void {
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end()
    return
  }
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)
  } catch {
    res.writeHead(400, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('bad request\n')
    return
  }
  const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname))
  if (!file.startsWith(resolve(root) + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n')
    return
  }
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

function attach(socket: WebSocket, engine: Engine): void {
  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  const session = new Session(engine, (delta) => send({ delta }))
  socket.on('message', (data, isBinary) => {
    let message: unknown
    try {
      if (isBinary) throw new Error('binary frames are not part of the contract')
      message = JSON.parse(data.toString())
    } catch {
      send({ id: null, reply: { ok: false, error: { reason: 'BadRequest', message: 'messages must be JSON text' } } })
      return
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      send({ id: null, reply: { ok: false, error: { reason: 'BadRequest', message: 'a call is a JSON object {id, call, request}' } } })
      return
    }
    const m = message as { id?: unknown; call?: unknown; request?: unknown }
    const id = typeof m.id === 'number' && Number.isSafeInteger(m.id) ? m.id : null
    if (id === null) {
      send({ id: null, reply: { ok: false, error: { reason: 'BadRequest', message: 'every call needs a numeric id' } } })
      return
    }
    send({ id, reply: session.call(m.call, m.request) })
  })
  socket.on('close', () => session.close())
}

/** Starts the web host; resolves once it listens. */
export function serve({ engine, root, host = '127.0.0.1', port = 0 }: ServeOptions): Promise<WebHost> {
  const server: Server = createServer((req, res) => {
    if (!hostAllowed(req.headers.host, host)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('this server answers to 127.0.0.1 and localhost only\n')
      return
    }
    serveFile(root, req, res)
  })
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MANIFEST_BYTES + 64 * 1024 })

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    // A page from another origin must not drive this cluster (cross-site WebSocket hijacking).
    const origin = req.headers.origin
    const sameOrigin = origin === undefined || origin === `http://${req.headers.host}`
    if (path !== '/podlab' || !sameOrigin || !hostAllowed(req.headers.host, host)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      socket.destroy()
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, engine))
  })

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address
      resolvePromise({
        url: `http://${shown}:${address.port}/`,
        close: () =>
          new Promise<void>((done) => {
            for (const client of sockets.clients) client.terminate()
            sockets.close()
            server.close(() => done())
          }),
      })
    })
  })
}
