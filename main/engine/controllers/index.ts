// The cluster's controllers, in the order they run at each instant (the goldens pin it: scheduler first).

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
import type { World } from '../world'

/** Registers every controller of a Podlab cluster on `world` (then tell the timers `world.queueNames()`). */
export function registerControllers(world: World): void {
  world.register(new Scheduler(world))
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
}
