// For tests: the predicting runtime with a script (how each container ends) that also keeps what the kubelet
// asked of it — each ContainerConfig it started, each stop with its grace period — and an engine wired to it.

import { afterEach } from 'vitest'
import type { ContainerConfig } from '../../containerd/runtime-service'
import type { HostEngine } from '../../engine'
import { openCluster } from '../../open-cluster'
import { tmpFile } from '../../testing/cluster'
import type { World } from '../../world'
import { PredictedRuntime, type Script } from '../predicted-runtime'

export class RecordingRuntime extends PredictedRuntime {
  readonly started: ContainerConfig[] = []
  /** Each StopContainer, at its virtual ms. */
  readonly stops: Array<{ containerId: string; graceMs: number; at: number }> = []

  constructor(world: World, script?: Script) {
    super(world, script)
  }

  override startContainer(config: ContainerConfig): ReturnType<PredictedRuntime['startContainer']> {
    this.started.push(config)
    return super.startContainer(config)
  }

  override stopContainer(node: string, containerId: string, graceMs: number): void {
    this.stops.push({ containerId, graceMs, at: this.world.now() })
    super.stopContainer(node, containerId, graceMs)
  }
}

/** A manual-clock engine on a fresh file whose nodes run `script`; `runtime()` is the last one wired. */
export function scriptedCluster(script?: Script): { engine: HostEngine; runtime: () => RecordingRuntime; path: string } {
  let last: RecordingRuntime | undefined
  const path = tmpFile()
  const engine = openCluster(path, {
    mode: 'manual',
    runtime: (world) => {
      last = new RecordingRuntime(world, script)
      return last
    },
  })
  return {
    engine,
    path,
    runtime: () => {
      if (!last) throw new Error('no runtime was wired')
      return last
    },
  }
}

/** For a test file: `cluster(script)` opens a scripted cluster; it and every engine given to `closeAfter` close after the test. */
export function scriptedClusters(): { cluster: typeof scriptedCluster; closeAfter: <E extends HostEngine>(engine: E) => E } {
  const opened: HostEngine[] = []
  afterEach(() => opened.splice(0).forEach((e) => e.close()))
  const closeAfter = <E extends HostEngine>(engine: E): E => {
    opened.push(engine)
    return engine
  }
  return {
    cluster: (script) => {
      const c = scriptedCluster(script)
      closeAfter(c.engine)
      return c
    },
    closeAfter,
  }
}
