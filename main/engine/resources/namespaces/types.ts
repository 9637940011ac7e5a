// core/v1 Namespace, as far as Podlab reads and writes it (k8s.io/api core/v1 types.go NamespaceSpec/Status).

import type { KubeObject } from '../../../kube'

export type NamespacePhase = 'Active' | 'Terminating'

/** NamespaceCondition: the namespace controller's report while it empties a terminating namespace. */
export interface NamespaceCondition {
  type: string
  status: 'True' | 'False' | 'Unknown'
  lastTransitionTime?: string
  reason?: string
  message?: string
}

export interface Namespace extends KubeObject {
  spec?: { finalizers?: string[] }
  status?: { phase?: NamespacePhase; conditions?: NamespaceCondition[] }
}

/** The finalizer the namespace controller owns (core.FinalizerKubernetes), in spec.finalizers. */
export const KUBERNETES_FINALIZER = 'kubernetes'
