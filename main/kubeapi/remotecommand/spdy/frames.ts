// SPDY/3.1 framing (SPDY Protocol Draft 3.1 §2.2, §2.6): what a server needs to hold kubectl's remotecommand
// streams, as moby/spdystream/spdy (types.go, read.go, write.go) reads and writes them. A control frame is
// `1 | version(15) | type(16) | flags(8) | length(24) | data`; a data frame `0 | stream-id(31) | flags(8) |
// length(24) | data`. Header blocks stay compressed here (header-block.ts inflates them in order).

/** A frame the peer sent that breaks the protocol: the connection ends with GOAWAY PROTOCOL_ERROR. */
export class SpdyProtocolError extends Error {
  readonly reason = 'SpdyProtocolError' as const
  constructor(message: string) {
    super(message)
    this.name = 'SpdyProtocolError'
  }
}

export const SPDY_VERSION = 3
/** Control frame types (§2.6). */
export const FrameType = { SYN_STREAM: 1, SYN_REPLY: 2, RST_STREAM: 3, SETTINGS: 4, PING: 6, GOAWAY: 7, HEADERS: 8, WINDOW_UPDATE: 9 } as const
export const FLAG_FIN = 0x01
export const FLAG_UNIDIRECTIONAL = 0x02
/** RST_STREAM status codes (§2.6.2) and GOAWAY's (§2.6.6). */
export const RstStatus = { PROTOCOL_ERROR: 1, INVALID_STREAM: 2, REFUSED_STREAM: 3, CANCEL: 5, STREAM_IN_USE: 8, STREAM_ALREADY_CLOSED: 9 } as const
export const GoAwayStatus = { OK: 0, PROTOCOL_ERROR: 1, INTERNAL_ERROR: 2 } as const

const HEADER_BYTES = 8
const MASK31 = 0x7fffffff

export type SpdyFrame =
  | { type: 'data'; streamId: number; fin: boolean; data: Buffer }
  | { type: 'syn_stream'; streamId: number; associatedId: number; priority: number; fin: boolean; unidirectional: boolean; headerBlock: Buffer }
  | { type: 'syn_reply'; streamId: number; fin: boolean; headerBlock: Buffer }
  | { type: 'headers'; streamId: number; fin: boolean; headerBlock: Buffer }
  | { type: 'rst_stream'; streamId: number; status: number }
  | { type: 'settings' }
  | { type: 'ping'; id: number }
  | { type: 'goaway'; lastGoodStreamId: number; status: number }
  | { type: 'window_update'; streamId: number; delta: number }
  /** A control frame type SPDY/3.1 does not define: §2.2.1 says to ignore it. */
  | { type: 'unknown'; frameType: number }

function need(body: Buffer, bytes: number, what: string): void {
  if (body.length < bytes) throw new SpdyProtocolError(`${what} frame is ${body.length} bytes, shorter than ${bytes}`)
}

function controlFrame(frameType: number, flags: number, body: Buffer): SpdyFrame {
  switch (frameType) {
    case FrameType.SYN_STREAM:
      need(body, 10, 'SYN_STREAM')
      return {
        type: 'syn_stream',
        streamId: body.readUInt32BE(0) & MASK31,
        associatedId: body.readUInt32BE(4) & MASK31,
        priority: body[8]! >> 5,
        fin: (flags & FLAG_FIN) !== 0,
        unidirectional: (flags & FLAG_UNIDIRECTIONAL) !== 0,
        headerBlock: body.subarray(10),
      }
    case FrameType.SYN_REPLY:
    case FrameType.HEADERS:
      need(body, 4, frameType === FrameType.SYN_REPLY ? 'SYN_REPLY' : 'HEADERS')
      return { type: frameType === FrameType.SYN_REPLY ? 'syn_reply' : 'headers', streamId: body.readUInt32BE(0) & MASK31, fin: (flags & FLAG_FIN) !== 0, headerBlock: body.subarray(4) }
    case FrameType.RST_STREAM:
      need(body, 8, 'RST_STREAM')
      return { type: 'rst_stream', streamId: body.readUInt32BE(0) & MASK31, status: body.readUInt32BE(4) }
    case FrameType.SETTINGS:
      return { type: 'settings' }
    case FrameType.PING:
      need(body, 4, 'PING')
      return { type: 'ping', id: body.readUInt32BE(0) }
    case FrameType.GOAWAY:
      need(body, 8, 'GOAWAY')
      return { type: 'goaway', lastGoodStreamId: body.readUInt32BE(0) & MASK31, status: body.readUInt32BE(4) }
    case FrameType.WINDOW_UPDATE:
      need(body, 8, 'WINDOW_UPDATE')
      return { type: 'window_update', streamId: body.readUInt32BE(0) & MASK31, delta: body.readUInt32BE(4) & MASK31 }
    default:
      return { type: 'unknown', frameType }
  }
}

