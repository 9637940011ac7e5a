// The simulated API server, inside a transaction: one generic store for every kind of the registry
// (../resources/registry.ts), in upstream's order (apiserver pkg/registry/generic/registry/store.go):
//   create: decode + defaults -> mutating admission -> BeforeCreate (PrepareForCreate, generateName, uid and
//           creationTimestamp, validation) -> validating admission (the namespace exists) -> storage
//   update: the stored object -> resourceVersion check -> defaults -> admission -> BeforeUpdate
//           (PrepareForUpdate, system fields kept, validation) -> storage
//   delete: the stored object -> the kind's own REST delete (namespaces) -> BeforeDelete (preconditions, graceful
//           deletion) -> the garbage collector's finalizers -> storage, or deletionTimestamp while finalizers remain
//   an update that empties the finalizers of an object being deleted removes it (ShouldDeleteDuringUpdate)
// and the pods' subresources (binding, eviction). Errors are ApiErrors worded as the real API server words them.
// A door (Engine) calls as 'user' and gets its body decoded; the engine's own components call as 'engine'
// through ../client/client.ts, with objects they built, and may use verbs users cannot use yet.

import { filterByFields } from '../fields'
import type { KubeObject, ObjectMeta, WatchEventType } from '../../kube'
import { rfc3339, parseTime } from '../runtime/clock'
import { newUid } from '../runtime/ids'
import { instantAfterSeconds } from '../runtime/time-range'
import type { ApplyOptions, CreateOptions, DeleteOptions, DryRun, ListOptions, PatchType } from '../engine'
import { parseSelector } from '../labels'
import type { ResourceDefinition, UserVerb } from '../resources/definition'
import { definitionFor, definitionForKind } from '../resources/registry'
import { finalizeStrategy } from '../resources/namespaces/finalize'
import type { Namespace } from '../resources/namespaces/types'
import { assignPod, bindingPreconditionFailed, type PodBinding } from '../resources/pods/binding'
import { withDisruptionTarget } from '../resources/pods/eviction'
import type { Pod } from './pods/types'
import type { World } from '../world'
import { alreadyExists, ApiError, forbidden, invalid, notFound, type FieldError } from './errors'
import { generateName } from './meta/names'
import { deletionFinalizers } from './registry/gc-finalizers'
import { applyPatch } from './registry/patch'
import { decodeBody } from './strict'
import { applyConfiguration, managedFieldsForUpdate } from './managedfields/field-manager'
import type { ManagedFieldsEntry } from './managedfields/managed'

export type Caller = 'user' | 'engine'

/**
 * How a write's managedFields are made: as an Update by `manager` (the status subresource's with `status`),
 * given already (an apply computed them), or left as they were (bindings and evictions: their REST storage
 * writes without the handlers' field manager).
 */
type Tracking = { manager: string } | { managedFields: ManagedFieldsEntry[] | undefined } | 'untracked'

/** The manager a request without `fieldManager` is recorded under (managerOrUserAgent's user-agent prefix). */
export const DEFAULT_FIELD_MANAGER = 'podlab'

function asObject(value: unknown): KubeObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApiError('BadRequest', 'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml')
  }
  const o = value as KubeObject
  if (typeof o.kind !== 'string' || o.kind === '') throw new ApiError('BadRequest', "Object 'Kind' is missing in request body")
  if (typeof o.apiVersion !== 'string' || o.apiVersion === '') throw new ApiError('BadRequest', "Object 'apiVersion' is missing in request body")
  if (typeof o.metadata !== 'object' || o.metadata === null) o.metadata = {}
  return o
}

/** NewMethodNotSupported's text (a read-only kind: metrics.k8s.io); its 405 is answered as BadRequest here. */
const methodNotSupported = (): ApiError => new ApiError('BadRequest', 'the server does not allow this method on the requested resource')

const qualifiedKind = (d: ResourceDefinition): string => (d.group ? `${d.kind}.${d.group}` : d.kind)
const apiVersionOf = (d: ResourceDefinition): string => (d.group ? `${d.group}/${d.version}` : d.version)

