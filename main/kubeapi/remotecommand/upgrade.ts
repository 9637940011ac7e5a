// The REST door's upgrade requests (Node hands them over as a raw socket): pods/exec and pods/attach over
// WebSocket or SPDY/3.1. The API server's checks come first and answer as its Status (pod not found, container
// not valid, no host); over SPDY the kubelet's own check follows before the 101, its refusal a plain-text 500
// that kubectl prints as `unable to upgrade connection: container not found ("c")`.

import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { isApiError, type Engine } from '../../engine'
import type { Status } from '../../kube'
import { resourceRequest } from '../request-info'
import { DoorError, notServedYet, pathNotFound } from '../status'
import { KubeletRefused, kubeletFindContainer, streamLocation } from './location'
import { remoteCommandRequest } from './options'
import { writeRawResponse, writeRawStatus } from './raw-response'
import { serveSpdy } from './spdy-streams'
import { serveWebSocket, webSocketServer } from './websocket-streams'

export interface UpgradeHandler {
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Ends every upgraded connection (the server is closing). */
  closeAll(): void
}

/** The handler for the door's `upgrade` events; `admit` as the door's (a Status refuses). */
export function upgradeHandler(engine: Engine, admit: ((req: IncomingMessage) => Status | undefined) | undefined): UpgradeHandler {
  const sockets = new Set<Duplex>()
  const ws = webSocketServer()

  const serve = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const refused = admit?.(req)
    if (refused) return writeRawStatus(socket, refused)
    const url = new URL(req.url ?? '/', 'http://localhost')
    const r = resourceRequest(req.method ?? 'GET', url.pathname, false)
    if (!r || r.group !== '' || r.version !== 'v1' || r.resource !== 'pods' || r.namespace === undefined || r.name === undefined) throw pathNotFound()
    if (r.subresource !== 'exec' && r.subresource !== 'attach') throw notServedYet(`upgrades to ${r.subresource === undefined ? 'pods' : `pods/${r.subresource}`}`)
    const request = remoteCommandRequest(r.subresource, r.namespace, r.name, url.searchParams)
    const { target, pod } = streamLocation(engine, request)
    const upgrade = (req.headers.upgrade ?? '').toLowerCase()
    if (upgrade.includes('websocket')) return serveWebSocket(engine, ws, req, socket, head, request, target, pod)
    if (upgrade.includes('spdy/3.1')) {
      kubeletFindContainer(pod, target, request.subresource)
      return serveSpdy(engine, req, socket, head, request, target)
    }
    // spdy.NewResponseUpgrader: an upgrade to anything else.
    writeRawResponse(socket, 400, 'text/plain; charset=utf-8', `unable to upgrade: missing upgrade headers in request: ${upgrade}\n`)
  }

  return {
    handle(req, socket, head) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => socket.destroy())
      try {
        serve(req, socket, head)
      } catch (e) {
        if (isApiError(e)) return writeRawStatus(socket, e.toStatus())
        if (e instanceof DoorError) return writeRawStatus(socket, e.toStatus())
        if (e instanceof KubeletRefused) return writeRawResponse(socket, 500, 'text/plain; charset=utf-8', e.message)
        console.error(`podlab: the Kubernetes API could not answer an upgrade: ${e instanceof Error ? e.message : String(e)}`)
        writeRawStatus(socket, new DoorError(500, 'InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`).toStatus())
      }
    },
    closeAll() {
      for (const socket of sockets) socket.destroy()
      sockets.clear()
      ws.close()
    },
  }
}
