// better-sqlite3 for Electron's ABI. node_modules/better-sqlite3 is built for Node (the CLI, the web host and
// vitest load it there), and Electron's main process cannot load that build. So a second build, for Electron,
// is kept beside it in node_modules/.cache/podlab/, and scripts/start.mjs hands its path to Electron in
// PODLAB_SQLITE_BINDING (main/index.ts passes it to better-sqlite3's `nativeBinding` option).
//
// It is obtained the way the ecosystem does it, on a copy of the package so that node_modules/better-sqlite3
// is never touched: prebuild-install downloads the prebuilt binary for the Electron version; failing that,
// node-gyp compiles it against Electron's headers. Either result is loaded once by Electron itself (run as
// Node) before it is kept. Only the .node file stays; the copy is removed.
//
// Mirrors: prebuild-install reads npm_config_better_sqlite3_binary_host; PODLAB_ELECTRON_HEADERS_URL replaces
// https://electronjs.org/headers for node-gyp (npm's own disturl is Node's, so it is not used here).

import { spawn } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/** Where node-gyp fetches Electron's headers (what @electron/rebuild uses). */
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'
/** What a build of better-sqlite3 needs from its package (lib/ is not needed: it is loaded from node_modules). */
export const BUILD_INPUTS = ['package.json', 'binding.gyp', 'src', 'deps']
/** The compiled addon, relative to the package folder, as prebuild-install and node-gyp both leave it. */
export const ADDON_IN_PACKAGE = join('build', 'Release', 'better_sqlite3.node')

const DOWNLOAD_TIMEOUT_MS = 120_000
const BUILD_TIMEOUT_MS = 15 * 60_000
const CHECK_TIMEOUT_MS = 30_000

// ---- pure parts -------------------------------------------------------------------------------------------

/**
 * The cache folder's name: everything that makes one build unusable for another.
 * @param {{ sqliteVersion: string, electronVersion: string, platform: string, arch: string }} target
 */
export function cacheKey({ sqliteVersion, electronVersion, platform, arch }) {
  return `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${platform}-${arch}`
}

/**
 * Where the Electron build of better-sqlite3 is kept for this project.
 * @param {string} projectRoot
 * @param {{ sqliteVersion: string, electronVersion: string, platform: string, arch: string }} target
 */
export function electronSqlitePath(projectRoot, target) {
  return join(projectRoot, 'node_modules', '.cache', 'podlab', cacheKey(target), 'better_sqlite3.node')
}

/**
 * prebuild-install's arguments for one Electron version.
 * @param {{ electronVersion: string, platform: string, arch: string }} target
 */
export function prebuildInstallArgs({ electronVersion, platform, arch }) {
  return ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform, '--verbose']
}

/**
 * node-gyp's arguments. `runtime: 'node'` with a `nodedir` builds for Node from local headers (used to check
 * the copy-and-build approach on a machine without network).
 * @param {{ runtime: 'electron' | 'node', target: string, arch: string, distUrl?: string, nodedir?: string }} build
 */
export function nodeGypArgs({ runtime, target, arch, distUrl, nodedir }) {
  return [
    'rebuild',
    '--release',
    `--runtime=${runtime}`,
    `--target=${target}`,
    `--arch=${arch}`,
    ...(distUrl ? [`--dist-url=${distUrl}`] : []),
    ...(nodedir ? [`--nodedir=${nodedir}`] : []),
    '--jobs=max',
  ]
}

/** npm_config_* settings that would steer node-gyp or prebuild-install away from the requested build. */
const STEERING = /^npm_(config_(nodedir|target|runtime|arch|platform|dist_url|disturl|build_from_source|loglevel|silent)|package_config_node_gyp_.*)$/i

/**
 * The environment for a build. `npm start` exports the user's npm config as npm_config_*, and node-gyp lets
 * those override its command line: npm_config_nodedir (set on machines that build native addons offline)
 * would compile against Node's headers while claiming Electron. So those keys are dropped, and the wanted
 * values are set the same way, which node-gyp honours over everything else.
 * @param {Record<string, string | undefined>} env
 * @param {{ runtime: 'electron' | 'node', target: string, arch: string, distUrl?: string, nodedir?: string }} build
 */
