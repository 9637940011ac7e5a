// The server's side of one SPDY/3.1 connection after the HTTP upgrade, as spdystream's server (what the kubelet
// runs, apimachinery pkg/util/httpstream/spdy/connection.go over moby/spdystream) keeps it: every stream the
// client opens (SYN_STREAM) is answered with an empty SYN_REPLY and handed on with its headers; DATA goes to its
// stream, FIN ends the client's half; PINGs are echoed; GOAWAY or a dropped socket ends everything.
// spdystream sends without flow control (it neither waits for nor sends WINDOW_UPDATE), so neither do we.

import type { Duplex } from 'node:stream'
import { dataFrame, FrameReader, GoAwayStatus, goAwayFrame, pingFrame, SpdyProtocolError, synReplyFrame, type SpdyFrame } from './frames'
import { HeaderBlockError, HeaderBlockReader, HeaderBlockWriter, type SpdyHeaders } from './header-block'

/** One stream the client opened: its headers, what the client sends on it, and our half to write. */
export interface SpdyStream {
  readonly id: number
  readonly headers: SpdyHeaders
  /** The client's data on this stream; `end` once its half is closed (FIN, RST_STREAM, or the connection ends). */
  onData?: (data: Buffer) => void
  onEnd?: () => void
  /** Writes on our half; false once it is closed. */
  write(data: Buffer): boolean
  /** Closes our half (an empty DATA frame with FIN). */
  end(): void
}

/** The largest DATA payload we write at once (spdystream reads any up to 16 MiB; 64 KiB keeps frames small). */
const MAX_DATA = 64 * 1024

export class SpdyServerConnection {
  private readonly reader = new FrameReader()
  private readonly headerReader = new HeaderBlockReader()
  private readonly headerWriter = new HeaderBlockWriter()
  private readonly streams = new Map<number, { stream: SpdyStream; clientDone: boolean; ourDone: boolean }>()
  private lastStreamId = 0
  private closed = false
  private closeListeners: Array<() => void> = []

  /**
   * Serves `socket` (already upgraded; `head` is what came after the request's headers). `onStream` hears each
   * new stream once its SYN_REPLY is written.
   */
  constructor(
    private readonly socket: Duplex,
    head: Buffer,
    private readonly onStream: (stream: SpdyStream) => void,
  ) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk))
    // The http server keeps upgraded sockets half-open: the client's FIN is the connection's end (spdystream's
    // read loop ends on EOF), so answer it with ours rather than wait.
    socket.on('end', () => {
      this.finish()
      socket.end()
    })
    socket.on('close', () => this.finish())
    socket.on('error', () => this.finish())
    if (head.length > 0) queueMicrotask(() => this.receive(head))
  }

  /** Hears the end of the connection (either side's). */
  onClose(listener: () => void): void {
    if (this.closed) listener()
    else this.closeListeners.push(listener)
  }

  /** Ends the connection as spdystream's Close does: GOAWAY, then the socket's end once written. */
  close(status: number = GoAwayStatus.OK): void {
    if (this.closed) return
    this.send(goAwayFrame(this.lastStreamId, status))
    this.socket.end()
    this.finish()
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return
    let frames: SpdyFrame[]
    try {
      frames = this.reader.push(chunk)
      for (const frame of frames) this.handle(frame)
    } catch (e) {
      if (e instanceof SpdyProtocolError || e instanceof HeaderBlockError) return this.close(GoAwayStatus.PROTOCOL_ERROR)
      throw e
    }
  }

  private handle(frame: SpdyFrame): void {
    switch (frame.type) {
      case 'syn_stream':
        return this.open(frame.streamId, this.headerReader.read(frame.headerBlock), frame.fin)
      case 'headers':
        // Its block still advances the shared zlib state; kubectl sends none after SYN_STREAM.
        this.headerReader.read(frame.headerBlock)
        if (frame.fin) this.clientEnded(frame.streamId)
        return
      case 'data': {
        const entry = this.streams.get(frame.streamId)
        if (entry && !entry.clientDone && frame.data.length > 0) entry.stream.onData?.(frame.data)
        if (frame.fin) this.clientEnded(frame.streamId)
        return
      }
      case 'rst_stream':
        this.clientEnded(frame.streamId)
        this.ourEnded(frame.streamId)
        return
      case 'ping':
        this.send(pingFrame(frame.id))
        return
      case 'goaway':
        this.socket.end()
        this.finish()
        return
      default:
        // SETTINGS, WINDOW_UPDATE, a SYN_REPLY we never asked for, unknown control types: nothing to do.
        return
    }
  }

  private open(id: number, headers: SpdyHeaders, fin: boolean): void {
    if (id <= this.lastStreamId || id % 2 === 0) throw new SpdyProtocolError(`stream id ${id} is not a new client stream`)
    this.lastStreamId = id
    const entry = { clientDone: false, ourDone: false, stream: undefined as unknown as SpdyStream }
    entry.stream = {
      id,
      headers,
      write: (data) => {
        if (entry.ourDone || this.closed) return false
        for (let at = 0; at < data.length; at += MAX_DATA) this.send(dataFrame(id, data.subarray(at, at + MAX_DATA)))
        return true
      },
      end: () => {
        if (entry.ourDone || this.closed) return
        this.send(dataFrame(id, Buffer.alloc(0), true))
        this.ourEnded(id)
      },
    }
    this.streams.set(id, entry)
    this.send(synReplyFrame(id, this.headerWriter.write([])))
    this.onStream(entry.stream)
    if (fin) this.clientEnded(id)
  }

  private clientEnded(id: number): void {
    const entry = this.streams.get(id)
    if (!entry || entry.clientDone) return
    entry.clientDone = true
    entry.stream.onEnd?.()
  }

  private ourEnded(id: number): void {
    const entry = this.streams.get(id)
    if (entry) entry.ourDone = true
  }

  private send(frame: Buffer): void {
    if (!this.closed && this.socket.writable) this.socket.write(frame)
  }

  private finish(): void {
    if (this.closed) return
    for (const id of this.streams.keys()) this.clientEnded(id)
    this.closed = true
    const listeners = this.closeListeners
    this.closeListeners = []
    for (const listener of listeners) listener()
  }
}
