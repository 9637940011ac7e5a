// The cluster's controllers, in the order they run at each instant (the goldens pin it: scheduler first).

import { Containerd } from '../containerd/containerd'
import { standInProgramFor } from '../containerd/stand-in-programs'
import { Kubelets } from '../kubelet/kubelet'
import { EvictionManager } from '../kubelet/eviction/manager'
import { DeploymentController } from './deployment/controller'
import { GarbageCollector } from './garbage-collector/garbage-collector'
import { JobController } from './job/job-controller'
import { NamespaceController } from './namespace/namespace-controller'
import { PodGC } from './podgc/podgc'
import { ReplicaSetController } from './replicaset/replicaset-controller'
import { TtlAfterFinishedController } from './ttl-after-finished/ttl-after-finished'
import { Scheduler } from '../scheduler/scheduler'
import { RandomChaos } from '../chaos/random-mode'
import { containerdChaos } from '../chaos/containerd-chaos'
import { attachChaosRuntime } from '../chaos/runtime'
import { containerdUsage } from '../metrics/containerd-usage'
import { attachUsageSource } from '../metrics/usage'
import type { World } from '../world'

/** What the engine's face needs of the controllers: the nodes' container runtime (logs, exec). */
export interface Registered {
  containerd: Containerd
}

/**
 * Registers every controller of a Podlab cluster on `world` (then tell the timers `world.queueNames()`).
 * containerd comes before the kubelets: at an instant where a process ends and its kubelet wakes, the
 * runtime has run the process first.
 */
export function registerControllers(world: World): Registered {
  world.register(new Scheduler(world))
  // The programs table: programs/index.ts `programFor` replaces the stand-in when that branch is merged.
  const containerd = new Containerd(world, standInProgramFor)
  world.register(containerd)
  attachChaosRuntime(world, containerdChaos(world, containerd))
  attachUsageSource(world, containerdUsage(world))
  world.register(new Kubelets(world))
  world.register(new EvictionManager(world))
  world.register(new ReplicaSetController(world))
  world.register(new DeploymentController(world))
  world.register(new JobController(world))
  world.register(new TtlAfterFinishedController(world))
  world.register(new GarbageCollector(world))
  world.register(new NamespaceController(world))
  world.register(new PodGC(world))
  world.register(new RandomChaos(world))
  return { containerd }
}