export function buildEnv(env, { runtime, target, arch, distUrl, nodedir }) {
  /** @type {Record<string, string>} */
  const out = {}
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !STEERING.test(key) && key !== 'ELECTRON_RUN_AS_NODE') out[key] = value
  }
  out.npm_config_runtime = runtime
  out.npm_config_target = target
  out.npm_config_arch = arch
  if (distUrl) out.npm_config_dist_url = distUrl
  if (nodedir) out.npm_config_nodedir = nodedir
  // Its progress lines say when compiling starts (see buildStarted); `npm start -s` would silence them.
  out.npm_config_loglevel = 'info'
  return out
}

/**
 * Where node-gyp may be: npm ships it and says where when it runs a script (npm_config_node_gyp); otherwise
 * beside the npm that runs us, or beside this Node (Unix and Windows layouts), or in the project.
 * @param {Record<string, string | undefined>} env
 * @param {string} execPath
 * @param {string} projectRoot
 */
export function nodeGypCandidates(env, execPath, projectRoot) {
  const inNpm = join('node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  return [
    env.npm_config_node_gyp,
    env.npm_execpath && /npm-cli\.js$/.test(env.npm_execpath) ? join(dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : undefined,
    join(dirname(execPath), '..', 'lib', inNpm),
    join(dirname(execPath), inNpm),
    join(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter((p) => typeof p === 'string' && p.endsWith('.js'))
}

/** True once node-gyp's output shows it has headers and is compiling (it spawns python/make/msbuild only then). */
export function buildStarted(output) {
  return /^gyp info spawn /m.test(output)
}

/** prebuild-install's reason in a few words, e.g. `getaddrinfo ENOTFOUND github.com`. */
export function prebuildFailureCause(output) {
  const lines = output.split('\n').map((l) => l.trim())
  const warn = lines.filter((l) => /^prebuild-install (warn|ERR!|error)/.test(l)).pop()
  if (warn) return warn.replace(/^prebuild-install (warn|ERR!|error)( install)?\s*/, '').slice(0, 120) || 'failed'
  return lines.filter(Boolean).pop()?.slice(0, 120) || 'failed'
}

/** node-gyp's reason in a few words. */
export function nodeGypFailureCause(output) {
  if (/network connectivity/.test(output)) {
    const url = /^gyp http GET (\S+)/m.exec(output)?.[1]
    let host = 'the network'
    try {
      if (url) host = new URL(url).host
    } catch {}
    return `Electron's headers could not be downloaded from ${host}`
  }
  const lines = output.split('\n').map((l) => l.trim())
  const stackError = /^gyp ERR! stack \w*Error( \[\w+\])?: /
  const error = lines.find((l) => stackError.test(l))
  if (error) return error.replace(stackError, '').slice(0, 120)
  const err = lines.find((l) => /^gyp ERR! /.test(l) && !/^gyp ERR! (stack|System|command|cwd|node -v|node-gyp -v|not ok)\b/.test(l))
  if (err) return err.replace(/^gyp ERR! /, '').slice(0, 120)
  return lines.filter(Boolean).pop()?.slice(0, 120) || 'failed'
}

// ---- effects -----------------------------------------------------------------------------------------------

/** Stops every command runQuiet has under way, with everything they started (see runQuiet). */
const stops = new Set()
export function stopAll() {
  for (const stop of stops) stop()
}

/**
 * Runs a command quietly to its end. On Unix it gets its own process group, so that a timeout (or stopAll)
 * ends node-gyp together with the make and compiler processes it started, which would otherwise go on.
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, output: string, error?: Error }>}
 */
export function runQuiet(command, argv, { cwd, env, timeout, onOutput }) {
  return new Promise((resolve) => {
    const group = process.platform !== 'win32'
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: group })
    let timedOut = false
    const stop = () => {
      try {
        if (group && child.pid) process.kill(-child.pid, 'SIGKILL')
        else child.kill('SIGKILL')
      } catch {
        // already gone
      }
    }
    stops.add(stop)
    const timer = timeout
      ? setTimeout(() => {
          timedOut = true
          stop()
        }, timeout)
      : undefined
    let output = ''
    const take = (chunk) => {
      output += chunk
      onOutput?.(output)
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    const done = (result) => {
      clearTimeout(timer)
      stops.delete(stop)
      resolve(timedOut ? { ...result, signal: 'SIGKILL' } : result)
    }
    child.on('error', (error) => done({ code: null, signal: null, output, error }))
    child.on('close', (code, signal) => done({ code, signal, output }))
  })
}

/** Copies what a build needs from the better-sqlite3 package into `dest` (created). */
export function copyPackageForBuild(packageDir, dest) {
  mkdirSync(dest, { recursive: true })
  for (const entry of BUILD_INPUTS) {
    const from = join(packageDir, entry)
    if (!existsSync(from)) throw new Error(`${from} is missing: cannot build better-sqlite3 from this package`)
    cpSync(from, join(dest, entry), { recursive: true })
  }
}

/**
 * Loads `binding` with better-sqlite3 in `runtime` (Electron run as Node, or Node) and runs one query.
 * @returns {Promise<{ ok: true, sqliteVersion: string } | { ok: false, reason: string }>}
 */
export async function checkBinding({ runtime, sqliteDir, binding, env = process.env }) {
  const script =
    `const Database = require(${JSON.stringify(sqliteDir)});` +
    `const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(binding)} });` +
    `process.stdout.write('sqlite ' + db.prepare('select sqlite_version() AS v').get().v);`
  const result = await runQuiet(runtime, ['-e', script], {
    cwd: dirname(sqliteDir),
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: CHECK_TIMEOUT_MS,
  })
  const match = /sqlite (\S+)/.exec(result.output)
  if (result.code === 0 && match) return { ok: true, sqliteVersion: match[1] }
  const line = result.error?.message ?? result.output.split('\n').find((l) => /Error|error/.test(l)) ?? `exit ${result.code ?? result.signal}`
  return { ok: false, reason: line.trim().slice(0, 160) }
}

/**
 * Downloads the prebuilt addon into the package copy `dir`.
 * @returns {Promise<{ ok: boolean, cause: string }>}
 */
export async function downloadPrebuilt({ dir, prebuildInstallBin, target, env = process.env, onSlow }) {
  const slow = onSlow ? setTimeout(onSlow, 1500) : undefined
  const result = await runQuiet(process.execPath, [prebuildInstallBin, ...prebuildInstallArgs(target)], {
    cwd: dir,
    env: buildEnv(env, { runtime: 'electron', target: target.electronVersion, arch: target.arch }),
    timeout: DOWNLOAD_TIMEOUT_MS,
  })
  clearTimeout(slow)
  if (result.code === 0 && existsSync(join(dir, ADDON_IN_PACKAGE))) return { ok: true, cause: '' }
  if (result.signal) return { ok: false, cause: `timed out after ${DOWNLOAD_TIMEOUT_MS / 1000}s` }
  return { ok: false, cause: result.error?.message ?? prebuildFailureCause(result.output) }
}

/**
 * Compiles the package copy `dir` with node-gyp.
 * @param {{ dir: string, nodeGyp: string, build: Parameters<typeof nodeGypArgs>[0], env?: Record<string, string | undefined>, onCompiling?: () => void }} options
 * @returns {Promise<{ ok: boolean, cause: string, output: string }>}
 */
export async function buildFromSource({ dir, nodeGyp, build, env = process.env, onCompiling }) {
  let announced = false
  const announce = () => {
    if (!announced) {
      announced = true
      onCompiling?.()
    }
  }
  // Said when compiling starts, or when fetching the headers takes long; offline, node-gyp fails in seconds
  // without either, and the caller's one line is all that is printed.
  const slow = setTimeout(announce, 10_000)
  const result = await runQuiet(process.execPath, [nodeGyp, ...nodeGypArgs(build)], {
    cwd: dir,
    env: buildEnv(env, build),
    timeout: BUILD_TIMEOUT_MS,
    onOutput: (output) => !announced && buildStarted(output) && announce(),
  })
  clearTimeout(slow)
  if (result.code === 0 && existsSync(join(dir, ADDON_IN_PACKAGE))) return { ok: true, cause: '', output: result.output }
  if (result.signal) return { ok: false, cause: `timed out after ${BUILD_TIMEOUT_MS / 60_000} min`, output: result.output }
  return { ok: false, cause: result.error?.message ?? nodeGypFailureCause(result.output), output: result.output }
}

/** Puts `addon` at `dest` in one step (copy beside it, then rename), so a half-written file is never used. */
function keep(addon, dest) {
  mkdirSync(dirname(dest), { recursive: true })
  const partial = `${dest}.${process.pid}.partial`
  copyFileSync(addon, partial)
  renameSync(partial, dest)
}

/**
 * Makes sure an Electron build of better-sqlite3 is in the cache; builds it on first use.
 * @param {{ projectRoot: string, electronDir: string, electronPath: string, env?: Record<string, string | undefined>, log?: (line: string) => void }} options
 * @returns {Promise<{ ok: true, path: string, fresh: boolean } | { ok: false, electronVersion: string, reason: string }>}
 */
export async function ensureElectronSqlite({ projectRoot, electronDir, electronPath, env = process.env, log = console.log }) {
  const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version
  const require = createRequire(join(projectRoot, 'package.json'))
  let sqliteDir
  try {
    sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))
  } catch {
    return { ok: false, electronVersion, reason: 'the better-sqlite3 package is not installed (run npm ci)' }
  }
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version
  const target = { sqliteVersion, electronVersion, platform: process.platform, arch: process.arch }
  const dest = electronSqlitePath(projectRoot, target)
  if (existsSync(dest) && statSync(dest).size > 0) return { ok: true, path: dest, fresh: false }

  const dir = mkdtempSync(join(tmpdir(), 'podlab-sqlite-'))
  // Ctrl+C during a first-start build: stop the build (it runs in its own process group) and remove the copy.
  const interrupted = () => {
    stopAll()
    rmSync(dir, { recursive: true, force: true })
    process.exit(130)
  }
  process.on('SIGINT', interrupted)
  process.on('SIGTERM', interrupted)
  try {
    copyPackageForBuild(sqliteDir, dir)
    const loads = async () => {
      const check = await checkBinding({ runtime: electronPath, sqliteDir, binding: join(dir, ADDON_IN_PACKAGE), env })
      return check.ok ? '' : `Electron cannot load it: ${check.reason}`
    }

    // 1. The prebuilt binary better-sqlite3 publishes for this Electron version.
    let downloadCause
    const sqliteRequire = createRequire(join(sqliteDir, 'package.json'))
    let prebuildInstallBin
    try {
      prebuildInstallBin = join(dirname(sqliteRequire.resolve('prebuild-install/package.json')), 'bin.js')
    } catch {
      downloadCause = 'prebuild-install is not installed'
    }
    if (prebuildInstallBin) {
      const got = await downloadPrebuilt({
        dir,
        prebuildInstallBin,
        target,
        env,
        onSlow: () => log(`Downloading better-sqlite3 for Electron ${electronVersion} (first start only)...`),
      })
      downloadCause = got.ok ? await loads() : got.cause
      if (!downloadCause) {
        keep(join(dir, ADDON_IN_PACKAGE), dest)
        return { ok: true, path: dest, fresh: true }
      }
      rmSync(join(dir, 'build'), { recursive: true, force: true })
    }

    // 2. Compiled here against Electron's headers.
    const nodeGyp = nodeGypCandidates(env, process.execPath, projectRoot).find((p) => existsSync(p))
    let buildCause
    if (!nodeGyp) {
      buildCause = 'node-gyp not found (it ships with npm)'
    } else {
      const built = await buildFromSource({
        dir,
        nodeGyp,
        build: { runtime: 'electron', target: electronVersion, arch: process.arch, distUrl: env.PODLAB_ELECTRON_HEADERS_URL || ELECTRON_HEADERS_URL },
        env,
        onCompiling: () => log(`Building better-sqlite3 for Electron ${electronVersion} from source (first start only; this takes a few minutes)...`),
      })
      buildCause = built.ok ? await loads() : built.cause
      if (!built.ok && buildStarted(built.output)) {
        // It got as far as compiling: the compiler's words are worth keeping (the line printed is short).
        const logFile = `${dirname(dest)}.build.log`
        mkdirSync(dirname(logFile), { recursive: true })
        writeFileSync(logFile, built.output)
        buildCause += ` (node-gyp's output: ${logFile})`
      }
      if (!buildCause) {
        keep(join(dir, ADDON_IN_PACKAGE), dest)
        return { ok: true, path: dest, fresh: true }
      }
    }
    return { ok: false, electronVersion, reason: `download: ${downloadCause}; build from source: ${buildCause}` }
  } catch (e) {
    return { ok: false, electronVersion, reason: e instanceof Error ? e.message : String(e) }
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    rmSync(dir, { recursive: true, force: true })
  }
}
