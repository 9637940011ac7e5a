// kubectl pkg/util/qos/qos.go GetPodQOS (v0.32.5): the API server's status.qosClass, else computed from the
// containers' requests and limits of CPU and memory (ComputePodQOS).

import type { Container, Pod, ResourceList } from './types'

const QOS_RESOURCES = ['cpu', 'memory']

/** A quantity is above zero (Cmp(zero) == 1): its leading number is not all zeros. */
const positive = (q: string): boolean => /^\+?[0-9.]*[1-9]/.test(q)

export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass
  const requests = new Map<string, string[]>()
  const limits = new Map<string, string[]>()
  let guaranteed = true
  const add = (into: Map<string, string[]>, list: ResourceList | undefined) => {
    for (const [name, q] of Object.entries(list ?? {})) if (QOS_RESOURCES.includes(name) && positive(q)) into.set(name, [...(into.get(name) ?? []), q])
  }
  const limited = (list: ResourceList | undefined) => QOS_RESOURCES.every((r) => list?.[r] !== undefined && positive(list[r]!))
  const sources: Array<{ resources?: Container['resources'] }> = pod.spec.resources ? [{ resources: pod.spec.resources }] : [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]
  for (const c of sources) {
    add(requests, c.resources?.requests)
    add(limits, c.resources?.limits)
    if (!limited(c.resources?.limits)) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  // Guaranteed needs every CPU and memory request to equal its limit: compared as written by the API server.
  if (guaranteed) {
    for (const [name, qs] of requests) if (JSON.stringify(qs) !== JSON.stringify(limits.get(name))) guaranteed = false
  }
  return guaranteed && limits.size === QOS_RESOURCES.length ? 'Guaranteed' : 'Burstable'
}
