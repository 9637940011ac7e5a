// The door's exec and attach upgrades with clients of our own on a manual clock: WebSocket v5 channels, SPDY/3.1
// streams, the refusals before the upgrade, and a client that goes away mid-stream.

import { mkdtempSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { openCluster, type Engine, type HostEngine } from '../../engine'
import { startKubeApi, type KubeApi } from '../server'
import { spdyExchange } from './testing/spdy-client'

let engine: HostEngine
let api: KubeApi
/** The sessions the door closed (execClose), seen through a recording engine. */
const closed: string[] = []

beforeAll(async () => {
  engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-upgrade-')), 'c.podlab'), { mode: 'manual', door: 'kubeapi' })
  const recording = new Proxy(engine, {
    get(target, key, receiver) {
      if (key === 'execClose') return (id: string) => (closed.push(id), target.execClose(id))
      const value = Reflect.get(target, key, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  }) as Engine
  api = await startKubeApi({ engine: recording })
  engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } })
  engine.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'waiting' },
    spec: { initContainers: [{ name: 'init', image: 'busybox', command: ['sleep', '3600'] }], containers: [{ name: 'main', image: 'nginx' }] },
  })
  engine.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'pair' },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }, { name: 'side', image: 'busybox', command: ['sleep', '3600'] }] },
  })
  // No node has this label: the pod stays unscheduled.
  engine.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nowhere' }, spec: { nodeSelector: { disk: 'none' }, containers: [{ name: 'c', image: 'nginx' }] } })
  engine.advance(30_000)
})
afterAll(async () => {
  await api?.close()
  engine?.close()
})

const execPath = (pod: string, command: string[], query = 'stdout=true&stderr=true') =>
  `/api/v1/namespaces/default/pods/${pod}/exec?${command.map((c) => `command=${encodeURIComponent(c)}`).join('&')}&${query}`

interface WsRun {
  messages: Array<{ channel: number; text: string }>
  closeCode: number
}

/** Opens a v5 exec, calls `opened` at the server's first (empty) message, and resolves when the server closes. */
function wsRun(path: string, opened: (ws: WebSocket) => void): Promise<WsRun> {
  const ws = new WebSocket(`ws://127.0.0.1:${api.port}${path}`, ['v5.channel.k8s.io'])
  const messages: WsRun['messages'] = []
  return new Promise((resolve, reject) => {
    ws.on('message', (data: Buffer) => {
      messages.push({ channel: data[0]!, text: data.subarray(1).toString() })
      if (messages.length === 1) opened(ws)
    })
    ws.on('close', (code) => resolve({ messages, closeCode: code }))
    ws.on('error', reject)
  })
}

/** An upgrade request answered without a 101: its status and body. */
function refusedUpgrade(path: string, upgrade: 'SPDY/3.1' | 'websocket'): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> =
    upgrade === 'websocket'
      ? { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': 'v5.channel.k8s.io' }
      : { Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'v4.channel.k8s.io' }
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${api.url}${path}`, { method: 'POST', headers }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('upgrade', () => reject(new Error('upgraded')))
    req.on('error', reject)
    req.end()
  })
}

async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 10))
  expect(test()).toBe(true)
}

async function serverStillAnswers(): Promise<void> {
  const version = await fetch(`${api.url}/version`)
  expect(version.status).toBe(200)
}

describe('exec over WebSocket (v5.channel.k8s.io)', () => {
  it('an empty stdout message first, then stdout and stderr on channels 1 and 2, the translator\'s Status on 3, and close 1000', async () => {
    const run = await wsRun(execPath('web', ['sh', '-c', 'echo out; echo err >&2; exit 3']), () => engine.advance(1_000))
    expect(run.messages.slice(0, 3)).toEqual([
      { channel: 1, text: '' },
      { channel: 1, text: 'out\n' },
      { channel: 2, text: 'err\n' },
    ])
    expect(JSON.parse(run.messages[3]!.text)).toEqual({
      metadata: {},
      status: 'Failure',
      message: 'command terminated with non-zero exit code: command terminated with exit code 3',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    })
    expect(run.messages[3]!.channel).toBe(3)
    expect(run.closeCode).toBe(1000)
  })

  it('stdin on channel 0 reaches the command; v5\'s close signal (255, 0) is its end of file', async () => {
    const run = await wsRun(execPath('web', ['cat'], 'stdin=true&stdout=true&stderr=true'), (ws) => {
      ws.send(Buffer.from([0, ...Buffer.from('hi\n')]))
      ws.send(Buffer.from([255, 0]))
      setTimeout(() => engine.advance(1_000), 50)
    })
    expect(run.messages.filter((m) => m.channel === 1).map((m) => m.text).join('')).toBe('hi\n')
    expect(run.messages.at(-1)).toEqual({ channel: 3, text: '{"metadata":{},"status":"Success"}' })
  })

  it('a client that offers only v4.channel.k8s.io gets the bare 403 of a failed handshake (kubectl then falls back to SPDY)', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${api.port}${execPath('web', ['ls'])}`, ['v4.channel.k8s.io'])
    const status = await new Promise<number>((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.on('error', () => {})
    })
    expect(status).toBe(403)
    await serverStillAnswers()
  })

  it('a client that drops the connection mid-command: its session is closed and the server stays up', async () => {
    closed.length = 0
    await wsRun(execPath('web', ['sleep', '3600']), (ws) => ws.terminate())
    await until(() => closed.length === 1)
    await serverStillAnswers()
  })
})

