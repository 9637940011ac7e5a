// A new cluster, shaped like the one `kind create cluster` gives with one control plane and three workers
// (kind names its nodes <cluster>-control-plane, <cluster>-worker, <cluster>-worker2, ...), plus the
// namespaces the API server itself creates (and kind's local-path-storage), and the pods kind leaves running
// (kind-pods.ts). Both are created through the in-engine client, which gives them
// their uid and creationTimestamp as the API server does.

import type { KubeObject } from '../../kube'
import { Client } from '../client/client'
import { kubeletLabels, registeredStatus } from '../kubelet/node-status'
import type { World } from '../world'
import type { Node } from '../api/nodes/types'
import { createKindPods } from './kind-pods'

export interface NodeSpecData {
  name: string
  role: 'control-plane' | 'worker'
  cpu: string
  memory: string
  pods: string
  /** kind gives each node an address on its docker network 172.18.0.0/16. */
  internalIP: string
  podCIDR: string
}

export const CLUSTER_NAME = 'podlab'

export const DEFAULT_NODES: NodeSpecData[] = [
  { name: 'podlab-control-plane', role: 'control-plane', cpu: '4', memory: '8Gi', pods: '110', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24' },
  { name: 'podlab-worker', role: 'worker', cpu: '4', memory: '8Gi', pods: '110', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' },
  { name: 'podlab-worker2', role: 'worker', cpu: '4', memory: '8Gi', pods: '110', internalIP: '172.18.0.4', podCIDR: '10.244.2.0/24' },
  { name: 'podlab-worker3', role: 'worker', cpu: '4', memory: '8Gi', pods: '110', internalIP: '172.18.0.5', podCIDR: '10.244.3.0/24' },
]

export const DEFAULT_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']

/** Memory as the kubelet reports it: capacity in Ki (8Gi = 8388608Ki). */
function toKi(quantity: string): string {
  const m = /^(\d+)Gi$/.exec(quantity)
  return m ? `${Number(m[1]) * 1024 * 1024}Ki` : quantity
}

/** The Node as its kubelet registers it (status included), at the world's virtual time. */
export function nodeObject(world: World, spec: NodeSpecData): KubeObject {
  const labels = kubeletLabels(spec.name)
  if (spec.role === 'control-plane') {
    labels['node-role.kubernetes.io/control-plane'] = ''
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = ''
  }
  const resources = { cpu: spec.cpu, 'ephemeral-storage': '259962224Ki', memory: toKi(spec.memory), pods: spec.pods }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: spec.podCIDR,
      podCIDRs: [spec.podCIDR],
      providerID: `kind://docker/${CLUSTER_NAME}/${spec.name}`,
      ...(spec.role === 'control-plane'
        ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }
        : {}),
    },
    status: registeredStatus({ name: spec.name, internalIP: spec.internalIP, capacity: resources, allocatable: resources, nowMs: world.now(), rng: world.rng }),
  }
}

/** A namespace as the API server creates it: the strategy adds its name label, finalizer and phase. */
export function namespaceObject(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }
}

export function createDefaultCluster(world: World): void {
  // The apiserver creates the system namespaces itself; each kubelet registers its node and its static pods' mirrors.
  const apiserver = new Client(world, 'kube-apiserver')
  for (const ns of DEFAULT_NAMESPACES) apiserver.create(namespaceObject(ns))
  const kubelet = new Client(world, 'kubelet')
  const nodes = DEFAULT_NODES.map((node) => kubelet.create(nodeObject(world, node)) as Node)
  createKindPods(world, kubelet, nodes)
}
