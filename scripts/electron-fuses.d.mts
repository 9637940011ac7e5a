// Types for electron-fuses.mjs (plain JavaScript, because scripts/start.mjs runs under Node without a build).

export interface FusesLib {
  getCurrentFuseWire(path: string): Promise<Record<string, unknown>>
  flipFuses(path: string, config: Record<string, unknown>): Promise<number>
}

export const PODLAB_FUSES: Readonly<Record<string, boolean>>
export function fuseConfig(platform?: string, arch?: string): Record<string, unknown>
export function fusesToFlip(binaryPath: string, lib: Pick<FusesLib, 'getCurrentFuseWire'>): Promise<string[]>
export function setFuses(
  binaryPath: string,
  options?: { lib?: FusesLib; platform?: string; arch?: string },
): Promise<{ flipped: string[] }>
export function hardenedElectronDir(projectRoot: string, target: { version: string; platform?: string; arch?: string }): string
export function hardenedElectron(options: {
  projectRoot: string
  binary: { electronDir: string; dist: string; executable: string }
  lib?: FusesLib
  platform?: string
  arch?: string
  log?: (line: string) => void
}): Promise<{ ok: true; path: string; flipped: string[]; copied: boolean } | { ok: false; reason: string }>
