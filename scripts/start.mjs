#!/usr/bin/env node
// `npm start`: build, then open the desktop app. Electron's binary is downloaded on first start (npm ci skips
// electron's postinstall); where that cannot work (no network, a blocked download host), the same UI is served
// to the browser by `podlab serve` instead, so `npm start` always ends with something to look at. The same holds
// for better-sqlite3's Electron build (scripts/electron-sqlite.mjs), also made on first start. The app runs
// on a copy of the downloaded Electron with its fuses set (scripts/electron-fuses.mjs), made on first start too.
//
// Extra arguments go to Electron (or to `podlab serve`): `npm start -- --port 8080`.

import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary } from './electron-binary.mjs'
import { hardenedElectron } from './electron-fuses.mjs'
import { ensureElectronSqlite } from './electron-sqlite.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const args = process.argv.slice(2)
/** How long electron's installer may take (PODLAB_INSTALL_TIMEOUT_MS overrides, for tests). */
const INSTALL_TIMEOUT_MS = Number(process.env.PODLAB_INSTALL_TIMEOUT_MS) || 120_000

/**
 * Runs a command to its end. `quiet` captures output instead of showing it.
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, output: string, error?: Error }>}
 */
function run(command, argv, { quiet = false, timeout, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, argv, {
      cwd: root,
      env,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      ...(timeout ? { timeout, killSignal: 'SIGKILL' } : {}),
    })
    let output = ''
    child.stdout?.on('data', (chunk) => (output += chunk))
    child.stderr?.on('data', (chunk) => (output += chunk))
    // Ctrl+C reaches the child too (same process group); wait for it to finish instead of dying first.
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    const done = (result) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve(result)
    }
    child.on('error', (error) => done({ code: null, signal: null, output, error }))
    child.on('exit', (code, signal) => done({ code, signal, output }))
  })
}

function exitLike(result) {
  if (result.error) {
    console.error(result.error.message)
    process.exit(1)
  }
  process.exit(result.code ?? (result.signal ? 1 : 0))
}

/** The first line of install.js's error, e.g. `getaddrinfo ENOTFOUND github.com`. */
function downloadFailureCause(result) {
  if (result.signal) return `timed out after ${INSTALL_TIMEOUT_MS / 1000}s`
  const line = result.output.split('\n').find((l) => l.trim() !== '') ?? ''
  return line.replace(/^\s*(\w*Error:\s*)+/, '').trim().slice(0, 120) || 'offline?'
}

// 1. Build main, preload and renderer into out/.
const viteBin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
const build = await run(process.execPath, [viteBin, 'build'])
if (build.code !== 0) exitLike(build)

// 2. Electron's binary: there already, or fetched now by electron's own installer.
let electron = findElectronBinary(root)
if (!electron.ok && electron.electronDir) {
  const version = JSON.parse(readFileSync(join(electron.electronDir, 'package.json'), 'utf8')).version
  // Said only if the download is really under way: offline, install.js fails within a second, and then the
  // one line below is all that is printed.
  const notice = setTimeout(() => console.log(`Downloading Electron ${version} (first start only)...`), 1500)
  const install = await run(process.execPath, [join(electron.electronDir, 'install.js')], {
    quiet: true,
    timeout: INSTALL_TIMEOUT_MS,
  })
  clearTimeout(notice)
  electron = findElectronBinary(root)
  if (!electron.ok) {
    console.log(`Electron could not be downloaded here (${downloadFailureCause(install)}); serving Podlab in your browser instead.`)
  }
} else if (!electron.ok) {
  console.log(`Electron is not available (${electron.reason}); serving Podlab in your browser instead.`)
}

// 2b. The fuses (no running as Node, no NODE_OPTIONS, no --inspect, encrypted cookies, no file:// privileges),
// set on a copy that the app runs on; the download stays as it came for the tools that need those (Playwright,
// the better-sqlite3 check below, electron-vite dev). Read first, rewritten only when a fuse differs.
let launchPath
if (electron.ok) {
  const hardened = await hardenedElectron({ projectRoot: root, binary: electron, log: console.log })
  if (hardened.ok) {
    launchPath = hardened.path
  } else {
    console.log(`Electron's fuses could not be set here (${hardened.reason}); serving Podlab in your browser instead.`)
  }
}

// 3. better-sqlite3 for Electron's ABI (node_modules/better-sqlite3 is Node's, for the CLI and the tests): kept
// in node_modules/.cache/podlab, downloaded or built there on first start. Without it the app cannot open its
// cluster file, so a failure here means the browser too.
let sqliteBinding
if (electron.ok && launchPath) {
  const sqlite = await ensureElectronSqlite({ projectRoot: root, electronDir: electron.electronDir, electronPath: electron.path })
  if (sqlite.ok) {
    sqliteBinding = sqlite.path
  } else {
    console.log(`better-sqlite3 for Electron ${sqlite.electronVersion} could not be obtained here (${sqlite.reason}); serving Podlab in your browser instead.`)
  }
}

// 4a. The desktop app, on the fused copy. ELECTRON_RUN_AS_NODE (set by some tools) is dropped as well: the
// fuse ignores it, but an unfused Electron would turn into plain Node.
if (launchPath && sqliteBinding) {
  const env = { ...process.env, PODLAB_SQLITE_BINDING: sqliteBinding }
  delete env.ELECTRON_RUN_AS_NODE
  exitLike(await run(launchPath, ['.', ...args], { env }))
}

// 4b. The browser fallback: the same UI over `podlab serve`, which prints `Podlab is serving at http://...`.
const podlab = join(root, 'bin', 'podlab')
if (!existsSync(podlab)) {
  console.error(`Cannot serve either: ${podlab} is missing.`)
  process.exit(1)
}
exitLike(await run(process.execPath, [podlab, 'serve', ...args]))
