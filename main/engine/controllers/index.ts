// The cluster's controllers, in the order they run at each instant (the goldens pin it: scheduler first).

import { Kubelets } from '../kubelet/kubelet'
import { PredictedRuntime } from '../kubelet/predicted-runtime'
import { DeploymentController } from './deployment/controller'
import { GarbageCollector } from './garbage-collector/garbage-collector'
import { JobController } from './job/job-controller'
import { NamespaceController } from './namespace/namespace-controller'
import { PodGC } from './podgc/podgc'
import { ReplicaSetController } from './replicaset/replicaset-controller'
import { TtlAfterFinishedController } from './ttl-after-finished/ttl-after-finished'
import { Scheduler } from '../scheduler/scheduler'
import type { World } from '../world'
import type { Controller } from '../controller/controller'
import type { RuntimeService } from '../containerd/runtime-service'

/** Makes the nodes' container runtime: a controller (its own timers, named `containerd`) behind the CRI seam. */
export type RuntimeFactory = (world: World) => RuntimeService & Controller

/** Registers every controller of a Podlab cluster on `world` (then tell the timers `world.queueNames()`). */
export function registerControllers(world: World, runtimeFor: RuntimeFactory = (w) => new PredictedRuntime(w)): void {
  world.register(new Scheduler(world))
  // The nodes' container runtime, then their kubelets (which start containers in it and hear their ends).
  const runtime = runtimeFor(world)
  world.register(runtime)
  world.register(new Kubelets(world, runtime))
  world.register(new ReplicaSetController(world))
  world.register(new DeploymentController(world))
  world.register(new JobController(world))
  world.register(new TtlAfterFinishedController(world))
  world.register(new GarbageCollector(world))
  world.register(new NamespaceController(world))
  world.register(new PodGC(world))
}
