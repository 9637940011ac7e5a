// SetObjectDefaults_ReplicaSet (kubernetes v1.32 pkg/apis/apps/v1/defaults.go and zz_generated.defaults.go):
// replicas 1, and the pod template's spec defaulted as every PodSpec is (not SetDefaults_Pod's pod-only rules).

import { applyPodSpecDefaults } from '../../pods/defaults'
import type { PodTemplateSpec, ReplicaSet } from '../types'

/**
 * The template's pod spec defaults (SetDefaults_PodSpec and its containers and volumes); a missing spec is Go's
 * zero PodSpec. The template's metadata also gets `creationTimestamp: null`, as Go's encoding of a zero
 * metav1.Time prints it (omitempty cannot drop a struct): what `kubectl get -o yaml` shows of a 1.32 server.
 */
export function applyPodTemplateDefaults(template: PodTemplateSpec): void {
  const metadata = (template.metadata ??= {}) as Record<string, unknown>
  if (metadata.creationTimestamp === undefined) metadata.creationTimestamp = null
  if (typeof template.spec !== 'object' || template.spec === null) template.spec = {} as PodTemplateSpec['spec']
  applyPodSpecDefaults(template.spec as unknown as Record<string, unknown>)
}

/** Mutates `rs` the way decoding an apps/v1 ReplicaSet into the API server does. */
export function applyReplicaSetDefaults(rs: ReplicaSet): void {
  if (typeof rs.spec !== 'object' || rs.spec === null) rs.spec = {} as ReplicaSet['spec']
  if (rs.spec.replicas === undefined || rs.spec.replicas === null) rs.spec.replicas = 1
  if (typeof rs.spec.template !== 'object' || rs.spec.template === null) rs.spec.template = {} as PodTemplateSpec
  applyPodTemplateDefaults(rs.spec.template)
}
