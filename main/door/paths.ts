// Where a user's cluster lives. The desktop app and the `podlab` CLI must agree, so that `podlab kubectl get
// pods` in a shell sees the cluster the window shows. Pure: the Electron entry passes app.getPath('userData');
// the CLI computes the same folder with userDataDir, which follows Electron's rule for an app named Podlab.

import { join, win32, posix } from 'node:path'

export const APP_NAME = 'Podlab'
export const CLUSTER_FILE_NAME = 'cluster.podlab'

/** The default cluster file inside a user data folder. */
export function defaultClusterPath(userDataDir: string): string {
  return join(userDataDir, CLUSTER_FILE_NAME)
}

export interface PlatformInfo {
  platform: NodeJS.Platform
  env: Record<string, string | undefined>
  homedir: string
}

/**
 * Electron's app.getPath('userData') for productName Podlab, without Electron: appData + '/Podlab', where appData
 * is $XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on macOS, %APPDATA% on Windows.
 */
export function userDataDir({ platform, env, homedir }: PlatformInfo): string {
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(homedir, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return posix.join(homedir, 'Library', 'Application Support', APP_NAME)
  return posix.join(env.XDG_CONFIG_HOME || posix.join(homedir, '.config'), APP_NAME)
}