function conflict(qualified: string, name: string, why: string): ApiError {
  return new ApiError('Conflict', `Operation cannot be fulfilled on ${qualified} "${name}": ${why}`, { name, kind: qualified })
}

/** The storage layer's answer to a stale resourceVersion (OptimisticLockErrorMsg). */
function modified(d: ResourceDefinition, name: string): ApiError {
  return conflict(d.group ? `${d.resource}.${d.group}` : d.resource, name, 'the object has been modified; please apply your changes to the latest version and try again')
}

export class ApiServer {
  /** The request under way is a dry run (options.dryRun = All): persist() stores nothing. */
  private dryRun = false

  constructor(
    private readonly world: World,
    private readonly caller: Caller = 'user',
    /** The field manager of writes whose options name none (the engine's components: their component name). */
    private readonly defaultManager: string = DEFAULT_FIELD_MANAGER,
  ) {}

  private tracking(options: CreateOptions): Tracking {
    return { manager: options.fieldManager || this.defaultManager }
  }

  create(value: unknown, options: CreateOptions = {}): KubeObject {
    return this.request(options.dryRun, () => {
      const { object, definition } = this.decode(value, options)
      this.mayUse(definition, 'create', `Podlab cannot create ${definition.resource} yet`)
      return this.createObject(definition, object, this.tracking(options))
    })
  }

  /** `group` picks the kind among those served as `resource` (default: the core group's first). Throws ApiError. */
  get(resource: string, namespace: string | undefined, name: string, group?: string): KubeObject {
    const definition = this.definition(resource, group)
    if (!name) throw new ApiError('BadRequest', 'resource name may not be empty')
    if (definition.computed) return definition.computed.get(this.world, definition.namespaced ? (namespace ?? 'default') : undefined, name)
    const found = this.world.get(resource, definition.namespaced ? (namespace ?? 'default') : '', name)
    if (!found) throw notFound(resource, name, definition.group)
    return definition.fromStorage ? definition.fromStorage(found) : found
  }

  /** The objects of `resource` (in `namespace` when namespaced and given) whose labels match `labelSelector` and fields `fieldSelector`. Throws ApiError (NotFound, BadRequest for a bad selector or a field the kind does not select by). */
  list(resource: string, namespace?: string, options: ListOptions = {}, group?: string): KubeObject[] {
    const definition = this.definition(resource, group)
    const selector = options.labelSelector ? parseSelector(options.labelSelector) : undefined
    const items = definition.computed
      ? definition.computed.list(this.world, definition.namespaced ? namespace : undefined)
      : this.world.list(resource, definition.namespaced ? namespace : undefined)
    const matching = selector ? items.filter((o) => selector.matches(o.metadata.labels)) : items
    const served = definition.fromStorage ? matching.map(definition.fromStorage) : matching
    return options.fieldSelector ? filterByFields(definition.group, definition.kind, definition.namespaced, options.fieldSelector, served) : served
  }

  update(value: unknown, options: CreateOptions = {}): KubeObject {
    return this.request(options.dryRun, () => {
      const { object, definition } = this.decode(value, options)
      this.mayUse(definition, 'update', `Podlab cannot update ${apiVersionOf(definition)} ${definition.resource} yet`)
      return this.updateObject(definition, object, 'main', this.tracking(options))
    })
  }

  /** The status subresource (PUT .../status): only the status of `value` is taken. Throws ApiError. */
  updateStatus(value: unknown, options: CreateOptions = {}): KubeObject {
    return this.request(options.dryRun, () => {
      const { object, definition } = this.decode(value, options)
      this.mayUse(definition, 'update', `Podlab cannot update ${apiVersionOf(definition)} ${definition.resource} yet`)
      if (!definition.strategy.status) throw new ApiError('NotFound', 'the server could not find the requested resource')
      return this.updateObject(definition, object, 'status', this.tracking(options))
    })
  }

  /**
   * PATCH .../status: the patch applied to the stored object, then a status update of the result (only its
   * status is taken, as the status strategy's PrepareForUpdate keeps the rest). Throws ApiError (NotFound for a
   * kind without a status subresource).
   */
  patchStatus(resource: string, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, options: CreateOptions = {}): KubeObject {
    return this.request(options.dryRun, () => {
      if (!this.definition(resource).strategy.status) throw new ApiError('NotFound', 'the server could not find the requested resource')
      return this.patchObject(resource, namespace, name, patchType, patch, options, 'status')
    })
  }

