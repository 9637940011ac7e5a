// Chaos through containerd: a signal is RuntimeService.signal (from outside the container's namespace: only
// what the program handles, and SIGKILL, have an effect on PID 1). The OOM kill is the kernel's, as when the
// container's memory cgroup overflows: the container is marked oomKilled and its PID 1 gets SIGKILL from the
// kernel, so it ends with 137 and reason OOMKilled.

import type { Containerd } from '../containerd/containerd'
import type { ChaosRuntime } from './runtime'

export function containerdChaos(containerd: Containerd): ChaosRuntime {
  return {
    signal: (node, containerId, sig) => containerd.signal(node, containerId, sig),
    oomKill: (node, containerId) => containerd.oomKill(node, containerId),
  }
}
