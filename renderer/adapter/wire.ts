// The WebSocket wire format between the renderer and `podlab serve` (see ./README.md). Pure: encodes what
// the client sends and decodes, defensively, what the server sends. Nothing from the socket is trusted.

import { isContractError, type CallName, type Delta, type Reply } from '../../main/contract'

/** Client -> server: one contract call. `id` is unique per connection and echoed in the reply. */
export interface CallMessage {
  id: number
  call: CallName
  request: unknown
}

/** Server -> client: the reply to call `id`, or a delta pushed without being asked. */
export type ServerMessage = { kind: 'reply'; id: number; reply: Reply } | { kind: 'delta'; delta: Delta }

export function encodeCall(message: CallMessage): string {
  return JSON.stringify({ id: message.id, call: message.call, request: message.request })
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isReply(v: unknown): v is Reply {
  if (!isObject(v)) return false
  if (v.ok === true) return 'result' in v
  return v.ok === false && isContractError(v.error)
}

function isDelta(v: unknown): v is Delta {
  if (!isObject(v)) return false
  if (v.type === 'clock') return isObject(v.clock)
  if (v.type === 'table') return isObject(v.view) && isObject(v.table)
  if (v.type === 'console') return typeof v.job === 'string' && (v.stream === 'stdout' || v.stream === 'stderr') && typeof v.text === 'string'
  if (v.type === 'console-exit') return typeof v.job === 'string' && typeof v.code === 'number'
  if (v.type === 'console-edit') return typeof v.job === 'string' && typeof v.text === 'string' && typeof v.fileName === 'string'
  return false
}

/** Decodes one frame from the server; null when it is not a message of this protocol. */
export function decodeServerMessage(text: string): ServerMessage | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (!isObject(value)) return null
  if ('delta' in value) return isDelta(value.delta) ? { kind: 'delta', delta: value.delta } : null
  if (typeof value.id === 'number' && Number.isInteger(value.id) && isReply(value.reply)) {
    return { kind: 'reply', id: value.id, reply: value.reply }
  }
  return null
}

/** The reply a call gets when it never reached the engine (socket closed, bridge missing, IPC failure). */
export function internalFailure(message: string): Reply {
  return { ok: false, error: { reason: 'Internal', message } }
}
