// The real kubectl for the door's tests: the plain upstream builds kubectl.1.27 ... kubectl.1.33 that sit beside
// the gcloud dispatcher on PATH (toolchain.md), run with a kubeconfig and a discovery cache of the test's own.

import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The path of `kubectl.<version>` beside the kubectl on PATH, or undefined where there is none. */
export function realKubectl(version: string): string | undefined {
  try {
    const onPath = execFileSync('bash', ['-c', 'readlink -f "$(command -v kubectl)"'], { encoding: 'utf8' }).trim()
    const binary = join(dirname(onPath), `kubectl.${version}`)
    return existsSync(binary) ? binary : undefined
  } catch {
    return undefined
  }
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
