// What chaos needs of the container runtime: a signal to a container's PID 1 from outside its namespace
// (RuntimeService.signal: the container's program decides what the signal does), and the kernel's OOM killer.
// The runtime (containerd/) attaches itself to the World it runs in; without one, chaos cannot reach a container.

import type { RuntimeService } from '../containerd/runtime-service'
import type { World } from '../world'

export interface ChaosRuntime extends Pick<RuntimeService, 'signal'> {
  /**
   * The kernel's OOM killer on the container's cgroup: SIGKILL to its processes, the container ends with exit
   * code 137 and reason OOMKilled (as when its summed rss passes memoryLimitBytes).
   */
  oomKill(node: string, containerId: string): 'ok' | 'not-running'
}

const runtimes = new WeakMap<World, ChaosRuntime>()

/** Makes `runtime` the one chaos signals and OOM-kills through in `world`. */
export function attachChaosRuntime(world: World, runtime: ChaosRuntime): void {
  runtimes.set(world, runtime)
}

/** The runtime attached to `world`, if any. */
export function chaosRuntimeOf(world: World): ChaosRuntime | undefined {
  return runtimes.get(world)
}
