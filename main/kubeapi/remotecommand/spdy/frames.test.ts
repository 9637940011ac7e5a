import { describe, expect, it } from 'vitest'
import { dataFrame, FrameReader, goAwayFrame, pingFrame, SpdyProtocolError, synReplyFrame, synStreamFrame } from './frames'

describe('SPDY/3.1 frames', () => {
  it('PING is a version-3 control frame of type 6 with a 4-byte id (draft 3.1 §2.6.5)', () => {
    expect([...pingFrame(7)]).toEqual([0x80, 0x03, 0x00, 0x06, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x07])
  })

  it('a DATA frame carries its stream id without the control bit, FIN in the flags byte and a 24-bit length', () => {
    expect([...dataFrame(3, Buffer.from('hi'), true)]).toEqual([0x00, 0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x02, 0x68, 0x69])
  })

  it('frames split across reads come out whole and in order, data and control alike', () => {
    const bytes = Buffer.concat([synStreamFrame(1, Buffer.from([9, 9]), true), dataFrame(1, Buffer.from('abc')), goAwayFrame(1, 0)])
    const reader = new FrameReader()
    const frames = [...reader.push(bytes.subarray(0, 5)), ...reader.push(bytes.subarray(5, 21)), ...reader.push(bytes.subarray(21))]
    expect(frames).toEqual([
      { type: 'syn_stream', streamId: 1, associatedId: 0, priority: 0, fin: true, unidirectional: false, headerBlock: Buffer.from([9, 9]) },
      { type: 'data', streamId: 1, fin: false, data: Buffer.from('abc') },
      { type: 'goaway', lastGoodStreamId: 1, status: 0 },
    ])
  })

  it('SYN_REPLY reads back with its stream id and header block', () => {
    expect(new FrameReader().push(synReplyFrame(5, Buffer.from([1, 2, 3])))).toEqual([{ type: 'syn_reply', streamId: 5, fin: false, headerBlock: Buffer.from([1, 2, 3]) }])
  })

  it('a control frame of another SPDY version is a protocol error', () => {
    const v2 = pingFrame(1)
    v2.writeUInt16BE(0x8002, 0)
    expect(() => new FrameReader().push(v2)).toThrow(SpdyProtocolError)
  })

  it('a control frame shorter than its type needs is a protocol error, not a crash', () => {
    const short = Buffer.from([0x80, 0x03, 0x00, 0x06, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])
    expect(() => new FrameReader().push(short)).toThrow(SpdyProtocolError)
  })
})
