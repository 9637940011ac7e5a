// How much memory and CPU a container uses now: the seam between the container runtime (containerd/, which sums
// the rss and CPU its processes report through Sys.setRss / Sys.setCpu) and whoever reads usage (the
// metrics.k8s.io API, the kubelet's eviction manager). The runtime attaches itself to the World it runs in;
// until one is attached every container uses nothing (and the usage annotations below still apply).

import type { World } from '../world'

/** A container's use of the machine now: working set in bytes, CPU in millicores (1000 = one core busy). */
export interface ContainerUsage {
  memoryBytes: number
  cpuMillicores: number
}

/** Implemented by the container runtime: the summed usage of a live container's processes, or undefined when it is not running. */
export interface UsageSource {
  usage(node: string, containerId: string): ContainerUsage | undefined
}

const sources = new WeakMap<World, UsageSource>()

/** Makes `source` the usage of every container of `world` (the runtime calls this when it is wired). */
export function attachUsageSource(world: World, source: UsageSource): void {
  sources.set(world, source)
}

/** The usage source of `world`; one that reports nothing when no runtime is attached. */
export function usageSourceOf(world: World): UsageSource {
  return sources.get(world) ?? { usage: () => undefined }
}
