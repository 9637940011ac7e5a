// The addresses a new node gets, as kind would give them: its InternalIP from the docker network 172.18.0.0/16
// (docker hands out the lowest free address from .2; .1 is the gateway), and its pod range from the cluster
// CIDR 10.244.0.0/16 cut into /24s (kube-controller-manager's range allocator, lowest free first). kind's /16
// holds 256 node ranges; Podlab continues into 10.245.0.0/24 and on, so that benchmarks of 5,000 nodes run.
//
// Built once from the nodes that exist (O(nodes)), then kept by the node informer's handler: each allocation is
// O(1) amortised, so registering n nodes is O(n), not O(n^2). Dropped on reset (a rollback or another
// process's commit) and built again from the lister, so it never disagrees with the stored nodes.

import { nodeInternalIP, type Node } from '../api/nodes/types'
import type { Lister } from '../client/informers'

const DOCKER_NET = [172, 18]
const FIRST_HOST = 2
const HOSTS = 256 * 256 - 1
const POD_NET = [10, 244]
const POD_RANGES = 256 * 12

/** 172.18.a.b as its offset in the network (a*256 + b). */
function ipOffset(ip: string | undefined): number | undefined {
  const m = /^172\.18\.(\d{1,3})\.(\d{1,3})$/.exec(ip ?? '')
  return m ? Number(m[1]) * 256 + Number(m[2]) : undefined
}

/** 10.244.N.0/24 (and on into 10.245...) as its range number. */
function rangeNumber(cidr: string | undefined): number | undefined {
  const m = /^10\.(\d{1,3})\.(\d{1,3})\.0\/24$/.exec(cidr ?? '')
  if (!m) return undefined
  const n = (Number(m[1]) - (POD_NET[1] as number)) * 256 + Number(m[2])
  return n >= 0 && n < POD_RANGES ? n : undefined
}

/** Lowest-free allocation over 0..size-1 with a cursor: O(1) amortised per allocation. */
class LowestFree {
  private readonly used = new Set<number>()
  private cursor: number

  constructor(
    private readonly first: number,
    private readonly size: number,
  ) {
    this.cursor = first
  }

  take(n: number): void {
    this.used.add(n)
  }

  release(n: number): void {
    this.used.delete(n)
    if (n >= this.first && n < this.cursor) this.cursor = n
  }

  next(): number | undefined {
    while (this.cursor < this.size && this.used.has(this.cursor)) this.cursor++
    if (this.cursor >= this.size) return undefined
    const n = this.cursor
    this.used.add(n)
    return n
  }
}

interface Held {
  ip?: number
  range?: number
}

export class NodeAddresses {
  private state: { ips: LowestFree; ranges: LowestFree; held: Map<string, Held> } | null = null

  constructor(private readonly nodes: Lister<Node>) {}

  reset(): void {
    this.state = null
  }

  /** The node informer's handler: `node` was written (its addresses are taken) or deleted (they are free again). */
  observe(node: Node, deleted: boolean): void {
    if (!this.state) return
    const name = node.metadata.name ?? ''
    const before = this.state.held.get(name)
    if (before?.ip !== undefined) this.state.ips.release(before.ip)
    if (before?.range !== undefined) this.state.ranges.release(before.range)
    this.state.held.delete(name)
    if (!deleted) this.hold(this.state, node)
  }

  /** The next free InternalIP (172.18.x.y), or undefined when the network is full. */
  nextInternalIP(): string | undefined {
    const n = this.built().ips.next()
    return n === undefined ? undefined : `${DOCKER_NET.join('.')}.${Math.floor(n / 256)}.${n % 256}`
  }

  /** The next free pod range (10.244.N.0/24), or undefined when every range is taken. */
  nextPodCIDR(): string | undefined {
    const n = this.built().ranges.next()
    return n === undefined ? undefined : `10.${(POD_NET[1] as number) + Math.floor(n / 256)}.${n % 256}.0/24`
  }

  private built(): NonNullable<typeof this.state> {
    if (this.state) return this.state
    const state = { ips: new LowestFree(FIRST_HOST, HOSTS), ranges: new LowestFree(0, POD_RANGES), held: new Map<string, Held>() }
    for (const node of this.nodes.list()) this.hold(state, node)
    this.state = state
    return state
  }

  private hold(state: NonNullable<typeof this.state>, node: Node): void {
    const held: Held = {}
    const ip = ipOffset(nodeInternalIP(node))
    if (ip !== undefined) {
      state.ips.take(ip)
      held.ip = ip
    }
    const range = rangeNumber(node.spec?.podCIDR)
    if (range !== undefined) {
      state.ranges.take(range)
      held.range = range
    }
    state.held.set(node.metadata.name ?? '', held)
  }
}
