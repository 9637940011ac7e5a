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

import { existsSync, mkdirSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { app, BrowserWindow, dialog, Menu, screen, shell, type FileFilter } from 'electron'
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
import { DELTA_CHANNEL } from './ipc/channels'
import type { Delta } from './contract'
import { appMenuTemplate, type AppMenuCommand } from './menu/app-menu'
import { addRecent, existingRecent, parseRecent } from './menu/recent-files'
import { parseWindowState, restoreWindowState, type WindowState } from './menu/window-state'
import { readUserDataFile, writeUserDataFile } from './menu/user-data-file'

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
/** The window's IPC door, bound to the engine open now (re-bound when File > Open switches files). */
let mainDoor: { close(): void } | null = null
/** The cluster file open now. */
let clusterPath = ''
/** The cluster's Kubernetes API as the window shows it (kubeapi.info). */
let kubeApi: KubeApiInfo = { serving: false, reason: 'The Kubernetes API is starting.' }

// Issue 11 item 9: the window's place and the recent files, remembered in the user-data folder.
const windowStateFile = () => join(app.getPath('userData'), 'window-state.json')
const recentFile = () => join(app.getPath('userData'), 'recent-files.json')

/** The displays' work areas, the primary first (restoreWindowState falls back to the first). */
function workAreas(): Electron.Rectangle[] {
  const primary = screen.getPrimaryDisplay()
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea)
}

function openWindow(cluster: HostEngine): void {
  const placed = restoreWindowState(parseWindowState(readUserDataFile(windowStateFile())), workAreas())
  const win = createWindow({ preloadPath: join(__dirname, '../preload/index.js'), pages, development, bounds: placed.bounds })
  if (placed.maximized) win.maximize()
  win.setTitle(`Podlab — ${basename(clusterPath)}`)
  mainDoor = registerIpc(win.webContents, cluster, pages, () => kubeApi)
  mainWindow = win
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
    writeUserDataFile(windowStateFile(), JSON.stringify(state))
  })
  win.on('closed', () => {
    mainDoor?.close()
    mainDoor = null
    if (mainWindow === win) mainWindow = null
  })
}

// ---- Issue 11 item 9: the app menu and the cluster file the user chooses ----

const CLUSTER_FILTERS: FileFilter[] = [{ name: 'Podlab cluster', extensions: ['podlab'] }]

function recentFiles(): string[] {
  return existingRecent(parseRecent(readUserDataFile(recentFile())), existsSync)
}

function remember(path: string): void {
  writeUserDataFile(recentFile(), JSON.stringify(addRecent(recentFiles(), path)))
}