/** Splits a byte stream into frames; keeps a partial frame until the rest arrives. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0)

  /** The whole frames `chunk` completes. Throws SpdyProtocolError for a control frame of another SPDY version. */
  push(chunk: Buffer): SpdyFrame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
    const frames: SpdyFrame[] = []
    while (this.pending.length >= HEADER_BYTES) {
      const length = this.pending.readUInt32BE(4) & 0xffffff
      if (this.pending.length < HEADER_BYTES + length) break
      const first = this.pending.readUInt32BE(0)
      const flags = this.pending[4]!
      const body = this.pending.subarray(HEADER_BYTES, HEADER_BYTES + length)
      this.pending = this.pending.subarray(HEADER_BYTES + length)
      if ((first & 0x80000000) === 0) {
        frames.push({ type: 'data', streamId: first & MASK31, fin: (flags & FLAG_FIN) !== 0, data: Buffer.from(body) })
        continue
      }
      const version = (first >>> 16) & 0x7fff
      if (version !== SPDY_VERSION) throw new SpdyProtocolError(`unsupported SPDY version ${version}`)
      frames.push(controlFrame(first & 0xffff, flags, Buffer.from(body)))
    }
    return frames
  }
}

function control(frameType: number, flags: number, body: Buffer): Buffer {
  const head = Buffer.alloc(HEADER_BYTES)
  head.writeUInt32BE((0x80000000 | (SPDY_VERSION << 16) | frameType) >>> 0, 0)
  head.writeUInt32BE(((flags << 24) | body.length) >>> 0, 4)
  return Buffer.concat([head, body])
}

function words(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4)
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4))
  return b
}

/** A DATA frame (§2.2.2); `fin` half-closes the stream from our side. At most 16 MiB - 1 bytes of `data`. */
export function dataFrame(streamId: number, data: Buffer, fin = false): Buffer {
  const head = Buffer.alloc(HEADER_BYTES)
  head.writeUInt32BE(streamId & MASK31, 0)
  head.writeUInt32BE((((fin ? FLAG_FIN : 0) << 24) | data.length) >>> 0, 4)
  return Buffer.concat([head, data])
}

/** SYN_REPLY (§2.6.2): the stream is accepted; `headerBlock` from HeaderBlockWriter. */
export const synReplyFrame = (streamId: number, headerBlock: Buffer, fin = false): Buffer =>
  control(FrameType.SYN_REPLY, fin ? FLAG_FIN : 0, Buffer.concat([words(streamId & MASK31), headerBlock]))

/** RST_STREAM (§2.6.3). */
export const rstStreamFrame = (streamId: number, status: number): Buffer => control(FrameType.RST_STREAM, 0, words(streamId & MASK31, status))

/** PING (§2.6.5): a server answers the client's (odd) ids with the same id. */
export const pingFrame = (id: number): Buffer => control(FrameType.PING, 0, words(id))

/** GOAWAY (§2.6.6): no new streams after `lastGoodStreamId`. */
export const goAwayFrame = (lastGoodStreamId: number, status: number): Buffer => control(FrameType.GOAWAY, 0, words(lastGoodStreamId & MASK31, status))

/** WINDOW_UPDATE (§2.6.8); stream 0 is the whole connection's window (new in 3.1). */
export const windowUpdateFrame = (streamId: number, delta: number): Buffer => control(FrameType.WINDOW_UPDATE, 0, words(streamId & MASK31, delta & MASK31))

/** SYN_STREAM (§2.6.1), for tests that play the client. */
export const synStreamFrame = (streamId: number, headerBlock: Buffer, fin = false): Buffer =>
  control(FrameType.SYN_STREAM, fin ? FLAG_FIN : 0, Buffer.concat([words(streamId & MASK31, 0), Buffer.from([0, 0]), headerBlock]))
