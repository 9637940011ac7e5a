import { beforeEach, describe, expect, it } from 'vitest'
import type { Delta } from '../../main/contract'
import { WebSocketConnection, type SocketLike, type Timers } from './websocket'

class FakeSocket implements SocketLike {
  readyState = 0
  sent: Array<{ id: number; call: string; request: unknown }> = []
  closed = false
  onopen: ((event: unknown) => void) | null = null
  onclose: ((event: unknown) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  constructor(readonly url: string) {}
  send(data: string): void {
    if (this.readyState !== 1) throw new Error('InvalidStateError')
    this.sent.push(JSON.parse(data))
  }
  close(): void {
    this.closed = true
  }
  // What the server does:
  open(): void {
    this.readyState = 1
    this.onopen?.({})
  }
  drop(): void {
    this.readyState = 3
    this.onclose?.({})
  }
  reply(id: number, reply: unknown): void {
    this.onmessage?.({ data: JSON.stringify({ id, reply }) })
  }
  push(delta: Delta): void {
    this.onmessage?.({ data: JSON.stringify({ delta }) })
  }
}

class FakeTimers implements Timers {
  queue: Array<{ fn: () => void; ms: number; handle: number }> = []
  private next = 0
  set(fn: () => void, ms: number): unknown {
    const handle = ++this.next
    this.queue.push({ fn, ms, handle })
    return handle
  }
  clear(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.handle !== handle)
  }
  /** Fires the one pending timer and returns its delay. */
  fire(): number {
    const timer = this.queue.shift()
    if (!timer) throw new Error('no timer pending')
    timer.fn()
    return timer.ms
  }
}

const clock = { now: '2025-01-01T00:00:00Z', nowMs: 1735689600000, mode: 'realtime', paused: false, speed: 1 } as const
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

let sockets: FakeSocket[]
let timers: FakeTimers
const last = () => sockets[sockets.length - 1]!

function connect(): WebSocketConnection {
  return new WebSocketConnection({
    url: 'ws://127.0.0.1:8080/podlab',
    createSocket: (url) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket
    },
    timers,
  })
}

beforeEach(() => {
  sockets = []
  timers = new FakeTimers()
})

