// The garbage collector (pkg/controller/garbagecollector, 1.32), for every kind served: its graph of owners and
// dependents is the shared informers' ownerUid index, so nothing is kept between syncs. Keys:
//   delete:<resource>/<namespace>/<name>  attemptToDeleteItem: a dependent whose owners are all gone (by uid) is
//                                         deleted (Background, Foreground when an owner waits for it and it has
//                                         dependents of its own, or as its own finalizer says); references to
//                                         gone owners beside a live one are removed; an owner being deleted in
//                                         the foreground loses `foregroundDeletion` once no dependent with
//                                         blockOwnerDeletion is left.
//   orphan:<resource>/<namespace>/<name>  attemptToOrphan: its dependents lose their reference to it, then it
//                                         loses the `orphan` finalizer.
//   dependents:<uid>                      every dependent of `uid` is looked at (its owner went, or started a
//                                         foreground deletion).
// Handlers only enqueue, as upstream's graph builder does on the same transitions.

import type { KubeObject, OwnerReference } from '../../../kube'
import { isApiError } from '../../api/errors'
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../../api/registry/gc-finalizers'
import { Client } from '../../client/client'
import type { SharedInformerFactory } from '../../client/informers'
import type { Controller } from '../../controller/controller'
import type { RateLimitingQueue } from '../../controller/rate-limiting-queue'
import type { DeleteOptions } from '../../engine'
import { EventRecorder, involved } from '../../events/recorder'
import type { ResourceDefinition } from '../../resources/definition'
import { REGISTRY } from '../../resources/registry'
import type { World } from '../../world'
import { deletingDependents, hasFinalizer, objectKey, ownerKey, OwnerGraph } from './owners'

const SOURCE = { component: 'garbage-collector-controller' }

/** Whether two ownerReferences lists say the same (checked on every update of every object: no JSON). */
function sameRefs(a: readonly OwnerReference[] = [], b: readonly OwnerReference[] = []): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  return a.every((r, i) => {
    const o = b[i] as OwnerReference
    return r.uid === o.uid && r.name === o.name && r.kind === o.kind && r.apiVersion === o.apiVersion && r.controller === o.controller && r.blockOwnerDeletion === o.blockOwnerDeletion
  })
}

