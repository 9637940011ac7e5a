// Graceful stop (kuberuntime killPodWithSyncResult / killContainer): `Killing` for each running container, the
// stop signal, then SIGKILL at the end of the grace period for whatever is still running (the runtime's
// StopContainer does both). When every container is gone the pod gets its terminal phase and the kubelet
// removes it from the API (grace 0).

import type { Client } from '../client/client'
import type { RuntimeService } from '../containerd/runtime-service'
import { involved, type EventRecorder } from '../events/recorder'
import type { Pod } from '../api/pods/types'
import { nodeInternalIP, type Node } from '../api/nodes/types'
import type { World } from '../world'
import type { PodActions } from './pod-actions'
import { buildStatus } from './pod-status'
import type { ImageResolver } from '../images'
import { endOf } from './act-on-container'
import { deadOf, historyOf, waitingOf, type ContainerRuntime, type PodRuntime } from './runtime-state'
import { killDeadline, stopOutcome } from './stop-signal'

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
 * once the pod has been removed (its terminal status written, then deleted with grace 0 on its uid). Throws
 * ApiError when the API server refuses either write.
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
): number | undefined | 'gone' {
  const now = world.now()
  const groups = [rt.initContainers ?? {}, rt.containers]
  if (!rt.killing) {
    const deadline = killDeadline(pod, now)
    rt.killing = { startedAt: now, deadline }
    for (const records of groups) for (const [name, c] of Object.entries(records)) records[name] = neverAgain(c)
    for (const kill of actions.containersToKill) {
      const container = (kill.init ? pod.spec.initContainers ?? [] : pod.spec.containers)[kill.index]
      const records = (kill.init ? rt.initContainers : rt.containers) ?? {}
      const c = container && records[container.name]
      if (!container || c?.stage !== 'running') continue
      events.legacy(involved(pod, `spec.containers{${container.name}}`), 'Normal', 'Killing', kill.message, {
        component: 'kubelet',
        host: node.metadata.name ?? '',
      })
      if (c.cri) {
        runtime.stopContainer(node.metadata.name ?? '', c.containerId, deadline - now)
        records[container.name] = { ...c, stopping: { kind: 'pod-deleted' } }
        continue
      }
      const end = stopOutcome(c, images.resolve(c.image ?? container.image ?? ''), now, deadline)
      records[container.name] = { ...c, exit: { at: end.at, code: end.exitCode } }
    }
  }
  const pending: number[] = []
  for (const records of groups) {
    for (const [name, c] of Object.entries(records)) {
      if (c.stage !== 'running') continue
      // A runtime container's end wakes the pod (PLEG); the grace period's end is looked at in case.
      const at = c.exit?.at ?? (c.cri ? rt.killing.deadline : now)
      if (now >= at) records[name] = { stage: 'exited', ...historyOf(c), dead: endOf(c, now) }
      else pending.push(at)
    }
  }
  if (pending.length > 0) return Math.min(...pending)

  // Every container has stopped: report the terminal phase, then let the API server forget the pod.
  client.updateStatus({ ...pod, status: buildStatus(pod, rt, nodeInternalIP(node) ?? '', now, images, true) })
  const uid = pod.metadata.uid
  client.delete('pods', pod.metadata.namespace, pod.metadata.name ?? '', { gracePeriodSeconds: 0, ...(uid ? { preconditions: { uid } } : {}) })
  return 'gone'
}