  /**
   * PUT namespaces/NAME/finalize: spec.finalizers as `value` has them, the stored status kept; a namespace being
   * deleted whose finalizers are all gone is removed. Throws ApiError.
   */
  finalizeNamespace(value: unknown, options: CreateOptions = {}): KubeObject {
    const { object, definition } = this.decode(value, options)
    if (definition.resource !== 'namespaces') throw new ApiError('NotFound', 'the server could not find the requested resource')
    this.mayUse(definition, 'update', `Podlab cannot update ${definition.resource} yet`)
    return this.updateObject(definition, object, 'finalize', this.tracking(options))
  }

  /** PATCH: the patch applied to the stored object's JSON, then an update of the result. Throws ApiError. */
  patch(resource: string, namespace: string | undefined, name: string, patchType: PatchType, patch: unknown, options: CreateOptions = {}): KubeObject {
    return this.request(options.dryRun, () => this.patchObject(resource, namespace, name, patchType, patch, options, 'main'))
  }

  private patchObject(
    resource: string,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    options: CreateOptions,
    part: 'main' | 'status',
  ): KubeObject {
    const definition = this.definition(resource)
    this.mayUse(definition, 'update', `Podlab cannot update ${apiVersionOf(definition)} ${definition.resource} yet`)
    const current = this.get(resource, namespace, name)
    const patched = asObject(applyPatch(current, patchType, patch, definition.schemaType))
    // handlers/rest.go checkName: the patched object stays where the URL says.
    if (patched.metadata.name !== name) {
      throw new ApiError('BadRequest', `the name of the object (${patched.metadata.name ?? ''}) does not match the name on the URL (${name})`)
    }
    if ((patched.metadata.namespace ?? '') !== (current.metadata.namespace ?? '')) {
      throw new ApiError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request')
    }
    const { object, definition: patchedAs } = this.decode(patched, options)
    if (patchedAs !== definition) throw new ApiError('BadRequest', `the kind of the object (${patched.kind}) does not match the kind on the URL (${definition.kind})`)
    return this.updateObject(definition, object, part, this.tracking(options))
  }

  /**
   * Server-side apply (PATCH with application/apply-patch+yaml; apiserver endpoints/handlers/patch.go
   * applyPatcher): `body` is the manager's applied configuration. Creates the object when missing (201),
   * otherwise merges it as structured-merge-diff does (./managedfields/field-manager.ts) and updates (200), with
   * the defaulting, admission and validation of any create or update. Throws ApiError: Invalid for a missing
   * fieldManager, BadRequest for a body that is no object of the URL's kind, name or namespace, Conflict (409)
   * when fields other managers own would change and `force` is not set.
   */
  apply(resource: string, namespace: string | undefined, name: string, body: unknown, options: ApplyOptions): { object: KubeObject; created: boolean } {
    return this.request(options.dryRun, () => this.applyObject(resource, namespace, name, body, options))
  }

  private applyObject(resource: string, namespace: string | undefined, name: string, body: unknown, options: ApplyOptions): { object: KubeObject; created: boolean } {
    if (!options.fieldManager) {
      // ValidatePatchOptions: kubectl defaults it to "kubectl"; other clients must send one.
      throw invalid('PatchOptions.meta.k8s.io', '', [{ field: 'fieldManager', type: 'FieldValueRequired', body: 'Required value: is required for apply patch' }])
    }
    const definition = this.definition(resource)
    this.mayUse(definition, 'update', `Podlab cannot update ${apiVersionOf(definition)} ${definition.resource} yet`)
    const { object: config, definition: bodyAs } = this.decode(body, options)
    if (bodyAs !== definition) throw new ApiError('BadRequest', `the kind of the object (${config.kind}) does not match the kind on the URL (${definition.kind})`)
    const expectedNamespace = definition.namespaced ? (namespace ?? 'default') : ''
    if (config.metadata.namespace && definition.namespaced && config.metadata.namespace !== expectedNamespace) {
      throw new ApiError('BadRequest', 'the namespace of the provided object does not match the namespace sent on the request')
    }
    if ((config.metadata.name ?? '') !== name) {
      throw new ApiError('BadRequest', `the name of the object (${config.metadata.name ?? ''}) does not match the name on the URL (${name})`)
    }
    const live = definition.computed ? undefined : this.world.get(definition.resource, expectedNamespace, name)
    const request = { manager: options.fieldManager, time: rfc3339(this.world.now()), hasStatus: !!definition.strategy.status }
    const outcome = applyConfiguration(live, config, request, options.force ?? false)
    if (!live) {
      const created = outcome.object!
      if (definition.namespaced) created.metadata.namespace = expectedNamespace
      return { object: this.createObject(definition, created, { managedFields: outcome.managedFields }), created: true }
    }
    const next = outcome.object ?? structuredClone(live)
    return { object: this.updateObject(definition, next, 'main', { managedFields: outcome.managedFields }), created: false }
  }

