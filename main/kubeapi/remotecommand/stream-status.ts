// The Status a remote command ends with on its error stream, JSON as json.Marshal(metav1.Status) writes it (no
// kind or apiVersion: the TypeMeta is empty). Two writers: the kubelet/CRI streaming server, which SPDY clients
// hear directly (pkg/kubelet/cri/streaming/remotecommand/exec.go ServeExec, attach.go ServeAttach, with
// containerd's `error executing command [argv], exit code N`), and the API server's WebSocket StreamTranslator
// (staging/src/k8s.io/apiserver/pkg/util/proxy/streamtranslator.go), which reads the kubelet's Status as a SPDY
// client does and writes its own: `command terminated with non-zero exit code: command terminated with exit code
// N`, and NewInternalError around any other failure (so kubectl 1.30+ prints `Internal error occurred:` twice
// for a command the runtime cannot start, as on a real 1.32 cluster).

/** metav1.Status without TypeMeta, in Go's field order. */
export interface StreamStatus {
  metadata: Record<string, never>
  status: 'Success' | 'Failure'
  message?: string
  reason?: string
  details?: { causes: Array<{ reason?: string; message?: string }> }
  code?: number
}

/** How a remote command ended, before anyone words it. */
export type Outcome =
  | { kind: 'exited'; code: number; command: string[] }
  /** The runtime could not start the command (ExecRefused.runtimeError). */
  | { kind: 'refused'; runtimeError: string }
  /** An attached container's main process ended: ServeAttach reports Success whatever its code. */
  | { kind: 'detached' }

const success = (): StreamStatus => ({ metadata: {}, status: 'Success' })

/** remotecommandconsts.NonZeroExitCodeReason with its ExitCode cause, the exit code in decimal. */
const nonZeroExit = (code: number, message: string): StreamStatus => ({
  metadata: {},
  status: 'Failure',
  message: `command terminated with non-zero exit code: ${message}`,
  reason: 'NonZeroExitCode',
  details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
})

/** apierrors.NewInternalError(err). */
export const internalError = (err: string): StreamStatus => ({
  metadata: {},
  status: 'Failure',
  message: `Internal error occurred: ${err}`,
  reason: 'InternalError',
  details: { causes: [{ message: err }] },
  code: 500,
})

/** Go's %v of a []string: `[sh -c exit 3]`. */
const goList = (items: string[]): string => `[${items.join(' ')}]`

/** What the kubelet writes on the error stream (remotecommand v4+), which a SPDY client reads as is. */
export function kubeletStatus(outcome: Outcome): StreamStatus {
  switch (outcome.kind) {
    case 'exited':
      if (outcome.code === 0) return success()
      return nonZeroExit(outcome.code, `error executing command ${goList(outcome.command)}, exit code ${outcome.code}`)
    case 'refused':
      return internalError(`error executing command in container: ${outcome.runtimeError}`)
    case 'detached':
      return success()
  }
}

/**
 * What the StreamTranslator writes for the kubelet's `status`: client-go's errorDecoderV4 turns it into nil, a
 * CodeExitError (`command terminated with exit code N`) or a plain error of its message, and the translator
 * words each again.
 */
export function translatedStatus(status: StreamStatus): StreamStatus {
  if (status.status === 'Success') return success()
  if (status.reason === 'NonZeroExitCode') {
    const code = Number(status.details?.causes.find((c) => c.reason === 'ExitCode')?.message)
    return nonZeroExit(code, `command terminated with exit code ${code}`)
  }
  return internalError(status.message ?? '')
}
