// generateContainerConfig (kuberuntime_container.go, release-1.32): what the kubelet hands the runtime to
// create a container — the image and its config, command and args with `$(VAR)` references expanded against
// the container's environment (ExpandContainerCommandAndArgs), the environment itself, the mounts of its
// volumes, the termination-message settings, the memory and CPU limits, stdin and tty.

import { bytes, milliCpu } from '../../gostd/quantity'
import type { Container, Pod } from '../api/pods/types'
import type { ContainerConfig } from '../containerd/runtime-service'
import { expand, type ConfigSource, type EnvVar } from './container-config'
import { imageConfigOf } from './from-images'
import type { ResolvedImage } from '../images'
import { containerMounts } from './volume-files'

/** core/v1 defaulting of terminationMessagePath. */
export const DEFAULT_TERMINATION_MESSAGE_PATH = '/dev/termination-log'

export interface ConfigInputs {
  pod: Pod
  container: Container
  node: string
  podIp: string
  hostNetwork: boolean
  containerId: string
  image: ResolvedImage
  /** The container's resolved environment (resolveEnv). */
  env: EnvVar[]
  source: ConfigSource
}

export function containerConfig(i: ConfigInputs): ContainerConfig {
  const { pod, container } = i
  const vars = new Map(i.env.map((e) => [e.name, e.value]))
  const limits = container.resources?.limits ?? {}
  const config: ContainerConfig = {
    node: i.node,
    podUid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    podName: pod.metadata.name ?? '',
    podIp: i.podIp,
    hostNetwork: i.hostNetwork,
    containerName: container.name,
    containerId: i.containerId,
    image: i.image.ref.full,
    imageConfig: imageConfigOf(i.image),
    env: i.env,
    mounts: containerMounts(pod, container, i.source),
    terminationMessagePath: container.terminationMessagePath || DEFAULT_TERMINATION_MESSAGE_PATH,
    terminationMessagePolicy: container.terminationMessagePolicy ?? 'File',
    stdin: container.stdin === true,
    tty: container.tty === true,
  }
  if (container.stdinOnce === true) config.stdinOnce = true
  if (container.command && container.command.length > 0) config.command = container.command.map((w) => expand(w, vars))
  if (container.args && container.args.length > 0) config.args = container.args.map((w) => expand(w, vars))
  if (typeof container.workingDir === 'string' && container.workingDir !== '') config.workingDir = container.workingDir
  if (limits.memory !== undefined) config.memoryLimitBytes = bytes(limits.memory)
  if (limits.cpu !== undefined) config.cpuLimitMillicores = milliCpu(limits.cpu)
  return config
}
