// Who serves a pods/exec or pods/attach request, checked as the API server and then the kubelet check it, before
// any stream is opened: the pod (NotFound), its container (pkg/registry/core/pod/strategy.go streamLocation and
// validateContainer), its node; then the kubelet's findContainer among the running containers
// (pkg/kubelet/kubelet_pods.go GetExec, GetAttach), whose refusal is plain text, not a Status.

import type { Engine } from '../../engine'
import type { KubeObject } from '../../kube'
import { badRequest } from '../status'
import type { RemoteCommandRequest } from './options'

/** The parts of a Pod the checks read. */
export interface StreamPod extends KubeObject {
  spec?: {
    nodeName?: string
    containers?: Array<{ name: string; tty?: boolean }>
    initContainers?: Array<{ name: string }>
    ephemeralContainers?: Array<{ name: string }>
  }
  status?: { containerStatuses?: ContainerStatusShape[]; initContainerStatuses?: ContainerStatusShape[]; ephemeralContainerStatuses?: ContainerStatusShape[] }
}
interface ContainerStatusShape {
  name: string
  state?: { running?: unknown }
}

/** The kubelet's refusal before the upgrade: a 500 whose body is the error's text (cri/streaming/errors.go WriteError). */
export class KubeletRefused extends Error {
  readonly reason = 'KubeletRefused' as const
  constructor(message: string) {
    super(message)
    this.name = 'KubeletRefused'
  }
}

/** The container a request is served by. */
export interface StreamTarget {
  namespace: string
  pod: string
  container: string
}

/** podutil.VisitContainers' order: init containers, containers, ephemeral containers. */
function allContainers(pod: StreamPod): string[] {
  const spec = pod.spec ?? {}
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].map((c) => c.name)
}

/**
 * The API server's checks (streamLocation). Throws the engine's ApiError NotFound for a missing pod, DoorError
 * BadRequest with validateContainer's and streamLocation's texts.
 */
export function streamLocation(engine: Engine, request: RemoteCommandRequest): { target: StreamTarget; pod: StreamPod } {
  const pod = engine.get('pods', request.namespace, request.pod) as StreamPod
  const name = pod.metadata.name ?? request.pod
  let container = request.container
  const containers = pod.spec?.containers ?? []
  if (container === '') {
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`)
    // Go's %s of a []string: `[a b c]`.
    if (containers.length > 1) throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${allContainers(pod).join(' ')}]`)
    container = containers[0]!.name
  } else if (!allContainers(pod).includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${name}`)
  }
  if (!pod.spec?.nodeName) throw badRequest(`pod ${name} does not have a host assigned`)
  return { target: { namespace: pod.metadata.namespace ?? request.namespace, pod: name, container }, pod }
}

/**
 * The kubelet's findContainer: the container must be running. Throws KubeletRefused with GetExec's
 * `container not found ("c")` or GetAttach's `container c not found in pod p_ns` (the pod's full name).
 */
export function kubeletFindContainer(pod: StreamPod, target: StreamTarget, subresource: 'exec' | 'attach'): void {
  const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])].find(
    (s) => s.name === target.container,
  )
  if (status?.state?.running) return
  if (subresource === 'exec') throw new KubeletRefused(`container not found (${JSON.stringify(target.container)})`)
  throw new KubeletRefused(`container ${target.container} not found in pod ${target.pod}_${target.namespace}`)
}
