// The Podlab window, locked down along Electron's security checklist
// (https://www.electronjs.org/docs/latest/tutorial/security):
//  3/4/2/6/8/9/10  contextIsolation, sandbox, no Node integration anywhere, webSecurity, no insecure content,
//                  no experimental or Blink features, no <webview>
//  5               every permission request and check denied (Podlab needs none)
//  7               a strict Content-Security-Policy header: main/protocol sends it with every app:// answer, the
//                  hook below adds it to the dev server's; the page also carries it as a <meta>
//  13/14           navigation outside the window's one origin and new windows blocked
//  18              no file://: the built app is served from app://podlab (main/protocol)
//  17              IPC senders checked (main/ipc)
//  DevTools only in development mode (main/dev-mode.ts)

import { CONTENT_SECURITY_POLICY } from './door/csp'
import { BrowserWindow, session as sessions, type Session, type WebContents } from 'electron'
import { isAllowedNavigation, type TrustedPages } from './ipc/trust'
import { APP_INDEX_URL } from './protocol/app-origin'

export interface WindowOptions {
  /** Absolute path of out/preload/index.js. */
  preloadPath: string
  /** The dev server, in development mode only; otherwise the window loads app://podlab/index.html. */
  pages: TrustedPages
  /** Development mode (main/dev-mode.ts): DevTools are available only then. */
  development: boolean
  /** Where the window opens (menu/window-state.ts restores the remembered place); default 1280x820, centred. */
  bounds?: { x: number; y: number; width: number; height: number }
}

const hardenedSessions = new WeakSet<Session>()

/** Session-wide rules: the CSP header on every response, and no permissions for anyone. Once per session. */
function hardenSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return
  hardenedSessions.add(ses)
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders }
    // Drop any policy the server sent (the dev server sends none) so ours is the one that applies.
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key]
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
    callback({ responseHeaders: headers })
  })
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.setDevicePermissionHandler(() => false)
}

/**
 * Guards for any webContents the app ever gets (the window's, and any a bug or a page might create):
 * navigation only within the window's own origin, no new windows, no <webview>.
 */
const guarded = new WeakSet<WebContents>()

export function guardWebContents(contents: WebContents, pages: TrustedPages): void {
  if (guarded.has(contents)) return
  guarded.add(contents)
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url, pages)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, pages)) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function createWindow(options: WindowOptions): BrowserWindow {
  hardenSession(sessions.defaultSession)

  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    ...(options.bounds ?? {}),
    minWidth: 800,
    minHeight: 560,
    title: 'Podlab',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.development,
    },
  })
  guardWebContents(win.webContents, options.pages)
  win.once('ready-to-show', () => win.show())

  void win.loadURL(options.pages.devServerUrl ?? APP_INDEX_URL)
  return win
}
