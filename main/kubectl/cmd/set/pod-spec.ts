// polymorphichelpers.UpdatePodSpecForObject (kubectl pkg/polymorphichelpers/updatepodspec.go, v0.32.5): where an
// object's pod spec is, by kind.

import type { KubeObject } from '../../../kube'

export interface Container {
  name: string
  image?: string
  env?: Array<{ name: string; value?: string; valueFrom?: Record<string, unknown> }>
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> }
}

export interface PodSpec {
  containers?: Container[]
  initContainers?: Container[]
}

/** The pod spec inside `object` (the same reference, to change in place), or undefined for a kind without one. */
export function podSpecOf(object: KubeObject): PodSpec | undefined {
  const spec = object.spec as Record<string, any> | undefined
  switch (object.kind) {
    case 'Pod':
      return spec as PodSpec | undefined
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicationController':
    case 'Job':
      return spec?.template?.spec as PodSpec | undefined
    case 'CronJob':
      return spec?.jobTemplate?.spec?.template?.spec as PodSpec | undefined
    default:
      return undefined
  }
}

/** selectContainers: the containers whose name matches the --containers pattern (path.Match: `*`, `?`). */
export function selectContainers(containers: Container[], pattern: string): Container[] {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*').replaceAll('?', '[^/]')}$`)
  return containers.filter((c) => re.test(c.name))
}