function installMenu(): void {
  const template = appMenuTemplate({ recent: recentFiles(), current: clusterPath, development, dispatch: (c) => void onMenu(c) }, process.platform)
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function sendToPage(delta: Delta): void {
  if (mainWindow && !mainWindow.webContents.isDestroyed()) mainWindow.webContents.send(DELTA_CHANNEL, delta)
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

async function askSavePath(title: string, buttonLabel: string): Promise<string | undefined> {
  const options = { title, buttonLabel, defaultPath: join(app.getPath('documents'), 'cluster.podlab'), filters: CLUSTER_FILTERS }
  const chosen = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
  return chosen.canceled || !chosen.filePath ? undefined : chosen.filePath
}

async function onMenu(command: AppMenuCommand): Promise<void> {
  switch (command.type) {
    case 'page':
      return sendToPage({ type: 'menu', command: command.command })
    case 'open-cluster': {
      const options = { title: 'Open cluster file', properties: ['openFile' as const], filters: CLUSTER_FILTERS }
      const chosen = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
      if (!chosen.canceled && chosen.filePaths[0]) switchCluster(chosen.filePaths[0])
      return
    }
    case 'open-recent':
      return switchCluster(command.path)
    case 'new-cluster': {
      const path = await askSavePath('New cluster', 'Create')
      if (!path) return
      // A new cluster starts from nothing: an existing file is never reused (or deleted) under this name.
      if (existsSync(path)) return dialog.showErrorBox('Podlab did not create the cluster', `${path}\n\nA file of that name exists already; choose a new name, or open it with File > Open Cluster File.`)
      return switchCluster(path)
    }
    case 'save-copy':
    case 'save-as': {
      const path = await askSavePath(command.type === 'save-as' ? 'Save cluster as' : 'Save a copy of the cluster', 'Save')
      if (!path || !engine) return
      try {
        engine.saveCopy(path)
      } catch (e) {
        return dialog.showErrorBox('Podlab could not save the cluster', `${path}\n\n${errorText(e)}`)
      }
      remember(path)
      if (command.type === 'save-as') return switchCluster(path)
      return installMenu()
    }
    case 'clear-recent':
      writeUserDataFile(recentFile(), '[]')
      return installMenu()
    case 'docs': {
      const problem = await shell.openPath(join(app.getAppPath(), 'README.md'))
      if (problem) dialog.showErrorBox('Podlab could not open its README', problem)
      return
    }
    case 'about':
      await dialog.showMessageBox({
        type: 'info',
        title: 'About Podlab',
        message: `Podlab ${app.getVersion()}`,
        detail: `A Kubernetes 1.32 cluster simulated on a virtual clock, for learning.\n\nCluster file: ${clusterPath}`,
      })
  }
}

/**
 * Opens `path` (creating a new cluster when there is no such file) and moves the app onto it: the clock, the API
 * and the window's door go to the new engine, and the page reloads. A file that is not a cluster file (or whose
 * clock another process runs) is refused with the engine's message, and the cluster open now stays open.
 */
function switchCluster(path: string): void {
  const target = resolve(path)
  if (target === clusterPath && engine) return
  let next: HostEngine | undefined
  let releaseNext: () => void
  try {
    mkdirSync(dirname(target), { recursive: true })
    next = openCluster(target, openOptions())
    releaseNext = holdClock(next, 'app')
  } catch (e) {
    next?.close()
    dialog.showErrorBox('Podlab cannot open the cluster file', `${target}\n\n${errorText(e)}`)
    return
  }
  mainDoor?.close()
  mainDoor = null
  shutdown()
  host(next, target, releaseNext)
  remember(target)
  installMenu()
  if (mainWindow) {
    mainDoor = registerIpc(mainWindow.webContents, next, pages, () => kubeApi)
    mainWindow.setTitle(`Podlab — ${basename(target)}`)
    mainWindow.webContents.reload()
  } else openWindow(next)
}

function openOptions(): Parameters<typeof openCluster>[1] {
  const seed = process.env.PODLAB_SEED
  const nativeBinding = process.env.PODLAB_SQLITE_BINDING
  return { mode: 'realtime', door: 'app', ...(seed ? { seed } : {}), ...(nativeBinding ? { nativeBinding } : {}) }
}

/** Runs `cluster` (open on `path`, its clock held) for the app: the real-time clock, polling, the Kubernetes API. */
function host(cluster: HostEngine, path: string, releaseClock: () => void): void {
  engine = cluster
  clusterPath = path
  console.log(`Podlab: cluster file ${path}`)
  kubeApi = { serving: false, reason: 'The Kubernetes API is starting.' }
  const stopRealtime = startRealtime(cluster)
  const stopPolling = startPolling(cluster)
  const stopApi = serveApi(cluster, path)
  stopHosting = () => {
    stopApi()
    stopRealtime()
    stopPolling()
    releaseClock()
  }
}

function start(): void {
  serveAppProtocol(join(__dirname, '../renderer'))
  const firstPath = process.env.PODLAB_DB ? resolve(process.env.PODLAB_DB) : defaultClusterPath(app.getPath('userData'))
  let cluster: HostEngine | undefined
  let releaseClock: () => void
  try {
    mkdirSync(dirname(firstPath), { recursive: true })
    cluster = openCluster(firstPath, openOptions())
    releaseClock = holdClock(cluster, 'app')
  } catch (e) {
    cluster?.close()
    // A file from a newer Podlab, a damaged file, a folder we cannot write: say which file and why, then stop.
    const message = e instanceof Error ? e.message : String(e)
    console.error(`Podlab cannot open the cluster file ${firstPath}: ${message}`)
    dialog.showErrorBox('Podlab cannot open the cluster file', `${firstPath}\n\n${message}`)
    app.exit(1)
    return
  }
  host(cluster, firstPath, releaseClock)
  remember(firstPath)
  installMenu()
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
      // A cluster switched away from (File > Open) must not overwrite what the new one's API says.
      if (stopped) return
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
