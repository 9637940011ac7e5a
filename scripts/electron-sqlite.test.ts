import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  BUILD_INPUTS,
  buildEnv,
  buildStarted,
  cacheKey,
  checkBinding,
  copyPackageForBuild,
  electronSqlitePath,
  ensureElectronSqlite,
  nodeGypArgs,
  nodeGypCandidates,
  nodeGypFailureCause,
  prebuildFailureCause,
  prebuildInstallArgs,
  runQuiet,
} from './electron-sqlite.mjs'

const target = { sqliteVersion: '12.11.1', electronVersion: '41.7.1', platform: 'linux', arch: 'x64' }
const projectRoot = join(__dirname, '..')
const sqliteDir = join(projectRoot, 'node_modules', 'better-sqlite3')

const temps: string[] = []
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'podlab-sqlite-test-'))
  temps.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('cache path', () => {
  it('names everything that makes one build unusable for another', () => {
    expect(cacheKey(target)).toBe('better-sqlite3-12.11.1-electron-41.7.1-linux-x64')
  })

  it('lives under node_modules/.cache/podlab', () => {
    expect(electronSqlitePath('/p', target)).toBe(
      join('/p', 'node_modules', '.cache', 'podlab', 'better-sqlite3-12.11.1-electron-41.7.1-linux-x64', 'better_sqlite3.node'),
    )
  })
})

describe('command lines', () => {
  it('asks prebuild-install for the Electron build', () => {
    const args = prebuildInstallArgs(target)
    expect(args.join(' ')).toContain('--runtime electron --target 41.7.1 --arch x64 --platform linux')
  })

  it('asks node-gyp for Electron with its headers', () => {
    expect(nodeGypArgs({ runtime: 'electron', target: '41.7.1', arch: 'arm64', distUrl: 'https://electronjs.org/headers' })).toEqual([
      'rebuild',
      '--release',
      '--runtime=electron',
      '--target=41.7.1',
      '--arch=arm64',
      '--dist-url=https://electronjs.org/headers',
      '--jobs=max',
    ])
  })

  it('can build for Node from local headers', () => {
    expect(nodeGypArgs({ runtime: 'node', target: '20.20.2', arch: 'x64', nodedir: '/usr' })).toContain('--nodedir=/usr')
  })
})

describe('buildEnv', () => {
  const npmStartEnv = {
    PATH: '/usr/bin',
    HOME: '/home/u',
    npm_config_nodedir: '/usr',
    npm_config_target: '20.20.2',
    npm_config_runtime: 'node',
    npm_config_loglevel: 'silent',
    npm_config_build_from_source: 'true',
    npm_package_config_node_gyp_nodedir: '/usr',
    npm_config_cache: '/home/u/.npm',
    ELECTRON_RUN_AS_NODE: '1',
    UNSET: undefined,
  }

  it('drops the npm config that would build for Node while claiming Electron, and sets the wanted values', () => {
    const env = buildEnv(npmStartEnv, { runtime: 'electron', target: '41.7.1', arch: 'x64', distUrl: 'https://electronjs.org/headers' })
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/u',
      npm_config_cache: '/home/u/.npm',
      npm_config_runtime: 'electron',
      npm_config_target: '41.7.1',
      npm_config_arch: 'x64',
      npm_config_dist_url: 'https://electronjs.org/headers',
      npm_config_loglevel: 'info',
    })
  })

  it('keeps a nodedir that is asked for', () => {
    expect(buildEnv(npmStartEnv, { runtime: 'node', target: '20.20.2', arch: 'x64', nodedir: '/usr' }).npm_config_nodedir).toBe('/usr')
  })

  it('matches npm_config_ keys case-insensitively, as node-gyp does', () => {
    expect(buildEnv({ NPM_CONFIG_NODEDIR: '/usr' }, { runtime: 'electron', target: '41.7.1', arch: 'x64' })).not.toHaveProperty('NPM_CONFIG_NODEDIR')
  })
})

