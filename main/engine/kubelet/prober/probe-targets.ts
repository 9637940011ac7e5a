// The kubelet's record of a pod (runtime-state.ts) as the prober reads it: each app container and sidecar
// with its latest container id, when it started if it runs, and whether it is dead for good. The one place
// that knows the record's shape, so that a new record changes only this file.

import type { Pod } from '../../api/pods/types'
import { roleOf } from '../pod-actions'
import { deadOf, type ContainerRuntime, type PodRuntime } from '../runtime-state'
import type { ProbedContainer } from './prober-manager'

function view(name: string, c: ContainerRuntime | undefined, sidecar: boolean): ProbedContainer {
  const v: ProbedContainer = { name }
  if (sidecar) v.sidecar = true
  if (!c) return v
  // A container whose postStart hook runs is not Running in the status the prober reads.
  if (c.stage === 'running' && c.postStart) return view(name, c.postStart.before, sidecar)
  if (c.stage === 'running') return { ...v, containerId: c.containerId, startedAt: c.startedAt }
  const id = deadOf(c)?.containerId ?? c.last?.containerId
  if (id !== undefined) v.containerId = id
  if (c.stage === 'exited') v.terminated = true
  return v
}

/** The containers of `pod` the prober looks after (app containers and sidecars), from the node's record. */
export function probeTargets(pod: Pod, rt: PodRuntime): ProbedContainer[] {
  const sidecars = (pod.spec.initContainers ?? []).filter((c) => roleOf(c, true) === 'sidecar')
  return [
    ...sidecars.map((c) => view(c.name, rt.initContainers?.[c.name], true)),
    ...pod.spec.containers.map((c) => view(c.name, rt.containers[c.name], false)),
  ]
}
