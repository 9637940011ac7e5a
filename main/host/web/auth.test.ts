// Issue 5: `serve --host 0.0.0.0` had no authentication. Off loopback a token is required on every page and
// WebSocket; a browser trades `?token=` for an HttpOnly cookie once, other clients send a Bearer header.

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_TOKEN_FILE_BYTES, newToken, readTokenFile, TokenFileRefused } from './auth'
import { serve, type WebHost } from './serve'
import { startTestServer, type TestServer } from './testing/test-server'
import { callOnce, exchange, get, handshake, openSocket } from './testing/raw-socket'

let server: TestServer
let web: WebHost
let port: number
let dir: string
const TOKEN = 'a-classroom-token-0123456789'

beforeAll(async () => {
  server = await startTestServer({ token: TOKEN })
  ;({ web, port } = server)
  dir = mkdtempSync(join(tmpdir(), 'podlab-auth-'))
})

afterAll(() => server.close())

describe('podlab serve with a token (issue 5)', () => {
  it('prints the address to open with the token in it', () => {
    expect(web.tokenRequired).toBe(true)
    expect(web.openUrl).toBe(`${web.url}?token=${TOKEN}`)
  })

  it('refuses a page without the token: 401, the security headers and one sentence saying how to get in', async () => {
    const refused = await get(port, '/')
    expect(refused.status).toBe(401)
    expect(refused.headers['x-content-type-options']).toBe('nosniff')
    expect(refused.body).toMatch(/^This Podlab can be reached from other machines, so it needs its token: .*\?token=.*Bearer TOKEN\.\n$/)
    expect((await get(port, '/?token=wrong')).status).toBe(401)
    expect((await get(port, '/', { Authorization: 'Bearer wrong' })).status).toBe(401)
  })

  it('trades ?token= for an HttpOnly SameSite=Strict cookie and a redirect without it; the cookie then opens the page and the WebSocket', async () => {
    const traded = await get(port, `/assets/app.js?token=${TOKEN}&lang=ko`)
    expect(traded.status).toBe(303)
    expect(traded.headers.location).toBe('/assets/app.js?lang=ko')
    const setCookie = String(traded.headers['set-cookie'])
    expect(setCookie).toBe(`podlab-token-${port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`)
    const cookie = setCookie.split(';')[0]!
    expect((await get(port, '/', { Cookie: `other=1; ${cookie}` })).status).toBe(200)
    expect(await callOnce(port, { headers: { Cookie: cookie } })).toMatchObject({ ok: true })
  })

  it('lets a non-browser client in with Authorization: Bearer, on HTTP and on the WebSocket', async () => {
    expect((await get(port, '/', { Authorization: `Bearer ${TOKEN}` })).status).toBe(200)
    expect(await callOnce(port, { headers: { Authorization: `Bearer ${TOKEN}` } })).toMatchObject({ ok: true })
  })

  it('refuses a WebSocket without the token with 401 and the security headers, the token in its address included', async () => {
    await expect(openSocket(port)).rejects.toThrow(/401/)
    const response = (await exchange(port, handshake(port, '', `/podlab?token=${TOKEN}`))).toString('latin1')
    expect(response).toMatch(/^HTTP\/1\.1 401 /)
    expect(response).toMatch(/\r\nContent-Security-Policy: /)
  })
})

describe('podlab serve on 0.0.0.0 (issue 5)', () => {
  it('makes a random token, keeps the Host check (421 for a foreign name) and asks for the token on its own names', async () => {
    const open = await serve({ engine: server.engine, root: server.root, host: '0.0.0.0' })
    try {
      const openPort = Number(new URL(open.url).port)
      const token = new URL(open.openUrl).searchParams.get('token')!
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect((await get(openPort, '/', { Host: `evil.example:${openPort}` })).status).toBe(421)
      expect((await get(openPort, '/', { Host: `localhost:${openPort}` })).status).toBe(401)
      expect((await get(openPort, '/', { Authorization: `Bearer ${token}` })).status).toBe(200)
    } finally {
      await open.close()
    }
  })

  it('makes a different token each time, 32 random bytes', () => {
    const a = newToken()
    expect(Buffer.from(a, 'base64url')).toHaveLength(32)
    expect(newToken()).not.toBe(a)
  })
})

describe('--token-file', () => {
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name)
    writeFileSync(path, content)
    return path
  }
  const reason = (path: string) => {
    try {
      readTokenFile(path)
      return 'read'
    } catch (e) {
      return e instanceof TokenFileRefused ? e.reason : 'other'
    }
  }

  it('reads the token without its trailing newline', () => {
    expect(readTokenFile(file('ok', `${TOKEN}\n`))).toBe(TOKEN)
  })

  it.each([
    ['an empty file', 'empty', '', 'empty'],
    ['a file of white space', 'blank', ' \n', 'empty'],
    ['a file over 4 KiB', 'big', 'x'.repeat(MAX_TOKEN_FILE_BYTES + 1), 'too-large'],
    ['a short token', 'short', 'abc\n', 'too-short'],
    ['a token with spaces', 'spaces', 'two words and more of them\n', 'not-printable'],
  ])('refuses %s', (_what, name, content, expected) => {
    expect(reason(file(name, content))).toBe(expected)
  })

  it('refuses a file it cannot read', () => {
    expect(reason(join(dir, 'missing'))).toBe('unreadable')
  })
})
