// For tests: the predicting runtime (containers start, end and stop as the catalog predicts, on the engine's
// clock, with its PLEG) whose containers also answer probes as a FakeRuntime behaviour says, and an engine
// wired to it. Until containerd's runtime is the cluster's.

import type { HostEngine } from '../../../engine'
import type { HttpResponse, NetError } from '../../../process/program'
import { openCluster } from '../../../open-cluster'
import { tmpFile } from '../../../testing/cluster'
import type { World } from '../../../world'
import { PredictedRuntime } from '../../predicted-runtime'
import { FakeRuntime, type ExecAnswer, type FakeContainer } from './fake-runtime'

export class ProbedRuntime extends PredictedRuntime {
  private readonly answers: FakeRuntime

  constructor(world: World, behaviour: Partial<Omit<FakeContainer, 'node' | 'id' | 'startedAt' | 'files'>>) {
    super(world)
    this.answers = new FakeRuntime(() => world.now(), behaviour)
  }

  /** The container's answers, made as it is first probed (it runs: the kubelet only probes running ones). */
  private answering(node: string, containerId: string): void {
    if (this.answers.containers.has(containerId)) return
    const s = this.status(node, containerId)
    this.answers.startContainer({ node, containerId } as Parameters<FakeRuntime['startContainer']>[0])
    const c = this.answers.containers.get(containerId)
    if (c && s.state !== 'unknown') c.startedAt = s.startedAt
  }

  // Optional parameters only because the base declares none (it answers the same whatever is asked).
  override execSync(node = '', containerId = '', argv: string[] = [], timeoutMs = 1000): ExecAnswer {
    this.answering(node, containerId)
    return this.answers.execSync(node, containerId, argv, timeoutMs)
  }

  override http(node = '', containerId = '', request: Parameters<FakeRuntime['http']>[2] = { port: 0, path: '/', headers: {} }, timeoutMs = 1000): HttpResponse | NetError {
    this.answering(node, containerId)
    return this.answers.http(node, containerId, request, timeoutMs)
  }

  override tcp(node = '', containerId = '', port = 0): 'ok' | NetError['error'] {
    this.answering(node, containerId)
    return this.answers.tcp(node, containerId, port)
  }
}

/** A manual-clock engine on a fresh file whose containers answer probes as `behaviour` says. */
export function probedCluster(behaviour: Partial<Omit<FakeContainer, 'node' | 'id' | 'startedAt' | 'files'>>): HostEngine {
  return openCluster(tmpFile(), { mode: 'manual', runtime: (world) => new ProbedRuntime(world, behaviour) })
}
