import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { openCluster } from '../../engine/open-cluster'
import { attachSocket, encodeDelta } from './socket-door'
import { tableBuildsFor } from '../../door/table-builds'

class FakeSocket extends EventEmitter {
  readonly OPEN = 1
  readyState = 1
  bufferedAmount = 0
  sent: string[] = []
  terminated = false
  send(data: string | Buffer) {
    this.sent.push(data.toString())
  }
  terminate() {
    this.terminated = true
    this.readyState = 3
  }
}

describe('socket door', () => {
  it('drops a client that stopped reading once its unsent backlog passes the limit, instead of buffering without end', () => {
    const engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-door-')), 'c.podlab'), { mode: 'manual' })
    const socket = new FakeSocket()
    attachSocket(socket as unknown as WebSocket, engine, 1024)
    socket.emit('message', Buffer.from('{"id":1,"call":"clock.get"}'), false)
    expect(socket.sent).toHaveLength(1)
    socket.bufferedAmount = 1025
    socket.emit('message', Buffer.from('{"id":2,"call":"clock.get"}'), false)
    expect(socket.sent).toHaveLength(1)
    expect(socket.terminated).toBe(true)
    socket.emit('close')
    engine.close()
  })

  it('answers a binary frame and a non-call with BadRequest and keeps the socket', () => {
    const engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-door-')), 'c.podlab'), { mode: 'manual' })
    const socket = new FakeSocket()
    attachSocket(socket as unknown as WebSocket, engine, 1024)
    socket.emit('message', Buffer.from([0xff]), true)
    socket.emit('message', Buffer.from('{"call":"clock.get"}'), false)
    expect(socket.sent.map((s) => JSON.parse(s).reply.error.message)).toEqual(['messages must be JSON text', 'every call needs a numeric id'])
    expect(socket.terminated).toBe(false)
    socket.emit('close')
    engine.close()
  })

  it('encodes a table delta exactly as JSON.stringify({ delta }) would', () => {
    const engine = openCluster(join(mkdtempSync(join(tmpdir(), 'podlab-door-')), 'c.podlab'), { mode: 'manual' })
    const view = { resource: 'nodes' as const }
    const delta = { type: 'table' as const, view, table: tableBuildsFor(engine).table(view) }
    expect(encodeDelta(delta).toString()).toBe(JSON.stringify({ delta }))
    expect(encodeDelta({ ...delta })).toBe(encodeDelta(delta))
    const clock = { type: 'clock' as const, clock: engine.clock() }
    expect(encodeDelta(clock).toString()).toBe(JSON.stringify({ delta: clock }))
    engine.close()
  })
})
