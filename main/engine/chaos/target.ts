// Which container a chaos operation hits: the pod (NotFound in the API server's words), its container as
// `kubectl exec` picks one (-c, else the kubectl.kubernetes.io/default-container annotation, else the first, with
// kubectl's "Defaulted container" notice), and its running instance (node and runtime id) from the pod's status.

import { notFound } from '../api/errors'
import type { Container, Pod } from '../api/pods/types'
import { runtimeId } from '../metrics/pod-usage'
import { nodePower } from '../nodes/power'
import type { World } from '../world'
import { ChaosRefused } from './errors'

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

export interface ContainerTarget {
  pod: Pod
  node: string
  container: string
  containerId: string
  /** kubectl's `Defaulted container "a" out of: a, b` when the container was picked for the user. */
  notice?: string
}

/** The pod `namespace/name`; ApiError NotFound (`pods "x" not found`) when there is none. */
export function findPod(world: World, namespace: string, name: string): Pod {
  const pod = world.informers.informer<Pod>('pods').lister().get(namespace, name)
  if (!pod) throw notFound('pods', name)
  return pod
}

/** podcmd.AllContainerNames: app containers, then init containers marked `(init)`. */
function allContainerNames(pod: Pod): string {
  return [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ')
}

/** podcmd.FindOrDefaultContainerByName, with its notice instead of a write to stderr. */
function pickContainer(pod: Pod, name: string | undefined): { container: Container; notice?: string } {
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]
  if (name) {
    const container = all.find((c) => c.name === name)
    if (!container) throw new ChaosRefused('ContainerNotFound', `container ${name} not found in pod ${pod.metadata.name}`)
    return { container }
  }
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION]
  const byAnnotation = annotated ? all.find((c) => c.name === annotated) : undefined
  if (byAnnotation) return { container: byAnnotation }
  const first = pod.spec.containers[0] as Container
  const many = pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0
  return many ? { container: first, notice: `Defaulted container ${JSON.stringify(first.name)} out of: ${allContainerNames(pod)}` } : { container: first }
}

/**
 * The running container of pod `namespace/name` chaos acts on. Throws ApiError NotFound for a missing pod, and
 * ChaosRefused when the container is not in the pod, the pod has ended or is not on a node, or the container
 * has no running instance.
 */
export function findRunningContainer(world: World, namespace: string, name: string, container?: string): ContainerTarget {
  const pod = findPod(world, namespace, name)
  const picked = pickContainer(pod, container)
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') {
    throw new ChaosRefused('PodCompleted', `cannot kill a container in a completed pod; current phase is ${phase}`)
  }
  const node = pod.spec.nodeName
  if (!node) throw new ChaosRefused('NotScheduled', `pod ${name} is not scheduled to a node yet`)
  // The status is the last the kubelet posted before the machine went off: it still says running.
  if (nodePower(world, node) === 'stopped') {
    throw new ChaosRefused('NodeStopped', `node ${node} is stopped: no container of pod ${name} runs there (podlab node start ${node} powers it on)`)
  }
  const statuses = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]
  const status = statuses.find((s) => s.name === picked.container.name)
  if (!status?.state.running || !status.containerID) {
    throw new ChaosRefused('NotRunning', `container ${picked.container.name} in pod ${name} is not running`)
  }
  const target: ContainerTarget = { pod, node, container: picked.container.name, containerId: runtimeId(status.containerID) }
  if (picked.notice) target.notice = picked.notice
  return target
}
