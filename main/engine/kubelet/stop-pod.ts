// Graceful stop (kuberuntime killPodWithSyncResult / killContainer): `Killing` for each running container, its
// preStop hook (the stop signal waits for it, the grace left after it is at least 2 s), the stop signal, then
// SIGKILL at the end of the grace period for whatever is still running (the runtime's StopContainer does both).
// When every container is gone the pod gets its terminal phase and the kubelet removes it from the API (grace 0);
// an evicted pod (eviction/kill-pod.ts) keeps its Failed/Evicted status and stays in the API, as upstream's
// syncTerminatedPod leaves it for its owner and the pod GC.

import type { Client } from '../client/client'
import type { RuntimeService } from '../containerd/runtime-service'
import { involved, type EventRecorder } from '../events/recorder'
import type { Pod } from '../api/pods/types'
import { nodeInternalIP, type Node } from '../api/nodes/types'
import type { World } from '../world'
import { roleOf, type PodActions } from './pod-actions'
import { buildStatus } from './pod-status'
import { PodTransitions } from './pod-transitions'
import type { ImageResolver } from '../images'
import { endOf, shownState } from './act-on-container'
import { deadOf, historyOf, waitingOf, type ContainerRuntime, type PodRuntime, type RunningContainer } from './runtime-state'
import { killDeadline, MINIMUM_GRACE_SECONDS, stopOutcome } from './stop-signal'
import { hooked, hookTarget, killContainer, sendPlannedStop, type KillContext } from './lifecycle/kill-container'
import { planStop } from './lifecycle/pre-stop'
import { podGraceSeconds } from './lifecycle/post-start'
import { newContainerId } from '../runtime/ids'
import { instantAfterSeconds } from '../runtime/time-range'
import type { Container } from '../api/pods/types'
import { evictedPodStatus, type EvictionRecord } from './eviction/kill-pod'
import { sameJson } from './same-json'

/** Nothing runs: a container waiting for its image, or dead in back-off, is simply not started again. */
function neverAgain(c: ContainerRuntime): ContainerRuntime {
  if (c.stage === 'running' || c.stage === 'exited') return c
  const dead = deadOf(c)
  if (dead) return { stage: 'exited', ...historyOf(c), dead }
  const waiting = waitingOf(c)
  return waiting ? { stage: 'waiting', ...historyOf(c), waiting } : { stage: 'waiting', ...historyOf(c) }
}

/**
 * Carries out `actions` (killPod) for `pod` at the world's now. Returns when to look again (ms), or 'gone'
 * once the pod has been removed (its terminal status written, then deleted with grace 0 on its uid). With
 * `eviction`, the grace period is the eviction's (killContainer's override, at least 2 s) and the pod, once
 * stopped, keeps the eviction's status and is not removed (returns undefined). Throws ApiError when the API
 * server refuses either write.
 */
