import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../door/csp'
import { exchange, get as getOn, handshake, nextMessage as next, openSocket } from './testing/raw-socket'
import { startTestServer, type TestServer } from './testing/test-server'

let server: TestServer
let port: number

beforeAll(async () => {
  server = await startTestServer()
  port = server.port
})

afterAll(() => server.close())

const get = (path: string, headers: Record<string, string> = {}) => getOn(port, path, headers)
const socket = (headers: Record<string, string> = {}) => openSocket(port, { headers })

describe('podlab serve (web host)', () => {
  it('prints its address on 127.0.0.1 and serves the renderer with the strict CSP', async () => {
    expect(server.web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(server.web.openUrl).toBe(server.web.url)
    expect(server.web.tokenRequired).toBe(false)
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect((await get('/../../etc/passwd')).status).toBe(404)
  })

  it('answers a malformed percent-escape with 400 and stays up', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400)
    expect((await get('/')).status).toBe(200)
  })

  it('answers a request with no Host header itself (421 with the security headers), not with Node\'s bare 400 (found by the fuzz test)', async () => {
    const answer = (await exchange(port, 'GET / HTTP/1.1\r\n\r\n')).toString('latin1')
    expect(answer).toMatch(/^HTTP\/1\.1 421 /)
    expect(answer).toMatch(/\r\nx-content-type-options: nosniff\r\n/i)
  })

  it('refuses requests and sockets addressed to another host name (DNS rebinding), with the security headers', async () => {
    const refused = await get('/', { Host: `evil.example:${port}` })
    expect(refused.status).toBe(421)
    expect(refused.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(refused.headers['x-content-type-options']).toBe('nosniff')
    await expect(socket({ Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` })).rejects.toThrow(/421/)
  })

  it('refuses a socket opened by a page of another origin, with the security headers', async () => {
    const response = (await exchange(port, handshake(port, 'Origin: http://example.com\r\n'))).toString('latin1')
    expect(response).toMatch(/^HTTP\/1\.1 403 /)
    expect(response).toContain(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\r\n`)
    expect(response).toContain('Referrer-Policy: no-referrer\r\n')
  })

  it('gives every refusal the security headers: 404, 405 and a bad percent-escape', async () => {
    for (const path of ['/nothing-here', '/%E0%A4%A']) {
      expect((await get(path)).headers['cache-control']).toBe('no-store')
    }
    const post = (await exchange(port, `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\n\r\n`)).toString('latin1')
    expect(post).toMatch(/^HTTP\/1\.1 405 /)
    expect(post).toMatch(/\r\nx-content-type-options: nosniff\r\n/i)
  })

  it('answers calls, refuses frames that are not calls without closing, and pushes deltas', async () => {
    const ws = await socket({ Origin: `http://127.0.0.1:${port}` })
    const refused = next(ws, (m) => m.id === null)
    ws.send('null')
    expect((await refused).reply).toEqual({ ok: false, error: { reason: 'BadRequest', message: 'a call is a JSON object {id, call, request}' } })

    const bad = next(ws, (m) => m.id === 1)
    ws.send(JSON.stringify({ id: 1, call: 'clock.setSpeed', request: { speed: 1000 } }))
    expect((await bad).reply).toMatchObject({ ok: false, error: { reason: 'BadRequest' } })

    const table = next(ws, (m) => m.delta?.type === 'table')
    const watched = next(ws, (m) => m.id === 2)
    ws.send(JSON.stringify({ id: 2, call: 'table.watch', request: { resource: 'pods', namespace: 'default' } }))
    expect((await watched).reply).toEqual({ ok: true, result: { watching: true } })
    expect((await table).delta.table.kind).toBe('Table')

    const clock = next(ws, (m) => m.delta?.type === 'clock')
    ws.send(JSON.stringify({ id: 3, call: 'clock.advance', request: { seconds: 5 } }))
    expect((await clock).delta.clock.now).toBe('2025-01-01T00:00:05Z')
    ws.close()
  })
})
