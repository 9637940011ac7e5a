// The kubelet's look at the runtime at the start of each sync (GetPodStatus): every container it started
// through the RuntimeService and still counts as running is asked for its status, and one that has ended gets
// its end — exit code, reason (Completed, Error, OOMKilled), signal, termination message — in its record, for
// the sync's decisions (pod-actions.ts) to reap. Records from before issue 8 keep their predicted end.

import type { RuntimeService } from '../containerd/runtime-service'
import type { PodRuntime } from './runtime-state'

/** kubelet_pods.go convertToAPIContainerStatuses, for a container the runtime no longer knows. */
export const LOST = {
  code: 137,
  reason: 'ContainerStatusUnknown',
  message: 'The container could not be located when the pod was terminated',
}

/** Reads the end of each running container of `rt` on `node` from `runtime`, at `now` (ms). */
export function observeRuntime(runtime: RuntimeService, node: string, rt: PodRuntime, now: number): void {
  for (const records of [rt.initContainers ?? {}, rt.containers]) {
    for (const c of Object.values(records)) {
      if (c.stage !== 'running' || !c.cri || c.exit !== undefined) continue
      const status = runtime.status(node, c.containerId)
      if (status.state === 'running') continue
      if (status.state === 'unknown') {
        c.exit = { at: now, ...LOST }
        continue
      }
      c.exit = { at: Math.min(status.finishedAt, now), code: status.exitCode, reason: status.reason }
      if (status.signal !== undefined) c.exit.signal = status.signal
      if (status.message !== undefined && status.message !== '') c.exit.message = status.message
    }
  }
}
