// coordination.k8s.io/v1 Lease, typed as far as the engine reads it (the kubelet's node lease, the node
// lifecycle controller). Times are metav1.MicroTime: RFC 3339 with six fractional digits.

import type { KubeObject } from '../../../kube'

export interface Lease extends KubeObject {
  spec?: {
    holderIdentity?: string
    leaseDurationSeconds?: number
    acquireTime?: string
    renewTime?: string
    leaseTransitions?: number
    [field: string]: unknown
  }
}

/** The namespace of the kubelets' heartbeat leases (corev1.NamespaceNodeLease). */
export const NAMESPACE_NODE_LEASE = 'kube-node-lease'
