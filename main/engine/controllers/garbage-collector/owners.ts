// The garbage collector's view of an object's owners (pkg/controller/garbagecollector garbagecollector.go
// isDangling and classifyReferences), read from the shared informers: an owner is there only when an object of
// its kind with its name (in the dependent's namespace, for a namespaced kind) has its uid.

import type { KubeObject, OwnerReference } from '../../../kube'
import type { SharedInformerFactory } from '../../client/informers'
import type { ResourceDefinition } from '../../resources/definition'
import { definitionFor, definitionForKind, REGISTRY } from '../../resources/registry'
import { FOREGROUND_FINALIZER } from '../../api/registry/gc-finalizers'

export interface Classified {
  /** Owners that exist and are not being deleted in the foreground. */
  solid: OwnerReference[]
  /** Owners that are gone (or replaced: another uid under the name). */
  dangling: OwnerReference[]
  /** Owners being deleted in the foreground, waiting for their dependents. */
  waiting: OwnerReference[]
  /** References that name a uid found in another namespace (event OwnerRefInvalidNamespace). */
  invalidNamespace: OwnerReference[]
}

export const hasFinalizer = (o: KubeObject, finalizer: string) => (o.metadata.finalizers ?? []).includes(finalizer)
export const deletingDependents = (o: KubeObject) => o.metadata.deletionTimestamp !== undefined && hasFinalizer(o, FOREGROUND_FINALIZER)

/** `resource/namespace/name`: the queue's address of an object ('' namespace when cluster-scoped). */
export const objectKey = (d: ResourceDefinition, namespace: string | undefined, name: string) => `${d.resource}/${d.namespaced ? (namespace ?? '') : ''}/${name}`

/** The key of the object `ref` names, seen from a dependent in `namespace`; undefined for a kind not served. */
export function ownerKey(ref: OwnerReference, namespace: string | undefined): string | undefined {
  const d = definitionForKind(ref.apiVersion, ref.kind)
  return d ? objectKey(d, namespace, ref.name) : undefined
}

export class OwnerGraph {
  constructor(private readonly informers: SharedInformerFactory) {}

  /** The object at `key` (objectKey), with its kind, or undefined. */
  get(key: string): { definition: ResourceDefinition; object: KubeObject } | undefined {
    const [resource = '', namespace = '', name = ''] = key.split('/')
    const definition = definitionFor(resource)
    const object = definition && this.informers.informer(resource).lister().get(namespace, name)
    return definition && object ? { definition, object } : undefined
  }

  /** Every object, of every kind served, with an owner reference to `uid`, kinds in registry order. */
  dependents(uid: string): Array<{ definition: ResourceDefinition; object: KubeObject }> {
    return REGISTRY.flatMap((definition) =>
      this.informers
        .informer(definition.resource)
        .lister()
        .byIndex('ownerUid', uid)
        .map((object) => ({ definition, object })),
    )
  }

  /**
   * Sorts `dependent`'s owner references; undefined when it is cluster-scoped and names a namespaced owner
   * (never resolvable: upstream forgets it). A reference to a kind Podlab does not serve counts as solid: upstream
   * retries its REST mapping error with back-off until the kind appears, but Podlab's kinds are fixed per build, so
   * a retry could never succeed — and the default cluster's kube-proxy and kindnet pods name DaemonSets, which
   * Podlab does not simulate yet: they must stay, without a timer retrying them forever.
   */
  classify(dependent: KubeObject): Classified | undefined {
    const out: Classified = { solid: [], dangling: [], waiting: [], invalidNamespace: [] }
    const namespace = dependent.metadata.namespace ?? ''
    for (const ref of dependent.metadata.ownerReferences ?? []) {
      const d = definitionForKind(ref.apiVersion, ref.kind)
      if (!d) {
        out.solid.push(ref)
        continue
      }
      if (d.namespaced && !namespace) return undefined
      const lister = this.informers.informer(d.resource).lister()
      const owner = lister.get(d.namespaced ? namespace : '', ref.name)
      if (!owner || owner.metadata.uid !== ref.uid) {
        out.dangling.push(ref)
        if (d.namespaced && lister.list().some((o) => o.metadata.uid === ref.uid && o.metadata.namespace !== namespace)) out.invalidNamespace.push(ref)
      } else if (deletingDependents(owner)) out.waiting.push(ref)
      else out.solid.push(ref)
    }
    return out
  }
}
