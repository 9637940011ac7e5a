// `podlab kubectl get pods -w`, `logs -f`: a verb that goes on after its first output (KubectlResult.follow)
// follows the cluster as the real kubectl follows a live one, until it ends by itself or the user presses Ctrl+C.
// Time must move for anything to happen: when no other process runs this file's clock, this one runs it in real
// time (and names itself its owner meanwhile, so a `podlab advance` elsewhere does not run it twice); when the
// app or `podlab serve` runs it, this one reads the file for their changes.

import type { HostEngine } from '../engine'
import type { Follow } from '../kubectl/io'
import { holdClock, runningOwner } from '../door/clock-owner'
import { startPolling } from '../door/poll'
import { startRealtime } from '../door/realtime'

/** The shell's exit status of a process stopped by SIGINT (128 + 2), as a terminal shows it after Ctrl+C. */
export const INTERRUPTED_EXIT_CODE = 130

export interface FollowIO {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Settles when the user asks to stop (Ctrl+C). */
  interrupted: Promise<void>
  /**
   * For an interactive follow (`exec -it`): starts handing what the user types to `deliver` ('eof' at Ctrl+D) and
   * returns how to stop. The terminal stays in its own line mode (it echoes and edits; a line goes on Enter).
   */
  stdin?: (deliver: (text: string | 'eof') => void) => () => void
  /** Moves time for the follow and returns how to stop it. Default: startRealtime, or startPolling under another owner. */
  drive?: (engine: HostEngine, owned: boolean) => () => void
}

function defaultDrive(engine: HostEngine, owned: boolean): () => void {
  return owned ? startPolling(engine) : startRealtime(engine)
}

/**
 * Runs `follow` on `engine` until it ends (its exit code) or `io.interrupted` settles (INTERRUPTED_EXIT_CODE).
 * Throws ClockTaken only if another process took the clock between the look and the claim.
 */
export async function followKubectl(engine: HostEngine, follow: Follow, io: FollowIO): Promise<number> {
  // `kubectl edit` waits on its editor: the clock stays as it is (the CLI's is manual) and Ctrl+C is the editor's.
  const waits = follow.waitsOnUser === true
  const owned = runningOwner(engine) !== undefined
  const release = owned || waits ? () => {} : holdClock(engine, 'cli')
  let stopDrive = () => {}
  let stopInput = () => {}
  let stopFollow: (() => void) | undefined
  try {
    return await new Promise<number>((resolve) => {
      let done = false
      const finish = (code: number) => {
        if (done) return
        done = true
        resolve(code)
      }
      stopFollow = follow.start(
        (stream, text) => {
          if (!done) (stream === 'stdout' ? io.stdout : io.stderr)(text)
        },
        finish,
      )
      if (follow.input && io.stdin) stopInput = io.stdin((text) => follow.input!(text))
      if (waits) return
      stopDrive = (io.drive ?? defaultDrive)(engine, owned)
      void io.interrupted.then(() => finish(INTERRUPTED_EXIT_CODE))
    })
  } finally {
    stopInput()
    stopFollow?.()
    stopDrive()
    release()
  }
}
