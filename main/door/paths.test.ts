import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultClusterPath, userDataDir, type PlatformInfo } from './paths'

describe('defaultClusterPath', () => {
  it('is cluster.podlab in the user data folder', () => {
    expect(defaultClusterPath('/home/kim/.config/Podlab')).toBe(join('/home/kim/.config/Podlab', 'cluster.podlab'))
  })
})

describe('userDataDir (Electron app.getPath("userData") for Podlab)', () => {
  const cases: Array<[string, PlatformInfo, string]> = [
    ['linux', { platform: 'linux', env: {}, homedir: '/home/kim' }, '/home/kim/.config/Podlab'],
    ['linux with XDG_CONFIG_HOME', { platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg' }, homedir: '/home/kim' }, '/xdg/Podlab'],
    ['macOS', { platform: 'darwin', env: {}, homedir: '/Users/kim' }, '/Users/kim/Library/Application Support/Podlab'],
    [
      'windows',
      { platform: 'win32', env: { APPDATA: 'C:\\Users\\kim\\AppData\\Roaming' }, homedir: 'C:\\Users\\kim' },
      'C:\\Users\\kim\\AppData\\Roaming\\Podlab',
    ],
    ['windows without APPDATA', { platform: 'win32', env: {}, homedir: 'C:\\Users\\kim' }, 'C:\\Users\\kim\\AppData\\Roaming\\Podlab'],
  ]
  it.each(cases)('%s', (_name, info, want) => {
    expect(userDataDir(info)).toBe(want)
  })
})
