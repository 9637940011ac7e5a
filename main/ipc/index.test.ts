// registerIpc against a stand-in webContents and Session (no Electron here): calls reach the window's
// Session only from our page, deltas go out on the delta channel, and the Session dies with the window.

import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Engine } from '../engine/engine'
import { CALL_CHANNEL, DELTA_CHANNEL } from './channels'

const sessions = vi.hoisted(() => [] as Array<{ send: (d: unknown) => void; calls: unknown[][]; closed: boolean }>)

vi.mock('../door/session', () => ({
  Session: class {
    calls: unknown[][] = []
    closed = false
    constructor(
      _engine: unknown,
      public send: (d: unknown) => void,
    ) {
      sessions.push(this)
    }
    call(name: unknown, payload: unknown) {
      this.calls.push([name, payload])
      return { ok: true, result: { name } }
    }
    close() {
      this.closed = true
    }
  },
}))

const { registerIpc } = await import('./index')

class FakeContents extends EventEmitter {
  id = 7
  destroyed = false
  sent: unknown[][] = []
  handlers = new Map<string, (...args: any[]) => unknown>()
  ipc = {
    handle: (channel: string, h: (...args: any[]) => unknown) => {
      if (this.handlers.has(channel)) throw new Error('second handler')
      this.handlers.set(channel, h)
    },
    removeHandler: (channel: string) => this.handlers.delete(channel),
  }
  isDestroyed() {
    return this.destroyed
  }
  send(...args: unknown[]) {
    this.sent.push(args)
  }
  invoke(frame: { url: string; parent: unknown } | null, ...args: unknown[]) {
    return this.handlers.get(CALL_CHANNEL)!({ sender: { id: this.id }, senderFrame: frame }, ...args)
  }
}

const pages = {}
const ours = { url: 'app://podlab/index.html#/pods', parent: null }
const engine = {} as Engine

beforeEach(() => {
  sessions.length = 0
})

describe('registerIpc', () => {
  it('runs calls from our page on the window Session', () => {
    const contents = new FakeContents()
    registerIpc(contents as any, engine, pages)
    expect(contents.invoke(ours, 'clock.get', {})).toEqual({ ok: true, result: { name: 'clock.get' } })
    expect(sessions[0]!.calls).toEqual([['clock.get', {}]])
  })

  it('refuses calls from a foreign page or a subframe without reaching the Session', () => {
    const contents = new FakeContents()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    registerIpc(contents as any, engine, pages)
    expect(() => contents.invoke({ url: 'https://evil.example/', parent: null }, 'clock.get', {})).toThrow('refused')
    expect(() => contents.invoke({ ...ours, parent: {} }, 'clock.get', {})).toThrow('refused')
    expect(() => contents.invoke(null, 'clock.get', {})).toThrow('refused')
    expect(sessions[0]!.calls).toEqual([])
    expect(warn).toHaveBeenCalledTimes(1)
    warn.mockRestore()
  })

  it('pushes deltas on the delta channel while the window lives', () => {
    const contents = new FakeContents()
    registerIpc(contents as any, engine, pages)
    sessions[0]!.send({ type: 'clock' })
    contents.destroyed = true
    sessions[0]!.send({ type: 'clock' })
    expect(contents.sent).toEqual([[DELTA_CHANNEL, { type: 'clock' }]])
  })

  it('gives a reloaded page a fresh Session', () => {
    const contents = new FakeContents()
    registerIpc(contents as any, engine, pages)
    contents.emit('did-navigate')
    expect(sessions.map((s) => s.closed)).toEqual([true, false])
    contents.invoke(ours, 'cluster.info', {})
    expect(sessions[1]!.calls).toHaveLength(1)
  })

  it('closes the Session and the handler with the window', () => {
    const contents = new FakeContents()
    const door = registerIpc(contents as any, engine, pages)
    door.close()
    expect(sessions[0]!.closed).toBe(true)
    expect(contents.handlers.has(CALL_CHANNEL)).toBe(false)
    door.close()

    const other = new FakeContents()
    registerIpc(other as any, engine, pages)
    other.destroyed = true
    other.emit('destroyed')
    expect(sessions[1]!.closed).toBe(true)
  })
})
