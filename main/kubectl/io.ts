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
   * The names of the regular files directly inside `path` when it is a directory (any order), undefined when it
   * is not one or the host has no files (the console): `-f DIR` reads the directory's manifests.
   */
  listDirectory?(path: string): string[] | undefined
  /**
   * The host's stdin is a terminal the user types into (the in-app console, `podlab kubectl` on a tty), so that
   * `exec -it` can open an interactive session; otherwise (a pipe, a test) `-t` is refused as kubectl refuses it.
   */
  terminal?: boolean
  /**
   * The door's kubeconfig (cmd/config/kubeconfig.ts): its one context `podlab`, whose namespace every verb uses
   * without -n and `config set-context --current --namespace` changes. A door without one runs in `default`
   * and cannot change it.
   */
  kubeconfig?: KubeconfigStore
  /**
   * The host's editor, for `kubectl edit` (cmd/util/editor editor.go LaunchTempFile): shows `text` to the user
   * in a temporary file named after `fileName` (os.CreateTemp's pattern, `kubectl-edit-*.yaml` or `.json`: the
   * `*` becomes a random number) and resolves with what they saved and where, once they are done; null when
   * they cancelled without saving (the console's Cancel or Escape). The file stays until `remove` (kubectl
   * keeps it when the edit failed, to say where the changes are). Rejects with EditorFailed when the editor
   * could not run or failed. A host without one (a test, a pipe) leaves it out: `edit` then says so.
   */
  editor?(text: string, fileName: string): Promise<EditedFile | null>
  /** The host's environment variables, where it has any (`podlab kubectl`): `kubectl diff` reads KUBECTL_EXTERNAL_DIFF. */
  env?: Readonly<Record<string, string | undefined>>
}

/** What the user saved in the editor: the file's text (bytes as UTF-8) and its path ('' for a host without files). */
export interface EditedFile {
  text: string
  path: string
  /** Deletes the temporary file (nothing for a host without files). */
  remove(): void
}

/**
 * The editor did not run or did not end well (editor.go Launch): `unable to launch the editor "vi"` when its
 * program was not found, `there was a problem with the editor "vi"` when it failed.
 */
export class EditorFailed extends Error {
  constructor(
    readonly reason: 'EditorNotFound' | 'EditorError',
    message: string,
  ) {
    super(message)
    this.name = 'EditorFailed'
  }
}

/** The kubeconfig a door keeps for its kubectl (Podlab's one context, `podlab`). */
export interface KubeconfigStore {
  /** The API server's URL as the kubeconfig names it, and the context's namespace ('' when none is set). */
  read(): { server: string; namespace: string }
  /** Throws RangeError for a namespace the store will not keep (its message says why). */
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
  /**
   * Both streams in the order kubectl wrote them, when that is not "stdout, then stderr" (`delete --force`: its
   * warning comes first). A host that shows both streams in one place prints these (writeResult).
   */
  interleaved?: Array<{ stream: 'stdout' | 'stderr'; text: string }>
}

/** Shows `result` as a terminal would: in the order it was written. */
export function writeResult(result: KubectlResult, write: (stream: 'stdout' | 'stderr', text: string) => void): void {
  const chunks = result.interleaved ?? [
    { stream: 'stdout' as const, text: result.stdout },
    { stream: 'stderr' as const, text: result.stderr },
  ]
  for (const c of chunks) if (c.text !== '') write(c.stream, c.text)
}

/** A verb's output written to two streams in order; `result` keeps each stream's text and the order. */
export class OrderedOutput {
  private readonly chunks: Array<{ stream: 'stdout' | 'stderr'; text: string }> = []

  out(text: string): void {
    if (text !== '') this.chunks.push({ stream: 'stdout', text })
  }

  err(text: string): void {
    if (text !== '') this.chunks.push({ stream: 'stderr', text })
  }

  /** The result; `interleaved` only when some stderr came before stdout that followed it. */
  result(exitCode: number): KubectlResult {
    const of = (stream: 'stdout' | 'stderr') => this.chunks.filter((c) => c.stream === stream).map((c) => c.text).join('')
    const firstErr = this.chunks.findIndex((c) => c.stream === 'stderr')
    const outAfterErr = firstErr >= 0 && this.chunks.slice(firstErr).some((c) => c.stream === 'stdout')
    const result: KubectlResult = { stdout: of('stdout'), stderr: of('stderr'), exitCode }
    if (outAfterErr) result.interleaved = [...this.chunks]
    return result
  }
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
  /**
   * The follow waits on the user, not on the cluster (`kubectl edit` while the editor is open): a host need not
   * run the clock for it, and leaves Ctrl+C to the editor, as kubectl does (term.TTY.Safe).
   */
  waitsOnUser?: true
}

/**
 * A follow the user types into (`kubectl exec -it POD -- sh`): the host passes each keystroke or pasted text as
 * it comes (a TTY session echoes and edits lines itself), and `eof` for Ctrl-D, which closes the session's stdin.
 * Input after the end is dropped. The stop function closes the session (its process gets SIGHUP).
 */
export interface Interactive extends Follow {
  input(text: string | 'eof'): void
}

export const isInteractive = (follow: Follow): follow is Interactive => 'input' in follow

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
