// Issue 5: idle and silent clients cannot hold the server: a WebSocket that stops answering pings is
// dropped, open WebSockets are capped, and a request whose headers never finish is answered 408.

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { startTestServer, type TestServer } from './testing/test-server'
import { callOnce, exchange, get, openSocket, talk } from './testing/raw-socket'

let server: TestServer
let port: number

beforeAll(async () => {
  server = await startTestServer({
    limits: { maxSockets: 2, heartbeatMs: 100, headersTimeoutMs: 300, requestTimeoutMs: 600, timeoutCheckMs: 50 },
  })
  port = server.port
})

afterAll(() => server.close())

const closed = (ws: WebSocket) => new Promise<void>((done) => ws.once('close', () => done()))

describe('podlab serve limits (issue 5)', () => {
  it('drops a WebSocket that stopped answering pings, and keeps one that answers', async () => {
    const silent = await openSocket(port, { autoPong: false })
    const alive = await openSocket(port)
    await closed(silent)
    expect(alive.readyState).toBe(alive.OPEN)
    alive.close()
    await closed(alive)
  })

  it('refuses a WebSocket over the cap with 503, and opens one again when a place is free', async () => {
    const first = await openSocket(port)
    const second = await openSocket(port)
    await expect(openSocket(port)).rejects.toThrow(/503/)
    first.close()
    await closed(first)
    await new Promise((done) => setTimeout(done, 20))
    expect(await callOnce(port)).toMatchObject({ ok: true })
    second.close()
  })

  it('answers a request whose headers never finish with 408 and the security headers', async () => {
    const response = (await exchange(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`, 1500)).toString('latin1')
    expect(response).toMatch(/^HTTP\/1\.1 408 /)
    expect(response).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i)
    expect((await get(port, '/')).status).toBe(200)
  })

  it('closes a connection that never sends a byte once the headers timeout passes', async () => {
    expect((await talk(port, Buffer.alloc(0), 5000)).closedByServer).toBe(true)
  })
})
