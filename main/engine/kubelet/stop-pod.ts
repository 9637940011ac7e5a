// Graceful stop (kuberuntime killContainer): `Killing` for each running container, the stop signal, then
// SIGKILL at the end of the grace period for whatever is still running. When every container is gone the pod
// gets its terminal phase and the kubelet removes it from the API (grace 0).

import type { KubeObject } from '../../contract'
import { involved, type EventRecorder } from '../events/recorder'
import type { Pod } from '../api/pods/types'
import { nodeInternalIP, type Node } from '../api/nodes/types'
import type { World } from '../world'
import { buildStatus } from './pod-status'
import type { PodRuntime } from './runtime-state'
import { killDeadline, stopOutcome } from './stop-signal'

/** Returns when to look again, or 'gone' once the pod has been removed. */
export function stopPod(world: World, events: EventRecorder, pod: Pod, rt: PodRuntime, node: Node): number | undefined | 'gone' {
  const now = world.now()
  if (!rt.killing) {
    const deadline = killDeadline(pod, now)
    rt.killing = { startedAt: now, deadline }
    const all = [
      ...(pod.spec.initContainers ?? []).map((spec) => ({ spec, c: rt.initContainers?.[spec.name] })),
      ...pod.spec.containers.map((spec) => ({ spec, c: rt.containers[spec.name] })),
    ]
    for (const { spec: container, c } of all) {
      if (!c) continue
      if (c.stage !== 'running') {
        // Nothing runs: a container waiting for its image, or dead in back-off, is simply not started again.
        if (c.stage !== 'exited') c.stage = c.dead ? 'exited' : 'waiting'
        continue
      }
      events.legacy(involved(pod, `spec.containers{${container.name}}`), 'Normal', 'Killing', `Stopping container ${container.name}`, {
        component: 'kubelet',
        host: node.metadata.name ?? '',
      })
      const end = stopOutcome(c, c.image ?? container.image ?? '', now, deadline)
      c.exitAt = end.at
      c.exitCode = end.exitCode
    }
  }
  const records = [...Object.values(rt.initContainers ?? {}), ...Object.values(rt.containers)]
  for (const c of records) {
    if (c.stage === 'running' && now >= (c.exitAt ?? now)) {
      c.dead = { exitCode: c.exitCode ?? 0, startedAt: c.startedAt ?? now, finishedAt: now, containerId: c.containerId ?? '' }
      c.stage = 'exited'
    }
  }
  const pending = records
    .filter((c) => c.stage === 'running')
    .map((c) => c.exitAt ?? now)
  if (pending.length > 0) return Math.min(...pending)

  // Every container has stopped: report the terminal phase, then let the API server forget the pod.
  const final = world.write('MODIFIED', 'pods', { ...pod, status: buildStatus(pod, rt, nodeInternalIP(node) ?? '', now, true) })
  world.write('DELETED', 'pods', final as KubeObject)
  return 'gone'
}
