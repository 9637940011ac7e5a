// The real kubectl for the door's tests: the plain upstream builds kubectl.1.27 ... kubectl.1.33 that sit beside
// the gcloud dispatcher on PATH (toolchain.md), run with a kubeconfig and a discovery cache of the test's own.

import { execFile, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readlinkSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * A path that runs `kubectl.<version>` (beside the kubectl on PATH) under the name `kubectl`, or undefined where
 * there is none. The name matters: kubectl's User-Agent starts with its own file name, and the API server records
 * that prefix as the field manager of a write that names none (scale, cordon, rollout undo): `kubectl`, not
 * `kubectl.1.32`, as on a learner's machine.
 */
export function realKubectl(version: string): string | undefined {
  try {
    const onPath = execFileSync('bash', ['-c', 'readlink -f "$(command -v kubectl)"'], { encoding: 'utf8' }).trim()
    const binary = join(dirname(onPath), `kubectl.${version}`)
    return existsSync(binary) ? namedKubectl(binary, version) : undefined
  } catch {
    return undefined
  }
}

/** A symlink `kubectl` to `binary` in a folder of its own under the system's temporary folder. */
function namedKubectl(binary: string, version: string): string {
  const dir = join(tmpdir(), `podlab-kubectl-${version}-${process.getuid?.() ?? 0}`)
  const link = join(dir, 'kubectl')
  mkdirSync(dir, { recursive: true })
  try {
    symlinkSync(binary, link)
  } catch (e) {
    // Another test file made it first: fine when it points at the same binary.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || readlinkSync(link) !== binary) throw e
  }
  return link
}

export interface Outcome {
  stdout: string
  stderr: string
  code: number
}

/** The environment and leading flags of a run: KUBECONFIG, a HOME and --cache-dir under `work`. */
export function kubectlEnv(work: string, cache: string): { env: NodeJS.ProcessEnv; flags: string[] } {
  return { env: { ...process.env, KUBECONFIG: join(work, 'kubeconfig'), HOME: work }, flags: ['--cache-dir', join(work, cache)] }
}

/** Runs `binary` to its end (asynchronously: the door under test answers in this same process). */
export async function runReal(binary: string, work: string, cache: string, args: string[]): Promise<Outcome> {
  const { env, flags } = kubectlEnv(work, cache)
  try {
    const { stdout, stderr } = await run(binary, [...flags, ...args], { env, timeout: 60_000 })
    return { stdout, stderr, code: 0 }
  } catch (e) {
    const failed = e as { stdout: string; stderr: string; code: number }
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code }
  }
}

/**
 * Runs `binary` with `input` on its stdin (then closed) and `extraEnv` added. `viaScript` runs it under
 * `script -qec` so that it has a terminal (for `-t`); script passes the exit code on.
 */
export function runRealWithInput(
  binary: string,
  work: string,
  cache: string,
  args: string[],
  input: string,
  options: { extraEnv?: NodeJS.ProcessEnv; viaScript?: boolean; timeoutMs?: number } = {},
): Promise<Outcome> {
  const { env, flags } = kubectlEnv(work, cache)
  const argv = [binary, ...flags, ...args]
  const [file, fileArgs] = options.viaScript
    ? ['script', ['-qec', argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' '), '/dev/null']]
    : [binary, argv.slice(1)]
  return new Promise((resolve) => {
    const child = spawn(file as string, fileArgs as string[], { env: { ...env, ...options.extraEnv } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ stdout, stderr, code: code ?? (signal ? 128 : 1) })
    })
    child.stdin.end(input)
  })
}

/** Whether `script` (util-linux) is there to give kubectl a terminal. */
export function hasScript(): boolean {
  try {
    execFileSync('bash', ['-c', 'command -v script'], { encoding: 'utf8' })
    return true
  } catch {
    return false
  }
}
