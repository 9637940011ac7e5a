// The engine as the doors and the built-in kubectl see it: an API server (create/get/list/update/delete,
// watch), a Table builder, and the virtual clock. One implementation (./cluster.ts) sits behind it.

import type { ClockState, ClusterInfo, KubeObject, Table, WatchEvent } from '../kube'
import type { ClockOwner } from './store/clock-owner'
import type { ChaosOperation, ChaosOutcome } from './chaos/operations'

export type { Door } from './store/command-log'
export type { ClockOwner } from './store/clock-owner'
export type { ChaosOperation, ChaosOutcome } from './chaos/operations'

/** How a resource is addressed: `pods` in group "" version v1, namespaced. */
export interface ResourceRef {
  /** Plural lower-case resource, as in the REST path: `pods`, `nodes`. */
  resource: string
  group: string
  version: string
  kind: string
  namespaced: boolean
  /** Discovery's singularName (`pod`), and its shortNames (`po`) and categories (`all`), as the real API server advertises them. */
  singular?: string
  shortNames?: readonly string[]
  categories?: readonly string[]
}

export interface CreateOptions {
  /** The API server's `fieldValidation`; kubectl >= 1.27 sends Strict. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore'
}

export interface DeleteOptions {
  /** Overrides spec.terminationGracePeriodSeconds (seconds); 0 deletes at once, a negative one is 1. */
  gracePeriodSeconds?: number
  /** The delete happens only when the stored object still has this uid / resourceVersion (else Conflict). */
  preconditions?: { uid?: string; resourceVersion?: string }
  /**
   * What happens to the object's dependents (those whose ownerReferences name it): Background removes the
   * object at once and the garbage collector deletes them after; Foreground keeps the object (deletionTimestamp
   * and the `foregroundDeletion` finalizer) until every dependent with blockOwnerDeletion is gone; Orphan keeps
   * it (the `orphan` finalizer) until the garbage collector has removed it from their ownerReferences. Without
   * it: the object's own `orphan`/`foregroundDeletion` finalizer, else its kind's default (Background; batch/v1
   * Job: Orphan). Ignored while a graceful deletion is pending.
   */
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground'
}

/** JSON patch (RFC 6902), merge patch (RFC 7386) or Kubernetes' strategic merge patch. */
export type PatchType = 'json' | 'merge' | 'strategic'

export interface ListOptions {
  /** A label selector as kubectl's `-l` sends it (`app=web,tier!=db`); a bad one is BadRequest. */
  labelSelector?: string
}

export interface AdvanceOptions {
  /**
   * A tick of the real-time driver: not recorded as a command. Timers fire in order at whatever advance comes
   * next, so the history replays from the commands and their virtual times alone.
   */
  tick?: boolean
}

export interface ListResult {
  items: KubeObject[]
  resourceVersion: string
}

export interface Engine {
  info(): ClusterInfo
  /** Resources this API server serves, for discovery and kubectl's resource mapping. */
  resources(): ResourceRef[]

  /** Creates an object as a JSON value already decoded from a manifest. Throws ApiError. */
  create(object: unknown, options?: CreateOptions): KubeObject
  /** `group` picks among kinds served under one plural (`events`: core/v1, or `events.k8s.io`); default core. */
  get(resource: string, namespace: string | undefined, name: string, group?: string): KubeObject
  list(resource: string, namespace?: string, options?: ListOptions, group?: string): ListResult
  /** Replaces an object (optimistic concurrency on metadata.resourceVersion when set). Throws ApiError. */
  update(object: unknown, options?: CreateOptions): KubeObject
  /**
   * Patches an object: the patch applied to the stored object, then an update of the result (same validation;
   * Conflict when the patch carries a stale metadata.resourceVersion). Throws ApiError.
   */
  patch(resource: string, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, options?: CreateOptions): KubeObject
  delete(resource: string, namespace: string | undefined, name: string, options?: DeleteOptions): KubeObject

  /** Server-side Table for `kubectl get`, the UI's lists and (later) the REST door. */
  table(resource: string, namespace: string | undefined, options?: { wide?: boolean }): Table

  /** Events after `fromResourceVersion` (all current objects as ADDED when omitted), then live ones. */
  watch(fromResourceVersion: string | undefined, handler: (event: WatchEvent, resourceVersion: string) => void): () => void

  /**
   * A chaos operation (kill or OOM-kill a container, delete a pod, fill or free a node's disk, start or stop
   * random chaos), recorded as a command so the file replays it. Throws ApiError (a missing pod or node) and
   * ChaosRefused (a container not in the pod or not running, a bad signal or value, no runtime).
   */
  chaos(operation: ChaosOperation): ChaosOutcome

  clock(): ClockState
  /** Runs the cluster forward on the virtual clock: fires every timer due on the way, in order. */
  advance(milliseconds: number, options?: AdvanceOptions): ClockState
  pause(): ClockState
  resume(): ClockState
  setSpeed(speed: number): ClockState
  onClock(listener: (clock: ClockState) => void): () => void

  close(): void
}

/**
 * What a host holding a cluster file open needs beyond the API (kubectl and its fakes need none of it). The
 * engine only stores the clock owner: whether that process is alive is the host's question (it never reads
 * the wall clock or the process table).
 */
export interface HostEngine extends Engine {
  /** Catches up with other processes' commits and lets the watchers hear them; true when there were any. Cheap when nothing changed. */
  poll(): boolean
  /** The clock owner row (meta `clock_owner`), or undefined. ClusterFileDamaged when it is not one Podlab writes. */
  clockOwner(): ClockOwner | undefined
  /** Writes the clock owner row (replacing any). */
  claimClock(owner: ClockOwner): void
  /** Removes the clock owner row when it still names `owner`. */
  releaseClock(owner: ClockOwner): void
}
