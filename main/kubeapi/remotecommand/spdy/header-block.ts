// SPDY/3 header blocks (SPDY Protocol Draft 3.1 §2.6.10): a 32-bit count of name/value pairs, each name and
// value after its 32-bit length, the whole compressed by one zlib stream per direction and connection, primed
// with SPDY3_DICTIONARY and sync-flushed after every block (so each frame's block decodes on its own, given
// the ones before it). Go's framer (moby/spdystream/spdy/read.go, write.go) reads and writes them so.

import { constants, inflateSync } from 'node:zlib'
import { SPDY3_DICTIONARY } from './dictionary'

/** A header block that does not decode: the connection cannot go on (the peer's compression state is lost). */
export class HeaderBlockError extends Error {
  readonly reason = 'HeaderBlockError' as const
  constructor(message: string) {
    super(message)
    this.name = 'HeaderBlockError'
  }
}

/** Header names (lower-case, as SPDY requires) to their values (a NUL-separated value is several). */
export type SpdyHeaders = Map<string, string[]>

/** Adler-32 (RFC 1950 §8), the checksum by which a zlib stream names its preset dictionary (DICTID). */
export function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const byte of bytes) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

const SYNC_FLUSH_MARKER = Buffer.from([0x00, 0x00, 0x00, 0xff, 0xff])

function encodePairs(headers: ReadonlyArray<readonly [string, string]>): Buffer {
  const parts: Buffer[] = [u32(headers.length)]
  for (const [name, value] of headers) {
    const n = Buffer.from(name.toLowerCase(), 'utf8')
    const v = Buffer.from(value, 'utf8')
    parts.push(u32(n.length), n, u32(v.length), v)
  }
  return Buffer.concat(parts)
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(value)
  return b
}

/**
 * The server's compressor. It writes the zlib stream with stored (uncompressed) deflate blocks: a valid stream
 * in any zlib reader primed with the dictionary (RFC 1950 with FDICT, RFC 1951 §3.2.4), byte-aligned after every
 * block and closed by the empty block a sync flush writes, and the same bytes for the same headers on every run. Our replies carry no
 * headers worth compressing (spdystream's SYN_REPLY is empty).
 */
export class HeaderBlockWriter {
  private started = false

  /** The compressed block for `headers` (names are lower-cased). */
  write(headers: ReadonlyArray<readonly [string, string]>): Buffer {
    const plain = encodePairs(headers)
    const parts: Buffer[] = []
    if (!this.started) {
      // CMF 0x78 (deflate, 32 KiB window); FLG 0xBB: FDICT set, FCHECK so that CMF*256+FLG is a multiple of 31.
      parts.push(Buffer.from([0x78, 0xbb]), u32(adler32(SPDY3_DICTIONARY)))
      this.started = true
    }
    // `plain` has at least its 4-byte count, so there is always one block.
    for (let at = 0; at < plain.length; at += 0xffff) {
      const chunk = plain.subarray(at, at + 0xffff)
      const head = Buffer.alloc(5)
      head[0] = 0x00 // BFINAL 0, BTYPE 00 (stored), padded to the byte boundary
      head.writeUInt16LE(chunk.length, 1)
      head.writeUInt16LE(~chunk.length & 0xffff, 3)
      parts.push(head, chunk)
    }
    // The empty stored block a sync flush ends with (00 00 00 FF FF): Go's flate reader hands the block's bytes
    // over only when it meets the next block's header, and would otherwise read past this frame for it.
    parts.push(SYNC_FLUSH_MARKER)
    return Buffer.concat(parts)
  }
}

/**
 * The server's decompressor for the client's blocks. Node's synchronous inflate keeps no state between calls,
 * so it inflates everything this connection received so far and keeps what is new: a SPDY exec opens at most
 * five streams, so the blocks stay a few hundred bytes.
 */
export class HeaderBlockReader {
  private received: Buffer = Buffer.alloc(0)
  private produced = 0

  /** The headers of the next block. Throws HeaderBlockError when it does not inflate or parse. */
  read(block: Buffer): SpdyHeaders {
    this.received = Buffer.concat([this.received, block])
    let all: Buffer
    try {
      all = inflateSync(this.received, { dictionary: SPDY3_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH })
    } catch (e) {
      throw new HeaderBlockError(`header block does not inflate: ${e instanceof Error ? e.message : String(e)}`)
    }
    const plain = all.subarray(this.produced)
    this.produced = all.length
    return parsePairs(plain)
  }
}

function parsePairs(plain: Buffer): SpdyHeaders {
  const headers: SpdyHeaders = new Map()
  let at = 0
  const take = (): Buffer => {
    if (at + 4 > plain.length) throw new HeaderBlockError('header block is truncated')
    const length = plain.readUInt32BE(at)
    at += 4
    if (at + length > plain.length) throw new HeaderBlockError('header block is truncated')
    const bytes = plain.subarray(at, at + length)
    at += length
    return bytes
  }
  if (plain.length < 4) throw new HeaderBlockError('header block is truncated')
  const count = plain.readUInt32BE(0)
  at = 4
  for (let i = 0; i < count; i++) {
    const name = take().toString('utf8')
    const value = take().toString('utf8')
    headers.set(name, value.split('\0'))
  }
  return headers
}
