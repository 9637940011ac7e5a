// One browser page's WebSocket: `{id, call, request}` in, `{id, reply}` and `{delta}` out, through one Session.
// Nothing a client sends can throw out of here: protocol errors close the socket (ws picks the close code),
// and a client that stops reading is dropped before its backlog fills the server's memory.

import type { WebSocket } from 'ws'
import type { Table } from '../../kube'
import type { Delta, KubeApiInfo, Reply } from '../../contract'
import type { Engine } from '../../engine'
import { Session } from '../../door/session'
import { tableJson } from '../../door/table-builds'

function refusal(message: string): { id: null; reply: Reply } {
  return { id: null, reply: { ok: false, error: { reason: 'BadRequest', message } } }
}

/** The reply to one text message, or null for a binary one (refused the same way). */
function answer(session: Session, text: string | null): unknown {
  let message: unknown
  try {
    if (text === null) throw new Error('binary frames are not part of the contract')
    message = JSON.parse(text)
  } catch {
    return refusal('messages must be JSON text')
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return refusal('a call is a JSON object {id, call, request}')
  const m = message as { id?: unknown; call?: unknown; request?: unknown }
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) return refusal('every call needs a numeric id')
  return { id: m.id, reply: session.call(m.call, m.request) }
}

const encodedTables = new WeakMap<Table, Map<string, Buffer>>()

/**
 * `JSON.stringify({ delta })` as UTF-8, a table's made once for all the sockets watching the same view rather
 * than once per socket (ws sends a server's Buffer without copying it).
 */
export function encodeDelta(delta: Delta): Buffer {
  if (delta.type !== 'table') return Buffer.from(JSON.stringify({ delta }))
  let byView = encodedTables.get(delta.table)
  if (!byView) encodedTables.set(delta.table, (byView = new Map()))
  const view = JSON.stringify(delta.view)
  let encoded = byView.get(view)
  if (!encoded) byView.set(view, (encoded = Buffer.from(`{"delta":{"type":"table","view":${view},"table":${tableJson(delta.table)}}}`)))
  return encoded
}

/**
 * Wires a freshly opened WebSocket to a new Session on `engine`; the Session closes with the socket. Returns
 * the Session, so that a server stopping can close it at once rather than on the socket's later close event.
 */
export function attachSocket(socket: WebSocket, engine: Engine, maxBufferedBytes: number, kubeApi?: () => KubeApiInfo): Session {
  // ws has already closed the socket with the right code (1002, 1007, 1009) when it reports an error.
  socket.on('error', () => {})
  const send = (message: string | Buffer) => {
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > maxBufferedBytes) {
      socket.terminate()
      return
    }
    socket.send(message, { binary: false })
  }
  const session = new Session(engine, (delta) => send(encodeDelta(delta)), kubeApi)
  socket.on('message', (data, isBinary) => {
    try {
      send(JSON.stringify(answer(session, isBinary ? null : data.toString())))
    } catch (e) {
      // Session.call never throws; this guards the server against a bug anywhere below it.
      console.error(`podlab: a WebSocket message could not be answered: ${(e as Error).message}`)
      socket.terminate()
    }
  })
  socket.on('close', () => session.close())
  return session
}
