// controller.FilterPodsByOwner (pkg/controller/controller_utils.go): the pods a controller may own, found through
// the pod informer's controllerUid index instead of every pod of the namespace. With 150,000 pods in `default`
// and 1,500 ReplicaSets, listing the namespace on each sync walked 150,000 pods per sync; the index gives the
// set's own 100 plus the namespace's orphans (which the claim may adopt). Pods controlled by another owner are
// left out: the claim would have ignored them anyway.

import type { KubeObject } from '../../kube'
import { orphanIndexKey, type Lister } from '../client/informers'

/**
 * The objects of `lister` controlled by `owner` (by uid), then, with `includeOrphans`, those of the owner's
 * namespace with no controller, each group in (namespace, name) order as the index keeps it.
 */
export function filterByOwner<T extends KubeObject>(lister: Lister<T>, owner: KubeObject, includeOrphans: boolean): T[] {
  const namespace = owner.metadata.namespace ?? ''
  const owned = lister.byIndex('controllerUid', owner.metadata.uid ?? '').filter((o) => (o.metadata.namespace ?? '') === namespace)
  return includeOrphans ? [...owned, ...lister.byIndex('controllerUid', orphanIndexKey(namespace))] : owned
}
