import { mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronBinaryAt, findElectronBinary } from './electron-binary.mjs'

const dir = join('/nm', 'electron')

function fakeFs(files: Record<string, string>, env: Record<string, string | undefined> = {}) {
  return { exists: (p: string) => p in files, readText: (p: string) => files[p] ?? '', env }
}

describe('electronBinaryAt', () => {
  it('finds dist/<path.txt>', () => {
    const fs = fakeFs({ [join(dir, 'path.txt')]: 'electron', [join(dir, 'dist', 'electron')]: '' })
    expect(electronBinaryAt(dir, fs)).toEqual({
      ok: true,
      electronDir: dir,
      path: join(dir, 'dist', 'electron'),
      dist: join(dir, 'dist'),
      executable: 'electron',
    })
  })

  it('reads macOS-style paths and tolerates a trailing newline', () => {
    const exe = 'Electron.app/Contents/MacOS/Electron'
    const fs = fakeFs({ [join(dir, 'path.txt')]: `${exe}\n`, [join(dir, 'dist', exe)]: '' })
    expect(electronBinaryAt(dir, fs)).toMatchObject({ ok: true, path: join(dir, 'dist', exe) })
  })

  it.each([
    ['no path.txt (postinstall skipped: the usual case here)', {}, /no .*path\.txt/],
    ['an empty path.txt', { [join(dir, 'path.txt')]: '' }, /is empty/],
    ['path.txt but no binary (interrupted download)', { [join(dir, 'path.txt')]: 'electron' }, /no .*dist.*electron/],
  ])('reports %s', (_name, files, reason) => {
    const got = electronBinaryAt(dir, fakeFs(files))
    expect(got.ok).toBe(false)
    if (!got.ok) expect(got.reason).toMatch(reason)
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron itself does', () => {
    const fs = fakeFs({ [join(dir, 'path.txt')]: 'electron', [join('/opt/e', 'electron')]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' })
    expect(electronBinaryAt(dir, fs)).toMatchObject({ ok: true, path: join('/opt/e', 'electron') })
  })
})

describe('findElectronBinary', () => {
  it('says so when the electron package itself is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'podlab-nobin-'))
    try {
      expect(findElectronBinary(empty)).toEqual({ ok: false, reason: 'the electron package is not installed (run npm ci)' })
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('resolves the project copy of electron', () => {
    const got = findElectronBinary(join(__dirname, '..'))
    // Compared as real paths: node_modules may be a symbolic link (a git worktree sharing another's).
    expect(realpathSync(got.electronDir!)).toBe(realpathSync(join(__dirname, '..', 'node_modules', 'electron')))
  })
})
