// The window's security settings, checked against a stand-in for Electron (no Electron binary on the build
// machines): what is passed to BrowserWindow and what the guards do with navigation, popups and permissions.

import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as Array<{ options: Record<string, any>; webContents: any; loaded: string[] }>,
    headersListener: null as null | ((details: any, cb: (r: any) => void) => void),
    permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | ((...a: unknown[]) => boolean),
    devicePermission: null as null | ((...a: unknown[]) => boolean),
  }
  return state
})

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  class FakeWebContents extends EventEmitter {
    openHandler: ((d: unknown) => unknown) | null = null
    setWindowOpenHandler(h: (d: unknown) => unknown) {
      this.openHandler = h
    }
  }
  class BrowserWindow extends EventEmitter {
    webContents = new FakeWebContents()
    loaded: string[] = []
    constructor(public options: Record<string, any>) {
      super()
      fake.windows.push(this as any)
    }
    loadURL(url: string) {
      this.loaded.push(url)
      return Promise.resolve()
    }
    loadFile(path: string) {
      this.loaded.push(`file:${path}`)
      return Promise.resolve()
    }
    show() {}
  }
  const defaultSession = {
    webRequest: { onHeadersReceived: (l: any) => (fake.headersListener = l) },
    setPermissionRequestHandler: (h: any) => (fake.permissionRequest = h),
    setPermissionCheckHandler: (h: any) => (fake.permissionCheck = h),
    setDevicePermissionHandler: (h: any) => (fake.devicePermission = h),
  }
  return { BrowserWindow, session: { defaultSession } }
})

const { createWindow, guardWebContents } = await import('./window')
const { CONTENT_SECURITY_POLICY } = await import('./door/csp')

const built = {}
const options = { preloadPath: '/app/out/preload/index.js', pages: built, development: false }
const devOptions = { ...options, pages: { devServerUrl: 'http://localhost:5173' }, development: true }

function navigate(contents: EventEmitter, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  let prevented = false
  contents.emit(event, { url, preventDefault: () => (prevented = true) })
  return prevented
}

beforeEach(() => {
  fake.windows.length = 0
})

describe('createWindow', () => {
  it('locks webPreferences down', () => {
    createWindow(options)
    expect(fake.windows[0]!.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    })
    expect(fake.windows[0]!.options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
  })

  it('opens where the remembered window state says (issue 11 item 9), else at 1280x820', () => {
    createWindow({ ...options, bounds: { x: 40, y: 50, width: 1000, height: 700 } })
    createWindow(options)
    expect(fake.windows.map((w) => [w.options.x, w.options.y, w.options.width, w.options.height])).toEqual([
      [40, 50, 1000, 700],
      [undefined, undefined, 1280, 820],
    ])
  })

  it('has DevTools only in development mode', () => {
    createWindow(options)
    createWindow(devOptions)
    expect(fake.windows.map((w) => w.options.webPreferences.devTools)).toEqual([false, true])
  })

  it('loads the built index from app://podlab (never file://), or the dev server in development mode', () => {
    createWindow(options)
    createWindow(devOptions)
    expect(fake.windows.map((w) => w.loaded)).toEqual([['app://podlab/index.html'], ['http://localhost:5173']])
  })

  it('blocks navigation and redirects of the built app off app://podlab, and denies new windows', () => {
    createWindow(options)
    const contents = fake.windows[0]!.webContents
    expect(navigate(contents, 'will-navigate', 'app://podlab/index.html')).toBe(false)
    expect(navigate(contents, 'will-navigate', 'https://kubernetes.io/')).toBe(true)
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(navigate(contents, 'will-navigate', 'app://evil/index.html')).toBe(true)
    expect(navigate(contents, 'will-redirect', 'https://evil.example/')).toBe(true)
    expect(contents.openHandler({ url: 'https://kubernetes.io/' })).toEqual({ action: 'deny' })
  })

  it('lets the dev server reload, nothing else', () => {
    createWindow(devOptions)
    const contents = fake.windows[0]!.webContents
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173/')).toBe(false)
    expect(navigate(contents, 'will-navigate', 'http://localhost:5173.evil.example/')).toBe(true)
  })

  it('refuses <webview>', () => {
    createWindow(options)
    let prevented = false
    fake.windows[0]!.webContents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {})
    expect(prevented).toBe(true)
  })

  it('denies every permission', () => {
    createWindow(options)
    const answers: boolean[] = []
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal']) fake.permissionRequest!({}, p, (ok) => answers.push(ok))
    expect(answers).toEqual([false, false, false, false])
    expect(fake.permissionCheck!({}, 'media', 'app://podlab', {})).toBe(false)
    expect(fake.devicePermission!({})).toBe(false)
  })

  it('sets the CSP header, replacing whatever the server sent', () => {
    createWindow(options)
    let result: any
    fake.headersListener!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, (r) => (result = r))
    expect(result.responseHeaders).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    )
  })
})

describe('guardWebContents', () => {
  it('guards once however often it is called (window + web-contents-created)', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    guardWebContents(contents as any, built)
    guardWebContents(contents as any, built)
    expect(contents.listenerCount('will-navigate')).toBe(1)
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1)
  })
})