  delete(resource: string, namespace: string | undefined, name: string, options: DeleteOptions = {}): KubeObject {
    return this.request(options.dryRun, () => {
      const definition = this.definition(resource)
      if (definition.computed) throw methodNotSupported()
      this.mayUse(definition, 'delete', `Podlab cannot delete ${resource} yet`)
      const current = this.get(resource, namespace, name)
      this.checkPreconditions(definition, current, options)
      const own = definition.strategy.delete?.(current, options, this.world.now())
      if (own) return own === current ? current : this.persist('MODIFIED', definition.resource, own)
      return this.deleteObject(definition, current, options)
    })
  }

  /** Runs one request, a dry run when `dryRun` is All (see DryRun in ../engine.ts). */
  private request<T>(dryRun: DryRun | undefined, body: () => T): T {
    const outer = this.dryRun
    this.dryRun = dryRun === 'All'
    try {
      return body()
    } finally {
      this.dryRun = outer
    }
  }

  /**
   * The storage step. A dry run stores nothing and answers as DryRunnableStorage does (apiserver
   * pkg/registry/generic/registry/dryrun.go): a create's object has no resourceVersion yet (Create copies the
   * object into the answer); an update keeps the stored resourceVersion (GuaranteedUpdate's tryUpdate result); a
   * delete answers the object as it was.
   */
  private persist(type: WatchEventType, resource: string, object: KubeObject): KubeObject {
    if (!this.dryRun) return this.world.write(type, resource, object)
    const answer = structuredClone(object)
    if (type === 'ADDED') delete answer.metadata.resourceVersion
    return answer
  }

  /**
   * pods/binding: puts the pod on `binding.nodeName` (spec.nodeName, PodScheduled=True, the binding's annotations
   * merged in). The binding's uid and resourceVersion, when set, are preconditions on the pod
   * (BindingREST.PreserveRequestObjectMetaSystemFieldsOnSubresourceCreate). Throws ApiError (NotFound, Conflict on
   * pods/binding). Upstream: pkg/registry/core/pod/storage/storage.go BindingREST.assignPod.
   */
  bind(namespace: string, podName: string, binding: string | PodBinding, options: { dryRun?: DryRun } = {}): Pod {
    const { nodeName, uid, resourceVersion, annotations } = typeof binding === 'string' ? { nodeName: binding } : binding
    return this.request(options.dryRun, () => {
      const pod = this.get('pods', namespace, podName) as Pod
      // GuaranteedUpdate's preconditions fail as storage.NewInvalidObjError, which assignPod turns into a Conflict.
      if (uid !== undefined && uid !== pod.metadata.uid) {
        throw bindingPreconditionFailed(namespace, podName, `Precondition failed: UID in precondition: ${uid}, UID in object meta: ${pod.metadata.uid ?? ''}`)
      }
      if (resourceVersion !== undefined && resourceVersion !== pod.metadata.resourceVersion) {
        throw bindingPreconditionFailed(namespace, podName, `Precondition failed: ResourceVersion in precondition: ${resourceVersion}, ResourceVersion in object meta: ${pod.metadata.resourceVersion ?? ''}`)
      }
      return this.persist('MODIFIED', 'pods', assignPod(pod, nodeName, this.world.now(), annotations)) as Pod
    })
  }

