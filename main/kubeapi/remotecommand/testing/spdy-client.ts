// A small SPDY/3.1 remotecommand client for the door's tests, playing kubectl 1.29's part (client-go
// remotecommand v4 over spdystream): the upgrade POST, one stream per streamtype with headers compressed as
// Go's framer does (one zlib stream, sync-flushed per block), then what the server sends, by stream type.

import { connect, type Socket } from 'node:net'
import { constants, createDeflate, type Deflate } from 'node:zlib'
import { SPDY3_DICTIONARY } from '../spdy/dictionary'
import { dataFrame, FrameReader, synStreamFrame, type SpdyFrame } from '../spdy/frames'

export interface SpdyExchange {
  /** The upgrade's status line and headers, as received. */
  response: string
  socket: Socket
  /** Data received per stream type; `ended` lists the types whose server half closed (FIN). */
  received: Map<string, string>
  ended: Set<string>
  frames: SpdyFrame[]
  /** Sends `data` on the stream of `type` (FIN with `fin`). */
  send(type: string, data: string, fin?: boolean): void
  /** Resolves once the server's half of `type` has closed. */
  endOf(type: string): Promise<void>
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

function headerBlock(deflate: Deflate, pairs: Array<[string, string]>): Promise<Buffer> {
  const plain: Buffer[] = [u32(pairs.length)]
  for (const [n, v] of pairs) plain.push(u32(n.length), Buffer.from(n), u32(v.length), Buffer.from(v))
  const chunks: Buffer[] = []
  const onData = (c: Buffer) => chunks.push(c)
  deflate.on('data', onData)
  deflate.write(Buffer.concat(plain))
  return new Promise((done) =>
    deflate.flush(constants.Z_SYNC_FLUSH, () => {
      deflate.off('data', onData)
      done(Buffer.concat(chunks))
    }),
  )
}

/**
 * Opens `path` (with its query) on `port` over SPDY offering `protocols`, and the streams `types` in order.
 * Resolves after the 101 (or with the refusal in `response` and no streams).
 */
export async function spdyExchange(port: number, path: string, types: string[], protocols = ['v4.channel.k8s.io']): Promise<SpdyExchange> {
  const socket = connect(port, '127.0.0.1')
  await new Promise<void>((done) => socket.once('connect', () => done()))
  socket.write(
    [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: Upgrade', 'Upgrade: SPDY/3.1', ...protocols.map((p) => `X-Stream-Protocol-Version: ${p}`), 'Content-Length: 0', '', ''].join('\r\n'),
  )
  let head = Buffer.alloc(0)
  const response = await new Promise<{ text: string; rest: Buffer }>((done) => {
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      socket.off('data', onData)
      done({ text: head.subarray(0, end).toString('latin1'), rest: head.subarray(end + 4) })
    }
    socket.on('data', onData)
    socket.once('end', () => done({ text: head.toString('latin1'), rest: Buffer.alloc(0) }))
  })
  const received = new Map<string, string>()
  const ended = new Set<string>()
  const frames: SpdyFrame[] = []
  const ids = new Map<number, string>()
  const byType = new Map<string, number>()
  const waiters: Array<() => void> = []
  const reader = new FrameReader()
  const onFrames = (chunk: Buffer) => {
    for (const frame of reader.push(chunk)) {
      frames.push(frame)
      if (frame.type !== 'data') continue
      const type = ids.get(frame.streamId) ?? '?'
      received.set(type, (received.get(type) ?? '') + frame.data.toString())
      if (frame.fin) ended.add(type)
    }
    for (const w of waiters.splice(0)) w()
  }
  const exchange: SpdyExchange = {
    response: response.text,
    socket,
    received,
    ended,
    frames,
    send: (type, data, fin = false) => socket.write(dataFrame(byType.get(type)!, Buffer.from(data), fin)),
    endOf: (type) =>
      new Promise((done) => {
        const check = () => (ended.has(type) ? done() : waiters.push(check))
        check()
      }),
  }
  if (!response.text.startsWith('HTTP/1.1 101')) return exchange
  socket.on('data', onFrames)
  if (response.rest.length > 0) onFrames(response.rest)
  const deflate = createDeflate({ dictionary: SPDY3_DICTIONARY })
  let id = 1
  for (const type of types) {
    ids.set(id, type)
    byType.set(type, id)
    socket.write(synStreamFrame(id, await headerBlock(deflate, [['streamtype', type]])))
    id += 2
  }
  return exchange
}
