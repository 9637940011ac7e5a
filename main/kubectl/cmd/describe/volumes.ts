// describe.go describeVolumes (v0.32.5): each pod volume with its source's own lines. Podlab serves the sources
// its kubelet mounts (emptyDir, configMap, secret, projected, hostPath, downwardAPI) and a few it only stores;
// the cloud and network sources (NFS, iSCSI, CSI...) print `<unknown>` here, as Podlab does not simulate them.

import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer'
import type { Volume } from './types'

type Source = Record<string, unknown>

/** Go's `%v` of a *bool: `<nil>` when unset (the kube-api-access volume's kube-root-ca.crt ConfigMap). */
const boolPtr = (v: unknown): string => (v === undefined || v === null ? '<nil>' : String(v))

const PRINTERS: Array<[string, (s: Source, w: PrefixWriter) => void]> = [
  ['hostPath', (s, w) => w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${s.path ?? ''}\n    HostPathType:\t${(s.type as string | undefined) ?? '<none>'}\n`)],
  [
    'emptyDir',
    (s, w) => {
      const limit = typeof s.sizeLimit === 'string' && s.sizeLimit !== '0' ? s.sizeLimit : '<unset>'
      w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${s.medium ?? ''}\n    SizeLimit:\t${limit}\n`)
    },
  ],
  ['secret', (s, w) => w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${s.secretName ?? ''}\n    Optional:\t${s.optional === true}\n`)],
  ['configMap', (s, w) => w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${s.name ?? ''}\n    Optional:\t${s.optional === true}\n`)],
  [
    'persistentVolumeClaim',
    (s, w) => w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${s.claimName ?? ''}\n    ReadOnly:\t${s.readOnly === true}\n`),
  ],
  [
    'downwardAPI',
    (s, w) => {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
      for (const item of (s.items as Array<{ path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { resource: string } }>) ?? []) {
        if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
        if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
      }
    },
  ],
  [
    'projected',
    (s, w) => {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
      for (const source of (s.sources as Source[]) ?? []) {
        const secret = source.secret as Source | undefined
        const configMap = source.configMap as Source | undefined
        const token = source.serviceAccountToken as Source | undefined
        if (secret) w.write(LEVEL_2, `SecretName:\t${secret.name ?? ''}\n    SecretOptionalName:\t${boolPtr(secret.optional)}\n`)
        else if (source.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
        else if (configMap) w.write(LEVEL_2, `ConfigMapName:\t${configMap.name ?? ''}\n    ConfigMapOptional:\t${boolPtr(configMap.optional)}\n`)
        else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${token.expirationSeconds ?? 0}\n`)
      }
    },
  ],
  ['image', (s, w) => w.write(LEVEL_2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${s.reference ?? ''}\n    PullPolicy:\t${s.pullPolicy ?? ''}\n`)],
]

export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${volume.name}:\n`)
    const printer = PRINTERS.find(([key]) => volume[key] !== undefined && volume[key] !== null)
    if (printer) printer[1](volume[printer[0]] as Source, w)
    else w.write(LEVEL_1, '<unknown>\n')
  }
}
