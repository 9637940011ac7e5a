// The fuses, checked on synthetic binaries: a file carrying @electron/fuses' sentinel and a fuse wire laid out
// as in Electron (sentinel, wire version 1, wire length, one byte per fuse: '0' off, '1' on, 'r' removed).
// No Electron binary exists on the build machines; the real @electron/fuses reads and rewrites these files.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, readlinkSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as electronFuses from '@electron/fuses'
import { SENTINEL } from '@electron/fuses/dist/constants.js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PODLAB_FUSES, fuseConfig, hardenedElectron, hardenedElectronDir, setFuses } from './electron-fuses.mjs'

// Electron 41's defaults for the first eight fuses (RunAsNode on, cookie encryption off, NODE_OPTIONS on,
// --inspect on, asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on), plus a
// ninth fuse this @electron/fuses does not know.
const ELECTRON_DEFAULT_WIRE = '10110001' + '1'

function fakeBinary(wire = ELECTRON_DEFAULT_WIRE): Buffer {
  const head = Buffer.from('\x7fELF...code...')
  const tail = Buffer.from('...more code...')
  return Buffer.concat([head, Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire, 'latin1'), tail])
}

/** The wire bytes of a synthetic binary, as a string of '0', '1', 'r'. */
function wireOf(file: string): string {
  const bytes = readFileSync(file)
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length
  return bytes.subarray(at + 2, at + 2 + bytes[at + 1]!).toString('latin1')
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'podlab-fuses-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('PODLAB_FUSES', () => {
  it('turns off Node modes and file:// privileges, turns on cookie encryption, leaves the asar fuses to packaging', () => {
    expect(PODLAB_FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      GrantFileProtocolExtraPrivileges: false,
    })
  })

  it("becomes @electron/fuses' V1 config, re-signed ad hoc on Apple silicon only", () => {
    const { FuseV1Options: O } = electronFuses
    expect(fuseConfig('linux', 'x64')).toEqual({
      version: '1',
      [O.RunAsNode]: false,
      [O.EnableCookieEncryption]: true,
      [O.EnableNodeOptionsEnvironmentVariable]: false,
      [O.EnableNodeCliInspectArguments]: false,
      [O.GrantFileProtocolExtraPrivileges]: false,
    })
    expect(fuseConfig('darwin', 'arm64')).toMatchObject({ resetAdHocDarwinSignature: true })
    expect(fuseConfig('darwin', 'x64')).not.toHaveProperty('resetAdHocDarwinSignature')
    expect(fuseConfig('win32', 'arm64')).not.toHaveProperty('resetAdHocDarwinSignature')
  })
})

describe('setFuses', () => {
  it('flips the fuse wire of a binary with Electron defaults, and only the fuses asked for', async () => {
    const file = join(dir, 'electron')
    writeFileSync(file, fakeBinary())
    const { flipped } = await setFuses(file, { platform: 'linux', arch: 'x64' })
    expect(flipped.sort()).toEqual(
      ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'GrantFileProtocolExtraPrivileges'].sort(),
    )
    // RunAsNode 0, cookies 1, NODE_OPTIONS 0, inspect 0, integrity 0 (kept), only-asar 0 (kept), snapshot 0 (kept),
    // file privileges 0, the unknown ninth fuse kept.
    expect(wireOf(file)).toBe('01000000' + '1')
    // Nothing else in the file changed.
    expect(readFileSync(file).equals(fakeBinary('01000000' + '1'))).toBe(true)
  })

  it('reads the wire first and does not rewrite a binary already set (idempotent)', async () => {
    const file = join(dir, 'electron')
    writeFileSync(file, fakeBinary('01000000' + '1'))
    const lib = { getCurrentFuseWire: vi.fn(electronFuses.getCurrentFuseWire), flipFuses: vi.fn(electronFuses.flipFuses) }
    expect(await setFuses(file, { lib, platform: 'darwin', arch: 'arm64' })).toEqual({ flipped: [] })
    expect(lib.getCurrentFuseWire).toHaveBeenCalledWith(file)
    expect(lib.flipFuses).not.toHaveBeenCalled()
  })

  it('counts a fuse the binary marks as removed as set', async () => {
    const file = join(dir, 'electron')
    writeFileSync(file, fakeBinary('r1000000'))
    expect(await setFuses(file)).toEqual({ flipped: [] })
  })

  it('passes the config (with the macOS re-signing flag on Apple silicon) to flipFuses', async () => {
    const lib = {
      getCurrentFuseWire: vi.fn<(path: string) => Promise<Record<string, unknown>>>(),
      flipFuses: vi.fn(async () => 1),
    }
    lib.getCurrentFuseWire.mockResolvedValueOnce({ version: '1', 0: 49, 1: 48, 2: 49, 3: 49, 7: 49 })
    lib.getCurrentFuseWire.mockResolvedValueOnce({ version: '1', 0: 48, 1: 49, 2: 48, 3: 48, 7: 48 })
    await setFuses('/x/Electron.app/Contents/MacOS/Electron', { lib, platform: 'darwin', arch: 'arm64' })
    expect(lib.flipFuses).toHaveBeenCalledWith('/x/Electron.app/Contents/MacOS/Electron', fuseConfig('darwin', 'arm64'))
  })

  it('fails when the fuses did not take', async () => {
    const lib = {
      getCurrentFuseWire: vi.fn(async () => ({ version: '1', 0: 49, 1: 48, 2: 49, 3: 49, 7: 49 }) as Record<string, unknown>),
      flipFuses: vi.fn(async () => 1),
    }
    await expect(setFuses('/x/electron', { lib })).rejects.toThrow(/did not take/)
  })

  it('refuses a file without the sentinel (not an Electron binary)', async () => {
    const file = join(dir, 'electron')
    writeFileSync(file, 'just some bytes')
    await expect(setFuses(file)).rejects.toThrow(/sentinel/)
  })
})

