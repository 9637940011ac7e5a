// PodlabApi over a WebSocket to `podlab serve`, for when the renderer runs in a plain browser. The wire
// format is in ./README.md and ./wire.ts.
//
// What survives a lost connection: the server keeps one Session per socket, so a new socket starts with no
// watched tables. The adapter remembers which views the app asked to watch and asks again after every
// reconnect (the server answers a watch with the current table), and it re-reads the clock and hands it to
// the listeners as a `clock` delta. The stores never learn that the socket changed.

import { type ClockState } from '../../main/kube'
import { CALL_NAMES, tableViewKey, type CallName, type Delta, type PodlabApi, type Reply, type TableView } from '../../main/contract'
import { decodeServerMessage, encodeCall, internalFailure } from './wire'

/** The part of the browser's WebSocket the adapter uses, so tests can hand it a fake. */
export interface SocketLike {
  readonly readyState: number
  send(data: string): void
  close(): void
  onopen: ((event: unknown) => void) | null
  onclose: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
}

/** WebSocket.OPEN; spelled out so that the module does not need a global WebSocket (tests run in Node). */
const OPEN = 1

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed'

export interface Timers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface WebSocketApiOptions {
  url: string
  createSocket?: (url: string) => SocketLike
  timers?: Timers
  /** First reconnect delay; doubles per failed attempt up to maxDelayMs, back to the start once open. */
  initialDelayMs?: number
  maxDelayMs?: number
}

interface Pending {
  resolve: (reply: Reply) => void
  /** The encoded call, kept until the socket is open. */
  unsent: string | null
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export class WebSocketConnection {
  readonly api: PodlabApi
  private socket: SocketLike | null = null
  private state: ConnectionState = 'connecting'
  private opens = 0
  private attempt = 0
  private nextId = 0
  private reconnectTimer: unknown = null
  private readonly pending = new Map<number, Pending>()
  private readonly watched = new Map<string, TableView>()
  private readonly deltaListeners = new Set<(delta: Delta) => void>()
  private readonly stateListeners = new Set<(state: ConnectionState) => void>()
  private readonly createSocket: (url: string) => SocketLike
  private readonly timers: Timers
  private readonly initialDelayMs: number
  private readonly maxDelayMs: number

  constructor(private readonly options: WebSocketApiOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike)
    this.timers = options.timers ?? defaultTimers
    this.initialDelayMs = options.initialDelayMs ?? 250
    this.maxDelayMs = options.maxDelayMs ?? 5000

    const api: Record<string, unknown> = {
      onDelta: (listener: (delta: Delta) => void) => {
        this.deltaListeners.add(listener)
        return () => this.deltaListeners.delete(listener)
      },
    }
    for (const name of CALL_NAMES) api[name] = (request: unknown) => this.call(name, request)
    this.api = api as PodlabApi
    this.connect()
  }

  get connectionState(): ConnectionState {
    return this.state
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener)
    return () => this.stateListeners.delete(listener)
  }

  /** Closes for good: no reconnect, pending calls fail. */
  close(): void {
    this.setState('closed')
    if (this.reconnectTimer !== null) this.timers.clear(this.reconnectTimer)
    this.reconnectTimer = null
    const socket = this.socket
    this.socket = null
    socket?.close()
    this.failPending('the connection to the Podlab host was closed')
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return
    this.state = state
    for (const listener of this.stateListeners) listener(state)
  }

  private connect(): void {
    let socket: SocketLike
    try {
      socket = this.createSocket(this.options.url)
    } catch {
      this.scheduleReconnect()
      return
    }
    this.socket = socket
    socket.onopen = () => this.handleOpen(socket)
    socket.onmessage = (event) => this.handleMessage(event.data)
    socket.onclose = () => this.handleClose(socket)
    socket.onerror = () => {
      // A close event always follows; that is where the adapter reacts.
    }
  }

  private handleOpen(socket: SocketLike): void {
    if (socket !== this.socket) return
    // Any open but the very first attempt's is a reconnect, or the first success after failed attempts
    // (whose calls failed): either way the new server session must be brought up to date.
    const bringUpToDate = this.opens > 0 || this.attempt > 0
    this.attempt = 0
    this.opens++
    this.setState('open')
    for (const pending of this.pending.values()) {
      if (pending.unsent === null) continue
      const data = pending.unsent
      pending.unsent = null
      socket.send(data)
    }
    if (bringUpToDate) this.resubscribe()
  }

  private resubscribe(): void {
    for (const view of this.watched.values()) void this.send('table.watch', view)
    void this.send('clock.get', {}).then((reply) => {
      if (reply.ok) this.emit({ type: 'clock', clock: reply.result as ClockState })
    })
  }

  private handleMessage(data: unknown): void {
    if (typeof data !== 'string') return
    const message = decodeServerMessage(data)
    if (!message) return
    if (message.kind === 'delta') {
      this.emit(message.delta)
      return
    }
    const pending = this.pending.get(message.id)
    if (!pending) return
    this.pending.delete(message.id)
    pending.resolve(message.reply)
  }

  private emit(delta: Delta): void {
    for (const listener of this.deltaListeners) {
      try {
        listener(delta)
      } catch (e) {
        console.error('podlab: a delta listener failed', e)
      }
    }
  }

  private handleClose(socket: SocketLike): void {
    if (socket !== this.socket) return
    this.socket = null
    this.failPending('the connection to the Podlab host was lost')
    if (this.state === 'closed') return
    // Until a socket has opened once, the host is still being reached, not lost.
    this.setState(this.opens > 0 ? 'reconnecting' : 'connecting')
    this.scheduleReconnect()
  }

  private scheduleReconnect(): void {
    if (this.state === 'closed') return
    const delay = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** this.attempt)
    this.attempt++
    this.reconnectTimer = this.timers.set(() => {
      this.reconnectTimer = null
      this.connect()
    }, delay)
  }

  private failPending(message: string): void {
    const all = [...this.pending.values()]
    this.pending.clear()
    for (const pending of all) pending.resolve(internalFailure(message))
  }

  private call(name: CallName, request: unknown): Promise<Reply> {
    // Remember what the app watches, whatever happens to this call: a watch that failed because the socket
    // died is asked again on reconnect. Only a refusal from the server forgets it.
    if (name === 'table.watch' || name === 'table.unwatch') {
      const view = request as TableView
      if (name === 'table.watch') this.watched.set(tableViewKey(view), { ...view })
      else this.watched.delete(tableViewKey(view))
      const reply = this.send(name, request)
      if (name === 'table.watch') {
        void reply.then((r) => {
          if (!r.ok && r.error.reason !== 'Internal') this.watched.delete(tableViewKey(view))
        })
      }
      return reply
    }
    return this.send(name, request)
  }

  private send(name: CallName, request: unknown): Promise<Reply> {
    const socket = this.socket
    if (!socket) {
      return Promise.resolve(
        internalFailure(this.state === 'closed' ? 'the connection to the Podlab host was closed' : 'not connected to the Podlab host; reconnecting'),
      )
    }
    const id = ++this.nextId
    const data = encodeCall({ id, call: name, request })
    return new Promise<Reply>((resolve) => {
      const pending: Pending = { resolve, unsent: data }
      this.pending.set(id, pending)
      if (socket.readyState !== OPEN) return
      pending.unsent = null
      try {
        socket.send(data)
      } catch (e) {
        this.pending.delete(id)
        resolve(internalFailure(`could not send ${name}: ${e instanceof Error ? e.message : String(e)}`))
      }
    })
  }
}
