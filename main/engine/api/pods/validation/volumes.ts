// Pod volumes (kubernetes v1.32.1 validation.go ValidateVolumes / validateVolumeSource): the source is checked
// first, then the name; only volumes without errors can be mounted, so a container mounting a broken volume
// also gets `volumeMounts[i].name: Not found`. Of the sources' own fields, only the ones a learner writes by
// hand are checked (secret, configMap, persistentVolumeClaim, hostPath).

import type { FieldError } from '../../errors'
import { child, duplicate, forbidden, index, invalid, required } from '../../field'
import { isDNS1123Label } from '../../meta/validation'
import { isObj, objects, str, type Obj } from './values'

// [JSON field, the path validateVolumeSource names], in the order it checks them (typos are Kubernetes').
const SOURCES: Array<[string, string]> = [
  ['emptyDir', 'emptyDir'], ['hostPath', 'hostPath'], ['gitRepo', 'gitRepo'], ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'], ['secret', 'secret'], ['nfs', 'nfs'], ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'], ['flocker', 'flocker'], ['persistentVolumeClaim', 'persistentVolumeClaim'], ['rbd', 'rbd'],
  ['cinder', 'cinder'], ['cephfs', 'cephFS'], ['quobyte', 'quobyte'], ['downwardAPI', 'downwarAPI'], ['fc', 'fc'],
  ['flexVolume', 'flexVolume'], ['configMap', 'configMap'], ['azureFile', 'azureFile'], ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'], ['portworxVolume', 'portworxVolume'], ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'], ['projected', 'projected'], ['scaleIO', 'scaleIO'], ['csi', 'csi'], ['ephemeral', 'ephemeral'],
  ['image', 'image'],
]

const REQUIRED_NAME: Record<string, string> = { secret: 'secretName', configMap: 'name', persistentVolumeClaim: 'claimName', hostPath: 'path' }

function validateVolumeSource(volume: Obj, path: string): FieldError[] {
  const errs: FieldError[] = []
  let count = 0
  for (const [field, errorName] of SOURCES) {
    const source = volume[field]
    if (!isObj(source)) continue
    if (count > 0) {
      errs.push(forbidden(child(path, errorName), 'may not specify more than 1 volume type'))
      continue
    }
    count++
    const needed = REQUIRED_NAME[field]
    if (needed && !str(source[needed])) errs.push(required(child(path, field, needed)))
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'))
  return errs
}

/** The errors, and the names of the volumes containers may mount. */
export function validateVolumes(volumes: unknown, path: string): { errors: FieldError[]; mountable: Set<string> } {
  const errors: FieldError[] = []
  const mountable = new Set<string>()
  objects(volumes).forEach((v, i) => {
    const idxPath = index(path, i)
    const namePath = child(idxPath, 'name')
    const name = str(v.name)
    const el = validateVolumeSource(v, idxPath)
    if (!name) el.push(required(namePath))
    else el.push(...isDNS1123Label(name).map((m) => invalid(namePath, name, m)))
    if (mountable.has(name)) el.push(duplicate(namePath, name))
    if (el.length === 0) mountable.add(name)
    else errors.push(...el)
  })
  return { errors, mountable }
}
