// The ServiceAccount admission plugin's mutation of a new pod (plugin/pkg/admission/serviceaccount/
// admission.go, Admit + mountServiceAccountToken + TokenVolumeSource; the same logic from 1.22 through 1.3x):
// default the service account, and mount a projected `kube-api-access-xxxxx` volume with the bound token,
// the cluster CA and the namespace into every container that has nothing at the token path yet.
// Podlab assumes the service account exists, automounts (no automountServiceAccountToken: false on the
// ServiceAccount object) and has no imagePullSecrets, which is the case for `default` in a fresh namespace.

import type { Rng } from '../../../runtime/rng'
import { generateName } from '../../meta/names'
import type { Container, Pod, VolumeMount } from '../types'

export const DEFAULT_SERVICE_ACCOUNT = 'default'
export const TOKEN_VOLUME_PREFIX = 'kube-api-access-'
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror'
/** pkg/serviceaccount WarnOnlyBoundTokenExpirationSeconds: one hour and 7 s, the "injected token" marker. */
const INJECTED_TOKEN_EXPIRATION_SECONDS = 60 * 60 + 7

export function tokenVolumeSource(): Record<string, unknown> {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: INJECTED_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  }
}

function mountServiceAccountToken(pod: Pod, rng: Rng): void {
  const volumes = pod.spec.volumes ?? []
  const existing = volumes.find((v) => typeof v.name === 'string' && v.name.startsWith(TOKEN_VOLUME_PREFIX))
  // The name is drawn even when no container turns out to need it, as the plugin does.
  const volumeName = existing?.name ?? generateName(TOKEN_VOLUME_PREFIX, rng)

  let needsVolume = false
  const mountInto = (containers: Container[] | undefined): void => {
    for (const c of containers ?? []) {
      const mounts: VolumeMount[] = c.volumeMounts ?? []
      if (mounts.some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue
      c.volumeMounts = [...mounts, { mountPath: TOKEN_MOUNT_PATH, name: volumeName, readOnly: true }]
      needsVolume = true
    }
  }
  mountInto(pod.spec.initContainers)
  mountInto(pod.spec.containers)

  if (!existing && needsVolume) pod.spec.volumes = [...volumes, { name: volumeName, projected: tokenVolumeSource() }]
}

export function admitServiceAccount(pod: Pod, rng: Rng): void {
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return
  if (!pod.spec.serviceAccountName) pod.spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT
  // shouldAutomount: the pod's preference wins; the ServiceAccount's is assumed unset (true).
  if (pod.spec.automountServiceAccountToken !== false) mountServiceAccountToken(pod, rng)
}
