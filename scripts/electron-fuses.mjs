// Electron's fuses (https://www.electronjs.org/docs/latest/tutorial/fuses): switches compiled into the binary
// that turn off ways to run it as something other than Podlab. `npm start` launches a hardened copy of the
// downloaded Electron (node_modules/.cache/podlab/electron-<version>-<platform>-<arch>-fused/) with the fuses
// below flipped, and leaves node_modules/electron/dist as it came: the tools that drive Electron need what the
// fuses take away (Playwright's _electron.launch passes --inspect=0; scripts/electron-sqlite.mjs checks the
// addon with ELECTRON_RUN_AS_NODE; `electron-vite dev` is development, with DevTools and the inspector).

import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import * as electronFuses from '@electron/fuses'
import { FuseState } from '@electron/fuses/dist/constants.js'

const { FuseV1Options, FuseVersion } = electronFuses

/**
 * What Podlab sets, by fuse name. Left alone (inherit Electron's default, off), because Podlab is not packaged
 * yet and runs from out/ with `electron .`: OnlyLoadAppFromAsar (would refuse to load out/) and
 * EnableEmbeddedAsarIntegrityValidation (needs an asar with its integrity recorded). The packaging step sets both.
 */
export const PODLAB_FUSES = Object.freeze({
  RunAsNode: false, // ELECTRON_RUN_AS_NODE would make the app a plain Node with our user's rights
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS could preload code into the main process
  EnableNodeCliInspectArguments: false, // --inspect would open a debugger port into the main process
  GrantFileProtocolExtraPrivileges: false, // the app is served from app://podlab; file:// needs no privileges
})

/** @electron/fuses' config for PODLAB_FUSES on `platform`/`arch` (an Apple silicon binary must be re-signed). */
export function fuseConfig(platform = process.platform, arch = process.arch) {
  /** @type {Record<string | number, unknown>} */
  const config = { version: FuseVersion.V1 }
  for (const [name, on] of Object.entries(PODLAB_FUSES)) config[FuseV1Options[name]] = on
  if (platform === 'darwin' && arch === 'arm64') config.resetAdHocDarwinSignature = true
  return config
}

/**
 * The fuses of the binary at `binaryPath` that differ from PODLAB_FUSES (names), read with getCurrentFuseWire.
 * A fuse the binary marks as removed counts as set. Throws what @electron/fuses throws (no sentinel: not
 * an Electron binary, or one older than 12).
 * @param {string} binaryPath
 * @param {{ getCurrentFuseWire: (path: string) => Promise<Record<string, unknown>> }} lib
 * @returns {Promise<string[]>}
 */
export async function fusesToFlip(binaryPath, lib) {
  const wire = await lib.getCurrentFuseWire(binaryPath)
  return Object.entries(PODLAB_FUSES)
    .filter(([name, on]) => {
      const state = wire[FuseV1Options[name]]
      return state !== FuseState.REMOVED && state !== (on ? FuseState.ENABLE : FuseState.DISABLE)
    })
    .map(([name]) => name)
}

/**
 * Sets PODLAB_FUSES in the binary at `binaryPath`, in place, if any differs: reads the wire first, so a
 * binary already set is not rewritten (nor re-signed). Then reads it again to check.
 * @param {string} binaryPath
 * @param {{ lib?: { getCurrentFuseWire: Function, flipFuses: Function }, platform?: string, arch?: string }} [options]
 * @returns {Promise<{ flipped: string[] }>} the fuses that were changed
 */
export async function setFuses(binaryPath, { lib = electronFuses, platform = process.platform, arch = process.arch } = {}) {
  const flipped = await fusesToFlip(binaryPath, lib)
  if (flipped.length === 0) return { flipped }
  await lib.flipFuses(binaryPath, fuseConfig(platform, arch))
  const left = await fusesToFlip(binaryPath, lib)
  if (left.length > 0) throw new Error(`the fuses ${left.join(', ')} did not take in ${binaryPath}`)
  return { flipped }
}

/**
 * Where the hardened copy of Electron `version` lives in this project.
 * @param {string} projectRoot
 * @param {{ version: string, platform?: string, arch?: string }} target
 */
export function hardenedElectronDir(projectRoot, { version, platform = process.platform, arch = process.arch }) {
  return join(projectRoot, 'node_modules', '.cache', 'podlab', `electron-${version}-${platform}-${arch}-fused`)
}

/**
 * The Electron binary `npm start` launches: a copy of `binary.dist` with PODLAB_FUSES set. Made on first use
 * (copied beside, fused, then renamed into place, so a half-made copy is never used); later calls only read
 * the copy's fuse wire and set what differs. Never touches `binary.dist`.
 * @param {{ projectRoot: string, binary: { electronDir: string, dist: string, executable: string }, lib?: object, platform?: string, arch?: string, log?: (line: string) => void }} options
 * @returns {Promise<{ ok: true, path: string, flipped: string[], copied: boolean } | { ok: false, reason: string }>}
 */
export async function hardenedElectron({ projectRoot, binary, lib, platform = process.platform, arch = process.arch, log = () => {} }) {
  try {
    const version = JSON.parse(readFileSync(join(binary.electronDir, 'package.json'), 'utf8')).version
    const dir = hardenedElectronDir(projectRoot, { version, platform, arch })
    const path = join(dir, binary.executable)
    if (existsSync(path)) {
      const { flipped } = await setFuses(path, { lib, platform, arch })
      return { ok: true, path, flipped, copied: false }
    }
    const partial = `${dir}.${process.pid}.partial`
    rmSync(partial, { recursive: true, force: true })
    log(`Copying Electron ${version} to set its fuses (first start only)...`)
    try {
      // verbatimSymlinks: a macOS .app's frameworks are relative symbolic links and must stay so.
      cpSync(binary.dist, partial, { recursive: true, verbatimSymlinks: true })
      const { flipped } = await setFuses(join(partial, binary.executable), { lib, platform, arch })
      rmSync(dir, { recursive: true, force: true })
      renameSync(partial, dir)
      return { ok: true, path, flipped, copied: true }
    } finally {
      rmSync(partial, { recursive: true, force: true })
    }
  } catch (e) {
    return { ok: false, reason: (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200) }
  }
}
