// Types for electron-sqlite.mjs (plain JavaScript, because scripts/start.mjs runs under Node without a build).

export interface SqliteTarget {
  sqliteVersion: string
  electronVersion: string
  platform: string
  arch: string
}

export interface GypBuild {
  runtime: 'electron' | 'node'
  target: string
  arch: string
  distUrl?: string
  nodedir?: string
}

type Env = Record<string, string | undefined>

export const ELECTRON_HEADERS_URL: string
export const BUILD_INPUTS: string[]
export const ADDON_IN_PACKAGE: string

export function cacheKey(target: SqliteTarget): string
export function electronSqlitePath(projectRoot: string, target: SqliteTarget): string
export function prebuildInstallArgs(target: Omit<SqliteTarget, 'sqliteVersion'>): string[]
export function nodeGypArgs(build: GypBuild): string[]
export function buildEnv(env: Env, build: GypBuild): Record<string, string>
export function nodeGypCandidates(env: Env, execPath: string, projectRoot: string): string[]
export function buildStarted(output: string): boolean
export function prebuildFailureCause(output: string): string
export function nodeGypFailureCause(output: string): string
export function stopAll(): void
export function runQuiet(
  command: string,
  argv: string[],
  options: { cwd?: string; env?: Env; timeout?: number; onOutput?: (output: string) => void },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string; error?: Error }>
export function copyPackageForBuild(packageDir: string, dest: string): void
export function checkBinding(options: {
  runtime: string
  sqliteDir: string
  binding: string
  env?: Env
}): Promise<{ ok: true; sqliteVersion: string } | { ok: false; reason: string }>
export function downloadPrebuilt(options: {
  dir: string
  prebuildInstallBin: string
  target: SqliteTarget
  env?: Env
  onSlow?: () => void
}): Promise<{ ok: boolean; cause: string }>
export function buildFromSource(options: {
  dir: string
  nodeGyp: string
  build: GypBuild
  env?: Env
  onCompiling?: () => void
}): Promise<{ ok: boolean; cause: string; output: string }>
export function ensureElectronSqlite(options: {
  projectRoot: string
  electronDir: string
  electronPath: string
  env?: Env
  log?: (line: string) => void
}): Promise<{ ok: true; path: string; fresh: boolean } | { ok: false; electronVersion: string; reason: string }>
