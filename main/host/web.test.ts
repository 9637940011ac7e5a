import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { openCluster } from '../engine/open-cluster'
import type { Engine } from '../engine/engine'
import { CONTENT_SECURITY_POLICY } from './csp'
import { hostAllowed, serve, type WebHost } from './web'

let engine: Engine
let web: WebHost
let port: number

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-web-'))
  const root = join(dir, 'renderer')
  mkdirSync(root)
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Podlab</title>')
  engine = openCluster(join(dir, 'c.podlab'), { mode: 'manual' })
  web = await serve({ engine, root })
  port = Number(new URL(web.url).port)
})

afterAll(async () => {
  await web.close()
  engine.close()
})

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function socket(headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/podlab`, { headers })
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

function next(ws: WebSocket, match: (m: any) => boolean): Promise<any> {
  return new Promise((resolve) => {
    const on = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString())
      if (match(m)) {
        ws.off('message', on)
        resolve(m)
      }
    }
    ws.on('message', on)
  })
}

describe('podlab serve (web host)', () => {
  it('prints its address on 127.0.0.1 and serves the renderer with the strict CSP', async () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect((await get('/../../etc/passwd')).status).toBe(404)
  })

  it('answers a malformed percent-escape with 400 and stays up', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400)
    expect((await get('/')).status).toBe(200)
  })

  it('refuses requests and sockets addressed to another host name (DNS rebinding)', async () => {
    expect((await get('/', { Host: `evil.example:${port}` })).status).toBe(421)
    await expect(socket({ Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` })).rejects.toThrow(/403/)
    expect(hostAllowed('localhost:8080', '127.0.0.1')).toBe(true)
    expect(hostAllowed('[::1]:8080', '127.0.0.1')).toBe(true)
    expect(hostAllowed(undefined, '127.0.0.1')).toBe(false)
    expect(hostAllowed('classroom-pc:8080', '0.0.0.0')).toBe(true)
  })

  it('refuses a socket opened by a page of another origin', async () => {
    await expect(socket({ Origin: 'http://example.com' })).rejects.toThrow(/403/)
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