describe('hardenedElectron', () => {
  function fakeElectronPackage(): { electronDir: string; dist: string; executable: string } {
    const electronDir = join(dir, 'node_modules', 'electron')
    const dist = join(electronDir, 'dist')
    mkdirSync(join(dist, 'locales'), { recursive: true })
    writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ version: '41.7.1' }))
    writeFileSync(join(dist, 'electron'), fakeBinary())
    writeFileSync(join(dist, 'locales', 'en-US.pak'), 'pak')
    symlinkSync('locales/en-US.pak', join(dist, 'default.pak'))
    return { electronDir, dist, executable: 'electron' }
  }

  it('launches a fused copy and leaves the downloaded binary as it came', async () => {
    const binary = fakeElectronPackage()
    const lines: string[] = []
    const got = await hardenedElectron({ projectRoot: dir, binary, platform: 'linux', arch: 'x64', log: (l) => lines.push(l) })
    expect(lines).toEqual(['Copying Electron 41.7.1 to set its fuses (first start only)...'])
    const copy = hardenedElectronDir(dir, { version: '41.7.1', platform: 'linux', arch: 'x64' })
    expect(got).toEqual({ ok: true, path: join(copy, 'electron'), flipped: expect.arrayContaining(['RunAsNode']), copied: true })
    expect(wireOf(join(copy, 'electron'))).toBe('01000000' + '1')
    expect(wireOf(join(binary.dist, 'electron'))).toBe(ELECTRON_DEFAULT_WIRE)
    expect(readFileSync(join(copy, 'locales', 'en-US.pak'), 'utf8')).toBe('pak')
    expect(readlinkSync(join(copy, 'default.pak'))).toBe('locales/en-US.pak')
    expect(existsSync(`${copy}.${process.pid}.partial`)).toBe(false)
  })

  it('reuses the copy on later starts, re-setting a fuse someone turned back on', async () => {
    const binary = fakeElectronPackage()
    await hardenedElectron({ projectRoot: dir, binary })
    const copy = hardenedElectronDir(dir, { version: '41.7.1' })
    const lines: string[] = []
    expect(await hardenedElectron({ projectRoot: dir, binary, log: (l) => lines.push(l) })).toMatchObject({ ok: true, flipped: [], copied: false })
    expect(lines).toEqual([])
    writeFileSync(join(copy, 'electron'), fakeBinary('11000000' + '1'))
    expect(await hardenedElectron({ projectRoot: dir, binary })).toMatchObject({ ok: true, flipped: ['RunAsNode'], copied: false })
    expect(wireOf(join(copy, 'electron'))).toBe('01000000' + '1')
  })

  it('says why, and leaves no copy behind, when the binary cannot be fused', async () => {
    const binary = fakeElectronPackage()
    writeFileSync(join(binary.dist, 'electron'), 'no sentinel here')
    const got = await hardenedElectron({ projectRoot: dir, binary })
    expect(got).toMatchObject({ ok: false, reason: expect.stringMatching(/sentinel/) })
    const copy = hardenedElectronDir(dir, { version: '41.7.1' })
    expect(existsSync(copy)).toBe(false)
    expect(existsSync(`${copy}.${process.pid}.partial`)).toBe(false)
  })
})
