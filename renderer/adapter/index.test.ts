import { afterEach, describe, expect, it, vi } from 'vitest'
import { toBridge } from '../../main/contract/bridge'
import { createApi, socketUrl } from './index'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('socketUrl', () => {
  it.each([
    [{ protocol: 'http:', host: '127.0.0.1:41234' }, 'ws://127.0.0.1:41234/podlab'],
    [{ protocol: 'https:', host: 'podlab.example' }, 'wss://podlab.example/podlab'],
  ])('%j -> %s', (location, url) => {
    expect(socketUrl(location)).toBe(url)
  })
})

describe('createApi', () => {
  it('uses the preload bridge when window.podlab is there', async () => {
    const bridge = toBridge(async () => ({ ok: true, result: 'via ipc' }) as never, () => () => {})
    const handle = createApi({ podlab: bridge, location: { protocol: 'file:', host: '' } })
    expect(handle.transport).toBe('ipc')
    expect(handle.connection.connectionState).toBe('open')
    await expect(handle.api['clock.get']({})).resolves.toEqual({ ok: true, result: 'via ipc' })
  })

  it('uses the preload bridge on the Electron window\'s app://podlab page (a host, but no WebSocket there)', () => {
    const bridge = toBridge(async () => ({ ok: true, result: 'via ipc' }) as never, () => () => {})
    const handle = createApi({ podlab: bridge, location: { protocol: 'app:', host: 'podlab' } })
    expect(handle.transport).toBe('ipc')
  })

  it('says what is wrong on every call when the bridge is incomplete', async () => {
    const handle = createApi({ podlab: { onDelta: () => () => {} }, location: { protocol: 'file:', host: '' } })
    await expect(handle.api['clock.get']({})).resolves.toMatchObject({
      ok: false,
      error: { reason: 'Internal', message: expect.stringContaining('out of step') },
    })
  })

  it('opens a WebSocket to /podlab on the page host when there is no bridge', () => {
    const urls: string[] = []
    vi.stubGlobal(
      'WebSocket',
      class {
        readyState = 0
        constructor(url: string) {
          urls.push(url)
        }
        close() {}
      },
    )
    const handle = createApi({ location: { protocol: 'http:', host: '127.0.0.1:5000' } })
    expect(handle.transport).toBe('websocket')
    expect(urls).toEqual(['ws://127.0.0.1:5000/podlab'])
  })

  it('fails every call with Internal when there is neither', async () => {
    const handle = createApi({ location: { protocol: 'file:', host: '' } })
    expect(handle.transport).toBe('none')
    await expect(handle.api['manifests.apply']({ text: '', source: 'STDIN' })).resolves.toMatchObject({ ok: false, error: { reason: 'Internal' } })
  })
})