describe('WebSocketConnection', () => {
  it('connects to the url, queues calls until open, then sends {id, call, request}', async () => {
    const connection = connect()
    expect(last().url).toBe('ws://127.0.0.1:8080/podlab')
    expect(connection.connectionState).toBe('connecting')
    const reply = connection.api['clock.setSpeed']({ speed: 2 })
    expect(last().sent).toEqual([])
    last().open()
    expect(connection.connectionState).toBe('open')
    expect(last().sent).toEqual([{ id: 1, call: 'clock.setSpeed', request: { speed: 2 } }])
    last().reply(1, { ok: true, result: { ...clock, speed: 2 } })
    await expect(reply).resolves.toEqual({ ok: true, result: { ...clock, speed: 2 } })
  })

  it('matches replies by id, whatever their order', async () => {
    const connection = connect()
    last().open()
    const a = connection.api['clock.get']({})
    const b = connection.api['cluster.info']({})
    last().reply(2, { ok: true, result: 'b' })
    last().reply(1, { ok: false, error: { reason: 'Internal', message: 'a' } })
    await expect(a).resolves.toEqual({ ok: false, error: { reason: 'Internal', message: 'a' } })
    await expect(b).resolves.toEqual({ ok: true, result: 'b' })
  })

  it('hands deltas to every listener until it unsubscribes; junk frames are ignored', () => {
    const connection = connect()
    last().open()
    const seen: Delta[] = []
    const other: Delta[] = []
    const stop = connection.api.onDelta((d) => seen.push(d))
    connection.api.onDelta((d) => other.push(d))
    last().push({ type: 'clock', clock })
    last().onmessage?.({ data: 'not json' })
    last().onmessage?.({ data: JSON.stringify({ id: 99, reply: { ok: true, result: 1 } }) })
    stop()
    last().push({ type: 'clock', clock })
    expect(seen).toHaveLength(1)
    expect(other).toHaveLength(2)
  })

  it('a listener that throws does not stop the others', () => {
    const connection = connect()
    last().open()
    const seen: Delta[] = []
    const quiet = console.error
    console.error = () => {}
    try {
      connection.api.onDelta(() => {
        throw new Error('boom')
      })
      connection.api.onDelta((d) => seen.push(d))
      last().push({ type: 'clock', clock })
    } finally {
      console.error = quiet
    }
    expect(seen).toHaveLength(1)
  })

  it('fails pending calls with Internal when the socket dies, and fails calls at once while disconnected', async () => {
    const connection = connect()
    last().open()
    const sent = connection.api['manifests.apply']({ text: 'x', source: 'STDIN' })
    last().drop()
    expect(connection.connectionState).toBe('reconnecting')
    await expect(sent).resolves.toEqual({
      ok: false,
      error: { reason: 'Internal', message: 'the connection to the Podlab host was lost' },
    })
    await expect(connection.api['clock.pause']({})).resolves.toMatchObject({ ok: false, error: { reason: 'Internal' } })
  })

  it('fails calls queued on a socket that never opened', async () => {
    const connection = connect()
    const queued = connection.api['clock.get']({})
    last().drop()
    await expect(queued).resolves.toMatchObject({ ok: false, error: { reason: 'Internal' } })
  })

  it('reconnects with exponential back-off capped at maxDelay, and resets after an open', () => {
    connect()
    const delays: number[] = []
    for (let i = 0; i < 7; i++) {
      last().drop()
      delays.push(timers.fire())
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000])
    last().open()
    last().drop()
    expect(timers.fire()).toBe(250)
    expect(sockets).toHaveLength(9)
  })

  it('after a reconnect, watches the same views again and re-reads the clock as a delta', async () => {
    const connection = connect()
    last().open()
    void connection.api['table.watch']({ resource: 'pods', namespace: 'default' })
    void connection.api['table.watch']({ resource: 'nodes' })
    void connection.api['table.unwatch']({ resource: 'nodes' })
    const deltas: Delta[] = []
    connection.api.onDelta((d) => deltas.push(d))

    last().drop()
    timers.fire()
    last().open()
    expect(last().sent).toEqual([
      { id: 4, call: 'table.watch', request: { resource: 'pods', namespace: 'default' } },
      { id: 5, call: 'clock.get', request: {} },
    ])
    last().reply(5, { ok: true, result: clock })
    await flush()
    expect(deltas).toEqual([{ type: 'clock', clock }])
  })

  it('a watch that failed because the socket was down is asked again; one the server refused is not', async () => {
    const connection = connect()
    const lost = connection.api['table.watch']({ resource: 'pods', namespace: 'default' })
    last().drop()
    await lost
    timers.fire()
    last().open()
    expect(last().sent.map((m) => m.call)).toEqual(['table.watch', 'clock.get'])

    const refused = connection.api['table.watch']({ resource: 'events', namespace: 'x' })
    last().reply(last().sent.at(-1)!.id, { ok: false, error: { reason: 'BadRequest', message: 'no' } })
    await refused
    last().drop()
    timers.fire()
    last().open()
    expect(last().sent.map((m) => (m.call === 'table.watch' ? `watch ${JSON.stringify(m.request)}` : m.call))).toEqual([
      'watch {"resource":"pods","namespace":"default"}',
      'clock.get',
    ])
  })

  it('the first open re-reads nothing; only the app asks', () => {
    const connection = connect()
    void connection.api['table.watch']({ resource: 'pods', namespace: 'default' })
    last().open()
    expect(last().sent.map((m) => m.call)).toEqual(['table.watch'])
  })

  it('reports its state to listeners', () => {
    const connection = connect()
    const states: string[] = []
    connection.onState((s) => states.push(s))
    last().open()
    last().drop()
    timers.fire()
    last().open()
    connection.close()
    expect(states).toEqual(['open', 'reconnecting', 'open', 'closed'])
  })

  it('stays "connecting" while the first connection keeps failing', () => {
    const connection = connect()
    last().drop()
    timers.fire()
    last().drop()
    expect(connection.connectionState).toBe('connecting')
  })

  it('close() stops for good: socket closed, pending calls fail, no reconnect', async () => {
    const connection = connect()
    last().open()
    const pending = connection.api['clock.get']({})
    connection.close()
    expect(last().closed).toBe(true)
    await expect(pending).resolves.toMatchObject({ ok: false, error: { reason: 'Internal' } })
    last().drop()
    expect(timers.queue).toHaveLength(0)
  })

  it('keeps trying when the socket cannot even be created', () => {
    let attempts = 0
    const connection = new WebSocketConnection({
      url: 'ws://x/podlab',
      createSocket: () => {
        attempts++
        throw new Error('SyntaxError')
      },
      timers,
    })
    expect(timers.fire()).toBe(250)
    expect(attempts).toBe(2)
    connection.close()
    expect(timers.queue).toHaveLength(0)
  })
})
