// deploymentutil's view of a Deployment's history (kubectl pkg/util/deployment/deployment.go, v0.32.5): the
// ReplicaSets it controls (listed by its selector, kept when their controller ownerReference is its UID) and
// each one's revision annotation.

import type { KubeObject } from '../../../kube'
import type { KubectlIO } from '../../io'

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause'

export interface Deployment extends KubeObject {
  spec: {
    replicas?: number
    paused?: boolean
    selector?: { matchLabels?: Record<string, string> }
    template: PodTemplate
  }
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; availableReplicas?: number; conditions?: Array<{ type: string; reason?: string }> }
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; creationTimestamp?: null | string }
  spec?: Record<string, unknown>
}

export interface ReplicaSet extends KubeObject {
  spec: { template: PodTemplate }
}

/** GetAllReplicaSets: the deployment's ReplicaSets (controller ownerReference = its UID). */
export function controlledReplicaSets(io: KubectlIO, d: Deployment): ReplicaSet[] {
  const selector = Object.entries(d.spec.selector?.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',')
  const listed = io.engine.list('replicasets', d.metadata.namespace, selector ? { labelSelector: selector } : undefined, 'apps').items
  return listed.filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.controller === true && o.uid === d.metadata.uid)) as ReplicaSet[]
}

/** deploymentutil.Revision: the object's revision annotation as an int64, or undefined when it has none or a bad one. */
export function revisionOf(o: KubeObject): number | undefined {
  const v = o.metadata.annotations?.[REVISION_ANNOTATION]
  if (v === undefined || !/^-?\d+$/.test(v)) return v === undefined ? 0 : undefined
  return Number(v)
}
