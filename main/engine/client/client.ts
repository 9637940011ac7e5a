// The in-engine client: the only way the engine's own components (scheduler, kubelet, controllers, the event
// recorder, bootstrap) write API objects. Like client-go talking to the API server, every write goes through
// the registry's strategy (defaults, admission, validation, resourceVersion checks) inside the caller's
// transaction; unlike a door, it may use verbs users cannot use yet (creating nodes, events, namespaces).

import type { KubeObject } from '../../kube'
import { ApiServer } from '../api/server'
import type { Pod } from '../api/pods/types'
import type { CreateOptions, DeleteOptions, PatchType } from '../engine'
import type { World } from '../world'

export class Client {
  private readonly api: ApiServer

  /**
   * `fieldManager`: the manager the component's writes are recorded under in metadata.managedFields, the
   * apiserver's default for a client that names none: its user agent up to the first `/`
   * (`kube-controller-manager/v1.32.5 (linux/amd64) kubernetes/.../replicaset-controller`).
   */
  constructor(world: World, fieldManager = 'kube-controller-manager') {
    this.api = new ApiServer(world, 'engine', fieldManager)
  }

  /** POST: the object as stored (uid, creationTimestamp, resourceVersion). Throws ApiError (Invalid, AlreadyExists, NotFound namespace). */
  create<T extends KubeObject>(object: T, options?: CreateOptions): T {
    return this.api.create(object, options) as T
  }

  /** PUT: replaces the object; Conflict when its metadata.resourceVersion is stale. Throws ApiError. */
  update<T extends KubeObject>(object: T, options?: CreateOptions): T {
    return this.api.update(object, options) as T
  }

  /** PUT .../status: only the status is taken; spec and metadata stay the stored ones. Throws ApiError. */
  updateStatus<T extends KubeObject>(object: T): T {
    return this.api.updateStatus(object) as T
  }

  /** PATCH: `patch` of `patchType` applied to the stored object, then an update. Throws ApiError. */
  patch<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, options?: CreateOptions): T {
    return this.api.patch(resource, namespace, name, patchType, patch, options) as T
  }

  /**
   * DELETE with DeleteOptions (gracePeriodSeconds in seconds, preconditions, propagationPolicy): the object as
   * marked for deletion, or as it was when removed. Grace 0 removes even a pod already terminating (the kubelet's
   * final delete). Throws ApiError (NotFound, Conflict for a failed precondition).
   */
  delete(resource: string, namespace: string | undefined, name: string, options?: DeleteOptions): KubeObject {
    return this.api.delete(resource, namespace, name, options)
  }

  /** PUT namespaces/NAME/finalize (the namespace controller's): spec.finalizers as given; the namespace goes when none are left. Throws ApiError. */
  finalizeNamespace<T extends KubeObject>(namespace: T): T {
    return this.api.finalizeNamespace(namespace) as T
  }

  /** POST pods/binding, as the scheduler posts it: spec.nodeName and PodScheduled=True. Throws ApiError (Conflict when already bound or deleting). */
  bind(namespace: string, podName: string, nodeName: string): Pod {
    return this.api.bind(namespace, podName, nodeName)
  }

  /** POST pods/eviction (no PodDisruptionBudgets yet: always allowed): DisruptionTarget, then the delete. Throws ApiError. */
  evict(namespace: string, podName: string, options?: DeleteOptions): KubeObject {
    return this.api.evict(namespace, podName, options)
  }
}
