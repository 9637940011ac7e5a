// Which container of a pod a logs or exec request means, with the API server's and the kubelet's refusals in
// their words: the apiserver's LogLocation/streamLocation (a container name is needed when the pod has more
// than one) and the kubelet's validateContainerLogStatus (which container instance has the log: the running
// one, the dead one, the previous one for --previous, or none yet and why).

import { ApiError } from '../api/errors'
import type { ContainerStatus, Pod } from '../api/pods/types'

const names = (list: Array<{ name: string }> | undefined): string => (list ?? []).map((c) => c.name).join(' ')

/**
 * The container `given` names, or the pod's only one. Throws ApiError BadRequest (the API server's text)
 * when the pod has several and none is named, or none of that name.
 */
export function pickContainer(pod: Pod, given: string | undefined): string {
  const name = pod.metadata.name ?? ''
  if (given === undefined || given === '') {
    const containers = pod.spec.containers
    if (containers.length === 1) return containers[0]!.name
    if (containers.length === 0) throw new ApiError('BadRequest', `a container name must be specified for pod ${name}`)
    let message = `a container name must be specified for pod ${name}, choose one of: [${names(containers)}]`
    if ((pod.spec.initContainers ?? []).length > 0) message += ` or one of the init containers: [${names(pod.spec.initContainers)}]`
    throw new ApiError('BadRequest', message)
  }
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? []), ...((pod.spec.ephemeralContainers as Array<{ name: string }> | undefined) ?? [])]
  if (!all.some((c) => c.name === given)) throw new ApiError('BadRequest', `container ${given} is not valid for pod ${name}`)
  return given
}

/** `containerd://abc` -> `abc`. */
export function runtimeId(containerID: string | undefined): string {
  return (containerID ?? '').replace(/^[a-z]+:\/\//, '')
}

function statusOf(pod: Pod, container: string): ContainerStatus | undefined {
  const all = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? []), ...((pod.status?.ephemeralContainerStatuses as ContainerStatus[] | undefined) ?? [])]
  return all.find((s) => s.name === container)
}

/** kubelet validateContainerLogStatus: the runtime id of the instance whose log is meant; BadRequest otherwise. */
export function logContainerId(pod: Pod, container: string, previous: boolean): string {
  const podName = pod.metadata.name ?? ''
  const fail = (why: string) => new ApiError('BadRequest', `container "${container}" in pod "${podName}" ${why}`)
  const status = statusOf(pod, container)
  if (!status) throw fail('is not available')
  const last = status.lastState?.terminated
  const { waiting, running, terminated } = status.state ?? {}
  if (previous) {
    if (!last?.containerID) throw new ApiError('BadRequest', `previous terminated container "${container}" in pod "${podName}" not found`)
    return runtimeId(last.containerID)
  }
  if (running) return runtimeId(status.containerID)
  if (terminated) {
    if (terminated.containerID) return runtimeId(terminated.containerID)
    if (last?.containerID) return runtimeId(last.containerID)
    throw fail('is terminated')
  }
  if (last) {
    if (!last.containerID) throw fail('is terminated')
    return runtimeId(last.containerID)
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') throw fail("is waiting to start: image can't be pulled")
    if (waiting.reason === 'ImagePullBackOff') throw fail('is waiting to start: trying and failing to pull image')
    throw fail(`is waiting to start: ${waiting.reason ?? ''}`)
  }
  throw fail('is waiting to start - no logs yet')
}
