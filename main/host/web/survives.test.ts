// Issue 5: whatever a socket sends, `podlab serve` stays up. Each case writes hand-made bytes on a bare TCP
// socket to a real server on port 0, then checks that the server still serves a page and answers a call.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_CALL_MESSAGE_BYTES } from '../../contract'
import { startTestServer, type TestServer } from './testing/test-server'
import { callOnce, exchange, frame, get, handshake } from './testing/raw-socket'

let server: TestServer
let port: number

beforeAll(async () => {
  server = await startTestServer()
  port = server.port
})

afterAll(() => server.close())

async function expectStillServing(): Promise<void> {
  expect((await get(port, '/')).status).toBe(200)
  expect(await callOnce(port)).toMatchObject({ ok: true, result: { name: expect.any(String) } })
}

/** The close frame the server answered with, if any: its status code. */
function closeCode(response: Buffer): number | null {
  const end = response.indexOf('\r\n\r\n')
  const frames = response.subarray(end + 4)
  if (frames.length < 4 || (frames[0]! & 0x0f) !== 0x8) return null
  return frames.readUInt16BE(2)
}

describe('podlab serve survives what a WebSocket client sends (issue 5)', () => {
  it.each([
    ['a frame header claiming more than the message limit', frame({ opcode: 1, claimedLength: MAX_CALL_MESSAGE_BYTES + 1 }), 1009],
    ['invalid UTF-8 in a text frame', frame({ opcode: 1, payload: Buffer.from([0xc3, 0x28]) }), 1007],
    ['an unmasked client frame', frame({ opcode: 1, masked: false, payload: Buffer.from('{}') }), 1002],
    ['a reserved bit set', frame({ opcode: 1, rsv: 4, payload: Buffer.from('{}') }), 1002],
    ['a reserved opcode', frame({ opcode: 3, payload: Buffer.from('{}') }), 1002],
    ['a control frame longer than 125 bytes', frame({ opcode: 9, payload: Buffer.alloc(200) }), 1002],
  ])('%s: closed with code %i, and the server answers the next page and call', async (_what, bytes, code) => {
    const response = await exchange(port, Buffer.concat([Buffer.from(handshake(port)), bytes]))
    expect(response.toString('latin1')).toMatch(/^HTTP\/1\.1 101 /)
    expect(closeCode(response)).toBe(code)
    await expectStillServing()
  })

  it('a message split over continuation frames that together pass the limit: closed with 1009', async () => {
    const half = Buffer.alloc(MAX_CALL_MESSAGE_BYTES / 2 + 1, 0x20)
    const bytes = Buffer.concat([Buffer.from(handshake(port)), frame({ fin: false, opcode: 1, payload: half }), frame({ opcode: 0, payload: half })])
    expect(closeCode(await exchange(port, bytes, 1000))).toBe(1009)
    await expectStillServing()
  })

  it('a client that resets the connection in the middle of a frame', async () => {
    await exchange(port, Buffer.concat([Buffer.from(handshake(port)), frame({ opcode: 1, payload: Buffer.from('{"id":1') }).subarray(0, 5)]), 50)
    await expectStillServing()
  })
})

describe('podlab serve survives malformed upgrade and HTTP requests (issue 5)', () => {
  it('an upgrade whose target is not a URL (GET http://[): 400 with the security headers', async () => {
    const response = (await exchange(port, handshake(port, '', 'http://['))).toString('latin1')
    expect(response).toMatch(/^HTTP\/1\.1 400 /)
    expect(response).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i)
    await expectStillServing()
  })

  it('an upgrade that is no WebSocket handshake (bad key): 400 with the security headers', async () => {
    const bad = handshake(port).replace('dGhlIHNhbXBsZSBub25jZQ==', 'short')
    const response = (await exchange(port, bad)).toString('latin1')
    expect(response).toMatch(/^HTTP\/1\.1 400 /)
    expect(response).toMatch(/\r\nContent-Security-Policy: /i)
    await expectStillServing()
  })

  it.each([
    ['a request line that is not HTTP', 'HELLO\r\n\r\n'],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n'],
    ['NUL in the target', 'GET /\0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'],
    ['a 100 KiB header', `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(100 * 1024)}\r\n\r\n`],
  ])('%s: refused with the security headers', async (_what, bytes) => {
    const response = (await exchange(port, bytes)).toString('latin1')
    expect(response).toMatch(/^HTTP\/1\.1 4\d\d /)
    expect(response).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i)
    await expectStillServing()
  })
})