describe('exec over SPDY/3.1 (remotecommand v4)', () => {
  it('one stream per streamtype, each answered; stdout and stderr end, then the kubelet\'s Status on the error stream and GOAWAY', async () => {
    const x = await spdyExchange(api.port, execPath('web', ['sh', '-c', 'echo out; echo err >&2; exit 3']), ['error', 'stdout', 'stderr'])
    expect(x.response).toMatch(/^HTTP\/1.1 101 Switching Protocols\r\n/)
    expect(x.response).toContain('X-Stream-Protocol-Version: v4.channel.k8s.io')
    await until(() => x.frames.filter((f) => f.type === 'syn_reply').length === 3)
    engine.advance(1_000)
    await x.endOf('error')
    expect(Object.fromEntries(x.received)).toEqual({
      stdout: 'out\n',
      stderr: 'err\n',
      error:
        '{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [sh -c echo out; echo err >&2; exit 3], exit code 3","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"3"}]}}',
    })
    expect([...x.ended].sort()).toEqual(['error', 'stderr', 'stdout'])
    await until(() => x.frames.some((f) => f.type === 'goaway'))
    x.socket.destroy()
  })

  it('stdin data and its FIN reach the command', async () => {
    const x = await spdyExchange(api.port, execPath('web', ['cat'], 'stdin=true&stdout=true&stderr=true'), ['error', 'stdin', 'stdout', 'stderr'])
    await until(() => x.frames.filter((f) => f.type === 'syn_reply').length === 4)
    x.send('stdin', 'typed\n', true)
    await new Promise((r) => setTimeout(r, 50))
    engine.advance(1_000)
    await x.endOf('error')
    expect(x.received.get('stdout')).toBe('typed\n')
    expect(x.received.get('error')).toBe('{"metadata":{},"status":"Success"}')
    x.socket.destroy()
  })

  it('a client offering no protocol the server speaks: httpstream.Handshake\'s 403', async () => {
    const x = await spdyExchange(api.port, execPath('web', ['ls']), [], ['v3.channel.k8s.io'])
    expect(x.response).toMatch(/^HTTP\/1.1 403 Forbidden\r\n/)
    x.socket.destroy()
  })

  it('a client that drops the connection mid-command: its session is closed and the server stays up', async () => {
    closed.length = 0
    const x = await spdyExchange(api.port, execPath('web', ['sleep', '3600']), ['error', 'stdout', 'stderr'])
    await until(() => x.frames.filter((f) => f.type === 'syn_reply').length === 3)
    x.socket.destroy()
    await until(() => closed.length === 1)
    await serverStillAnswers()
  })
})

describe('refusals before the upgrade', () => {
  it('a pod that does not exist: the API server\'s NotFound Status, over either protocol', async () => {
    for (const upgrade of ['SPDY/3.1', 'websocket'] as const) {
      const r = await refusedUpgrade(execPath('nope', ['ls']), upgrade)
      expect(r.status).toBe(404)
      expect(JSON.parse(r.text)).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'pods "nope" not found', code: 404 })
    }
  })

  it('no container named and several to choose from: validateContainer\'s BadRequest', async () => {
    const r = await refusedUpgrade(execPath('pair', ['ls']), 'SPDY/3.1')
    expect(r.status).toBe(400)
    expect(JSON.parse(r.text).message).toBe('a container name must be specified for pod pair, choose one of: [nginx side]')
  })

  it('a pod not scheduled yet: streamLocation\'s `pod nowhere does not have a host assigned`', async () => {
    const r = await refusedUpgrade(execPath('nowhere', ['ls']), 'websocket')
    expect(r.status).toBe(400)
    expect(JSON.parse(r.text)).toMatchObject({ reason: 'BadRequest', message: 'pod nowhere does not have a host assigned' })
  })

  it('over SPDY, a container that is not running: the kubelet\'s plain-text 500 `container not found ("main")`', async () => {
    const r = await refusedUpgrade(`${execPath('waiting', ['ls'])}&container=main`, 'SPDY/3.1')
    expect(r).toEqual({ status: 500, text: 'container not found ("main")' })
  })

  it('attach over SPDY to a container that is not running: GetAttach\'s `container main not found in pod waiting_default`', async () => {
    const r = await refusedUpgrade('/api/v1/namespaces/default/pods/waiting/attach?container=main&stdout=true', 'SPDY/3.1')
    expect(r).toEqual({ status: 500, text: 'container main not found in pod waiting_default' })
  })

  it('a plain request (no upgrade) to exec: UpgradeAwareHandler\'s `Upgrade request required`', async () => {
    const r = await fetch(`${api.url}${execPath('web', ['ls'])}`, { method: 'POST' })
    expect(r.status).toBe(400)
    expect(((await r.json()) as { message: string }).message).toBe('Upgrade request required')
  })
})
