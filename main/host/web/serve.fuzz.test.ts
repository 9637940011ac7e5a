// Issue 5: `podlab serve` under garbage. Arbitrary bytes, malformed WebSocket frames (random opcodes, RSV bits,
// lengths, mask flags and payloads) and malformed HTTP requests go to a live server; after each batch the
// server (this very process) must still serve a page and answer a WebSocket call.

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fuzzRuns } from '../../engine/testing/fuzz'
import { callOnce, exchange, frame, get, handshake } from './testing/raw-socket'
import { startTestServer, type TestServer } from './testing/test-server'

let server: TestServer
let port: number

beforeAll(async () => {
  server = await startTestServer({ limits: { maxMessageBytes: 64 * 1024 } })
  port = server.port
})

afterAll(() => server.close())

/** ms to wait for the server's answer to each case before moving on. */
const WAIT_MS = 25

async function expectStillServing(): Promise<void> {
  expect((await get(port, '/')).status).toBe(200)
  expect(await callOnce(port)).toMatchObject({ ok: true })
}

const frames = fc.array(
  fc.record({
    fin: fc.boolean(),
    rsv: fc.integer({ min: 0, max: 7 }),
    opcode: fc.integer({ min: 0, max: 15 }),
    masked: fc.boolean(),
    payload: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
    claimedLength: fc.option(fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.constant(2 ** 40)), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 4 },
)

const token = fc.stringMatching(/^[!-~]{0,12}$/)
const httpRequest = fc
  .record({
    method: fc.oneof(fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS', 'CONNECT'), token),
    target: fc.oneof(fc.constantFrom('/', '/podlab', 'http://[', '*', '//x', '/%zz', '/?token=x'), fc.string({ maxLength: 40 })),
    version: fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2', 'HTTP/9.9', ''),
    headers: fc.array(fc.oneof(fc.tuple(token, fc.string({ maxLength: 40 })).map(([k, v]) => `${k}: ${v}`), fc.string({ maxLength: 40 })), {
      maxLength: 6,
    }),
    upgrade: fc.boolean(),
  })
  .map(({ method, target, version, headers, upgrade }) => {
    const upgradeHeaders = upgrade ? ['Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Version: 13'] : []
    return `${method} ${target} ${version}\r\n${[...upgradeHeaders, ...headers].join('\r\n')}\r\n\r\n`
  })

describe('podlab serve fuzz (issue 5)', () => {
  it('survives arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 400 }), async (bytes) => {
        await exchange(port, Buffer.from(bytes), WAIT_MS)
      }),
      { numRuns: fuzzRuns(40) },
    )
    await expectStillServing()
  })

  it('survives malformed WebSocket frames after a good handshake', async () => {
    await fc.assert(
      fc.asyncProperty(frames, async (specs) => {
        await exchange(port, Buffer.concat([Buffer.from(handshake(port)), ...specs.map(frame)]), WAIT_MS)
      }),
      { numRuns: fuzzRuns(40) },
    )
    await expectStillServing()
  })

  it('survives malformed HTTP request lines and headers, upgrades included', async () => {
    await fc.assert(
      fc.asyncProperty(httpRequest, async (text) => {
        const answer = (await exchange(port, text, WAIT_MS)).toString('latin1')
        // Whatever it says, a response from this server carries the security headers.
        if (answer.startsWith('HTTP/1.1 ') && !answer.startsWith('HTTP/1.1 101 ')) expect(answer).toMatch(/\r\nx-content-type-options: nosniff\r\n/i)
      }),
      { numRuns: fuzzRuns(40) },
    )
    await expectStillServing()
  })
})
