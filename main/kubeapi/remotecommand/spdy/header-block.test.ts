import { constants, createDeflate, deflateSync, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { SPDY3_DICTIONARY } from './dictionary'
import { adler32, HeaderBlockError, HeaderBlockReader, HeaderBlockWriter } from './header-block'

/** One zlib stream primed with the dictionary, sync-flushed after each block: what Go's spdy framer writes. */
async function goStyleBlocks(blocks: Array<Array<[string, string]>>): Promise<Buffer[]> {
  const deflate = createDeflate({ dictionary: SPDY3_DICTIONARY })
  const out: Buffer[] = []
  for (const pairs of blocks) {
    const plain: Buffer[] = [u32(pairs.length)]
    for (const [n, v] of pairs) plain.push(u32(n.length), Buffer.from(n), u32(v.length), Buffer.from(v))
    deflate.write(Buffer.concat(plain))
    const chunks: Buffer[] = []
    const onData = (c: Buffer) => chunks.push(c)
    deflate.on('data', onData)
    await new Promise<void>((done) => deflate.flush(constants.Z_SYNC_FLUSH, () => done()))
    deflate.off('data', onData)
    out.push(Buffer.concat(chunks))
  }
  deflate.close()
  return out
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

describe('SPDY/3 header blocks', () => {
  it("the dictionary is the draft's 1423 bytes, and its Adler-32 is the DICTID zlib writes when primed with it", () => {
    expect(SPDY3_DICTIONARY.length).toBe(1423)
    expect(SPDY3_DICTIONARY.subarray(0, 11).toString('latin1')).toBe('\0\0\0\x07options')
    expect(SPDY3_DICTIONARY.subarray(-7).toString('latin1')).toBe(',enq=0.')
    const stream = deflateSync(Buffer.from('x'), { dictionary: SPDY3_DICTIONARY })
    expect(stream.readUInt32BE(2)).toBe(adler32(SPDY3_DICTIONARY))
  })

  it('reads the blocks of one sync-flushed zlib stream in order, as kubectl writes its SYN_STREAM headers', async () => {
    const blocks = await goStyleBlocks([
      [['streamtype', 'error']],
      [['streamtype', 'stdout']],
      [['streamtype', 'stderr'], ['x', 'a\0b']],
    ])
    const reader = new HeaderBlockReader()
    expect(blocks.map((b) => Object.fromEntries(reader.read(b)))).toEqual([
      { streamtype: ['error'] },
      { streamtype: ['stdout'] },
      { streamtype: ['stderr'], x: ['a', 'b'] },
    ])
  })

  it('writes blocks that zlib primed with the dictionary inflates one after another, each ending in the sync-flush marker', () => {
    const writer = new HeaderBlockWriter()
    const first = writer.write([])
    const second = writer.write([['Status', '200']])
    expect([...first.subarray(-5)]).toEqual([0x00, 0x00, 0x00, 0xff, 0xff])
    expect([...second.subarray(-5)]).toEqual([0x00, 0x00, 0x00, 0xff, 0xff])
    const reader = new HeaderBlockReader()
    expect(Object.fromEntries(reader.read(first))).toEqual({})
    expect(Object.fromEntries(reader.read(second))).toEqual({ status: ['200'] })
    const all = inflateSync(Buffer.concat([first, second]), { dictionary: SPDY3_DICTIONARY, finishFlush: constants.Z_SYNC_FLUSH })
    expect(all.readUInt32BE(0)).toBe(0)
  })

  it('a block that is not zlib is a HeaderBlockError', () => {
    expect(() => new HeaderBlockReader().read(Buffer.from('not zlib at all'))).toThrow(HeaderBlockError)
  })
})
