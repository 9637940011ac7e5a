// What a kubectl run gets from its host and gives back: the engine (its API server), the files it may read,
// and the three things a terminal shows.

import type { Engine } from '../engine/engine'

export interface KubectlIO {
  engine: Engine
  /** Throws when the file does not exist. */
  readFile(path: string): string
  readStdin(): string
}

export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
}

export const ok = (stdout: string, stderr = ''): KubectlResult => ({ stdout, stderr, exitCode: 0 })
export const fail = (stderr: string, stdout = ''): KubectlResult => ({ stdout, stderr, exitCode: 1 })
