// Electron entry: lifecycle and composition only. One app instance owns the cluster file; the engine runs on
// real time; one window, showing app://podlab/ (main/protocol), talks to it over IPC.
//
// Environment:
//   PODLAB_DB         cluster file to open instead of <userData>/cluster.podlab (tests use a throwaway file)
//   PODLAB_SEED       seed for a new cluster file
//   PODLAB_USER_DATA  Electron's user data folder (Chromium profile and single-instance lock) instead of the
//                     per-platform Podlab folder; tests set it so they neither share nor block a running app
//   ELECTRON_RENDERER_URL
//                     electron-vite dev's server; honoured in development mode only (main/dev-mode.ts)
//   PODLAB_SQLITE_BINDING
//                     better-sqlite3's addon built for Electron's ABI, passed as its nativeBinding (scripts/start.mjs
//                     sets it); the one in node_modules is built for Node's ABI, for the CLI and the tests

import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import { devServerUrl, isDevelopmentMode } from './dev-mode'
import type { HostEngine } from './engine'
import { openCluster } from './engine'
import { APP_NAME, defaultClusterPath } from './door/paths'
import { holdClock } from './door/clock-owner'
import { startPolling } from './door/poll'
import { startRealtime } from './door/realtime'
import { registerIpc } from './ipc'
import type { KubeApiInfo } from './contract'
import { hostAdmission, serveKubeApi, type ServedKubeApi } from './kubeapi/served'
import type { TrustedPages } from './ipc/trust'
import { registerAppScheme, serveAppProtocol } from './protocol/serve'
import { createWindow, guardWebContents } from './window'

// Electron derives userData from package.json's name ("podlab") before this file runs; the CLI and the docs
// say <appData>/Podlab, so set it explicitly, before anything reads it.
app.setName(APP_NAME)
app.setPath('userData', process.env.PODLAB_USER_DATA ? resolve(process.env.PODLAB_USER_DATA) : join(app.getPath('appData'), APP_NAME))
app.enableSandbox()
// Before `ready`, or Electron refuses: app:// gets its privileges now and its handler in start().
registerAppScheme()

const development = isDevelopmentMode(app.isPackaged)
const pages: TrustedPages = { devServerUrl: devServerUrl(development, process.env) }

let engine: HostEngine | null = null
/** Stops the clock driver and the poller and gives up the clock owner row, before the engine closes. */
let stopHosting: (() => void) | null = null
let mainWindow: BrowserWindow | null = null
/** The cluster's Kubernetes API as the window shows it (kubeapi.info). */
let kubeApi: KubeApiInfo = { serving: false, reason: 'The Kubernetes API is starting.' }

function openWindow(cluster: HostEngine): void {
  const win = createWindow({ preloadPath: join(__dirname, '../preload/index.js'), pages, development })
  const door = registerIpc(win.webContents, cluster, pages, () => kubeApi)
  mainWindow = win
  win.on('closed', () => {
    door.close()
    if (mainWindow === win) mainWindow = null
  })
}

function start(): void {
  serveAppProtocol(join(__dirname, '../renderer'))
  const clusterPath = process.env.PODLAB_DB ? resolve(process.env.PODLAB_DB) : defaultClusterPath(app.getPath('userData'))
  const seed = process.env.PODLAB_SEED
  const nativeBinding = process.env.PODLAB_SQLITE_BINDING
  let cluster: HostEngine | undefined
  let releaseClock: () => void
  try {
    mkdirSync(dirname(clusterPath), { recursive: true })
    cluster = openCluster(clusterPath, { mode: 'realtime', door: 'app', ...(seed ? { seed } : {}), ...(nativeBinding ? { nativeBinding } : {}) })
    releaseClock = holdClock(cluster, 'app')
  } catch (e) {
    cluster?.close()
    // A file from a newer Podlab, a damaged file, a folder we cannot write: say which file and why, then stop.
    const message = e instanceof Error ? e.message : String(e)
    console.error(`Podlab cannot open the cluster file ${clusterPath}: ${message}`)
    dialog.showErrorBox('Podlab cannot open the cluster file', `${clusterPath}\n\n${message}`)
    app.exit(1)
    return
  }
  engine = cluster
  console.log(`Podlab: cluster file ${clusterPath}`)
  const stopRealtime = startRealtime(cluster)
  const stopPolling = startPolling(cluster)
  const stopApi = serveApi(cluster, clusterPath)
  stopHosting = () => {
    stopApi()
    stopRealtime()
    stopPolling()
    releaseClock()
  }
  openWindow(cluster)
}

/**
 * Serves the cluster's Kubernetes API on 127.0.0.1 (a free port), as `podlab serve` does, and writes its kubeconfig
 * in <userData>/kubeconfigs, where `podlab kubeconfig --write` finds the app's record too. A failure to start is
 * shown in the window (kubeapi.info) and the app goes on. Returns what stops it.
 */
function serveApi(cluster: HostEngine, clusterPath: string): () => void {
  let served: ServedKubeApi | undefined
  let stopped = false
  serveKubeApi({ engine: cluster, host: '127.0.0.1', port: 0, admit: hostAdmission('127.0.0.1'), clusterFile: clusterPath, dir: join(app.getPath('userData'), 'kubeconfigs') }).then(
    (api) => {
      if (stopped) return void api.close()
      served = api
      kubeApi = { serving: true, url: api.url, kubeconfig: api.kubeconfig }
      console.log(`Podlab: the Kubernetes API is at ${api.url}; its kubeconfig: ${api.kubeconfig}`)
    },
    (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e)
      kubeApi = { serving: false, reason: `The Kubernetes API could not start: ${message}` }
      console.error(`podlab: the Kubernetes API could not start: ${message}`)
    },
  )
  return () => {
    stopped = true
    void served?.close()
  }
}

function shutdown(): void {
  try {
    stopHosting?.()
  } catch (e) {
    console.error(`podlab: could not give up the cluster's clock: ${(e as Error).message}`)
  }
  stopHosting = null
  engine?.close()
  engine = null
}

if (!app.requestSingleInstanceLock()) {
  // Another Podlab already owns this user data folder (and its cluster file): it gets focused instead.
  app.quit()
} else {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, pages))
  app.on('second-instance', () => {
    // Someone started Podlab again: show the window this instance has (or reopen it, macOS).
    if (!mainWindow) {
      if (engine) openWindow(engine)
      return
    }
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    // macOS convention: the app stays in the dock (and the cluster keeps running) until Cmd+Q.
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (engine && BrowserWindow.getAllWindows().length === 0) openWindow(engine)
  })
  app.on('will-quit', shutdown)
  // Ctrl+C in the terminal that ran `npm start`: quit cleanly so the cluster file is closed.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit())

  void app.whenReady().then(start)
}
