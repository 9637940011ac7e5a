// Which container of a pod `kubectl logs` and `kubectl exec` mean when none is named, after kubectl
// pkg/cmd/util/podcmd/podcmd.go (v0.32.5): the kubectl.kubernetes.io/default-container annotation, else the first
// container, with `Defaulted container "a" out of: a, b, c (init)` on stderr when the pod has others.

import type { PodLike } from '../logs/pod-for-object'

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container'

/** FindContainerByName: whether the pod has a container (regular, init or ephemeral) of that name. */
export function hasContainer(pod: PodLike, name: string): boolean {
  const spec = pod.spec ?? {}
  return [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])].some((c) => c.name === name)
}

/** AllContainerNames: regular, then ephemeral `(ephem)`, then init `(init)`, joined by ", ". */
export function allContainerNames(pod: PodLike): string {
  const spec = pod.spec ?? {}
  return [
    ...(spec.containers ?? []).map((c) => c.name),
    ...(spec.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(spec.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ')
}

/** Whether the pod has more than its one regular container (the condition for the "Defaulted container" line). */
export function hasOtherContainers(pod: PodLike): boolean {
  const spec = pod.spec ?? {}
  return (spec.containers ?? []).length > 1 || (spec.initContainers ?? []).length > 0 || (spec.ephemeralContainers ?? []).length > 0
}

/**
 * FindOrDefaultContainerByName with no name (exec's path): the annotated default container when the pod has it,
 * else the first one. `warn` is the stderr line kubectl prints (empty when quiet or the pod has one container).
 * Returns an error text for a pod without containers.
 */
export function defaultContainer(pod: PodLike, quiet: boolean): { name: string; warn: string } | { error: string } {
  const containers = pod.spec?.containers ?? []
  if (containers.length === 0) return { error: `pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} does not have any containers` }
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION] ?? ''
  if (annotated && hasContainer(pod, annotated)) return { name: annotated, warn: '' }
  const first = containers[0]!.name
  const warn = !quiet && hasOtherContainers(pod) ? `Defaulted container ${JSON.stringify(first)} out of: ${allContainerNames(pod)}\n` : ''
  return { name: first, warn }
}
