// Is the Electron binary there? Answered the way electron's own index.js finds it (path.txt names the
// executable inside dist/), but without require('electron'), which throws when the download never happened.
// Used by scripts/start.mjs and the Electron e2e spec.

import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Decides from what the file system says; pure given `fs`.
 * @param {string} electronDir the electron package's folder (node_modules/electron)
 * @param {{ exists: (path: string) => boolean, readText: (path: string) => string, env: Record<string, string | undefined> }} fs
 * @returns {import('./electron-binary.d.mts').ElectronBinary}
 */
export function electronBinaryAt(electronDir, { exists, readText, env }) {
  const pathTxt = join(electronDir, 'path.txt')
  if (!exists(pathTxt)) {
    return { ok: false, electronDir, reason: `the Electron binary is not installed (no ${pathTxt})` }
  }
  const executable = readText(pathTxt).trim()
  if (!executable) return { ok: false, electronDir, reason: `the Electron binary is not installed (${pathTxt} is empty)` }
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist')
  const path = join(dist, executable)
  if (!exists(path)) return { ok: false, electronDir, reason: `the Electron binary is not installed (no ${path})` }
  return { ok: true, electronDir, path, dist, executable }
}

/**
 * Finds the electron package from the project root and checks its binary.
 * @param {string} projectRoot
 * @param {Record<string, string | undefined>} [env]
 * @returns {import('./electron-binary.d.mts').ElectronBinary}
 */
export function findElectronBinary(projectRoot, env = process.env) {
  let packageJson
  try {
    packageJson = createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json')
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm ci)' }
  }
  return electronBinaryAt(dirname(packageJson), {
    exists: existsSync,
    readText: (path) => readFileSync(path, 'utf8'),
    env,
  })
}
