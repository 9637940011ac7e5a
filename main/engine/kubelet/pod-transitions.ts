// The kubelet's entries in the container transitions log (transitions.ts) for one pod: each change it makes
// or sees, with its cause. A container's end takes the cause of whoever asked for it (the kubelet's own stop,
// a probe, chaos through expectEnd), else what the runtime says (OOMKilled, or a plain exit).

import type { Pod } from '../api/pods/types'
import type { World } from '../world'
import type { RunningContainer, TerminatedRecord } from './runtime-state'
import { takeExpectedEnd, transitionLog, type ContainerStateName, type TransitionCause } from './transitions'

/** containerd's reason of a record that has none (before issue 8): Completed for 0, Error otherwise. */
export const terminatedReason = (r: TerminatedRecord): string => r.reason ?? (r.exitCode === 0 ? 'Completed' : 'Error')

export class PodTransitions {
  constructor(
    private readonly world: World,
    private readonly pod: Pod,
    private readonly node: string,
  ) {}

  /** One change of `container` (instance `containerId`, '' when none exists) at the world's now. */
  record(container: string, containerId: string, from: ContainerStateName, to: ContainerStateName, reason: string, cause: TransitionCause, exitCode?: number): void {
    transitionLog(this.world).record({
      podUid: this.pod.metadata.uid ?? '',
      namespace: this.pod.metadata.namespace ?? 'default',
      pod: this.pod.metadata.name ?? '',
      container,
      containerId,
      at: this.world.now(),
      from,
      to,
      reason,
      cause,
      ...(exitCode !== undefined ? { exitCode } : {}),
    })
  }

  /**
   * Running `c` has ended as `dead`: `from` (running, or what its status showed while its postStart hook ran)
   * -> terminated, with whoever's cause it was.
   */
  ended(container: string, c: RunningContainer, dead: TerminatedRecord, from: ContainerStateName = 'running'): void {
    const announced = takeExpectedEnd(this.world, this.node, c.containerId)
    const cause: TransitionCause = c.stopping ?? announced ?? (dead.reason === 'OOMKilled' ? { kind: 'oom' } : { kind: 'exited', exitCode: dead.exitCode })
    this.record(container, c.containerId, from, 'terminated', terminatedReason(dead), cause, dead.exitCode)
  }
}
