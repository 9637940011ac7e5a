// The cluster's controllers, in the order they run at each instant (the goldens pin it: scheduler first).

import { Kubelets } from '../kubelet/kubelet'
import { ReplicaSetController } from './replicaset/replicaset-controller'
import { DeploymentController } from './deployment/controller'
import { Scheduler } from '../scheduler/scheduler'
import type { World } from '../world'

/** Registers every controller of a Podlab cluster on `world` (then tell the timers `world.queueNames()`). */
export function registerControllers(world: World): void {
  world.register(new Scheduler(world))
  world.register(new Kubelets(world))
  world.register(new ReplicaSetController(world))
  world.register(new DeploymentController(world))
}
