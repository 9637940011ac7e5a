// What stopping a running container looks like: the runtime sends the image's stop signal, the process ends
// as the image does on it (nginx: SIGQUIT, gone in a moment with exit 0; sleep as PID 1 ignores SIGTERM), and
// SIGKILL ends whatever still runs when the grace period is over (exit 137 = 128 + 9).

import type { Pod } from '../api/pods/types'
import { instantAfterSeconds } from '../runtime/time-range'
import type { ResolvedImage } from '../images'
import type { RunningContainer } from './runtime-state'

const KILLED = 137
/** kuberuntime minimumGracePeriodInSeconds: "always give containers a minimal shutdown window". */
export const MINIMUM_GRACE_SECONDS = 2

/**
 * When SIGKILL comes for a container of `pod` asked to stop at `now` (ms): kuberuntime_container.go killContainer
 * takes deletionGracePeriodSeconds, else spec.terminationGracePeriodSeconds, and at least 2 s. An int64 grace
 * longer than time.Duration's range saturates there (see time-range.ts), so the instant stays representable.
 */
export function killDeadline(pod: Pod, now: number): number {
  const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? MINIMUM_GRACE_SECONDS
  return instantAfterSeconds(now, Math.max(grace, MINIMUM_GRACE_SECONDS))
}

/** When the container `c` (running `image`) ends if asked to stop at `now`, given the grace period's end (ms). */
export function stopOutcome(c: RunningContainer, image: ResolvedImage, now: number, deadline: number): { at: number; exitCode: number } {
  const onStop = image.found?.onStop ?? { kind: 'ignores' }
  const graceful = onStop.kind === 'exits' ? now + onStop.afterMs : Number.POSITIVE_INFINITY
  const selfExit = c.exit?.at ?? Number.POSITIVE_INFINITY
  const at = Math.min(graceful, selfExit, Math.max(deadline, now))
  if (at === selfExit) return { at, exitCode: c.exit?.code ?? 0 }
  if (at === graceful && onStop.kind === 'exits') return { at, exitCode: onStop.exitCode }
  return { at, exitCode: KILLED }
}
