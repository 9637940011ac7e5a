// The informers' standard indexes (client-go cache.Indexers): each maps an object to the values it is found by.

import type { KubeObject } from '../../../kube'

export type IndexFunc = (object: KubeObject) => readonly string[]

const none: readonly string[] = []

export const INDEXERS: Readonly<Record<string, IndexFunc>> = {
  /** cache.NamespaceIndex. */
  namespace: (o) => (o.metadata.namespace ? [o.metadata.namespace] : none),
  /** The uid of each owner (the controllers' and garbage collector's "my children"). */
  ownerUid: (o) => o.metadata.ownerReferences?.map((r) => r.uid) ?? none,
  /** A pod's spec.nodeName (the kubelet's and scheduler's "pods on this node"). */
  nodeName: (o) => {
    const node = (o as { spec?: { nodeName?: unknown } }).spec?.nodeName
    return typeof node === 'string' && node !== '' ? [node] : none
  },
}

export type IndexName = keyof typeof INDEXERS
