// The postStart hook as kuberuntime startContainer runs it (step 4, kuberuntime_container.go 1.32): right
// after the container starts; the container is not Running (its status stays Waiting) until the hook ends.
// A failing hook: a FailedPostStartHook event whose text leaves the handler's message out (so secrets do not
// leak), the container killed with the message `FailedPostStartHook` (its Killing event) under the pod's
// grace, and the start failing with PostStartHookError (the message is the handler's).

import type { Container, Pod } from '../../api/pods/types'
import { lifecycleOf } from '../prober/probe-spec'
import { runHandler, type HookTarget } from './handlers'

export interface HookEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
}

export type PostStartResult =
  | { kind: 'none' }
  /** The hook ended well at `doneAt` (ms): Running from then on. */
  | { kind: 'done'; doneAt: number }
  /** The hook failed at `doneAt`: record `events`, kill the container (message and grace), show `waiting`. */
  | {
      kind: 'failed'
      doneAt: number
      events: HookEvent[]
      kill: { message: string; graceSeconds: number }
      waiting: { reason: 'PostStartHookError'; message: string }
    }

/** killContainer's grace for a kill that no probe asked for: the deletion's, the pod's, or 2 (seconds). */
export function podGraceSeconds(pod: Pod): number {
  return pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 2
}

/** Runs `container`'s postStart hook (if any) in the container just started at `startedAt` (ms). */
export function runPostStart(pod: Pod, container: Container, target: HookTarget, startedAt: number): PostStartResult {
  const hook = lifecycleOf(container)?.postStart
  if (!hook) return { kind: 'none' }
  const got = runHandler(hook, pod, container, target, startedAt)
  const doneAt = startedAt + got.tookMs
  if (!got.failed) return { kind: 'done', doneAt }
  return {
    kind: 'failed',
    doneAt,
    events: [{ type: 'Warning', reason: 'FailedPostStartHook', message: 'PostStartHook failed' }],
    kill: { message: 'FailedPostStartHook', graceSeconds: podGraceSeconds(pod) },
    waiting: { reason: 'PostStartHookError', message: got.message },
  }
}