  /**
   * pods/eviction: DisruptionTarget on the pod's status, then the delete with `options`. There are no
   * PodDisruptionBudgets in Podlab yet, so no eviction is refused with 429 TooManyRequests. Throws ApiError.
   */
  evict(namespace: string, podName: string, options: DeleteOptions = {}): KubeObject {
    const pods = this.definition('pods')
    const pod = this.get('pods', namespace, podName) as Pod
    this.checkPreconditions(pods, pod, options)
    // A dry run (drain --dry-run=server) stores neither the condition nor the delete (eviction.go passes DryRun on).
    return this.request(options.dryRun, () => {
      const marked = this.updateObject(pods, withDisruptionTarget(pod, this.world.now()), 'status', 'untracked')
      return this.deleteObject(pods, marked, options)
    })
  }

  private definition(resource: string, group?: string): ResourceDefinition {
    const definition = definitionFor(resource, group)
    if (!definition) throw new ApiError('NotFound', 'the server could not find the requested resource')
    return definition
  }

  private mayUse(definition: ResourceDefinition, verb: UserVerb, refusal: string): void {
    if (this.caller === 'user' && !definition.userVerbs.has(verb)) throw new ApiError('BadRequest', refusal)
  }

  /**
   * A door's body is decoded as the API server does: an unknown kind is refused; a value of the wrong type
   * fails whatever the validation mode; unknown fields fail with fieldValidation=Strict (what kubectl >= 1.27
   * sends) and are dropped with Warn or Ignore (Warn's warnings do not cross the Engine interface yet). The
   * engine's own objects are typed already: they are copied, not decoded.
   */
  private decode(value: unknown, options: CreateOptions): { object: KubeObject; definition: ResourceDefinition } {
    const raw = asObject(structuredClone(value))
    const definition = definitionForKind(raw.apiVersion, raw.kind)
    if (!definition) throw new ApiError('BadRequest', `no kind "${raw.kind}" is registered for version "${raw.apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`)
    if (definition.computed) throw methodNotSupported()
    if (this.caller === 'engine') return { object: raw, definition }
    const { object } = decodeBody(raw.apiVersion, raw.kind, raw, options.fieldValidation ?? 'Strict')
    return { object: object as KubeObject, definition }
  }

  private invalid(definition: ResourceDefinition, name: string, errors: FieldError[]): void {
    if (errors.length > 0) throw invalid(qualifiedKind(definition), name, errors)
  }

  private createObject(definition: ResourceDefinition, object: KubeObject, tracking: Tracking): KubeObject {
    const { strategy } = definition
    if (definition.namespaced) object.metadata.namespace = object.metadata.namespace ?? 'default'
    else delete object.metadata.namespace
    strategy.defaults?.(object)
    // The handler's field manager sees the decoded, defaulted object, before admission adds to it (the
    // ServiceAccount plugin's token volume is nobody's).
    const managed = this.managedFields(definition, undefined, object, 'main', tracking)
    if (definition.namespaced) this.admitToNamespace(definition, object)
    strategy.admit?.(object, this.world)
    // rest.BeforeCreate: PrepareForCreate, the generated name, the system fields (a deletion a client sends is
    // dropped), then validation.
    strategy.prepareForCreate?.(object, this.world)
    if (!object.metadata.name && object.metadata.generateName) object.metadata.name = generateName(object.metadata.generateName, this.world.rng)
    const { deletionTimestamp: _t, deletionGracePeriodSeconds: _g, ...metadata } = object.metadata
    object.metadata = omitEmpty({ ...metadata, uid: newUid(this.world.rng), creationTimestamp: rfc3339(this.world.now()) })
    setManagedFields(object, managed)
    const name = object.metadata.name ?? ''
    this.invalid(definition, name, strategy.validate(object))
    const namespace = object.metadata.namespace ?? ''
    if (this.world.get(definition.resource, namespace, name)) throw alreadyExists(definition.resource, name, definition.group)
    return this.persist('ADDED', definition.resource, object)
  }

