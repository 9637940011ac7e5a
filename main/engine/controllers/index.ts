// The cluster's controllers, in the order they run at each instant (the goldens pin it: scheduler first).

import { Containerd } from '../containerd/containerd'
import { executableFor } from '../programs'
import type { RuntimeService } from '../containerd/runtime-service'
import type { Controller } from '../controller/controller'
import { Kubelets } from '../kubelet/kubelet'
import { NodeHeartbeats } from '../kubelet/node-heartbeat'
import { EvictionManager } from '../kubelet/eviction/manager'
import { DeploymentController } from './deployment/controller'
import { GarbageCollector } from './garbage-collector/garbage-collector'
import { JobController } from './job/job-controller'
import { NamespaceController } from './namespace/namespace-controller'
import { NodeLifecycleController } from './nodelifecycle/node-lifecycle-controller'
import { PodGC } from './podgc/podgc'
import { ReplicaSetController } from './replicaset/replicaset-controller'
import { TaintEvictionController } from './tainteviction/taint-eviction-controller'
import { TtlAfterFinishedController } from './ttl-after-finished/ttl-after-finished'
import { Scheduler } from '../scheduler/scheduler'
import { RandomChaos } from '../chaos/random-mode'
import { containerdChaos } from '../chaos/containerd-chaos'
import { attachChaosRuntime } from '../chaos/runtime'
import { containerdUsage } from '../metrics/containerd-usage'
import { attachUsageSource } from '../metrics/usage'
import type { World } from '../world'

/** Makes the nodes' container runtime: a controller (its own timers, named `containerd`) behind the CRI seam. */
export type RuntimeFactory = (world: World) => RuntimeService & Controller

/** The nodes' runtime: containerd/, running each container's processes on the virtual clock. */
export const containerdRuntime: RuntimeFactory = (world) => new Containerd(world, executableFor)

/** The runtime a cluster gets: containerd. (PredictedRuntime, kubelet/predicted-runtime.ts, stays for cluster files' old records and tests.) */
export const defaultRuntime: RuntimeFactory = containerdRuntime

/** What the engine's face needs of the controllers: the nodes' container runtime (logs, exec). */
export interface Registered {
  runtime: RuntimeService & Controller
}

/**
 * Registers every controller of a Podlab cluster on `world` (then tell the timers `world.queueNames()`).
 * The runtime comes before the kubelets: at an instant where a process ends and its kubelet wakes, the
 * runtime has run the process first.
 */
export function registerControllers(world: World, runtimeFor: RuntimeFactory = defaultRuntime): Registered {
  world.register(new Scheduler(world))
  const runtime = runtimeFor(world)
  world.register(runtime)
  // Chaos reaches containers through containerd (a test's stand-in runtime has none to reach).
  if (runtime instanceof Containerd) attachChaosRuntime(world, containerdChaos(runtime))
  attachUsageSource(world, containerdUsage(world))
  world.register(new Kubelets(world, runtime))
  world.register(new EvictionManager(world))
  world.register(new ReplicaSetController(world))
  world.register(new DeploymentController(world))
  world.register(new JobController(world))
  world.register(new TtlAfterFinishedController(world))
  world.register(new GarbageCollector(world))
  world.register(new NamespaceController(world))
  world.register(new PodGC(world))
  world.register(new NodeHeartbeats(world))
  world.register(new NodeLifecycleController(world))
  world.register(new TaintEvictionController(world))
  world.register(new RandomChaos(world))
  return { runtime }
}
