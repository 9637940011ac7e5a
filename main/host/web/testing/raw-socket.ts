// Test-only: talks to a live `podlab serve` over a bare TCP socket, so tests can send what no well-behaved
// client would (hand-made frames, broken request lines), and the usual HTTP and WebSocket calls to check
// that the server still answers afterwards.

import { request } from 'node:http'
import { connect } from 'node:net'
import WebSocket from 'ws'

/** Writes `bytes`, then collects what comes back until the server closes or `waitMs` (ms) pass. */
export async function exchange(port: number, bytes: Buffer | string, waitMs = 300): Promise<Buffer> {
  return (await talk(port, bytes, waitMs)).received
}

/** Like `exchange`, and says whether the server closed the connection (rather than `waitMs` running out). */
export function talk(port: number, bytes: Buffer | string, waitMs: number): Promise<{ received: Buffer; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    const socket = connect(port, '127.0.0.1')
    const finish = (closedByServer: boolean) => {
      clearTimeout(timer)
      socket.destroy()
      resolve({ received: Buffer.concat(chunks), closedByServer })
    }
    const timer = setTimeout(() => finish(false), waitMs)
    socket.on('data', (c) => chunks.push(c))
    socket.on('error', () => finish(true))
    socket.on('close', () => finish(true))
    socket.write(bytes, () => {})
  })
}

/** The upgrade request a browser sends for ws://127.0.0.1:PORT/podlab. */
export function handshake(port: number, extraHeaders = '', target = '/podlab'): string {
  return (
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extraHeaders}\r\n`
  )
}

export interface FrameSpec {
  fin?: boolean
  /** The three reserved bits, 0-7. */
  rsv?: number
  opcode: number
  /** Client frames must be masked; false sends an unmasked one. */
  masked?: boolean
  payload?: Buffer
  /** Claims this payload length in the header whatever the payload really is. */
  claimedLength?: number
}

/** One WebSocket frame as RFC 6455 §5.2 lays it out, mask key 0x01020304. */
export function frame({ fin = true, rsv = 0, opcode, masked = true, payload = Buffer.alloc(0), claimedLength }: FrameSpec): Buffer {
  const length = claimedLength ?? payload.length
  const head = [((fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)) & 0xff]
  const maskBit = masked ? 0x80 : 0
  let extended = Buffer.alloc(0)
  if (length < 126) head.push(maskBit | length)
  else if (length < 65536) {
    head.push(maskBit | 126)
    extended = Buffer.alloc(2)
    extended.writeUInt16BE(length)
  } else {
    head.push(maskBit | 127)
    extended = Buffer.alloc(8)
    extended.writeBigUInt64BE(BigInt(length))
  }
  const key = Buffer.from([1, 2, 3, 4])
  const body = masked ? Buffer.from(payload.map((b, i) => b ^ key[i % 4]!)) : payload
  return Buffer.concat([Buffer.from(head), extended, masked ? key : Buffer.alloc(0), body])
}

/** GET over HTTP/1.1 with the given headers; resolves with status, headers and body text. */
export function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** Opens ws://127.0.0.1:PORT/podlab; rejects with the server's refusal. */
export function openSocket(port: number, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/podlab`, options)
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

/** The next message on `ws` that `match` accepts, parsed. */
export function nextMessage(ws: WebSocket, match: (m: any) => boolean): Promise<any> {
  return new Promise((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString())
      if (match(m)) {
        ws.off('message', on)
        resolve(m)
      }
    }
    ws.on('message', on)
  })
}

/** Makes one `cluster.info` call on a fresh socket and closes it; resolves with the reply. */
export async function callOnce(port: number, options: WebSocket.ClientOptions = {}): Promise<any> {
  const ws = await openSocket(port, options)
  try {
    const reply = nextMessage(ws, (m) => m.id === 1)
    ws.send(JSON.stringify({ id: 1, call: 'cluster.info', request: {} }))
    return (await reply).reply
  } finally {
    ws.close()
  }
}
