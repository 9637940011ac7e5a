// Chaos through containerd: a signal is RuntimeService.signal (from outside the container's namespace: only
// what the program handles, and SIGKILL, have an effect on PID 1). The OOM kill is the kernel's, as when the
// container's memory cgroup overflows: the container is marked oomKilled and its PID 1 gets SIGKILL from the
// kernel, so it ends with 137 and reason OOMKilled.

import type { Containerd } from '../containerd/containerd'
import { containerKey } from '../containerd/state'
import type { World } from '../world'
import type { ChaosRuntime } from './runtime'

export function containerdChaos(world: World, containerd: Containerd): ChaosRuntime {
  return {
    signal: (node, containerId, sig) => containerd.signal(node, containerId, sig),
    oomKill(node, containerId) {
      // Brought up to now first: a container that has ended meanwhile is not running.
      const c = containerd.container(node, containerId)
      if (!c || c.exit) return 'not-running'
      world.nodeState.set(node, containerKey(containerId), { ...c, oomKilled: true })
      return containerd.signal(node, containerId, 'SIGKILL')
    },
  }
}
