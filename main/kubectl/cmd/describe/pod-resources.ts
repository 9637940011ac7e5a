// kubectl pkg/util/resource/resource.go PodRequestsAndLimits (v0.32.5): what a pod asks of its node, the sum of
// its containers, each init container's need on top of the sidecars started before it, the larger of the two,
// and the pod overhead.

import { add, cmp, quantity } from './quantity-math'
import type { Quantity } from '../../../gostd/quantity-canonical'
import type { Container, Pod, ResourceList } from './types'

export type Quantities = Map<string, Quantity>

function addList(into: Quantities, list: ResourceList | Quantities | undefined): void {
  const entries = list instanceof Map ? [...list] : Object.entries(list ?? {}).map(([k, v]) => [k, quantity(v)] as const)
  for (const [name, q] of entries) into.set(name, into.has(name) ? add(into.get(name)!, q) : q)
}

function maxList(into: Quantities, list: Quantities): void {
  for (const [name, q] of list) if (!into.has(name) || cmp(q, into.get(name)!) > 0) into.set(name, q)
}

type Side = 'requests' | 'limits'

function podSide(pod: Pod, side: Side): Quantities {
  const total: Quantities = new Map()
  for (const c of pod.spec.containers ?? []) addList(total, c.resources?.[side])
  const sidecars: Quantities = new Map()
  const init: Quantities = new Map()
  for (const c of (pod.spec.initContainers ?? []) as Array<Container & { restartPolicy?: string }>) {
    let need: Quantities
    if (c.restartPolicy === 'Always') {
      addList(total, c.resources?.[side])
      addList(sidecars, c.resources?.[side])
      need = sidecars
    } else {
      need = new Map()
      addList(need, c.resources?.[side])
      addList(need, sidecars)
    }
    maxList(init, need)
  }
  maxList(total, init)
  if (pod.spec.overhead) {
    if (side === 'requests') addList(total, pod.spec.overhead)
    else for (const [name, q] of Object.entries(pod.spec.overhead)) if (total.has(name) && total.get(name)!.unscaled !== 0n) total.set(name, add(total.get(name)!, quantity(q)))
  }
  return total
}

export function podRequestsAndLimits(pod: Pod): { requests: Quantities; limits: Quantities } {
  return { requests: podSide(pod, 'requests'), limits: podSide(pod, 'limits') }
}
