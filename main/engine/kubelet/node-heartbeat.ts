// The kubelet's two heartbeats, one controller keyed by node name (pkg/kubelet/kubelet_node_status.go
// syncNodeStatus, and k8s.io/component-helpers/apimachinery/lease/controller.go as the kubelet runs it):
// - its node status: every nodeStatusUpdateFrequency (10 s) the setters run again; the kubelet posts the status
//   when something besides the heartbeat times changed (node-status.ts updateConditions), and upstream also
//   every nodeStatusReportFrequency (5 min) while nothing does;
// - its Lease kube-node-lease/<node> (holderIdentity the node, leaseDurationSeconds 40, owned by its Node),
//   renewed every 10 s upstream.
// Podlab posts the status on every change (the node changed, or its kubelet came back) with a lease renewal
// (creating the Lease the first time), and when the node stops or is cut off writes the last renewal its kubelet
// made before (renewLeaseAtLastBeat): the
// node lifecycle controller counts its grace period from there exactly as upstream does, and reads a running
// node's kubelet as renewing (nodes/power.ts). The periodic writes are left out: each API write costs ~1.2 ms
// here, so the 10 s renewals alone took `advance 1h` of the default cluster from 0.04 s to 2.2 s, and even the
// 5-min posts cost 5.6 s per virtual day (a week-long `kubectl delete` wait: 40 s), for two timestamps
// (lastHeartbeatTime, renewTime) that then only move on a change. An idle cluster stays free to fast-forward.
// The Leases are created lazily too: four at bootstrap would draw four UIDs from the cluster's generator and
// shift every name and UID drawn after them (pinned by tests and by every cluster file's history so far).
//
// MemoryPressure / DiskPressure are what the eviction manager answers (eviction/pressure.ts isUnderPressure);
// when its view changes it asks for a post at the kubelet's next 10 s beat (wakeHeartbeatAtNextBeat).
//
// A stopped or partitioned node's kubelet posts nothing; starting or healing it asks for its key again. A
// kubelet that was powered off records `Starting kubelet.` and a `Rebooted` warning with its new boot ID first,
// as one does after a reboot.

import type { Lease } from '../api/coordination/types'
import { NAMESPACE_NODE_LEASE } from '../api/coordination/types'
import type { Node } from '../api/nodes/types'
import { Client } from '../client/client'
import type { Lister, SharedInformerFactory } from '../client/informers'
import type { Controller } from '../controller/controller'
import type { RateLimitingQueue } from '../controller/rate-limiting-queue'
import { EventRecorder } from '../events/recorder'
import { kubeletReachable } from '../nodes/power'
import { parseTime, rfc3339Micro } from '../runtime/clock'
import { newUid } from '../runtime/ids'
import type { World } from '../world'
import { NODE_LEASE_DURATION_SECONDS, NODE_STATUS_UPDATE_FREQUENCY_MS, updateConditions, type NodeCondition } from './node-status'
import { pressureSettings } from './eviction/conditions'
import { isUnderPressure } from './eviction/pressure'

/** The heartbeat controller's queue name, keyed by node name. */
export const HEARTBEAT_QUEUE = 'node-heartbeat'

/** What a node's kubelet process remembers of its heartbeats (node_state `heartbeat`); a restart forgets it. */
export interface HeartbeatRecord {
  /** Virtual ms of its last node status post (kl.lastStatusReportTime); none after a (re)start or heal. */
  lastReportAt?: number
  /** It has just been powered on: it records `Starting kubelet.` and `Rebooted` before its first post. */
  booting?: boolean
  /** The node's spec.unschedulable as it last saw it (kl.lastNodeUnschedulable, false at start). */
  unschedulable?: boolean
}

export const HEARTBEAT_KEY = 'heartbeat'

const hasReadyCondition = (node: Node): boolean => node.status?.conditions?.some((c) => c.type === 'Ready') ?? false

export class NodeHeartbeats implements Controller {
  readonly name = HEARTBEAT_QUEUE
  private readonly client: Client
  private readonly events: EventRecorder
  private nodes!: Lister<Node>
  private leases!: Lister<Lease>
  private queue!: RateLimitingQueue

  constructor(private readonly world: World) {
    this.client = new Client(world, 'kubelet')
    this.events = new EventRecorder(world, 'kubelet')
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    const nodes = informers.informer<Node>('nodes')
    this.nodes = nodes.lister()
    this.leases = informers.informer<Lease>('leases').lister()
    // A new node, a node from a file written before heartbeats, or a change the setters may answer.
    const changed = (node: Node) => queue.add(node.metadata.name ?? '')
    nodes.addEventHandler({ add: changed, update: (_old, node) => changed(node) })
  }

  sync(name: string): void {
    const node = this.nodes.get('', name)
    // Registration (the kubelet controller) posts a node's first status; its heartbeats start from there.
    if (!node || !hasReadyCondition(node) || !kubeletReachable(this.world, name)) return
    let record = this.world.nodeState.get<HeartbeatRecord>(name, HEARTBEAT_KEY)
    record = this.recordSchedulable(node, record)
    const changed = this.setters(node).changed
    // A kubelet that came back ({} after a heal, booting after a start) posts at once; others on a change.
    const back = record !== undefined && record.lastReportAt === undefined
    if (!changed && !back) return
    if (record?.booting) this.boot(node)
    renewLease(this.client, this.leases, this.nodes.get('', name) ?? node, this.world.now())
    this.postStatus(this.nodes.get('', name) ?? node)
    this.world.nodeState.set(name, HEARTBEAT_KEY, { lastReportAt: this.world.now(), unschedulable: record?.unschedulable } satisfies HeartbeatRecord)
  }

