// The shapes of the v1 objects the describers read, as JSON: only the fields kubectl's describers print.

import type { KubeObject } from '../../../kube'
import type { OwnerRef, Taint, Toleration } from './format'

export type ResourceList = Record<string, string>

export interface ResourceRequirements {
  limits?: ResourceList
  requests?: ResourceList
}

export interface Probe {
  exec?: { command?: string[] }
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string }
  tcpSocket?: { port: number | string; host?: string }
  grpc?: { port: number; service?: string }
  initialDelaySeconds?: number
  timeoutSeconds?: number
  periodSeconds?: number
  successThreshold?: number
  failureThreshold?: number
}

export interface EnvVar {
  name: string
  value?: string
  valueFrom?: {
    fieldRef?: { apiVersion?: string; fieldPath: string }
    resourceFieldRef?: { containerName?: string; resource: string; divisor?: string }
    configMapKeyRef?: { name?: string; key: string; optional?: boolean }
    secretKeyRef?: { name?: string; key: string; optional?: boolean }
  }
}

export interface EnvFromSource {
  prefix?: string
  configMapRef?: { name?: string; optional?: boolean }
  secretRef?: { name?: string; optional?: boolean }
}

export interface Container {
  name: string
  image?: string
  command?: string[]
  args?: string[]
  ports?: Array<{ containerPort: number; hostPort?: number; protocol?: string }>
  env?: EnvVar[]
  envFrom?: EnvFromSource[]
  resources?: ResourceRequirements
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean; subPath?: string }>
  volumeDevices?: Array<{ name: string; devicePath: string }>
  livenessProbe?: Probe
  readinessProbe?: Probe
  startupProbe?: Probe
  securityContext?: { seccompProfile?: { type: string; localhostProfile?: string } }
}

export interface ContainerState {
  running?: { startedAt?: string }
  waiting?: { reason?: string; message?: string }
  terminated?: { reason?: string; message?: string; exitCode: number; signal?: number; startedAt?: string; finishedAt?: string }
}

export interface ContainerStatus {
  name: string
  containerID?: string
  image?: string
  imageID?: string
  state?: ContainerState
  lastState?: ContainerState
  ready?: boolean
  restartCount?: number
}

export interface Volume {
  name: string
  [source: string]: unknown
}

export interface PodSpec {
  containers: Container[]
  initContainers?: Container[]
  volumes?: Volume[]
  nodeName?: string
  nodeSelector?: Record<string, string>
  tolerations?: Toleration[]
  priority?: number
  priorityClassName?: string
  runtimeClassName?: string
  serviceAccountName?: string
  securityContext?: { seccompProfile?: { type: string; localhostProfile?: string } }
  readinessGates?: Array<{ conditionType: string }>
  topologySpreadConstraints?: Array<{ topologyKey: string; whenUnsatisfiable: string; maxSkew: number; labelSelector?: unknown }>
  resources?: ResourceRequirements
  overhead?: ResourceList
}

export interface Pod extends KubeObject {
  spec: PodSpec
  status?: {
    phase?: string
    reason?: string
    message?: string
    hostIP?: string
    podIP?: string
    podIPs?: Array<{ ip: string }>
    startTime?: string
    nominatedNodeName?: string
    qosClass?: string
    conditions?: Array<{ type: string; status: string }>
    containerStatuses?: ContainerStatus[]
    initContainerStatuses?: ContainerStatus[]
  }
}

export interface PodTemplateSpec {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }
  spec: PodSpec
}

export type { OwnerRef, Taint, Toleration }
