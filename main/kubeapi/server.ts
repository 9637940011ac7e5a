// The Kubernetes REST door: a plain Node http server that real clients (kubectl 1.27-1.33, client libraries)
// talk to as to kube-apiserver 1.32. It calls the engine only through its face (main/engine/index.ts) and knows
// no other door; the host that starts it decides who may come in (`admit`: the DNS-rebinding Host check and the
// bearer token off loopback). Whatever a client sends, the server stays up: a bad request is a Status, a
// failure inside one request is that request's 500, a dropped watch or exec ends that stream only.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isApiError, type Engine } from '../engine'
import type { Status } from '../kube'
import { MAX_BODY_BYTES } from './body'
import { selfReview } from './authorization'
import { aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery'
import { aggregatedContentType, aggregatedVersion } from './negotiate'
import { engineOpenApi, OPENAPI_V2_CONTENT_TYPE, type OpenApiSource } from './openapi'
import { upgradeHandler } from './remotecommand/upgrade'
import { resourceRequest } from './request-info'
import { handleResource, type HandlerContext } from './resources'
import { DoorError, methodNotAllowed, pathNotFound } from './status'
import { SERVER_VERSION } from './version'
import type { WatchLimits } from './watch'


/** The largest request header block the door reads, bytes (Go's http.DefaultMaxHeaderBytes). */
export const MAX_HEADER_BYTES = 1 << 20
export interface KubeApiOptions {
  engine: Engine
  /** Address to listen on; default 127.0.0.1. */
  host?: string
  /** Port; 0 (the default) picks a free one. */
  port?: number
  /**
   * Decides whether a request may be served; a Status answers it otherwise (401 without the token, 421 for
   * another Host). Default: everyone (loopback).
   */
  admit?: (req: IncomingMessage) => Status | undefined
  /** Largest request body, in bytes (default the API server's 3 MiB). */
  bodyLimit?: number
  watch?: Partial<WatchLimits>
  /** The OpenAPI v3 documents (default: the small ones kubectl needs, ./openapi.ts). */
  openApi?: OpenApiSource
}

export interface KubeApi {
  /** `http://127.0.0.1:PORT`, what a kubeconfig's cluster.server says. */
  url: string
  port: number
  close(): Promise<void>
}

/** The watch cache's window and the cacher's bookmark period. */
export const WATCH_LIMITS: WatchLimits = { historyRevisions: 10_000, bookmarkMs: 60_000, maxBufferedBytes: 16 * 1024 * 1024 }

const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz'])

function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = `${JSON.stringify(body)}\n`
  res.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

function sendStatus(res: ServerResponse, status: Status): void {
  sendJson(res, status.code, status)
}

/** Answers the paths that are not resources: /version, health, discovery, OpenAPI. False when `path` is none of them. */
function handleMeta(engine: Engine, openApi: OpenApiSource, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  const send = (body: unknown, contentType?: string) => sendJson(res, 200, body, contentType)
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path
  if (trimmed === '/version') return send(SERVER_VERSION), true
  if (HEALTH_PATHS.has(trimmed)) {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' })
    res.end('ok')
    return true
  }
  if (trimmed === '/api' || trimmed === '/apis') {
    const version = aggregatedVersion(req.headers.accept)
    if (version) {
      res.setHeader('Vary', 'Accept')
      return send(aggregatedDiscovery(engine.resources(), trimmed === '/api', version), aggregatedContentType(version)), true
    }
    return send(trimmed === '/api' ? apiVersions(req.headers.host ?? '') : apiGroupList(engine.resources())), true
  }
  const parts = trimmed.split('/').filter(Boolean)
  if (parts[0] === 'api' && parts.length === 2) {
    const list = apiResourceList(engine.resources(), { group: '', version: parts[1] as string })
    if (!list) throw pathNotFound()
    return send(list), true
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const group = apiGroup(engine.resources(), parts[1] as string)
    if (!group) throw pathNotFound()
    return send(group), true
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const list = apiResourceList(engine.resources(), { group: parts[1] as string, version: parts[2] as string })
    if (!list) throw pathNotFound()
    return send(list), true
  }
  if (trimmed === '/openapi/v2') {
    res.writeHead(200, { 'Content-Type': OPENAPI_V2_CONTENT_TYPE, 'Content-Length': 0 })
    res.end()
    return true
  }
  if (trimmed === '/openapi/v3') return send(openApi.root()), true
  if (trimmed.startsWith('/openapi/v3/')) {
    const document = openApi.document(trimmed.slice('/openapi/v3/'.length))
    if (document === undefined) throw pathNotFound()
    return send(document), true
  }
  return false
}

/** Turns whatever a request raised into its answer; the server itself never goes down for one request. */
function answerError(res: ServerResponse, e: unknown): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  if (isApiError(e)) return sendStatus(res, e.toStatus())
  if (e instanceof DoorError) return sendStatus(res, e.toStatus())
  console.error(`podlab: the Kubernetes API could not answer a request: ${e instanceof Error ? e.message : String(e)}`)
  sendStatus(res, new DoorError(500, 'InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`).toStatus())
}

/** Starts the REST door; resolves once it listens. Rejects when it cannot (port taken, bad address). */
export function startKubeApi(options: KubeApiOptions): Promise<KubeApi> {
  const { engine, host = '127.0.0.1', port = 0, admit } = options
  const openApi = options.openApi ?? engineOpenApi(engine)
  const watchLimits = { ...WATCH_LIMITS, ...options.watch }
  const bodyLimit = options.bodyLimit ?? MAX_BODY_BYTES

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const refused = admit?.(req)
    if (refused) return sendStatus(res, refused)
    const url = new URL(req.url ?? '/', 'http://localhost')
    const method = req.method ?? 'GET'
    if (method === 'GET' || method === 'HEAD') {
      if (handleMeta(engine, openApi, req, res, url.pathname)) return
    }
    const review = await selfReview(req, url.pathname, bodyLimit)
    if (review !== undefined) return sendJson(res, 201, review)
    const watch = ['true', '1'].includes(url.searchParams.get('watch') ?? '')
    const request = resourceRequest(method, url.pathname, watch)
    if (!request) {
      if (method !== 'GET' && handleMetaPath(url.pathname)) throw methodNotAllowed()
      throw pathNotFound()
    }
    const ctx: HandlerContext = {
      engine,
      req,
      res,
      query: url.searchParams,
      bodyLimit,
      watchLimits,
      send: (code, body) => sendJson(res, code, body),
    }
    await handleResource(ctx, request)
  }

  // net/http's DefaultMaxHeaderBytes (1 MiB), which the API server keeps: Node's own 16 KiB would reset the
  // connection of a client with a long bearer token or many impersonation headers.
  const server: Server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    answer(req, res).catch((e: unknown) => answerError(res, e))
  })
  server.on('clientError', (_error, socket) => socket.destroy())
  // pods/exec and pods/attach: WebSocket (kubectl 1.30+) and SPDY/3.1 (1.27-1.29, and the fallback).
  const upgrades = upgradeHandler(engine, admit)
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => upgrades.handle(req, socket, head))

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      server.on('error', (e) => console.error(`podlab: Kubernetes API server error: ${e.message}`))
      const address = server.address() as AddressInfo
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address
      resolve({
        url: `http://${shown}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
            upgrades.closeAll()
          }),
      })
    })
  })
}

/** Paths answered by GET only (a POST to /version is 405, as on the API server). */
function handleMetaPath(path: string): boolean {
  return path === '/version' || HEALTH_PATHS.has(path) || path === '/api' || path === '/apis' || path.startsWith('/openapi/')
}