  /** recordNodeSchedulableEvent: `NodeNotSchedulable` / `NodeSchedulable` when a cordon comes or goes. */
  private recordSchedulable(node: Node, record: HeartbeatRecord | undefined): HeartbeatRecord | undefined {
    const unschedulable = Boolean(node.spec?.unschedulable)
    if (unschedulable === (record?.unschedulable ?? false)) return record
    const name = node.metadata.name ?? ''
    const event = unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable'
    this.events.legacy(nodeRef(node), 'Normal', event, `Node ${name} status is now: ${event}`, { component: 'kubelet', host: name })
    const next = { ...record, unschedulable }
    this.world.nodeState.set(name, HEARTBEAT_KEY, next)
    return next
  }

  /** A powered-on kubelet's first words (kubelet.go Run, and the boot ID check of MachineInfo's setter). */
  private boot(node: Node): void {
    const name = node.metadata.name ?? ''
    const bootID = newUid(this.world.rng)
    const source = { component: 'kubelet', host: name }
    this.events.legacy(nodeRef(node), 'Normal', 'Starting', 'Starting kubelet.', source)
    this.events.legacy(nodeRef(node), 'Warning', 'Rebooted', `Node ${name} has been rebooted, boot id: ${bootID}`, source)
    const nodeInfo = { ...(node.status?.nodeInfo ?? {}), bootID }
    this.client.updateStatus<Node>({ ...node, status: { ...node.status, nodeInfo } })
  }

  /** The condition setters' pass at now, MemoryPressure and DiskPressure as the eviction manager answers. */
  private setters(node: Node) {
    const name = node.metadata.name ?? ''
    const pressure = pressureSettings((type) => isUnderPressure(this.world, name, type))
    return updateConditions(node.status?.conditions as NodeCondition[] | undefined, this.world.now(), pressure)
  }

  /** The setters' pass, posted, with the events of the conditions that changed. */
  private postStatus(node: Node): void {
    const name = node.metadata.name ?? ''
    const update = this.setters(node)
    this.client.updateStatus<Node>({ ...node, status: { ...node.status, conditions: update.conditions } })
    for (const event of update.events) {
      this.events.legacy(nodeRef(node), 'Normal', event, `Node ${name} status is now: ${event}`, { component: 'kubelet', host: name })
    }
  }
}

/**
 * Asks the kubelet of `node` for a status update at its next 10 s beat (nodeStatusUpdateFrequency) counted from
 * its last post: the eviction manager's view of pressure changed, and the setters read it then, not at once.
 */
export function wakeHeartbeatAtNextBeat(world: World, node: string): void {
  const last = world.nodeState.get<HeartbeatRecord>(node, HEARTBEAT_KEY)?.lastReportAt
  const now = world.now()
  const beat = last === undefined ? now : last + Math.ceil((now - last) / NODE_STATUS_UPDATE_FREQUENCY_MS) * NODE_STATUS_UPDATE_FREQUENCY_MS
  if (beat > now) world.after(HEARTBEAT_QUEUE, node, beat - now)
  else world.enqueue(HEARTBEAT_QUEUE, node)
}

/**
 * Writes the renewal the kubelet of `node` made last before `nowMs` (ms): the latest 10 s beat since its last
 * status post. Called when the node stops or is cut off, so that its lease tells when it went silent.
 */
export function renewLeaseAtLastBeat(world: World, node: Node): void {
  const name = node.metadata.name ?? ''
  const informers = world.informers
  const leases = informers.informer<Lease>('leases').lister()
  const record = world.nodeState.get<HeartbeatRecord>(name, HEARTBEAT_KEY)
  const origin = record?.lastReportAt ?? readyHeartbeat(node)
  if (origin === undefined) return
  const now = world.now()
  const lastBeat = origin + Math.floor((now - origin) / NODE_STATUS_UPDATE_FREQUENCY_MS) * NODE_STATUS_UPDATE_FREQUENCY_MS
  const renewed = parseTime(leases.get(NAMESPACE_NODE_LEASE, name)?.spec?.renewTime)
  if (renewed !== undefined && renewed >= lastBeat) return
  renewLease(new Client(world, 'kubelet'), leases, node, lastBeat)
}

/** Creates or renews kube-node-lease/<node> with renewTime `atMs` (the lease controller's sync). */
function renewLease(client: Client, leases: Lister<Lease>, node: Node, atMs: number): void {
  const name = node.metadata.name ?? ''
  const renewTime = rfc3339Micro(atMs)
  const lease = leases.get(NAMESPACE_NODE_LEASE, name)
  if (lease) {
    client.update<Lease>({ ...lease, spec: { ...lease.spec, holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime } })
    return
  }
  client.create<Lease>({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: NAMESPACE_NODE_LEASE,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }],
    },
    spec: { holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime },
  })
}

/** The kubelet's nodeRef (kubelet.go): kind Node, its name, and the name again as its uid. */
function nodeRef(node: Node) {
  const name = node.metadata.name ?? ''
  return { kind: 'Node', name, uid: name }
}

/** When the node's status was last posted, as far as its Ready condition tells. */
function readyHeartbeat(node: Node): number | undefined {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready') as NodeCondition | undefined
  return parseTime(ready?.lastHeartbeatTime)
}
