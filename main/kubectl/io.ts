// What a kubectl run gets from its host and gives back: the engine (its API server), the files it may read,
// and the three things a terminal shows.

import type { Engine } from '../engine'

export interface KubectlIO {
  engine: Engine
  /** Throws when the file does not exist, and InputTooLarge past the API server's request size. */
  readFile(path: string): string
  /** Throws InputTooLarge past the API server's request size. */
  readStdin(): string
  /**
   * The door's kubeconfig (cmd/config/kubeconfig.ts): its one context `podlab`, whose namespace every verb uses
   * without -n and `config set-context --current --namespace` changes. A door without one runs in `default`
   * and cannot change it.
   */
  kubeconfig?: KubeconfigStore
}

/** The kubeconfig a door keeps for its kubectl (Podlab's one context, `podlab`). */
export interface KubeconfigStore {
  /** The API server's URL as the kubeconfig names it, and the context's namespace ('' when none is set). */
  read(): { server: string; namespace: string }
  setNamespace(namespace: string): void
}

export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
  /**
   * A verb that goes on after its first output (`get -w`, `logs -f`, `exec -it`, `wait`): the host prints
   * stdout/stderr, then starts this while its clock runs, and stops it on Ctrl+C. `exitCode` is then the code of
   * a follow stopped by the user; one that ends by itself says its own.
   */
  follow?: Follow
}

/** Output of a following verb as the cluster changes (the host runs the clock: real time, or a test's steps). */
export interface Follow {
  /**
   * Begins following: `write` gets each later piece of output; `end` is called at most once when the verb is done
   * by itself (a `logs -f` whose container ended, a `wait` whose condition is met). Returns the stop function the
   * host calls on Ctrl+C (after which `write` and `end` are never called).
   */
  start(write: (stream: 'stdout' | 'stderr', text: string) => void, end: (exitCode: number) => void): () => void
  /** An interactive follow (`exec -it`): what the user types after start, or 'eof' (Ctrl+D). */
  input?(text: string | 'eof'): void
}

export const ok = (stdout: string, stderr = ''): KubectlResult => ({ stdout, stderr, exitCode: 0 })
export const fail = (stderr: string, stdout = ''): KubectlResult => ({ stdout, stderr, exitCode: 1 })

/**
 * A manifest larger than the API server takes in one request body (apiserver handlers/rest.go limitedReadBody:
 * `Request entity too large: limit is 3145728`); thrown by a KubectlIO reader, which stops at `limitBytes` + 1.
 */
export class InputTooLarge extends Error {
  readonly reason = 'RequestEntityTooLarge' as const
  constructor(readonly limitBytes: number) {
    super(`Request entity too large: limit is ${limitBytes}`)
    this.name = 'InputTooLarge'
  }
}
