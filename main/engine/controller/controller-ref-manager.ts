// ControllerRefManager (kubernetes v1.32 pkg/controller/controller_ref_manager.go BaseControllerRefManager.
// ClaimObject, PodControllerRefManager.ClaimPods/AdoptPod/ReleasePod, ReplicaSetControllerRefManager and
// RecheckDeletionTimestamp): a controller claims the objects it should own — keeps those it owns whose labels
// still match, adopts matching orphans (a strategic merge patch adding its controller reference, after an
// uncached read proves the owner is still there and not being deleted), releases those it owns whose labels no
// longer match (a patch deleting its reference) — for any kind: pods for ReplicaSets and Jobs, ReplicaSets for
// Deployments.

import type { KubeObject } from '../../kube'
import { isApiError } from '../api/errors'
import { ApiServer } from '../api/server'
import { Client } from '../client/client'
import type { LabelMatcher } from '../client/informers'
import type { World } from '../world'
import { controllerOf, newControllerRef } from './controller-ref'

/** Why an adoption was refused before any patch: the owner is gone, recreated or being deleted. */
export class CannotAdopt extends Error {
  readonly reason = 'CannotAdopt'
}

/** Claiming some objects failed (utilerrors.Aggregate): one message bare, several as `[a, b]`. */
export class ClaimFailed extends Error {
  readonly reason = 'ClaimFailed'
  constructor(readonly errors: readonly Error[]) {
    super(errors.length === 1 ? (errors[0]?.message ?? '') : `[${errors.map((e) => e.message).join(', ')}]`)
  }
}

export interface ControllerRefManagerOptions {
  /** The owner's selector (LabelSelectorAsSelector of its spec.selector). */
  selector: LabelMatcher
  /** CanAdoptFunc: throws (any Error) when the owner may not adopt; called at most once, at the first adoption. */
  canAdopt?: () => void
  /** Finalizers added on adoption and removed on release (the Job controller's tracking finalizer). */
  finalizers?: readonly string[]
}

/**
 * RecheckDeletionTimestamp around an uncached read (the API server's, not an informer's) of `owner`: throws CannotAdopt when it is gone,
 * was recreated (another uid) or is being deleted, with upstream's messages.
 */
export function recheckOwner(world: World, resource: string, owner: KubeObject): () => void {
  return () => {
    const { namespace = '', name = '', uid = '' } = owner.metadata
    let fresh: KubeObject
    try {
      fresh = new ApiServer(world, 'engine').get(resource, namespace, name)
    } catch (e) {
      throw new CannotAdopt(`can't recheck DeletionTimestamp: ${e instanceof Error ? e.message : String(e)}`)
    }
    if (fresh.metadata.uid !== uid) {
      throw new CannotAdopt(`can't recheck DeletionTimestamp: original ${owner.kind} ${namespace}/${name} is gone: got uid ${fresh.metadata.uid ?? ''}, wanted ${uid}`)
    }
    if (fresh.metadata.deletionTimestamp) {
      throw new CannotAdopt(`${namespace}/${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`)
    }
  }
}

export class ControllerRefManager {
  private readonly client: Client
  private canAdoptResult: { error?: Error } | undefined

  constructor(
    world: World,
    /** The would-be owner (its apiVersion, kind, name, uid, namespace and deletionTimestamp are read). */
    private readonly owner: KubeObject,
    private readonly options: ControllerRefManagerOptions,
  ) {
    this.client = new Client(world)
  }

  /**
   * ClaimPods / ClaimReplicaSets for `resource` (`pods`, `replicasets`...): the objects of `objects` this owner
   * owns after adopting and releasing, in their given order. `filters` narrow what matches beyond the selector
   * (the Job controller's "not terminating"). Throws ClaimFailed, after trying every object, when an
   * adoption or release failed for a reason other than the object being gone.
   */
  claim<T extends KubeObject>(resource: string, objects: readonly T[], filters: ReadonlyArray<(object: T) => boolean> = []): T[] {
    const match = (o: T) => this.options.selector.matches(o.metadata.labels) && filters.every((f) => f(o))
    const claimed: T[] = []
    const errors: Error[] = []
    for (const object of objects) {
      try {
        if (this.claimObject(resource, object, match)) claimed.push(object)
      } catch (e) {
        errors.push(e instanceof Error ? e : new Error(String(e)))
      }
    }
    if (errors.length > 0) throw new ClaimFailed(errors)
    return claimed
  }

  /** ClaimObject: true when the owner owns `object` afterwards. Throws what adopt/release threw. */
  private claimObject<T extends KubeObject>(resource: string, object: T, match: (o: T) => boolean): boolean {
    const ownerUid = this.owner.metadata.uid
    const ref = controllerOf(object)
    if (ref) {
      if (ref.uid !== ownerUid) return false
      if (match(object)) return true
      // Owned but no longer matching: released, unless the owner is being deleted.
      if (this.owner.metadata.deletionTimestamp) return false
      this.release(resource, object)
      return false
    }
    // An orphan.
    if (this.owner.metadata.deletionTimestamp || !match(object)) return false
    if (object.metadata.deletionTimestamp) return false
    if (this.owner.metadata.namespace && this.owner.metadata.namespace !== object.metadata.namespace) return false
    return this.adopt(resource, object)
  }

  /** AdoptPod / AdoptReplicaSet: false when the object is already gone. */
  private adopt(resource: string, object: KubeObject): boolean {
    const { namespace = '', name = '', uid = '' } = object.metadata
    this.checkCanAdopt(`can't adopt ${object.kind} ${namespace}/${name} (${uid})`)
    const finalizers = this.options.finalizers ?? []
    // ownerRefControllerPatch: the uid makes the patch fail on an object deleted and recreated meanwhile.
    const patch = { metadata: { uid, ownerReferences: [newControllerRef(this.owner)], ...(finalizers.length > 0 ? { finalizers: [...finalizers] } : {}) } }
    try {
      this.client.patch(resource, namespace, name, 'strategic', patch)
      return true
    } catch (e) {
      if (isApiError(e) && e.reason === 'NotFound') return false
      throw e
    }
  }

  /** ReleasePod / ReleaseReplicaSet (GenerateDeleteOwnerRefStrategicMergeBytes); an object gone or recreated is ignored. */
  private release(resource: string, object: KubeObject): void {
    const { namespace = '', name = '', uid = '' } = object.metadata
    const finalizers = this.options.finalizers ?? []
    const patch = {
      metadata: {
        uid,
        ownerReferences: [{ $patch: 'delete', uid: this.owner.metadata.uid ?? '' }],
        ...(finalizers.length > 0 ? { '$deleteFromPrimitiveList/finalizers': [...finalizers] } : {}),
      },
    }
    try {
      this.client.patch(resource, namespace, name, 'strategic', patch)
    } catch (e) {
      if (isApiError(e) && (e.reason === 'NotFound' || e.reason === 'Invalid')) return
      throw e
    }
  }

  /** CanAdopt, once per manager (sync.Once): its error prefixed with what was being adopted. */
  private checkCanAdopt(what: string): void {
    if (!this.canAdoptResult) {
      try {
        this.options.canAdopt?.()
        this.canAdoptResult = {}
      } catch (e) {
        this.canAdoptResult = { error: e instanceof Error ? e : new Error(String(e)) }
      }
    }
    const error = this.canAdoptResult.error
    if (error) throw new CannotAdopt(`${what}: ${error.message}`)
  }
}
