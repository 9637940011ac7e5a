// Types for electron-binary.mjs (plain JavaScript, because scripts/start.mjs runs under Node without a build).

export type ElectronBinary =
  /** `path` is `executable` (path.txt's words: electron, electron.exe, Electron.app/Contents/MacOS/Electron) inside `dist`. */
  | { ok: true; electronDir: string; path: string; dist: string; executable: string }
  | { ok: false; electronDir?: string; reason: string }

export interface BinaryFs {
  exists(path: string): boolean
  readText(path: string): string
  env: Record<string, string | undefined>
}

export function electronBinaryAt(electronDir: string, fs: BinaryFs): ElectronBinary
export function findElectronBinary(projectRoot: string, env?: Record<string, string | undefined>): ElectronBinary