describe('nodeGypCandidates', () => {
  it('prefers what npm says, then npm beside us, then Node-relative layouts, then the project', () => {
    const got = nodeGypCandidates(
      { npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js', npm_execpath: '/opt/npm/bin/npm-cli.js' },
      '/opt/node/bin/node',
      '/p',
    )
    expect(got).toEqual([
      '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
      join('/opt/npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      join('/opt/node', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      join('/opt/node/bin', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      join('/p', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    ])
  })

  it('ignores npm_execpath when it is not npm-cli.js (pnpm, yarn)', () => {
    expect(nodeGypCandidates({ npm_execpath: '/x/yarn' }, '/n/bin/node', '/p')).toHaveLength(3)
  })
})

describe('reading the tools', () => {
  it('says why prebuild-install found nothing', () => {
    const offline = [
      'prebuild-install info begin Prebuild-install version 7.1.3',
      'prebuild-install http request GET https://github.com/WiseLibs/better-sqlite3/releases/download/v12.11.1/better-sqlite3-v12.11.1-electron-v145-linux-x64.tar.gz',
      'prebuild-install warn install getaddrinfo ENOTFOUND github.com',
    ].join('\n')
    expect(prebuildFailureCause(offline)).toBe('getaddrinfo ENOTFOUND github.com')
    expect(prebuildFailureCause('prebuild-install warn install No prebuilt binaries found (target=41.7.1 runtime=electron)')).toBe(
      'No prebuilt binaries found (target=41.7.1 runtime=electron)',
    )
  })

  it('says why node-gyp could not build', () => {
    const offline = [
      'gyp info using node-gyp@12.4.0',
      'gyp http GET https://electronjs.org/headers/v41.7.1/node-v41.7.1-headers.tar.gz',
      'gyp WARN install got an error, rolling back install',
      'gyp ERR! configure error ',
      'gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and',
      'gyp ERR! stack is related to network connectivity. In most cases you are behind a proxy or have bad',
      'gyp ERR! not ok ',
    ].join('\n')
    expect(nodeGypFailureCause(offline)).toBe("Electron's headers could not be downloaded from electronjs.org")
    expect(nodeGypFailureCause('gyp ERR! find Python\ngyp ERR! stack Error: Could not find any Python installation to use\n')).toBe(
      'Could not find any Python installation to use',
    )
    expect(nodeGypFailureCause('gyp ERR! UNCAUGHT EXCEPTION \ngyp ERR! stack AssertionError [ERR_ASSERTION]: boom\n')).toBe('boom')
  })

  it('tells compiling from fetching headers', () => {
    expect(buildStarted('gyp info using node-gyp@12.4.0\ngyp http GET https://electronjs.org/headers/x.tar.gz\n')).toBe(false)
    expect(buildStarted('gyp info ok\ngyp info spawn /usr/bin/python3\n')).toBe(true)
  })
})

describe.skipIf(process.platform !== 'linux')('runQuiet', () => {
  // Running, as opposed to gone or a zombie (killed; in a container nobody may reap it).
  const alive = (pid: number) => {
    try {
      return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
    } catch {
      return false
    }
  }

  it('on timeout, ends the command with what it started (make and the compilers under node-gyp)', async () => {
    const result = await runQuiet('sh', ['-c', 'sleep 30 & echo "grandchild $!"; wait'], { timeout: 500 })
    const grandchild = Number(/grandchild (\d+)/.exec(result.output)?.[1])
    expect(result.signal).toBe('SIGKILL')
    expect(grandchild).toBeGreaterThan(0)
    await new Promise((r) => setTimeout(r, 100))
    expect(alive(grandchild)).toBe(false)
  })

  it('reports output and exit code', async () => {
    expect(await runQuiet('sh', ['-c', 'echo out; echo err >&2; exit 3'], {})).toMatchObject({ code: 3, output: expect.stringContaining('err') })
  })
})

describe('copyPackageForBuild', () => {
  it('copies what a build needs and nothing of an existing build', () => {
    const dest = join(temp(), 'copy')
    copyPackageForBuild(sqliteDir, dest)
    expect(readdirSync(dest).sort()).toEqual([...BUILD_INPUTS].sort())
    expect(existsSync(join(dest, 'deps', 'sqlite3', 'sqlite3.c'))).toBe(true)
    expect(existsSync(join(dest, 'build'))).toBe(false)
  })

  it('refuses a package without sources', () => {
    const pkg = temp()
    writeFileSync(join(pkg, 'package.json'), '{}')
    expect(() => copyPackageForBuild(pkg, join(pkg, 'copy'))).toThrow(/binding\.gyp is missing/)
  })
})

describe('checkBinding (Node standing in for Electron run as Node)', () => {
  it('loads a binding through nativeBinding and queries it', async () => {
    const got = await checkBinding({ runtime: process.execPath, sqliteDir, binding: join(sqliteDir, 'build', 'Release', 'better_sqlite3.node') })
    expect(got).toMatchObject({ ok: true, sqliteVersion: expect.stringMatching(/^3\.\d+\.\d+$/) })
  })

  it('reports a binding that cannot be loaded', async () => {
    const bogus = join(temp(), 'better_sqlite3.node')
    writeFileSync(bogus, 'not an addon')
    const got = await checkBinding({ runtime: process.execPath, sqliteDir, binding: bogus })
    expect(got.ok).toBe(false)
  })
})

describe('ensureElectronSqlite', () => {
  it('uses the cached build without downloading or building', async () => {
    const root = temp()
    writeFileSync(join(root, 'package.json'), '{"name":"fake"}')
    for (const [name, version] of [
      ['electron', '41.7.1'],
      ['better-sqlite3', '12.11.1'],
    ]) {
      mkdirSync(join(root, 'node_modules', name!), { recursive: true })
      writeFileSync(join(root, 'node_modules', name!, 'package.json'), JSON.stringify({ name, version }))
    }
    const cached = electronSqlitePath(root, { ...target, platform: process.platform, arch: process.arch })
    mkdirSync(dirname(cached), { recursive: true })
    writeFileSync(cached, 'addon')
    const lines: string[] = []
    const got = await ensureElectronSqlite({
      projectRoot: root,
      electronDir: join(root, 'node_modules', 'electron'),
      electronPath: '/nonexistent/electron',
      log: (l) => lines.push(l),
    })
    expect(got).toEqual({ ok: true, path: cached, fresh: false })
    expect(lines).toEqual([])
  })
})
