// apps/v1 Deployment and ReplicaSet as Podlab reads them (k8s.io/api v0.32.0 apps/v1/types.go). Only what the
// strategies and controllers read is typed; every other field is kept as it came.

import type { KubeObject, ObjectMeta } from '../../../kube'
import type { LabelSelector } from '../../labels'
import type { ConditionStatus, PodSpec } from '../pods/types'

export type { LabelSelector }

/** core/v1 PodTemplateSpec: the pods a controller makes carry this metadata and spec. */
export interface PodTemplateSpec {
  metadata?: ObjectMeta
  spec: PodSpec
}

/** An int or a percentage string (`25%`), as maxSurge/maxUnavailable take (intstr.IntOrString). */
export type IntOrString = number | string

export interface ReplicaSetSpec {
  /** Defaults to 1. */
  replicas?: number
  /** Seconds a new pod must be Ready, with no container crashing, to count as available. Defaults to 0. */
  minReadySeconds?: number
  selector: LabelSelector
  template: PodTemplateSpec
  [field: string]: unknown
}

export interface ReplicaSetCondition {
  type: 'ReplicaFailure' | (string & {})
  status: ConditionStatus
  lastTransitionTime?: string
  reason?: string
  message?: string
}

export interface ReplicaSetStatus {
  replicas: number
  fullyLabeledReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  /** 1.32 beta field (DeploymentPodReplacementPolicy off by default): not written. */
  terminatingReplicas?: number
  observedGeneration?: number
  conditions?: ReplicaSetCondition[]
  [field: string]: unknown
}

export interface ReplicaSet extends KubeObject {
  apiVersion: 'apps/v1'
  kind: 'ReplicaSet'
  metadata: ObjectMeta
  spec: ReplicaSetSpec
  status?: ReplicaSetStatus
}

export interface RollingUpdateDeployment {
  /** Defaults to 25%. */
  maxUnavailable?: IntOrString
  /** Defaults to 25%. */
  maxSurge?: IntOrString
}

export interface DeploymentStrategy {
  type?: 'RollingUpdate' | 'Recreate' | (string & {})
  rollingUpdate?: RollingUpdateDeployment
}

export interface DeploymentSpec {
  replicas?: number
  selector: LabelSelector
  template: PodTemplateSpec
  strategy?: DeploymentStrategy
  minReadySeconds?: number
  /** Defaults to 10. */
  revisionHistoryLimit?: number
  paused?: boolean
  /** Seconds; defaults to 600. */
  progressDeadlineSeconds?: number
  [field: string]: unknown
}

export interface DeploymentCondition {
  type: 'Available' | 'Progressing' | 'ReplicaFailure' | (string & {})
  status: ConditionStatus
  lastUpdateTime?: string
  lastTransitionTime?: string
  reason?: string
  message?: string
}

export interface DeploymentStatus {
  observedGeneration?: number
  replicas?: number
  updatedReplicas?: number
  readyReplicas?: number
  availableReplicas?: number
  unavailableReplicas?: number
  terminatingReplicas?: number
  conditions?: DeploymentCondition[]
  collisionCount?: number
  [field: string]: unknown
}

export interface Deployment extends KubeObject {
  apiVersion: 'apps/v1'
  kind: 'Deployment'
  metadata: ObjectMeta
  spec: DeploymentSpec
  status?: DeploymentStatus
}