/** Deletion started (or the object arrived being deleted) with `finalizer` on it (deletionStartsWithFinalizer). */
function startsWith(old: KubeObject | undefined, object: KubeObject, finalizer: string): boolean {
  if (!object.metadata.deletionTimestamp || !hasFinalizer(object, finalizer)) return false
  return !old || !old.metadata.deletionTimestamp || !hasFinalizer(old, finalizer)
}

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector'
  private readonly client: Client
  private readonly recorder: EventRecorder
  private queue!: RateLimitingQueue
  private graph!: OwnerGraph

  constructor(world: World) {
    this.client = new Client(world)
    this.recorder = new EventRecorder(world)
  }

  register(informers: SharedInformerFactory, queue: RateLimitingQueue): void {
    this.queue = queue
    this.graph = new OwnerGraph(informers)
    for (const d of REGISTRY) {
      informers.informer(d.resource).addEventHandler({
        add: (o) => this.observe(d, undefined, o),
        update: (old, o) => this.observe(d, old, o),
        delete: (o) => this.observeDeleted(o),
      })
    }
  }

  sync(key: string): void {
    const colon = key.indexOf(':')
    const verb = key.slice(0, colon)
    const rest = key.slice(colon + 1)
    if (verb === 'dependents') {
      for (const dep of this.graph.dependents(rest)) this.queue.add(`delete:${objectKey(dep.definition, dep.object.metadata.namespace, dep.object.metadata.name ?? '')}`)
      return
    }
    const found = this.graph.get(rest)
    if (!found) return
    if (verb === 'orphan') this.attemptToOrphan(found.definition, found.object)
    else this.attemptToDelete(found.definition, found.object)
  }

  private observe(d: ResourceDefinition, old: KubeObject | undefined, object: KubeObject): void {
    const key = objectKey(d, object.metadata.namespace, object.metadata.name ?? '')
    const refs = object.metadata.ownerReferences
    if (refs?.length && !sameRefs(old?.metadata.ownerReferences, refs)) this.queue.add(`delete:${key}`)
    // An owner a dependent stopped naming (or stopped blocking) may be waiting for it in the foreground.
    for (const ref of old?.metadata.ownerReferences ?? []) {
      const now = refs?.find((r) => r.uid === ref.uid)
      if (!now || (ref.blockOwnerDeletion && !now.blockOwnerDeletion)) this.enqueueOwner(ref, object.metadata.namespace)
    }
    if (startsWith(old, object, ORPHAN_FINALIZER)) this.queue.add(`orphan:${key}`)
    if (startsWith(old, object, FOREGROUND_FINALIZER)) {
      this.queue.add(`dependents:${object.metadata.uid ?? ''}`)
      this.queue.add(`delete:${key}`)
    }
  }

  private observeDeleted(object: KubeObject): void {
    this.queue.add(`dependents:${object.metadata.uid ?? ''}`)
    for (const ref of object.metadata.ownerReferences ?? []) this.enqueueOwner(ref, object.metadata.namespace)
  }

  private enqueueOwner(ref: OwnerReference, namespace: string | undefined): void {
    const key = ownerKey(ref, namespace)
    if (key) this.queue.add(`delete:${key}`)
  }

  /** attemptToDeleteItem. Throws the API's errors other than NotFound. */
  private attemptToDelete(d: ResourceDefinition, object: KubeObject): void {
    if (object.metadata.deletionTimestamp) {
      if (deletingDependents(object)) this.processDeletingDependents(d, object)
      return
    }
    if (!object.metadata.ownerReferences?.length) return
    const owners = this.graph.classify(object)
    if (!owners) return
    for (const ref of owners.invalidNamespace) {
      const id = `[${ref.apiVersion}/${ref.kind}, namespace: ${object.metadata.namespace ?? ''}, name: ${ref.name}, uid: ${ref.uid}]`
      this.recorder.legacy(involved(object), 'Warning', 'OwnerRefInvalidNamespace', `ownerRef ${id} does not exist in namespace "${object.metadata.namespace ?? ''}"`, SOURCE)
    }
    const { solid, dangling, waiting } = owners
    if (solid.length > 0) {
      if (dangling.length === 0 && waiting.length === 0) return
      const drop = new Set([...dangling, ...waiting].map((r) => r.uid))
      this.update(object, { ownerReferences: (object.metadata.ownerReferences ?? []).filter((r) => !drop.has(r.uid)) })
      return
    }
    const uid = object.metadata.uid ?? ''
    if (waiting.length > 0 && this.graph.dependents(uid).length > 0) {
      // A dependent of this object also waiting on it in the foreground could close a cycle: the references
      // to the waiting owners stop blocking first (unblockOwnerReferences).
      if (this.graph.dependents(uid).some((dep) => deletingDependents(dep.object))) {
        const waitingUids = new Set(waiting.map((r) => r.uid))
        const refs = (object.metadata.ownerReferences ?? []).map((r) => (waitingUids.has(r.uid) ? { ...r, blockOwnerDeletion: false } : r))
        object = this.update(object, { ownerReferences: refs })
      }
      this.delete(d, object, 'Foreground')
      return
    }
    const policy = hasFinalizer(object, ORPHAN_FINALIZER) ? 'Orphan' : hasFinalizer(object, FOREGROUND_FINALIZER) ? 'Foreground' : 'Background'
    this.delete(d, object, policy)
  }

  /** processDeletingDependentsItem: the owner waits until no dependent with blockOwnerDeletion is left. */
  private processDeletingDependents(d: ResourceDefinition, owner: KubeObject): void {
    const uid = owner.metadata.uid ?? ''
    const blocking = this.graph
      .dependents(uid)
      .filter((dep) => dep.object.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion === true))
    if (blocking.length === 0) {
      this.update(owner, { finalizers: (owner.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_FINALIZER) })
      return
    }
    for (const dep of blocking) {
      if (!deletingDependents(dep.object)) this.queue.add(`delete:${objectKey(dep.definition, dep.object.metadata.namespace, dep.object.metadata.name ?? '')}`)
    }
  }

  /** attemptToOrphan (orphanDependents, then removeFinalizer). */
  private attemptToOrphan(d: ResourceDefinition, owner: KubeObject): void {
    if (!owner.metadata.deletionTimestamp || !hasFinalizer(owner, ORPHAN_FINALIZER)) return
    const uid = owner.metadata.uid ?? ''
    for (const dep of this.graph.dependents(uid)) {
      this.update(dep.object, { ownerReferences: (dep.object.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid) })
    }
    this.update(owner, { finalizers: (owner.metadata.finalizers ?? []).filter((f) => f !== ORPHAN_FINALIZER) })
  }

  /** Writes `metadata` changes of `object` (an empty list is dropped); NotFound means it is gone already. */
  private update(object: KubeObject, changes: { ownerReferences?: OwnerReference[]; finalizers?: string[] }): KubeObject {
    const metadata = { ...object.metadata, ...changes }
    if (metadata.ownerReferences?.length === 0) delete metadata.ownerReferences
    if (metadata.finalizers?.length === 0) delete metadata.finalizers
    try {
      return this.client.update({ ...object, metadata })
    } catch (e) {
      if (isApiError(e) && e.reason === 'NotFound') return object
      throw e
    }
  }

  /** deleteObject: with the uid and resourceVersion seen, so that a replaced object is never the one deleted. */
  private delete(d: ResourceDefinition, object: KubeObject, propagationPolicy: DeleteOptions['propagationPolicy']): void {
    const { uid, resourceVersion, namespace, name = '' } = object.metadata
    try {
      this.client.delete(d.resource, namespace, name, { propagationPolicy, preconditions: { uid, resourceVersion } })
    } catch (e) {
      if (!isApiError(e) || e.reason !== 'NotFound') throw e
    }
  }
}
