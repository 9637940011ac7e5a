// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go, kube-controller-
// manager v1.32, with the taint eviction controller separate as SeparateTaintEvictionController has it).
// Keys of its queue:
//   monitor/<node>         monitorNodeHealth for one node, on the controller's 5 s grid (--node-monitor-period):
//                          when its kubelet has been silent for more than --node-monitor-grace-period (50 s
//                          since 1.32) after the pass that saw its last lease renewal, Ready, MemoryPressure,
//                          DiskPressure and PIDPressure go Unknown (NodeStatusUnknown, "Kubelet stopped posting
//                          node status."), the node gets a `NodeNotReady` event and its pods Ready=False
//                          (MarkPodsNotReady); from the next pass (processTaintBaseEviction reads the Ready
//                          condition the pass began with) the NoExecute taint that mirrors Ready
//                          (unreachable for Unknown, not-ready for False) is added, or both go once Ready is True.
//   noschedule/<node>      doNoScheduleTaintingPass on every node change: the NoSchedule taints of its
//                          conditions (not-ready, unreachable, memory-, disk-, pid-pressure, network-unavailable)
//                          and of a cordon (unschedulable).
//   pod/<ns>/<name>        processPod: a pod bound to a node that is not Ready is marked not ready.
//   removed/<node>/<uid>   the `RemovingNode` event of the pass that no longer sees it. Its `RegisteredNode` twin
//                          is left out: recorded for the default cluster's nodes at bootstrap, four events would
//                          draw four UIDs from the cluster's generator and shift every name drawn after them.
// A running node's kubelet renews its lease every 10 s (kubelet/node-heartbeat.ts): its health needs no pass.
// A stopped or partitioned one's last renewal is in its Lease, and the passes go on every 5 s until it is
// Unknown and tainted, or back.

import type { Lease } from '../../api/coordination/types'
import { NAMESPACE_NODE_LEASE } from '../../api/coordination/types'
import type { Node, NodeCondition as Condition } from '../../api/nodes/types'
import type { Pod } from '../../api/pods/types'
import { Client } from '../../client/client'
import type { Lister, SharedInformerFactory } from '../../client/informers'
import type { Controller } from '../../controller/controller'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import { EventRecorder } from '../../events/recorder'
import { kubeletReachable } from '../../nodes/power'
import { parseTime, rfc3339 } from '../../runtime/clock'
import type { World } from '../../world'
import { markPodsNotReady, NODE_CONTROLLER } from './mark-pods-not-ready'
import { hasTaint, noScheduleDiff, NOT_READY_NO_EXECUTE, swapTaints, UNREACHABLE_NO_EXECUTE, type TaintRef } from './taints'
import { taintingAllowedIn, zoneStates, type ZoneStates } from './zone-state'

export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller'

/** --node-monitor-period and --node-monitor-grace-period defaults (ms). */
export const NODE_MONITOR_PERIOD_MS = 5_000
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000

/** The conditions a silent kubelet's node gets Unknown, in upstream's order (NetworkUnavailable stays). */
const UNKNOWN_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']

const conditionsOf = (node: Node): Condition[] => (node.status?.conditions ?? []) as Condition[]
const readyOf = (node: Node): Condition | undefined => conditionsOf(node).find((c) => c.type === 'Ready')

