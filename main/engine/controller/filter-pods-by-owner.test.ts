import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../kube'
import { Informer } from '../client/informers'
import { filterByOwner } from './filter-pods-by-owner'

const pod = (namespace: string, name: string, controller?: string, other?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    namespace,
    name,
    uid: `uid-${namespace}-${name}`,
    ownerReferences: [
      ...(controller ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: controller, uid: controller, controller: true }] : []),
      ...(other ? [{ apiVersion: 'v1', kind: 'ConfigMap', name: other, uid: other }] : []),
    ],
  },
})

function lister(objects: KubeObject[]) {
  const informer = new Informer('pods', () => ({ resourceVersion: 1, objects }), () => undefined, () => undefined)
  return informer.lister()
}

describe('controller.FilterPodsByOwner through the controllerUid index', () => {
  const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { namespace: 'default', name: 'web', uid: 'rs-web' } }
  const pods = lister([
    pod('default', 'b-mine', 'rs-web'),
    pod('default', 'a-mine', 'rs-web'),
    pod('default', 'c-theirs', 'rs-other'),
    pod('default', 'd-orphan'),
    pod('default', 'e-orphan-with-plain-owner', undefined, 'cm'),
    pod('other', 'f-orphan-elsewhere'),
  ])

  it('gives the owner its own pods in name order, then the orphans of its namespace (includeOrphanedPods)', () => {
    expect(filterByOwner(pods, rs, true).map((p) => p.metadata.name)).toEqual(['a-mine', 'b-mine', 'd-orphan', 'e-orphan-with-plain-owner'])
  })

  it('without orphans: only the pods whose controller reference names the owner uid', () => {
    expect(filterByOwner(pods, rs, false).map((p) => p.metadata.name)).toEqual(['a-mine', 'b-mine'])
  })
})
