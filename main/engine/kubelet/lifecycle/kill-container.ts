// kuberuntime killContainer (kuberuntime_container.go 1.32) after its Killing event: the preStop hook, then
// StopContainer with what is left of the grace period. A preStop that takes time (a `sleep` action, an exec
// running `sleep 5`) holds the stop signal back: the record keeps the planned stop (`stopAt`) and the kubelet
// sends it when the pod is woken then (`sendPlannedStop`). Shared by the pod's deletion (stop-pod.ts) and the
// kills of a sync (act-on-container.ts: a new definition, a failed probe, a failed postStart hook).

import type { Container, Pod } from '../../api/pods/types'
import type { RuntimeService } from '../../containerd/runtime-service'
import type { RunningContainer } from '../runtime-state'
import type { TransitionCause } from '../transitions'
import { PredictedRuntime } from '../predicted-runtime'
import type { HookTarget } from './handlers'
import type { HookEvent } from './post-start'
import { planStop } from './pre-stop'

/** Where the kill happens: the node's runtime, the pod's IP (httpGet hooks), and how events are recorded. */
export interface KillContext {
  runtime: RuntimeService
  node: string
  podIp: string
  newExecId(): string
  record(event: HookEvent): void
}

/**
 * Whether hooks run on `runtime`: not on the predicting runtime (records from before containerd), whose exec
 * always succeeds and whose HTTP always refuses: Podlab does not simulate hooks there.
 */
export function runsHooks(runtime: RuntimeService): boolean {
  return runtime.constructor !== PredictedRuntime
}

/** `container` as the kubelet runs its hooks on `runtime`: without them where they are not simulated. */
export function hooked(runtime: RuntimeService, container: Container): Container {
  if (runsHooks(runtime)) return container
  const { lifecycle: _notSimulated, ...bare } = container
  return bare
}

/** The hook target of container `containerId` in `ctx`. */
export function hookTarget(ctx: KillContext, containerId: string): HookTarget {
  return { runtime: ctx.runtime, node: ctx.node, containerId, podIp: ctx.podIp, newExecId: () => ctx.newExecId() }
}

/**
 * Kills running container `c` of `pod` at `now` (ms) with `graceSeconds`, its end to be recorded with
 * `stopping`: runs the preStop hook (FailedPreStopHook when it fails), then StopContainer at once, or records
 * the stop for when the hook has ended. Returns the record to keep; `killAt` is when SIGKILL comes (ms).
 */
export function killContainer(ctx: KillContext, pod: Pod, container: Container, c: RunningContainer, graceSeconds: number, now: number, stopping: TransitionCause): RunningContainer {
  const plan = planStop(pod, hooked(ctx.runtime, container), hookTarget(ctx, c.containerId), graceSeconds, now)
  for (const e of plan.events) ctx.record(e)
  const killing: RunningContainer = { ...c, stopping, killAt: plan.stopAt + plan.graceMs }
  if (plan.stopAt <= now) {
    ctx.runtime.stopContainer(ctx.node, c.containerId, plan.graceMs)
    return killing
  }
  return { ...killing, stopAt: { at: plan.stopAt, graceMs: plan.graceMs } }
}

/** The preStop hook of `c` has ended: the stop signal now, SIGKILL after the grace left. Returns the record to keep. */
export function sendPlannedStop(runtime: RuntimeService, node: string, c: RunningContainer): RunningContainer {
  if (!c.stopAt) return c
  const { stopAt, ...rest } = c
  runtime.stopContainer(node, c.containerId, stopAt.graceMs)
  return rest
}
