// killContainer's preStop part (kuberuntime_container.go 1.32, executePreStopHook): when the container has a
// preStop hook and the grace period is above 0, the hook runs first, for at most the grace period; the
// seconds it took (truncated) come off the grace, and whatever is left is at least 2 s
// (minimumGracePeriodInSeconds) — so a hook that used the whole grace period gets 2 s more before SIGKILL.
// A failing hook records FailedPreStopHook (`PreStopHook failed`, the handler's message left out) and the
// stop goes on.

import type { Container, Pod } from '../../api/pods/types'
import { instantAfterSeconds } from '../../runtime/time-range'
import { lifecycleOf } from '../prober/probe-spec'
import { MINIMUM_GRACE_SECONDS } from '../stop-signal'
import { runHandler, type HookTarget } from './handlers'
import type { HookEvent } from './post-start'

export interface StopPlan {
  /** When to send the stop signal (StopContainer), ms. */
  stopAt: number
  /** The grace StopContainer gets from then, ms (SIGKILL at stopAt + graceMs): at least 2 s. */
  graceMs: number
  /** The grace left after the hook before the 2 s floor, s (a sidecar's wait for its turn comes out of it). */
  graceLeftSeconds: number
  events: HookEvent[]
}

/**
 * How `container` is stopped when the kubelet decides to kill it at `now` (ms) with `graceSeconds`
 * (setTerminationGracePeriod's, or a grace override): preStop first, then the stop signal. A grace too long
 * for time.Duration saturates (time-range.ts). Runs the hook (an exec runs in the container); never throws.
 */
export function planStop(pod: Pod, container: Container, target: HookTarget, graceSeconds: number, now: number): StopPlan {
  let grace = graceSeconds
  const events: HookEvent[] = []
  let stopAt = now
  const hook = lifecycleOf(container)?.preStop
  if (hook && grace > 0) {
    const got = runHandler(hook, pod, container, target, now, instantAfterSeconds(now, grace) - now)
    if (got.failed) events.push({ type: 'Warning', reason: 'FailedPreStopHook', message: 'PreStopHook failed' })
    stopAt = now + got.tookMs
    grace -= Math.trunc(got.tookMs / 1000)
  }
  return { stopAt, graceMs: instantAfterSeconds(stopAt, Math.max(grace, MINIMUM_GRACE_SECONDS)) - stopAt, graceLeftSeconds: grace, events }
}
