// What the runtime mounts for each of a pod's volumes (the volume plugins' SetUpAt, release-1.32): an emptyDir
// is the runtime's own (shared by the pod's containers), a hostPath the node's; configMap, secret, downwardAPI
// and projected volumes are files the kubelet writes (AtomicWriter's payload: each key, or each item at its
// path), so the runtime receives them as content. The service-account volume the ServiceAccount admission adds
// (`kube-api-access-*`, projected: token, kube-root-ca.crt's ca.crt, the namespace) is one of these.

import type { Container, Pod, Volume } from '../api/pods/types'
import type { Mount, VolumeSource } from '../containerd/runtime-service'
import { fieldValue, secretText, type ConfigSource } from './container-config'

interface KeyToPath {
  key: string
  path: string
}
interface ObjectProjection {
  name?: string
  secretName?: string
  items?: KeyToPath[]
}
interface DownwardProjection {
  items?: Array<{ path: string; fieldRef?: { fieldPath?: string } }>
}
interface Projection {
  configMap?: ObjectProjection
  secret?: ObjectProjection
  downwardAPI?: DownwardProjection
  serviceAccountToken?: { path: string; expirationSeconds?: number }
}

/** Each key at its own name, or each listed item at its path (MakePayload); nothing when the object is absent. */
function payload(data: Record<string, string> | undefined, items: KeyToPath[] | undefined): Record<string, string> {
  if (!data) return {}
  if (!items || items.length === 0) return { ...data }
  const files: Record<string, string> = {}
  for (const item of items) if (data[item.key] !== undefined) files[item.path] = data[item.key]!
  return files
}

function configMapFiles(pod: Pod, src: ObjectProjection, source: ConfigSource): Record<string, string> {
  const found = source.configMap(pod.metadata.namespace ?? 'default', src.name ?? '')
  return payload(found?.data, src.items)
}

function secretFiles(pod: Pod, src: ObjectProjection, source: ConfigSource): Record<string, string> {
  const found = source.secret(pod.metadata.namespace ?? 'default', src.secretName ?? src.name ?? '')
  const data = found ? Object.fromEntries(Object.entries(found.data ?? {}).map(([k, v]) => [k, secretText(v)])) : undefined
  return payload(data, src.items)
}

function downwardFiles(pod: Pod, src: DownwardProjection): Record<string, string> {
  const files: Record<string, string> = {}
  for (const item of src.items ?? []) if (item.fieldRef) files[item.path] = fieldValue(pod, item.fieldRef.fieldPath ?? '')
  return files
}

/**
 * A bound service-account token as the kubelet's token manager writes it: a JWT. Podlab signs nothing, so the
 * header and claims are real-shaped and the signature is a fixed placeholder.
 */
function serviceAccountToken(pod: Pod): string {
  const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')
  const sub = `system:serviceaccount:${pod.metadata.namespace ?? 'default'}:${pod.spec.serviceAccountName ?? 'default'}`
  return `${b64({ alg: 'RS256', kid: 'podlab' })}.${b64({ aud: ['https://kubernetes.default.svc.cluster.local'], sub })}.podlab-unsigned`
}

function projectedFiles(pod: Pod, sources: Projection[], source: ConfigSource): Record<string, string> {
  let files: Record<string, string> = {}
  for (const s of sources) {
    if (s.configMap) files = { ...files, ...configMapFiles(pod, s.configMap, source) }
    if (s.secret) files = { ...files, ...secretFiles(pod, s.secret, source) }
    if (s.downwardAPI) files = { ...files, ...downwardFiles(pod, s.downwardAPI) }
    if (s.serviceAccountToken) files[s.serviceAccountToken.path] = serviceAccountToken(pod)
  }
  return files
}

/** The runtime's view of one pod volume, or undefined for a kind Podlab does not mount (a PVC, say). */
export function volumeSource(pod: Pod, volume: Volume, source: ConfigSource): VolumeSource | undefined {
  const name = volume.name
  const mode = (v: unknown) => ((v as { defaultMode?: number } | undefined)?.defaultMode !== undefined ? { mode: (v as { defaultMode: number }).defaultMode } : {})
  if (volume.emptyDir) {
    const medium = (volume.emptyDir as { medium?: string }).medium
    return medium === 'Memory' ? { kind: 'emptyDir', name, medium: 'Memory' } : { kind: 'emptyDir', name }
  }
  if (volume.hostPath) return { kind: 'hostPath', name, path: (volume.hostPath as { path?: string }).path ?? '' }
  if (volume.configMap) return { kind: 'files', name, files: configMapFiles(pod, volume.configMap as ObjectProjection, source), ...mode(volume.configMap) }
  if (volume.secret) return { kind: 'files', name, files: secretFiles(pod, volume.secret as ObjectProjection, source), ...mode(volume.secret) }
  if (volume.downwardAPI) return { kind: 'files', name, files: downwardFiles(pod, volume.downwardAPI as DownwardProjection), ...mode(volume.downwardAPI) }
  if (volume.projected) {
    const projected = volume.projected as { sources?: Projection[] }
    return { kind: 'files', name, files: projectedFiles(pod, projected.sources ?? [], source), ...mode(volume.projected) }
  }
  return undefined
}

/** makeMounts: each of the container's volumeMounts whose volume the runtime can mount, in the spec's order. */
export function containerMounts(pod: Pod, container: Container, source: ConfigSource): Mount[] {
  const volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]))
  const mounts: Mount[] = []
  for (const m of container.volumeMounts ?? []) {
    const volume = volumes.get(m.name)
    const resolved = volume && volumeSource(pod, volume, source)
    if (!resolved) continue
    const mount: Mount = { containerPath: m.mountPath, volume: resolved, readOnly: m.readOnly === true }
    if (typeof m.subPath === 'string' && m.subPath !== '') mount.subPath = m.subPath
    mounts.push(mount)
  }
  return mounts
}
