// What a kubelet writes about its own node when it registers and posts status (pkg/kubelet/kubelet_node_status.go
// and nodestatus/setters.go): the default labels (updateDefaultLabels), the capacity and allocatable (here the
// manifest's where it gives them, as KWOK's nodes take theirs, else kind's worker: 4 CPU, 8Gi, 110 pods;
// kind reserves nothing, so allocatable equals capacity), the addresses, the four conditions, nodeInfo and the
// daemon endpoint. The versions are those of kindest/node v1.32.5 (kind v0.29.0).

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
  const now = rfc3339(nowMs)
  const condition = (type: string, status: string, reason: string, message: string): NodeCondition => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  })
  return [
    condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ]
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
