// Pod defaulting, in the order of SetObjectDefaults_Pod (kubernetes v1.32.1 pkg/apis/core/v1/defaults.go and
// zz_generated.defaults.go): SetDefaults_Pod, SetDefaults_PodSpec, volumes, init containers, containers,
// ephemeral containers. Feature-gated defaults whose gates are off in 1.32 (InPlacePodVerticalScaling's
// resizePolicy, PodLevelResources, ImageVolume) are not applied. In-tree cloud volume plugins' defaults
// (azureDisk, rbd, iscsi, scaleIO) are left out.

import { defaultPullPolicy } from './image'
import type { Container, Pod } from './types'

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const objects = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])

/** Go cannot tell 0 from unset, so an explicit 0 is defaulted too. */
function defaultNumber(o: Obj, field: string, value: number): void {
  if (o[field] === undefined || o[field] === null || o[field] === 0) o[field] = value
}
function defaultString(o: Obj, field: string, value: string): void {
  if (o[field] === undefined || o[field] === null || o[field] === '') o[field] = value
}

/** Requests default to limits for each resource only a limit is given for (Pod only, not templates). */
function requestsFromLimits(c: Obj): void {
  const resources = isObj(c.resources) ? c.resources : undefined
  if (!resources || !isObj(resources.limits)) return
  const requests: Obj = isObj(resources.requests) ? resources.requests : {}
  for (const [k, v] of Object.entries(resources.limits)) if (!(k in requests)) requests[k] = v
  resources.requests = requests
}

function defaultHostNetworkPorts(c: Obj): void {
  for (const p of objects(c.ports)) if (!p.hostPort) p.hostPort = p.containerPort
}

function defaultHTTPGet(h: unknown): void {
  if (!isObj(h)) return
  defaultString(h, 'path', '/')
  defaultString(h, 'scheme', 'HTTP')
}

function defaultProbe(p: unknown): void {
  if (!isObj(p)) return
  defaultNumber(p, 'timeoutSeconds', 1)
  defaultNumber(p, 'periodSeconds', 10)
  defaultNumber(p, 'successThreshold', 1)
  defaultNumber(p, 'failureThreshold', 3)
  defaultHTTPGet(p.httpGet)
  if (isObj(p.grpc) && p.grpc.service == null) p.grpc.service = ''
}

function defaultFieldRef(ref: unknown): void {
  if (isObj(ref)) defaultString(ref, 'apiVersion', 'v1')
}

/** SetDefaults_Container plus the generated per-container defaults. */
export function applyContainerDefaults(c: Obj): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(typeof c.image === 'string' ? c.image : '')
  defaultString(c, 'terminationMessagePath', '/dev/termination-log')
  defaultString(c, 'terminationMessagePolicy', 'File')
  for (const p of objects(c.ports)) defaultString(p, 'protocol', 'TCP')
  for (const e of objects(c.env)) if (isObj(e.valueFrom)) defaultFieldRef(e.valueFrom.fieldRef)
  // ResourceRequirements is a struct, not a pointer: it is always there, `resources: {}` when empty.
  if (!isObj(c.resources)) c.resources = {}
  defaultProbe(c.livenessProbe)
  defaultProbe(c.readinessProbe)
  defaultProbe(c.startupProbe)
  if (isObj(c.lifecycle)) {
    if (isObj(c.lifecycle.postStart)) defaultHTTPGet(c.lifecycle.postStart.httpGet)
    if (isObj(c.lifecycle.preStop)) defaultHTTPGet(c.lifecycle.preStop.httpGet)
  }
}

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
]
const FILE_MODE_0644 = 420

export function applyVolumeDefaults(v: Obj): void {
  if (!VOLUME_SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {}
  if (isObj(v.hostPath) && v.hostPath.type == null) v.hostPath.type = ''
  if (isObj(v.secret) && v.secret.defaultMode == null) v.secret.defaultMode = FILE_MODE_0644
  if (isObj(v.configMap) && v.configMap.defaultMode == null) v.configMap.defaultMode = FILE_MODE_0644
  if (isObj(v.downwardAPI)) {
    if (v.downwardAPI.defaultMode == null) v.downwardAPI.defaultMode = FILE_MODE_0644
    for (const item of objects(v.downwardAPI.items)) defaultFieldRef(item.fieldRef)
  }
  if (isObj(v.projected)) {
    if (v.projected.defaultMode == null) v.projected.defaultMode = FILE_MODE_0644
    for (const source of objects(v.projected.sources)) {
      if (isObj(source.downwardAPI)) for (const item of objects(source.downwardAPI.items)) defaultFieldRef(item.fieldRef)
      if (isObj(source.serviceAccountToken) && source.serviceAccountToken.expirationSeconds == null) {
        source.serviceAccountToken.expirationSeconds = 3600
      }
    }
  }
  const claim = isObj(v.ephemeral) && isObj(v.ephemeral.volumeClaimTemplate) ? v.ephemeral.volumeClaimTemplate.spec : undefined
  if (isObj(claim) && claim.volumeMode == null) claim.volumeMode = 'Filesystem'
}

/** SetDefaults_PodSpec: shared by Pods and pod templates (Deployments, ReplicaSets, Jobs). */
export function applyPodSpecDefaults(spec: Obj): void {
  defaultString(spec, 'dnsPolicy', 'ClusterFirst')
  defaultString(spec, 'restartPolicy', 'Always')
  if (!isObj(spec.securityContext)) spec.securityContext = {}
  if (spec.terminationGracePeriodSeconds == null) spec.terminationGracePeriodSeconds = 30
  defaultString(spec, 'schedulerName', 'default-scheduler')
  for (const v of objects(spec.volumes)) applyVolumeDefaults(v)
  for (const c of objects(spec.initContainers)) applyContainerDefaults(c)
  for (const c of objects(spec.containers)) applyContainerDefaults(c)
  for (const c of objects(spec.ephemeralContainers)) applyContainerDefaults(c)
}

/** Mutates `pod` the way decoding a v1.Pod into the API server does. */
export function applyPodDefaults(pod: Pod): void {
  if (!isObj(pod.spec)) pod.spec = { containers: [] }
  const spec = pod.spec as unknown as Obj
  const containers = objects(spec.containers) as Container[] as Obj[]
  const initContainers = objects(spec.initContainers)
  // SetDefaults_Pod (Pod only).
  for (const c of [...containers, ...initContainers]) requestsFromLimits(c)
  if (spec.enableServiceLinks == null) spec.enableServiceLinks = true
  if (spec.hostNetwork === true) for (const c of [...containers, ...initContainers]) defaultHostNetworkPorts(c)
  applyPodSpecDefaults(spec)
}