  /**
   * The NamespaceLifecycle admission plugin on create (first of the mutating plugins): the namespace must exist
   * and not be terminating. Deletes and updates in a terminating namespace are allowed.
   */
  private admitToNamespace(definition: ResourceDefinition, object: KubeObject): void {
    const namespace = object.metadata.namespace ?? ''
    const found = this.world.get('namespaces', '', namespace) as { status?: { phase?: string } } | undefined
    if (!found) throw notFound('namespaces', namespace)
    if (found.status?.phase !== 'Terminating') return
    // admission.NewForbidden names the object as the request does: its name, else its generateName, else Unknown.
    const name = object.metadata.name || object.metadata.generateName || 'Unknown'
    throw forbidden(definition.resource, name, `unable to create new content in namespace ${namespace} because it is being terminated`, definition.group, [
      { reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' },
    ])
  }

  private updateObject(definition: ResourceDefinition, object: KubeObject, part: 'main' | 'status' | 'finalize', tracking: Tracking): KubeObject {
    const { strategy } = definition
    const current = this.get(definition.resource, object.metadata.namespace, object.metadata.name ?? '')
    // A body without a namespace is in the request's (EnsureObjectNamespaceMatchesRequestNamespace).
    if (definition.namespaced && !object.metadata.namespace) object.metadata.namespace = current.metadata.namespace
    const name = current.metadata.name ?? ''
    const sent = object.metadata.resourceVersion
    if (sent !== undefined && sent !== current.metadata.resourceVersion) throw modified(definition, name)
    // Every kind served so far allows unconditional updates (AllowUnconditionalUpdate): no resourceVersion means
    // "the stored one".
    if (sent === undefined) object.metadata = { ...object.metadata, resourceVersion: current.metadata.resourceVersion }
    if (part === 'status' && strategy.status) {
      // The status subresource keeps the stored metadata (ResetObjectMetaForStatus) and what its strategy says.
      object.metadata = strategy.status.keepsAnnotations ? { ...current.metadata, annotations: object.metadata.annotations } : current.metadata
      strategy.status.prepareForUpdate(object, current)
      this.invalid(definition, name, strategy.status.validateUpdate(object, current))
      setManagedFields(object, this.managedFields(definition, current, object, part, tracking))
      return this.store(definition, object, current)
    }
    if (part === 'finalize') {
      finalizeStrategy.prepareForUpdate(object as Namespace, current as Namespace)
      object.metadata = keepSystemFields(object.metadata, current.metadata)
      this.invalid(definition, name, finalizeStrategy.validateUpdate(object as Namespace, current as Namespace))
      setManagedFields(object, this.managedFields(definition, current, object, part, tracking))
      return this.store(definition, object, current)
    }
    strategy.defaults?.(object)
    const managed = this.managedFields(definition, current, object, part, tracking)
    strategy.admitUpdate?.(object, current, this.world)
    // rest.BeforeUpdate: a client cannot set the generation; PrepareForUpdate may bump it (a spec change).
    object.metadata = omitEmpty(keepSystemFields({ ...object.metadata, generation: current.metadata.generation }, current.metadata))
    strategy.prepareForUpdate?.(object, current)
    this.invalid(definition, name, strategy.validateUpdate(object, current))
    setManagedFields(object, managed)
    return this.store(definition, object, current)
  }

  /** The managedFields of `object` as the write's field manager records them (undefined `live`: a create). */
  private managedFields(definition: ResourceDefinition, live: KubeObject | undefined, object: KubeObject, part: 'main' | 'status' | 'finalize', tracking: Tracking): ManagedFieldsEntry[] | undefined {
    let entries: ManagedFieldsEntry[] | undefined
    if (tracking === 'untracked') entries = live?.metadata.managedFields as ManagedFieldsEntry[] | undefined
    else if ('managedFields' in tracking) entries = tracking.managedFields
    else {
      const subresource = part === 'main' ? undefined : part
      const request = { manager: tracking.manager, subresource, time: rfc3339(this.world.now()), hasStatus: !!definition.strategy.status }
      // The engine's components copy objects from their listers, whose managedFields may be older than the
      // stored ones (a controller's unconditional update must not erase the kubelet's status entry).
      entries = managedFieldsForUpdate(live, object, request, this.caller === 'user')
    }
    return entries
  }

  /**
   * Stores an updated object, or removes it when the update took the last finalizer of an object being deleted
   * whose grace period is over (ShouldDeleteDuringUpdate: no finalizers left, deletionTimestamp set,
   * deletionGracePeriodSeconds 0 or none, and the kind's own condition).
   */
  private store(definition: ResourceDefinition, object: KubeObject, current: KubeObject): KubeObject {
    const { deletionTimestamp, deletionGracePeriodSeconds } = current.metadata
    const remove =
      (object.metadata.finalizers ?? []).length === 0 &&
      deletionTimestamp !== undefined &&
      !deletionGracePeriodSeconds &&
      (definition.strategy.shouldDeleteDuringUpdate?.(object) ?? true)
    if (remove) return this.persist('DELETED', definition.resource, object)
    // The storage layer writes nothing for an update that changes nothing (etcd3 GuaranteedUpdate compares the
    // bytes): no new resourceVersion, no watch event for controllers to react to again.
    if (JSON.stringify(object) === JSON.stringify(current)) return current
    return this.persist('MODIFIED', definition.resource, object)
  }

  /** rest.BeforeDelete's preconditions, checked early: Conflict naming the kind (`Pod "x"`), in upstream's words. */
  private checkPreconditions(definition: ResourceDefinition, current: KubeObject, options: DeleteOptions): void {
    const name = current.metadata.name ?? ''
    const { uid, resourceVersion } = options.preconditions ?? {}
    if (uid !== undefined && uid !== current.metadata.uid) {
      throw conflict(
        qualifiedKind(definition),
        name,
        `the UID in the precondition (${uid}) does not match the UID in record (${current.metadata.uid ?? ''}). The object might have been deleted and then recreated`,
      )
    }
    if (resourceVersion !== undefined && resourceVersion !== current.metadata.resourceVersion) {
      throw conflict(
        qualifiedKind(definition),
        name,
        `the ResourceVersion in the precondition (${resourceVersion}) does not match the ResourceVersion in record (${current.metadata.resourceVersion ?? ''}). The object might have been modified`,
      )
    }
  }

  /**
   * rest.BeforeDelete and the store's delete (Store.Delete, updateForGracefulDeletionAndFinalizers): a first
   * graceful delete sets deletionTimestamp = now + grace; a later one may only shorten it (and then cannot change
   * finalizers). The garbage collector's finalizers follow options.propagationPolicy. An object with finalizers
   * stays, marked (kinds without graceful deletion: deletionTimestamp now, grace 0), until an update empties them;
   * otherwise grace 0 removes it (the kubelet's final delete). `options.gracePeriodSeconds` is in seconds and may
   * be huge: Go's `time.Second * grace` wraps around, here it saturates at time.Duration's ~292 years so that the
   * timestamp stays a metav1.Time.
   */
  private deleteObject(definition: ResourceDefinition, current: KubeObject, options: DeleteOptions): KubeObject {
    const requested = options.gracePeriodSeconds
    const asked = requested !== undefined && requested < 0 ? 1 : requested
    const now = this.world.now()
    const { deletionTimestamp, deletionGracePeriodSeconds: pending } = current.metadata
    let next = current
    let grace: number | undefined
    if (deletionTimestamp && pending) {
      if (asked === undefined || asked >= pending) return current
      // Upstream first stores the shortened deletion, then deletes at 0; Podlab writes the removal alone (below).
      // A saturated timestamp minus a huge grace is no instant: the deletion then counts from now.
      const startedMs = (parseTime(deletionTimestamp) ?? now) - pending * 1000
      const shortened = Number.isFinite(startedMs) && startedMs >= 0 && startedMs <= now ? instantAfterSeconds(startedMs, asked) : instantAfterSeconds(now, asked)
      next = withDeletion(current, rfc3339(shortened), asked, false)
      grace = asked
    } else if (!deletionTimestamp && definition.strategy.gracePeriodSeconds) {
      grace = definition.strategy.gracePeriodSeconds(current, asked)
      next = withDeletion(current, rfc3339(instantAfterSeconds(now, grace)), grace, true)
    }
    const finalizers = deletionFinalizers(current.metadata.finalizers ?? [], options.propagationPolicy, definition.defaultGarbageCollectionPolicy)
    if (finalizers) next = { ...next, metadata: { ...next.metadata, finalizers } }
    const pendingFinalizers = (next.metadata.finalizers ?? []).length > 0
    if (grace === undefined) {
      if (!pendingFinalizers) return this.persist('DELETED', definition.resource, current)
      const marked = markAsDeleting(next, now)
      return JSON.stringify(marked) === JSON.stringify(current) ? current : this.persist('MODIFIED', definition.resource, marked)
    }
    if (pendingFinalizers || grace > 0) return this.persist('MODIFIED', definition.resource, next)
    return this.persist('DELETED', definition.resource, current)
  }

}

/**
 * rest.BeforeUpdate: a missing uid is the stored one; the creation and deletion fields are the server's
 * (validation refuses a different uid or deletion); the generation was reset before PrepareForUpdate. Keys are
 * set in one order so bodies stay stable.
 */
function keepSystemFields(next: ObjectMeta, old: ObjectMeta): ObjectMeta {
  const meta: ObjectMeta = { ...next }
  meta.uid = next.uid || old.uid
  meta.creationTimestamp = old.creationTimestamp
  if (old.deletionTimestamp) meta.deletionTimestamp = old.deletionTimestamp
  if (meta.deletionGracePeriodSeconds === undefined) meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds
  for (const field of ['uid', 'creationTimestamp', 'generation', 'deletionTimestamp', 'deletionGracePeriodSeconds'] as const) {
    if (meta[field] === undefined) delete meta[field]
  }
  return meta
}

/** metadata.managedFields = `entries` (none: the field is left out). */
function setManagedFields(object: KubeObject, entries: ManagedFieldsEntry[] | undefined): void {
  // In place when present: the store compares an update's JSON with the stored one's, key order included.
  if (entries) object.metadata = { ...object.metadata, managedFields: entries }
  else if ('managedFields' in object.metadata) {
    const { managedFields: _old, ...meta } = object.metadata
    object.metadata = meta
  }
}

/**
 * ObjectMeta's `omitempty` maps and lists as the API server stores them: a body's `annotations: {}` or `labels: {}`
 * decodes to an empty Go map and is not encoded back, so the stored object has none (the patch kubectl diff sends
 * for a manifest without annotations carries `annotations: {}`, and the answer must not show it).
 */
function omitEmpty(meta: ObjectMeta): ObjectMeta {
  const out: ObjectMeta = { ...meta }
  for (const field of ['labels', 'annotations'] as const) {
    const value = out[field]
    if (value && typeof value === 'object' && Object.keys(value).length === 0) delete out[field]
  }
  return out
}

/**
 * markAsDeleting, for kinds without graceful deletion that wait on finalizers: deletionTimestamp now (or the
 * earlier one), deletionGracePeriodSeconds 0, the generation bumped when the deletion starts.
 */
function markAsDeleting(object: KubeObject, nowMs: number): KubeObject {
  const meta: ObjectMeta = { ...object.metadata }
  const generation = meta.generation ?? 0
  if (!meta.deletionTimestamp && generation > 0) meta.generation = generation + 1
  const existing = meta.deletionTimestamp ? parseTime(meta.deletionTimestamp) : undefined
  if (existing === undefined || existing > nowMs) meta.deletionTimestamp = rfc3339(nowMs)
  meta.deletionGracePeriodSeconds = 0
  return { ...object, metadata: meta }
}

/**
 * The object marked for deletion. rest.BeforeDelete bumps the generation when it first sets deletionTimestamp;
 * pods have none before (KEP-5067 "Current behavior": not populated by default, incremented on graceful delete).
 */
function withDeletion(object: KubeObject, deletionTimestamp: string, grace: number, first: boolean): KubeObject {
  const generation = first ? (object.metadata.generation ?? 0) + 1 : object.metadata.generation
  return { ...object, metadata: { ...object.metadata, deletionTimestamp, deletionGracePeriodSeconds: grace, ...(generation !== undefined ? { generation } : {}) } }
}
