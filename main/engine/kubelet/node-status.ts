// What a kubelet writes about its own node when it registers and posts status (pkg/kubelet/kubelet_node_status.go
// and nodestatus/setters.go): the default labels (updateDefaultLabels), the capacity and allocatable (here the
// manifest's where it gives them, as KWOK's nodes take theirs, else kind's worker: 4 CPU, 8Gi, 110 pods;
// kind reserves nothing, so allocatable equals capacity), the addresses, the four conditions, nodeInfo and the
// daemon endpoint. The versions are those of kindest/node v1.32.5 (kind v0.29.0). Then the setters' pass of its
// status updates (nodestatus/setters.go, nodeStatusHasChanged): node-heartbeat.ts says when they are posted.

import { rfc3339 } from '../runtime/clock'
import { newUid } from '../runtime/ids'
import type { Rng } from '../runtime/rng'

export const KUBELET_VERSION = 'v1.32.5'
export const CONTAINER_RUNTIME_VERSION = 'containerd://2.1.1'

/** kind's worker as Podlab plays it: capacity (and allocatable), memory in Ki as the kubelet reports it. */
export const WORKER_CAPACITY: Readonly<Record<string, string>> = { cpu: '4', 'ephemeral-storage': '259962224Ki', memory: '8388608Ki', pods: '110' }

/** The labels the kubelet keeps on its node (kubeletapis well-known labels; the beta ones still set in 1.32). */
export function kubeletLabels(name: string): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  }
}

/** KubeletConfiguration defaults (v1beta1 SetDefaults_KubeletConfiguration): ms, and s for the lease. */
export const NODE_STATUS_UPDATE_FREQUENCY_MS = 10_000
export const NODE_LEASE_DURATION_SECONDS = 40

export interface NodeCondition {
  type: string
  status: string
  lastHeartbeatTime: string
  lastTransitionTime: string
  reason: string
  message: string
}

/** MemoryPressure, DiskPressure, PIDPressure (False) and Ready (True) as of `nowMs` (ms), in the kubelet's order. */
function healthyConditions(nowMs: number): NodeCondition[] {
  return updateConditions([], nowMs).conditions
}

/** One condition a setter keeps: its status, reason and message, and the event it records on a change. */
export interface ConditionSetting {
  type: string
  status: string
  reason: string
  message: string
  event: string
}

/** What the setters decide for a healthy kubelet, in the kubelet's order (Memory, Disk, PID pressure, Ready). */
const HEALTHY: readonly ConditionSetting[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
]

export interface ConditionsUpdate {
  conditions: NodeCondition[]
  /** Whether anything but the heartbeat times changed (nodeConditionsHaveChanged). */
  changed: boolean
  /** The node status events the setters record (`Node x status is now: <event>`), in order. */
  events: string[]
}

/**
 * The setters' pass over `current` at `nowMs` (ms): each of the four conditions gets lastHeartbeatTime now, and
 * a new lastTransitionTime (and its event) only when its status changes, e.g. Unknown -> True when a stopped
 * node's kubelet comes back. Conditions the kubelet does not own (NetworkUnavailable) stay as they are.
 * `pressure` replaces the healthy setting of the conditions the eviction manager reports True (MemoryPressure
 * from IsUnderMemoryPressure, DiskPressure from IsUnderDiskPressure: kubelet/eviction/conditions.ts).
 */
export function updateConditions(current: readonly NodeCondition[] | undefined, nowMs: number, pressure: readonly ConditionSetting[] = []): ConditionsUpdate {
  const now = rfc3339(nowMs)
  const conditions = [...(current ?? [])]
  const events: string[] = []
  let changed = false
  for (const healthy of HEALTHY) {
    const want = pressure.find((p) => p.type === healthy.type) ?? healthy
    const at = conditions.findIndex((c) => c.type === want.type)
    const old = at < 0 ? undefined : conditions[at]
    const transition = !old || old.status !== want.status
    const next: NodeCondition = {
      type: want.type,
      status: want.status,
      lastHeartbeatTime: now,
      lastTransitionTime: transition ? now : old.lastTransitionTime,
      reason: want.reason,
      message: want.message,
    }
    if (transition) events.push(want.event)
    if (transition || old.reason !== want.reason || old.message !== want.message) changed = true
    if (at < 0) conditions.push(next)
    else conditions[at] = next
  }
  return { conditions, changed, events }
}

/** status.nodeInfo of a kind node; bootID, machineID and systemUUID are drawn from `rng` in that order. */
function kindNodeInfo(rng: Rng): Record<string, string> {
  return {
    architecture: 'amd64',
    bootID: newUid(rng),
    containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
    kernelVersion: '6.8.0-1026-gcp',
    kubeProxyVersion: KUBELET_VERSION,
    kubeletVersion: KUBELET_VERSION,
    machineID: newUid(rng).replace(/-/g, ''),
    operatingSystem: 'linux',
    osImage: 'Debian GNU/Linux 12 (bookworm)',
    systemUUID: newUid(rng),
  }
}

export interface RegisteredStatusInput {
  name: string
  internalIP: string
  capacity: Record<string, string>
  allocatable: Record<string, string>
  nowMs: number
  rng: Rng
}

/** The whole status a kubelet posts when its node is up: addresses, resources, conditions, daemon endpoint, nodeInfo. */
export function registeredStatus(input: RegisteredStatusInput): Record<string, unknown> {
  return {
    addresses: [
      { type: 'InternalIP', address: input.internalIP },
      { type: 'Hostname', address: input.name },
    ],
    allocatable: input.allocatable,
    capacity: input.capacity,
    conditions: healthyConditions(input.nowMs),
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images: [],
    nodeInfo: kindNodeInfo(input.rng),
  }
}
