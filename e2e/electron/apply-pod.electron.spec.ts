// The desktop app end to end: the same scenario as the browser spec (apply the learner's corrected pod, watch
// it reach Running in the list), but through Electron's window, preload and IPC, on a throwaway cluster file.
// Skipped, with the reason printed, where the Electron binary could not be downloaded (these machines).
// It launches node_modules/electron/dist as downloaded, not `npm start`'s fused copy: Playwright drives Electron
// through --inspect, which the EnableNodeCliInspectArguments fuse turns off (scripts/electron-fuses.mjs).

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { BRIDGE_KEYS } from '../../main/contract/bridge'
import { CONTENT_SECURITY_POLICY } from '../../main/door/csp'
import { findElectronBinary } from '../../scripts/electron-binary.mjs'
import { ensureElectronSqlite } from '../../scripts/electron-sqlite.mjs'
import { CORRECTED_SEED_POD, applyManifest, applyOutput, bridgeCall, pageGlobals, podRow, showPodsList } from './podlab-window'

const root = resolve(__dirname, '../..')
const binary = findElectronBinary(root)
if (!binary.ok) {
  const reason = `Electron e2e skipped: ${binary.reason}`
  console.log(reason)
  test.skip(true, reason)
}

test.describe.configure({ mode: 'serial' })

let app: ElectronApplication
let page: Page
let dir: string

test.beforeAll(async () => {
  test.setTimeout(15 * 60_000) // the first run may compile better-sqlite3 for Electron
  // The app's better-sqlite3 must be built for Electron's ABI, as `npm start` arranges (scripts/electron-sqlite.mjs).
  const sqlite = binary.ok ? await ensureElectronSqlite({ projectRoot: root, electronDir: binary.electronDir, electronPath: binary.path }) : null
  if (sqlite && !sqlite.ok) throw new Error(`better-sqlite3 for Electron is not available: ${sqlite.reason}`)
  dir = mkdtempSync(join(tmpdir(), 'podlab-electron-'))
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value
  app = await electron.launch({
    ...(binary.ok ? { executablePath: binary.path } : {}),
    args: [root],
    cwd: root,
    env: {
      ...env,
      PODLAB_DB: join(dir, 'cluster.podlab'),
      PODLAB_USER_DATA: join(dir, 'user-data'),
      PODLAB_SEED: '42',
      ...(sqlite?.ok ? { PODLAB_SQLITE_BINDING: sqlite.path } : {}),
    },
  })
  page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
})

test.afterAll(async () => {
  await app?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

test('the window is locked down and exposes exactly the contract bridge', async () => {
  // (The webPreferences themselves are checked in main/window.test.ts; Electron has no public getter for them.)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)

  const globals = await pageGlobals(page)
  expect(globals.bridgeKeys).toEqual([...BRIDGE_KEYS].sort())
  expect(globals.bridgeTypes).toEqual(['function'])
  expect(globals.leaks).toEqual([])

  // New windows are denied.
  expect(await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com') === null)).toBe(true)

  // Calls go through IPC to the engine, and payloads are checked there.
  await expect(bridgeCall(page, 'clockGet', {})).resolves.toMatchObject({ ok: true, result: { mode: 'realtime' } })
  await expect(bridgeCall(page, 'manifestsApply', { text: 5 })).resolves.toMatchObject({ ok: false, error: { reason: 'BadRequest' } })
})

test('the page is served from app://podlab, with the CSP header, and nothing outside out/renderer', async () => {
  const where = await page.evaluate(() => {
    const { location } = globalThis as unknown as { location: { protocol: string; host: string; pathname: string } }
    return { protocol: location.protocol, host: location.host, pathname: location.pathname }
  })
  expect(where).toEqual({ protocol: 'app:', host: 'podlab', pathname: '/index.html' })

  const answers = await page.evaluate(async () => {
    const status = async (url: string) => {
      try {
        const res = await fetch(url)
        return { status: res.status, csp: res.headers.get('content-security-policy') ?? '' }
      } catch {
        return { status: -1, csp: '' }
      }
    }
    return {
      index: await status('/index.html'),
      escape: await status('/..%2f..%2fpackage.json'),
      missing: await status('/nope.js'),
      file: await status('file:///etc/hostname'),
    }
  })
  expect(answers.index).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY })
  expect(answers.escape.status).toBe(404)
  expect(answers.missing).toEqual({ status: 404, csp: CONTENT_SECURITY_POLICY })
  expect(answers.file.status).toBe(-1) // blocked by the CSP (connect-src 'self')

  // Not development mode: DevTools cannot be opened.
  const devTools = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents
    contents.openDevTools()
    return contents.isDevToolsOpened()
  })
  expect(devTools).toBe(false)
})

test('apply the corrected seed pod; it reaches Running in the list', async () => {
  await applyManifest(page, CORRECTED_SEED_POD)
  await expect(applyOutput(page)).toContainText('pod/mynginx created')
  await showPodsList(page)
  await expect(podRow(page, 'mynginx')).toContainText('Running', { timeout: 60_000 })
})
