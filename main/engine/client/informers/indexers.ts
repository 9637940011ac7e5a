// The informers' standard indexes (client-go cache.Indexers): each maps an object to the values it is found by.

import type { KubeObject } from '../../../kube'

export type IndexFunc = (object: KubeObject) => readonly string[]

const none: readonly string[] = []

/** controller.OrphanPodIndexKey. */
export const ORPHAN_INDEX_KEY = '_ORPHAN_POD'

/** controller.OrphanPodIndexKeyForNamespace: the controllerUid index value of the orphans of `namespace`. */
export const orphanIndexKey = (namespace: string) => `${ORPHAN_INDEX_KEY}/${namespace}`

export const INDEXERS: Readonly<Record<string, IndexFunc>> = {
  /** cache.NamespaceIndex. */
  namespace: (o) => (o.metadata.namespace ? [o.metadata.namespace] : none),
  /** The uid of each owner (the controllers' and garbage collector's "my children"). */
  ownerUid: (o) => o.metadata.ownerReferences?.map((r) => r.uid) ?? none,
  /**
   * controller.PodControllerUIDIndex (pkg/controller/controller_utils.go AddPodControllerUIDIndexer): the uid of
   * the object's controller, or ORPHAN_INDEX_KEY/namespace for one without, so that a ReplicaSet finds its own
   * pods and the orphans it may adopt without walking every pod of the namespace.
   */
  controllerUid: (o) => {
    const ref = o.metadata.ownerReferences?.find((r) => r.controller === true)
    return ref ? [ref.uid] : [orphanIndexKey(o.metadata.namespace ?? '')]
  },
  /** A pod's spec.nodeName (the kubelet's and scheduler's "pods on this node"). */
  nodeName: (o) => {
    const node = (o as { spec?: { nodeName?: unknown } }).spec?.nodeName
    return typeof node === 'string' && node !== '' ? [node] : none
  },
}

export type IndexName = keyof typeof INDEXERS
