// host-local IPAM, as kind's CNI uses it: each node hands out addresses from its podCIDR (a /24), starting
// at .2 (.1 is the bridge), round-robin after the last one it gave, skipping addresses still in use.

import type { NodeState } from '../store/node-state'

interface Allocations {
  last: number
  used: number[]
}

const KEY = 'ipam'

function base(podCIDR: string): string {
  const m = /^(\d+\.\d+\.\d+)\.0\/24$/.exec(podCIDR)
  if (!m) throw new Error(`podCIDR ${podCIDR} is not a /24; Podlab's IPAM hands out /24 ranges only`)
  return m[1] as string
}

export function allocateIp(state: NodeState, node: string, podCIDR: string): string {
  const a = state.get<Allocations>(node, KEY) ?? { last: 1, used: [] }
  for (let step = 1; step <= 253; step++) {
    const candidate = ((a.last - 2 + step) % 253) + 2
    if (!a.used.includes(candidate)) {
      state.set(node, KEY, { last: candidate, used: [...a.used, candidate].sort((x, y) => x - y) })
      return `${base(podCIDR)}.${candidate}`
    }
  }
  throw new Error(`node ${node} has no pod addresses left in ${podCIDR}`)
}

export function releaseIp(state: NodeState, node: string, ip: string): void {
  const a = state.get<Allocations>(node, KEY)
  if (!a) return
  const host = Number(ip.split('.').pop())
  state.set(node, KEY, { ...a, used: a.used.filter((u) => u !== host) })
}
