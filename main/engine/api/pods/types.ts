// core/v1 Pod, typed as far as the engine reads and writes it (k8s.io/api core/v1 types.go, v0.32.0).
// Fields Podlab does not model yet stay on the object untouched through the index signatures.

import type { KubeObject, ObjectMeta } from '../../../kube'

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never'
export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never'
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown'
export type ConditionStatus = 'True' | 'False' | 'Unknown'

export interface ContainerPort {
  name?: string
  containerPort: number
  protocol?: 'TCP' | 'UDP' | 'SCTP'
  hostPort?: number
  hostIP?: string
}

export interface VolumeMount {
  name: string
  mountPath: string
  readOnly?: boolean
  [field: string]: unknown
}

export interface Volume {
  name: string
  [field: string]: unknown
}

export interface Container {
  name: string
  image?: string
  volumeMounts?: VolumeMount[]
  command?: string[]
  args?: string[]
  ports?: ContainerPort[]
  imagePullPolicy?: PullPolicy
  restartPolicy?: 'Always'
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> }
  terminationMessagePath?: string
  terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError'
  [field: string]: unknown
}

export interface Toleration {
  key?: string
  operator?: 'Exists' | 'Equal'
  value?: string
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
  tolerationSeconds?: number
}

export interface PodSpec {
  containers: Container[]
  initContainers?: Container[]
  restartPolicy?: RestartPolicy
  terminationGracePeriodSeconds?: number
  nodeName?: string
  nodeSelector?: Record<string, string>
  schedulerName?: string
  tolerations?: Toleration[]
  serviceAccountName?: string
  /** Deprecated alias of serviceAccountName, written back from it on every pod served. */
  serviceAccount?: string
  automountServiceAccountToken?: boolean
  volumes?: Volume[]
  priorityClassName?: string
  priority?: number
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never'
  readinessGates?: Array<{ conditionType: string }>
  [field: string]: unknown
}

export interface PodCondition {
  type: string
  status: ConditionStatus
  lastProbeTime: string | null
  lastTransitionTime: string | null
  reason?: string
  message?: string
  observedGeneration?: number
}

export interface ContainerStateWaiting {
  reason?: string
  message?: string
}
export interface ContainerStateRunning {
  startedAt?: string
}
export interface ContainerStateTerminated {
  exitCode: number
  signal?: number
  reason?: string
  message?: string
  startedAt?: string | null
  finishedAt?: string | null
  containerID?: string
}
export interface ContainerState {
  waiting?: ContainerStateWaiting
  running?: ContainerStateRunning
  terminated?: ContainerStateTerminated
}

export interface ContainerStatus {
  name: string
  state: ContainerState
  lastState: ContainerState
  ready: boolean
  restartCount: number
  image: string
  imageID: string
  containerID?: string
  started?: boolean
  [field: string]: unknown
}

export interface PodStatus {
  phase?: PodPhase
  conditions?: PodCondition[]
  message?: string
  reason?: string
  hostIP?: string
  hostIPs?: Array<{ ip: string }>
  podIP?: string
  podIPs?: Array<{ ip: string }>
  startTime?: string
  nominatedNodeName?: string
  qosClass?: 'Guaranteed' | 'Burstable' | 'BestEffort'
  initContainerStatuses?: ContainerStatus[]
  containerStatuses?: ContainerStatus[]
  [field: string]: unknown
}

export interface Pod extends KubeObject {
  apiVersion: 'v1'
  kind: 'Pod'
  metadata: ObjectMeta
  spec: PodSpec
  status?: PodStatus
}
