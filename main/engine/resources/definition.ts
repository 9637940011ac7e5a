// What the API server knows about one kind, written once in the kind's own folder: its discovery names, its
// strategy (pkg/registry/<group>/<kind>/strategy.go: defaults, admission, PrepareForCreate/PrepareForUpdate,
// validation, the status subresource, graceful deletion), its Table and its schema type. The generic store
// (../api/server.ts) runs every kind through the same steps in upstream's order.

import type { KubeObject, Table } from '../../kube'
import type { FieldError } from '../api/errors'
import type { DeleteOptions, ResourceRef } from '../engine'
import type { World } from '../world'

/** The verbs a door (a user) may call on a kind; the engine's own components may always call all of them. */
export type UserVerb = 'create' | 'update' | 'delete'

export interface StatusStrategy<T extends KubeObject> {
  /** The status subresource's PrepareForUpdate: what of `next` is kept besides its status. */
  prepareForUpdate(next: T, old: T): void
  validateUpdate(next: T, old: T): FieldError[]
  /**
   * The status subresource takes the sent annotations too (deploymentStatusStrategy keeps all of the metadata
   * but the labels: the Deployment controller writes its revision annotation through it). Otherwise the stored
   * metadata stays.
   */
  keepsAnnotations?: boolean
}

export interface Strategy<T extends KubeObject = KubeObject> {
  /** SetDefaults, as the decoder runs them on every body. */
  defaults?(object: T): void
  /** The mutating admission plugins on create (they may draw from the seeded generator). */
  admit?(object: T, world: World): void
  admitUpdate?(object: T, old: T, world: World): void
  /** PrepareForCreate: clears what a client may not set (status, ...). */
  prepareForCreate?(object: T, world: World): void
  /** PrepareForUpdate: keeps what the main resource may not change (status, ...). */
  prepareForUpdate?(object: T, old: T): void
  /** Validate on create: the kind's own rules, ObjectMeta included. */
  validate(object: T): FieldError[]
  validateUpdate(object: T, old: T): FieldError[]
  /** The status subresource; kinds without one have none. */
  status?: StatusStrategy<T>
  /**
   * CheckGracefulDelete: the grace period (seconds) the object gets when deleted with `requested` (seconds,
   * already 1 when a negative one was asked); 0 deletes at once. Kinds without it are deleted at once.
   */
  gracePeriodSeconds?(object: T, requested: number | undefined): number
  /**
   * A kind whose REST storage deletes in its own way before the generic store (namespaces: the first delete
   * marks the namespace Terminating, and it goes only once spec.finalizers is empty): the object to store and
   * answer with, or undefined to go on with the store's delete. `nowMs` is the virtual time. Throws ApiError.
   */
  delete?(object: T, options: DeleteOptions, nowMs: number): T | undefined
  /**
   * The store's extra condition for removing an object when an update empties its finalizers
   * (Store.ShouldDeleteDuringUpdate; namespaces: spec.finalizers must be empty too).
   */
  shouldDeleteDuringUpdate?(object: T): boolean
}

/**
 * What happens to an object's dependents when it is deleted without a propagationPolicy
 * (rest.GarbageCollectionDeleteStrategy.DefaultGarbageCollectionPolicy): Background deletes them
 * (DeleteDependents), Orphan leaves them without this owner (OrphanDependents: batch/v1 Jobs).
 */
export type GarbageCollectionPolicy = 'Background' | 'Orphan'

export type TableBuilder = (objects: KubeObject[], nowMs: number, resourceVersion: string, wide: boolean) => Table

export interface ResourceDefinition<T extends KubeObject = KubeObject> extends ResourceRef {
  singular: string
  shortNames: readonly string[]
  categories: readonly string[]
  /** The schema's type name for decoding and patch merge keys (`core.v1.Pod`, see ../api/schema). */
  schemaType: string
  strategy: Strategy<T>
  /** The server-side Table; kinds without one get printers' NAME AGE. */
  table?: TableBuilder
  /** Its strategy's DefaultGarbageCollectionPolicy; Background when not given. */
  defaultGarbageCollectionPolicy?: GarbageCollectionPolicy
  /**
   * For a kind served from another kind's storage (events.k8s.io/v1 Event reads core/v1 events, resource
   * `events` in both groups): the stored object as this group-version serves it.
   */
  fromStorage?(stored: KubeObject): KubeObject
  /** What a user may do today; a kind whose other verbs Podlab does not serve yet refuses them. */
  userVerbs: ReadonlySet<UserVerb>
  /**
   * A read-only kind served from what the cluster is doing rather than from storage (metrics.k8s.io: made from
   * the pods and their containers' usage at each read). Only get and list; it has no history and no watch.
   */
  computed?: ComputedReads
}

export interface ComputedReads {
  /** The objects in `namespace` (every namespace when undefined), sorted as the kind's server sorts them. */
  list(world: World, namespace: string | undefined): KubeObject[]
  /** One object; throws the kind's own ApiError when it has none. */
  get(world: World, namespace: string | undefined, name: string): KubeObject
}

/** Types a kind's definition (its strategy sees its own type) and keeps it assignable to the registry's list. */
export function defineKind<T extends KubeObject>(definition: ResourceDefinition<T>): ResourceDefinition {
  return definition as unknown as ResourceDefinition
}
