// containerd's and runc's words for a process that cannot be started, as the kubelet passes them on: the
// container's StartError message (its status's terminated.message) and an exec's failure (kubectl exec, exec
// probes). runc resolves argv[0] with Go's exec.LookPath, hence `exec: "foo": executable file not found in $PATH`.

import { createHash } from 'node:crypto'
import type { Errno } from '../process/errno'

/** runc's error for argv[0] failing with `errno` (LookPath's, or execve's). */
function lookPathError(name: string, errno: Errno): string {
  if (!name.includes('/')) return `exec: "${name}": executable file not found in $PATH`
  switch (errno) {
    case 'ENOENT':
      return `exec: "${name}": stat ${name}: no such file or directory`
    case 'ENOTDIR':
      return `exec: "${name}": stat ${name}: not a directory`
    case 'EACCES':
      return `exec: "${name}": permission denied`
    default:
      return `exec ${name}: exec format error`
  }
}

/** The StartError message of a container whose PID 1 could not start (argv undefined: no command at all). */
export function startErrorMessage(argv: string[] | undefined, errno: Errno): string {
  if (argv === undefined) return 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: no command specified: unknown'
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${lookPathError(argv[0] ?? '', errno)}: unknown`
}

/** containerd's exec id for a session: 64 hex digits, derived from it so that a replay says the same. */
export function execId(session: string): string {
  return createHash('sha256').update(session).digest('hex')
}

/** containerd's ExecSync / Exec error (before the kubelet and the API server wrap it). */
export function execErrorMessage(session: string, argv: string[], errno: Errno, stopped: boolean): string {
  if (stopped) return 'failed to exec in container: container is in CONTAINER_EXITED state'
  return `failed to exec in container: failed to start exec "${execId(session)}": OCI runtime exec failed: exec failed: unable to start container process: ${lookPathError(argv[0] ?? '', errno)}: unknown`
}
