// Whether a pod's configMap, secret and projected volumes can be set up (the volume plugins' SetUpAt:
// pkg/volume/{configmap,secret,projected}, release-1.32): the object must exist unless the source is optional,
// and every item key must be in it (MakePayload). Each failure reads as the operation generator's event:
// `MountVolume.SetUp failed for volume "<volume>" : <error>`; several errors of one projected volume join as
// utilerrors.Aggregate prints them.

import type { Pod, Volume } from '../api/pods/types'
import type { ConfigSource } from './container-config'

interface ObjectSource {
  name?: string
  secretName?: string
  optional?: boolean
  items?: Array<{ key: string }>
}

/** kube-controller-manager's root-ca-cert-publisher puts it in every namespace; Podlab does not run it yet. */
const ROOT_CA = 'kube-root-ca.crt'

function sourceError(kind: 'configmap' | 'secret', src: ObjectSource, namespace: string, source: ConfigSource): string | undefined {
  const name = (kind === 'secret' ? src.secretName ?? src.name : src.name) ?? ''
  const found = kind === 'configmap' ? source.configMap(namespace, name) : source.secret(namespace, name)
  if (!found) {
    if (src.optional === true || (kind === 'configmap' && name === ROOT_CA)) return undefined
    return `${kind} "${name}" not found`
  }
  const keys = new Set([...Object.keys(found.data ?? {}), ...Object.keys((found as { binaryData?: object }).binaryData ?? {})])
  for (const item of src.items ?? []) {
    if (keys.has(item.key)) continue
    if (src.optional === true) continue
    return kind === 'configmap' ? `configmap references non-existent config key: ${item.key}` : `references non-existent secret key: ${item.key}`
  }
  return undefined
}

/** The SetUp error of one volume, or undefined when it mounts (or is of a kind Podlab mounts without looking). */
export function volumeSetUpError(pod: Pod, volume: Volume, source: ConfigSource): string | undefined {
  const namespace = pod.metadata.namespace ?? 'default'
  if (volume.configMap) return sourceError('configmap', volume.configMap as ObjectSource, namespace, source)
  if (volume.secret) return sourceError('secret', volume.secret as ObjectSource, namespace, source)
  const projected = volume.projected as { sources?: Array<{ configMap?: ObjectSource; secret?: ObjectSource }> } | undefined
  if (!projected) return undefined
  const errors: string[] = []
  for (const s of projected.sources ?? []) {
    const err = s.configMap ? sourceError('configmap', s.configMap, namespace, source) : s.secret ? sourceError('secret', { ...s.secret, secretName: s.secret.name }, namespace, source) : undefined
    if (err) errors.push(err)
  }
  return errors.length === 0 ? undefined : errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`
}

export function failedMountMessage(volume: string, error: string): string {
  return `MountVolume.SetUp failed for volume "${volume}" : ${error}`
}