/** The first monitor pass strictly after `ms` (ms). */
const passAfter = (ms: number): number => (Math.floor(ms / NODE_MONITOR_PERIOD_MS) + 1) * NODE_MONITOR_PERIOD_MS
/** The first monitor pass at or after `ms` (ms). */
const passAtOrAfter = (ms: number): number => Math.ceil(ms / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS

export class NodeLifecycleController implements Controller {
  readonly name = NODE_LIFECYCLE_CONTROLLER
  private readonly client: Client
  private readonly events: EventRecorder
  private nodes!: Lister<Node>
  private pods!: Lister<Pod>
  private leases!: Lister<Lease>
  private queue!: RateLimitingQueue
  /**
   * The zones and their states as of the last change to any node, dropped at each one: every node's pass asked
   * for them, and grouping 5,000 nodes at each of 5,000 passes was a tenth of an advance.
   */
  private zones: ZoneStates | undefined

  constructor(private readonly world: World) {
    this.client = new Client(world)
    this.events = new EventRecorder(world)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    const nodes = informers.informer<Node>('nodes')
    const pods = informers.informer<Pod>('pods')
    const leases = informers.informer<Lease>('leases')
    this.nodes = nodes.lister()
    this.pods = pods.lister()
    this.leases = leases.lister()
    nodes.addEventHandler({
      add: (node) => {
        this.zones = undefined
        const name = node.metadata.name ?? ''
        queue.add(`noschedule/${name}`)
        queue.add(`monitor/${name}`)
      },
      update: (_old, node) => {
        this.zones = undefined
        queue.add(`noschedule/${node.metadata.name ?? ''}`)
        this.nextPass(node.metadata.name ?? '')
      },
      delete: (node) => {
        this.zones = undefined
        queue.add(`removed/${node.metadata.name ?? ''}/${node.metadata.uid ?? ''}`)
      },
    })
    leases.addEventHandler({
      update: (_old, lease) => {
        if (lease.metadata.namespace === NAMESPACE_NODE_LEASE) this.nextPass(lease.metadata.name ?? '')
      },
    })
    const podChanged = (old: Pod | undefined, pod: Pod) => {
      if (pod.spec.nodeName && pod.spec.nodeName !== old?.spec.nodeName) queue.add(`pod/${pod.metadata.namespace}/${pod.metadata.name}`)
    }
    pods.addEventHandler({ add: (pod) => podChanged(undefined, pod), update: podChanged })
  }

  /** Another process committed (the informers caught up without handlers) or a transaction rolled back. */
  reset(): void {
    this.zones = undefined
  }

  private zoneStates(): ZoneStates {
    this.zones ??= zoneStates(this.nodes.list())
    return this.zones
  }

  /** A change is seen by the next pass, never by one already made at this instant. */
  private nextPass(node: string): void {
    this.queue.addAfter(`monitor/${node}`, passAfter(this.world.now()) - this.world.now())
  }

  sync(key: string): void {
    const slash = key.indexOf('/')
    const verb = key.slice(0, slash)
    const rest = key.slice(slash + 1)
    if (verb === 'noschedule') return this.noScheduleTaintingPass(rest)
    if (verb === 'pod') return this.processPod(rest)
    // Everything else happens in a monitor pass, on the 5 s grid.
    const pass = passAtOrAfter(this.world.now())
    if (pass > this.world.now()) return this.queue.addAfter(key, pass - this.world.now())
    if (verb === 'removed') return this.removedEvent(rest)
    if (verb === 'monitor') return this.monitor(rest)
  }

  private removedEvent(rest: string): void {
    const [name = '', uid = ''] = rest.split('/')
    if (this.nodes.get('', name)) return
    const ref = { apiVersion: 'v1', kind: 'Node', name, uid }
    this.events.legacy(ref, 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`, NODE_CONTROLLER)
  }

  /** doNoScheduleTaintingPass. */
  private noScheduleTaintingPass(name: string): void {
    const node = this.nodes.get('', name)
    if (!node) return
    const { add, remove } = noScheduleDiff(node)
    this.swap(node, add, remove)
  }

  /** processPod: a pod newly bound to a node whose Ready is not True is marked not ready. */
  private processPod(rest: string): void {
    const [namespace = '', name = ''] = rest.split('/')
    const pod = this.pods.get(namespace, name)
    const node = pod?.spec.nodeName ? this.nodes.get('', pod.spec.nodeName) : undefined
    const ready = node && readyOf(node)
    if (!pod || !node || !ready || ready.status === 'True') return
    markPodsNotReady(this.client, this.events, [pod], node.metadata.name ?? '', this.world.now())
  }

  /** One node's share of monitorNodeHealth (tryUpdateNodeHealth, MarkPodsNotReady, processTaintBaseEviction). */
  private monitor(name: string): void {
    let node = this.nodes.get('', name)
    const observed = node && readyOf(node)
    if (!node || !observed) return
    const now = this.world.now()
    const probe = this.probeTimestamp(node)
    if (now > probe + NODE_MONITOR_GRACE_PERIOD_MS) node = this.markUnknown(node, observed)
    this.taintBaseEviction(node, observed.status)
    this.scheduleNext(node, probe)
  }

  /**
   * When the controller last saw the kubelet alive: now for a running kubelet (it renews every 10 s); else the
   * pass that saw its last lease renewal or status post.
   */
  private probeTimestamp(node: Node): number {
    const name = node.metadata.name ?? ''
    if (kubeletReachable(this.world, name)) return this.world.now()
    const renewed = parseTime(this.leases.get(NAMESPACE_NODE_LEASE, name)?.spec?.renewTime) ?? 0
    const posted = parseTime(readyOf(node)?.lastHeartbeatTime) ?? 0
    return passAtOrAfter(Math.max(renewed, posted))
  }

  /** tryUpdateNodeHealth past the grace period: the four conditions Unknown, posted when Ready changed. */
  private markUnknown(node: Node, observed: Condition): Node {
    const now = rfc3339(this.world.now())
    let changed = false
    const conditions = conditionsOf(node).map((c) => {
      if (!UNKNOWN_CONDITIONS.includes(c.type) || c.status === 'Unknown') return c
      if (c.type === 'Ready') changed = true
      return { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now }
    })
    if (!changed) return node
    const updated = this.client.updateStatus<Node>({ ...node, status: { ...node.status, conditions } })
    if (observed.status === 'True') {
      const name = node.metadata.name ?? ''
      const ref = { apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }
      this.events.legacy(ref, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, NODE_CONTROLLER)
      markPodsNotReady(this.client, this.events, this.pods.byIndex('nodeName', name), name, this.world.now())
    }
    return updated
  }

  /** processTaintBaseEviction (with the zone's disruption state, zone-state.ts). */
  private taintBaseEviction(node: Node, observed: string): void {
    const allowed = taintingAllowedIn(node, this.zoneStates())
    if (observed === 'True' || allowed === 'untaint-all') return this.swap(node, [], [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE])
    if (allowed === 'hold') return
    if (observed === 'Unknown') this.swap(node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE])
    else if (observed === 'False') this.swap(node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE])
  }

  /** The next pass this node needs: its grace running out, or the next 5 s while it is down and not yet settled. */
  private scheduleNext(node: Node, probe: number): void {
    const name = node.metadata.name ?? ''
    const current = this.nodes.get('', name) ?? node
    const ready = readyOf(current)?.status
    const now = this.world.now()
    let next: number | undefined
    if (!kubeletReachable(this.world, name) && ready === 'True') next = passAfter(probe + NODE_MONITOR_GRACE_PERIOD_MS)
    else if (ready !== 'True') {
      const settled = hasTaint(current, ready === 'Unknown' ? UNREACHABLE_NO_EXECUTE : NOT_READY_NO_EXECUTE)
      if (!settled || taintingAllowedIn(current, this.zoneStates()) !== 'taint') next = now + NODE_MONITOR_PERIOD_MS
    } else if (hasTaint(current, UNREACHABLE_NO_EXECUTE) || hasTaint(current, NOT_READY_NO_EXECUTE)) next = now + NODE_MONITOR_PERIOD_MS
    if (next !== undefined && next > now) this.queue.addAfter(`monitor/${name}`, next - now)
  }

  /** SwapNodeControllerTaint through an update of the node's spec; nothing when nothing changes. */
  private swap(node: Node, add: readonly TaintRef[], remove: readonly TaintRef[]): void {
    const latest = this.nodes.get('', node.metadata.name ?? '') ?? node
    const taints = swapTaints(latest, add, remove, this.world.now())
    if (!taints) return
    const spec: Node['spec'] = { ...latest.spec, taints }
    if (taints.length === 0) delete spec.taints
    this.client.update<Node>({ ...latest, spec })
  }
}