export function stopPod(
  world: World,
  runtime: RuntimeService,
  client: Client,
  events: EventRecorder,
  pod: Pod,
  rt: PodRuntime,
  node: Node,
  actions: PodActions,
  images: ImageResolver,
  eviction?: EvictionRecord,
): number | undefined | 'gone' {
  const now = world.now()
  const nodeName = node.metadata.name ?? ''
  const groups = [rt.initContainers ?? {}, rt.containers]
  const killCtx = (container: Container): KillContext => ({
    runtime,
    node: nodeName,
    podIp: rt.ip ?? '',
    newExecId: () => newContainerId(world.rng),
    record: (e) => events.legacy(involved(pod, `spec.containers{${container.name}}`), e.type, e.reason, e.message, { component: 'kubelet', host: nodeName }),
  })
  const cause = eviction ? ({ kind: 'evicted' } as const) : ({ kind: 'pod-deleted' } as const)
  // The eviction manager's grace (evictPod), else the deletion's or the pod's.
  const graceSeconds = eviction ? eviction.gracePeriodSeconds : podGraceSeconds(pod)
  // A sidecar's turn: its stop signal with what is left of its grace (its preStop ran when the pod's kill began).
  const stop = (records: Record<string, ContainerRuntime>, name: string, c: RunningContainer, graceMs: number) => {
    runtime.stopContainer(nodeName, c.containerId, graceMs)
    const { stopAt: _turnCame, ...stopped } = c
    records[name] = { ...stopped, stopping: cause, killAt: now + graceMs }
  }
  if (!rt.killing) {
    const deadline = eviction ? instantAfterSeconds(now, Math.max(eviction.gracePeriodSeconds, MINIMUM_GRACE_SECONDS)) : killDeadline(pod, now)
    rt.killing = { startedAt: now, deadline }
    for (const records of groups) for (const [name, c] of Object.entries(records)) records[name] = neverAgain(c)
    const turns: string[] = []
    for (const kill of actions.containersToKill) {
      const container = (kill.init ? pod.spec.initContainers ?? [] : pod.spec.containers)[kill.index]
      const records = (kill.init ? rt.initContainers : rt.containers) ?? {}
      const c = container && records[container.name]
      if (!container || c?.stage !== 'running') continue
      events.legacy(involved(pod, `spec.containers{${container.name}}`), 'Normal', 'Killing', kill.message, {
        component: 'kubelet',
        host: nodeName,
      })
      if (c.cri && kill.init && roleOf(container, true) === 'sidecar') {
        // killContainer runs the preStop hook before waitForTurn: the turn's wait comes out of the grace left.
        const plan = planStop(pod, hooked(runtime, container), hookTarget(killCtx(container), c.containerId), graceSeconds, now)
        for (const e of plan.events) killCtx(container).record(e)
        records[container.name] = { ...c, stopAt: { at: plan.stopAt, graceMs: instantAfterSeconds(plan.stopAt, plan.graceLeftSeconds) - plan.stopAt } }
        turns.push(container.name)
      } else if (c.cri) records[container.name] = killContainer(killCtx(container), pod, container, c, graceSeconds, now, cause)
      else {
        const end = stopOutcome(c, images.resolve(c.image ?? container.image ?? ''), now, deadline)
        records[container.name] = { ...c, exit: { at: end.at, code: end.exitCode }, stopping: cause }
      }
    }
    if (turns.length > 0) rt.killing.turns = turns
  }
  const transitions = new PodTransitions(world, pod, nodeName)
  const inTurns = (records: Record<string, ContainerRuntime>, name: string) => records === rt.initContainers && rt.killing?.turns?.includes(name) === true
  for (const records of groups) {
    for (const [name, found] of Object.entries(records)) {
      if (found.stage !== 'running') continue
      // Its preStop hook has ended: the stop signal goes now (a sidecar's waits for its turn as well).
      const c = found.stopAt && now >= found.stopAt.at && !inTurns(records, name) ? sendPlannedStop(runtime, nodeName, found) : found
      records[name] = c
      // A runtime container's end wakes the pod (PLEG); the end of its grace period is looked at in case.
      const at = c.exit?.at ?? (c.cri ? (c.killAt ?? rt.killing.deadline) : now)
      // A sidecar waiting for its turn has not been asked to stop yet.
      const waitingTurn = inTurns(records, name) && c.exit === undefined
      if (now < at || waitingTurn) continue
      const dead = endOf(c, now)
      // Deleted while its postStart hook ran: it never showed Running.
      transitions.ended(name, c, dead, c.postStart ? shownState(c.postStart.before) : 'running')
      records[name] = { stage: 'exited', ...historyOf(c), dead }
    }
  }
  takeTurns(pod, rt, now, stop)
  const pending: number[] = []
  for (const records of groups) {
    for (const [name, c] of Object.entries(records)) {
      if (c.stage !== 'running') continue
      pending.push(c.exit?.at ?? (c.cri ? (c.killAt ?? rt.killing.deadline) : now))
      // When its preStop hook ends, or (a sidecar) when its wait for its turn runs out.
      if (c.stopAt) pending.push(c.stopAt.at > now || !inTurns(records, name) ? c.stopAt.at : c.stopAt.at + c.stopAt.graceMs)
    }
  }
  if (pending.length > 0) return Math.min(...pending)

  // Every container has stopped: report the terminal phase, then let the API server forget the pod.
  const status = buildStatus(pod, rt, nodeInternalIP(node) ?? '', now, images, true)
  if (eviction) {
    const evicted = evictedPodStatus({ ...pod, status }, eviction, now).status
    if (!sameJson(evicted, pod.status)) client.updateStatus({ ...pod, status: evicted })
    return undefined
  }
  client.updateStatus({ ...pod, status })
  const uid = pod.metadata.uid
  client.delete('pods', pod.metadata.namespace, pod.metadata.name ?? '', { gracePeriodSeconds: 0, ...(uid ? { preconditions: { uid } } : {}) })
  return 'gone'
}

/**
 * kuberuntime's terminationOrdering (SidecarContainers, on in 1.32): a sidecar is stopped once its preStop
 * hook has ended and the app containers and the sidecars after it have ended, or when what its hook left of the
 * grace period has run out waiting; its own grace is what is left in whole seconds (waitForTurn's wait
 * truncated), at least 2 s.
 */
function takeTurns(
  pod: Pod,
  rt: PodRuntime,
  now: number,
  stop: (records: Record<string, ContainerRuntime>, name: string, c: RunningContainer, graceMs: number) => void,
): void {
  const killing = rt.killing
  if (!killing?.turns) return
  const inits = rt.initContainers ?? {}
  const running = (c: ContainerRuntime | undefined) => c?.stage === 'running'
  const order = (pod.spec.initContainers ?? []).map((c) => c.name)
  // The last sidecar goes first: each one's turn depends on those after it.
  for (const name of [...killing.turns].sort((a, b) => order.indexOf(b) - order.indexOf(a))) {
    const c = inits[name]
    // Its wait starts when its preStop hook ends, with the grace the hook left (records before hooks: the pod's).
    const waitFrom = c?.stage === 'running' && c.stopAt ? c.stopAt.at : killing.startedAt
    const budgetMs = c?.stage === 'running' && c.stopAt ? c.stopAt.graceMs : Math.floor((killing.deadline - killing.startedAt) / 1000) * 1000
    if (c?.stage === 'running' && now < waitFrom) continue
    const after = order.slice(order.indexOf(name) + 1)
    const blocked = Object.values(rt.containers).some(running) || after.some((n) => running(inits[n]))
    const timedOut = now >= waitFrom + budgetMs
    if (c?.stage === 'running' && blocked && !timedOut) continue
    killing.turns = killing.turns.filter((n) => n !== name)
    if (c?.stage !== 'running') continue
    const leftS = Math.floor(budgetMs / 1000) - Math.floor((now - waitFrom) / 1000)
    stop(inits, name, c, instantAfterSeconds(now, Math.max(leftS, MINIMUM_GRACE_SECONDS)) - now)
  }
  if (killing.turns.length === 0) delete killing.turns
}
