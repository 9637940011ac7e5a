// The resource handlers (apiserver pkg/endpoints/handlers: get.go, create.go, update.go, patch.go, delete.go),
// each a call of the Engine face: GET (one object, a list, or a watch), POST, PUT, PATCH, DELETE and
// DELETE of a collection (each write a dry run with `dryRun=All`), and the subresources this door serves
// (scale, status, binding, eviction, log; exec and attach are upgrades: remotecommand/).
// Errors the engine raises are ApiErrors and go out as their Status; the door's own are DoorErrors.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { apiVersionOf, unknownFields, type DeleteOptions, type Engine, type PatchType, type ResourceRef } from '../engine'
import type { KubeObject } from '../kube'
import { decodePatchBody, decodeRequestObject, decodeRequestOptions, readBody } from './body'
import { APPLY_PATCH, applyOptions, serveApply } from './apply'
import { listOf, paginate } from './list'
import { logsRequest, serveLogs } from './logs'
import { mediaTypes, tableVersion } from './negotiate'
import type { ResourceRequest, Verb } from './request-info'
import { patchScale, scaleOf, SCALABLE, writeScale } from './scale'
import { bindPod } from './binding'
import { badRequest, deletedStatus, DoorError, methodNotAllowed, notServedYet, pathNotFound, unsupportedMediaType } from './status'
import { includeObjectOf, tableFor } from './table'
import { serveWatch, type WatchLimits } from './watch'
import { deleteDryRun, fieldManagerOf, setWarnings, writeOptions, type OptionsKind, type WriteOptions } from './write-options'

export interface HandlerContext {
  engine: Engine
  req: IncomingMessage
  res: ServerResponse
  query: URLSearchParams
  bodyLimit: number
  watchLimits: WatchLimits
  send(code: number, body: unknown): void
}


/** The patch types the API server takes for built-in kinds, by Content-Type (handlers/patch.go). */
const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
}

/** The kinds the scale and eviction subresources take (autoscaling/v1 Scale, policy/v1 Eviction). */
const SCALE_KIND = { group: 'autoscaling', version: 'v1', kind: 'Scale' }
const EVICTION_KIND = { group: 'policy', version: 'v1', kind: 'Eviction' }

/** Pods answer a delete with the object (their REST sets ReturnDeletedObject); other kinds with a Status once it is gone. */
const RETURNS_DELETED_OBJECT = new Set(['/pods'])

/** The served resource a request names, or a 404/405 DoorError. */
export function resolve(engine: Engine, r: ResourceRequest): ResourceRef {
  const ref = engine.resources().find((x) => x.group === r.group && x.version === r.version && x.resource === r.resource)
  if (!ref) throw pathNotFound()
  // A namespaced kind's object lives under namespaces/NS; a cluster-scoped one never does.
  if (ref.namespaced ? r.name !== undefined && r.namespace === undefined : r.namespace !== undefined) throw pathNotFound()
  if (ref.namespaced && r.namespace === undefined && r.verb === 'create') throw pathNotFound()
  return ref
}

/**
 * With fieldValidation=Warn, each field of `object` its kind does not have is a Warning header
 * (`unknown field "spec.foo"`), as the create and update handlers add them; kubectl prints them on stderr.
 */
function warnUnknownFields(ctx: HandlerContext, options: WriteOptions, object: KubeObject): void {
  if (options.fieldValidation !== 'Warn') return
  setWarnings(ctx.res, unknownFields(object.apiVersion ?? '', object.kind ?? '', object).map((path) => `unknown field ${JSON.stringify(path)}`))
}

/** A create's, update's or patch's options from the query, with the field manager its write records. */
function writeOptionsOf(ctx: HandlerContext, kind: Exclude<OptionsKind, 'DeleteOptions'>): WriteOptions {
  const manager = fieldManagerOf(ctx.query, ctx.req.headers['user-agent'] ?? '')
  return { ...writeOptions(ctx.query, kind), ...(manager ? { fieldManager: manager } : {}) }
}

/** Handles a resource request; resolves when answered (a watch or a followed log keeps going after). */
export async function handleResource(ctx: HandlerContext, r: ResourceRequest): Promise<void> {
  const ref = resolve(ctx.engine, r)
  const verbs = ref.verbs ?? []
  if (r.subresource !== undefined) return handleSubresource(ctx, r, ref)
  if (!verbs.includes(r.verb)) throw methodNotAllowed()
  return VERBS[r.verb](ctx, r, ref)
}

type Handler = (ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef) => void | Promise<void>

/** One handler a verb, as the API server's endpoints installer registers them. */
const VERBS: Record<Verb, Handler> = {
  get: getObject,
  list: listObjects,
  watch: watchObjects,
  create: createObject,
  update: updateObject,
  patch: patchObject,
  delete: deleteObject,
  deletecollection: deleteCollection,
}

function getObject(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): void {
  const object = ctx.engine.get(ref.resource, r.namespace, r.name as string, ref.group)
  const table = tableVersion(ctx.req.headers.accept)
  if (table) {
    const include = includeObjectOf(ctx.query.get('includeObject'))
    return ctx.send(200, tableFor(ctx.engine, ref, [object], { include, version: table, resourceVersion: object.metadata.resourceVersion ?? '' }))
  }
  ctx.send(200, withType(object, ref))
}

function withType(object: KubeObject, ref: ResourceRef): KubeObject {
  return { ...object, apiVersion: object.apiVersion ?? apiVersionOf(ref), kind: object.kind ?? ref.kind }
}

function listOptions(query: URLSearchParams): { labelSelector?: string; fieldSelector?: string } {
  const labelSelector = query.get('labelSelector') ?? undefined
  const fieldSelector = query.get('fieldSelector') ?? undefined
  return { ...(labelSelector ? { labelSelector } : {}), ...(fieldSelector ? { fieldSelector } : {}) }
}

function listObjects(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): void {
  const options = listOptions(ctx.query)
  const { items, resourceVersion } = ctx.engine.list(ref.resource, r.namespace, options, ref.group)
  const limitText = ctx.query.get('limit')
  const limit = limitText === null || limitText === '' ? undefined : Number(limitText)
  if (limit !== undefined && !Number.isInteger(limit)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(limitText)}: invalid syntax`)
  const page = paginate(items, resourceVersion, limit, ctx.query.get('continue') ?? undefined, Object.keys(options).length > 0)
  const table = tableVersion(ctx.req.headers.accept)
  if (table) {
    const include = includeObjectOf(ctx.query.get('includeObject'))
    const built = tableFor(ctx.engine, ref, page.items, {
      include,
      version: table,
      resourceVersion,
      continueToken: page.continueToken,
      remainingItemCount: page.remainingItemCount,
    })
    return ctx.send(200, built)
  }
  ctx.send(200, listOf(ref.kind, apiVersionOf(ref), page, resourceVersion))
}

function watchObjects(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): void {
  const options = listOptions(ctx.query)
  const timeout = ctx.query.get('timeoutSeconds')
  const table = tableVersion(ctx.req.headers.accept)
  serveWatch(
    ctx.engine,
    ctx.req,
    ctx.res,
    {
      ref,
      ...(r.namespace !== undefined ? { namespace: r.namespace } : {}),
      ...options,
      resourceVersion: ctx.query.get('resourceVersion') ?? undefined,
      ...(timeout !== null && /^\d+$/.test(timeout) ? { timeoutSeconds: Number(timeout) } : {}),
      allowBookmarks: ctx.query.get('allowWatchBookmarks') === 'true',
      ...(table ? { table: { version: table, include: includeObjectOf(ctx.query.get('includeObject')) } } : {}),
    },
    ctx.watchLimits,
  )
}

/**
 * The object a POST or PUT sent, checked against the URL as the handlers do: the group version
 * (`the API version in the data (apps/v1) does not match the expected API version (v1)`), the kind, the namespace
 * (filled in from the URL when the body has none). A body without apiVersion or kind takes the URL's.
 */
async function objectFromBody(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<KubeObject> {
  const data = await readBody(ctx.req, ctx.bodyLimit)
  const raw = (await decodeRequestObject(data, ctx.req.headers['content-type'], ref)) as Partial<KubeObject>
  const apiVersion = raw.apiVersion || apiVersionOf(ref)
  if (apiVersion !== apiVersionOf(ref)) {
    throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${apiVersionOf(ref)})`)
  }
  const kind = raw.kind || ref.kind
  if (kind !== ref.kind) throw badRequest(`the kind of the object (${kind}) does not match the kind on the URL (${ref.kind})`)
  const metadata = typeof raw.metadata === 'object' && raw.metadata !== null ? { ...raw.metadata } : {}
  if (ref.namespaced) {
    // EnsureObjectNamespaceMatchesRequestNamespace (handlers/rest.go).
    if (metadata.namespace && metadata.namespace !== r.namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request')
    }
    metadata.namespace = r.namespace
  }
  return { ...raw, apiVersion, kind, metadata } as KubeObject
}

async function createObject(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  const options = writeOptionsOf(ctx, 'CreateOptions')
  const object = await objectFromBody(ctx, r, ref)
  const created = ctx.engine.create(object, options)
  warnUnknownFields(ctx, options, object)
  ctx.send(201, withType(created, ref))
}

/** The object of a PUT (of the object or its status), named as the URL names it. */
async function namedObjectFromBody(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<KubeObject> {
  const object = await objectFromBody(ctx, r, ref)
  if (object.metadata.name !== r.name) {
    throw badRequest(`the name of the object (${object.metadata.name ?? ''}) does not match the name on the URL (${r.name ?? ''})`)
  }
  return object
}

/** A PUT of the object (`engine.update`) or of its status (`engine.updateStatus`): 200 with what was stored. */
async function replaceWith(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef, write: (object: KubeObject, options: WriteOptions) => KubeObject): Promise<void> {
  const options = writeOptionsOf(ctx, 'UpdateOptions')
  const object = await namedObjectFromBody(ctx, r, ref)
  const updated = write(object, options)
  warnUnknownFields(ctx, options, object)
  ctx.send(200, withType(updated, ref))
}

function updateObject(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  return replaceWith(ctx, r, ref, (object, options) => ctx.engine.update(object, options))
}

/** The patch type of a PATCH's Content-Type; 415 for another (the subresources take no apply patch yet). */
function patchTypeOf(contentType: string | undefined): PatchType {
  const type = mediaTypes(contentType)[0]?.type ?? ''
  if (type === APPLY_PATCH) throw notServedYet('server-side apply of a subresource (application/apply-patch+yaml)')
  const patchType = PATCH_TYPES[type]
  if (!patchType) throw unsupportedMediaType([...Object.keys(PATCH_TYPES), APPLY_PATCH])
  return patchType
}

/** A PATCH's options, its type (by Content-Type) and its decoded body. */
async function patchRequest(ctx: HandlerContext): Promise<{ options: WriteOptions; patchType: PatchType; patch: unknown }> {
  const options = writeOptionsOf(ctx, 'PatchOptions')
  const patchType = patchTypeOf(ctx.req.headers['content-type'])
  const patch = decodePatchBody(await readBody(ctx.req, ctx.bodyLimit), patchType)
  return { options, patchType, patch }
}

async function patchObject(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  if (mediaTypes(ctx.req.headers['content-type'])[0]?.type === APPLY_PATCH) {
    const options = applyOptions(ctx.query, writeOptions(ctx.query, 'PatchOptions'))
    const applied = serveApply(ctx.engine, ref.resource, r.namespace, r.name as string, await readBody(ctx.req, ctx.bodyLimit), options)
    return ctx.send(applied.code, withType(applied.object, ref))
  }
  const { options, patchType, patch } = await patchRequest(ctx)
  ctx.send(200, withType(ctx.engine.patch(ref.resource, r.namespace, r.name as string, patchType, patch, options), ref))
}

const PROPAGATION = ['Foreground', 'Background', 'Orphan']

/**
 * metav1.DeleteOptions from the body and the query (the query's gracePeriodSeconds, propagationPolicy and
 * orphanDependents when the body has none), validated as ValidateDeleteOptions does.
 */
function deleteOptions(body: Record<string, unknown>, query: URLSearchParams): DeleteOptions {
  const grace = body.gracePeriodSeconds ?? query.get('gracePeriodSeconds') ?? undefined
  const policy = (body.propagationPolicy ?? query.get('propagationPolicy') ?? undefined) as string | undefined
  const orphan = body.orphanDependents ?? (query.has('orphanDependents') ? query.get('orphanDependents') === 'true' : undefined)
  const options: DeleteOptions = {}
  // kubectl sends --dry-run=server's dryRun in the DeleteOptions body; the query's is checked by the handler.
  const bodyDryRun = deleteDryRun(body, new URLSearchParams())
  if (bodyDryRun) options.dryRun = bodyDryRun
  if (grace !== undefined && grace !== null) {
    const seconds = Number(grace)
    if (!Number.isInteger(seconds)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(String(grace))}: invalid syntax`)
    options.gracePeriodSeconds = seconds
  }
  if (policy !== undefined && policy !== null) {
    if (!PROPAGATION.includes(policy)) {
      throw new DoorError(
        422,
        'Invalid',
        `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: ${JSON.stringify(policy)}: supported values: "Foreground", "Background", "Orphan", "nil"`,
        { group: 'meta.k8s.io', kind: 'DeleteOptions', causes: [{ reason: 'FieldValueNotSupported', message: `Unsupported value: ${JSON.stringify(policy)}: supported values: "Foreground", "Background", "Orphan", "nil"`, field: 'propagationPolicy' }] },
      )
    }
    options.propagationPolicy = policy as DeleteOptions['propagationPolicy']
  } else if (orphan === true) {
    options.propagationPolicy = 'Orphan'
  }
  const pre = body.preconditions as { uid?: unknown; resourceVersion?: unknown } | undefined
  if (pre && typeof pre === 'object') {
    options.preconditions = {
      ...(typeof pre.uid === 'string' ? { uid: pre.uid } : {}),
      ...(typeof pre.resourceVersion === 'string' ? { resourceVersion: pre.resourceVersion } : {}),
    }
  }
  return options
}

function isGone(engine: Engine, ref: ResourceRef, namespace: string | undefined, name: string): boolean {
  try {
    engine.get(ref.resource, namespace, name, ref.group)
    return false
  } catch {
    return true
  }
}

/** The DeleteOptions of a DELETE: its body (none when empty) and the query, dryRun included. */
async function deleteRequest(ctx: HandlerContext): Promise<{ body: Record<string, unknown>; options: DeleteOptions }> {
  const data = await readBody(ctx.req, ctx.bodyLimit)
  const body = await decodeRequestOptions(data, ctx.req.headers['content-type'])
  const dryRun = deleteDryRun(data.length > 0 ? body : undefined, ctx.query)
  return { body, options: { ...deleteOptions(body, ctx.query), ...(dryRun ? { dryRun } : {}) } }
}

async function deleteObject(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  const { body, options } = await deleteRequest(ctx)
  const name = r.name as string
  const deleted = withType(ctx.engine.delete(ref.resource, r.namespace, name, options), ref)
  // A dry run leaves the object stored: it would be gone unless the delete only marked it (grace, finalizers).
  const gone = options.dryRun ? deleted.metadata.deletionTimestamp === undefined : isGone(ctx.engine, ref, r.namespace, name)
  if (gone && !RETURNS_DELETED_OBJECT.has(`${ref.group}/${ref.resource}`)) {
    return ctx.send(200, deletedStatus(name, ref.group, ref.resource, deleted.metadata.uid))
  }
  // handlers/delete.go: 202 only for an object that stays while orphanDependents=false asked for a cascade.
  ctx.send(!gone && body.orphanDependents === false ? 202 : 200, deleted)
}

async function deleteCollection(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  const { options } = await deleteRequest(ctx)
  const { items, resourceVersion } = ctx.engine.list(ref.resource, r.namespace, listOptions(ctx.query), ref.group)
  const deleted: KubeObject[] = []
  for (const o of items) {
    try {
      deleted.push(ctx.engine.delete(ref.resource, o.metadata.namespace, o.metadata.name ?? '', options))
    } catch (e) {
      // Gone in the meantime (a cascade took it): as the store's DeleteCollection, not an error.
      if (!isGone(ctx.engine, ref, o.metadata.namespace, o.metadata.name ?? '')) throw e
    }
  }
  ctx.send(200, listOf(ref.kind, apiVersionOf(ref), { items: deleted }, resourceVersion))
}

async function handleSubresource(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  const key = `${ref.group}/${ref.resource}`
  const name = r.name as string
  const namespace = r.namespace as string
  switch (r.subresource) {
    case 'scale':
      if (!SCALABLE.has(key)) break
      if (r.verb === 'get') return ctx.send(200, scaleOf(ctx.engine.get(ref.resource, namespace, name, ref.group)))
      if (r.verb === 'update') {
        const { dryRun, fieldManager } = writeOptionsOf(ctx, 'UpdateOptions')
        const scale = await decodeRequestObject(await readBody(ctx.req, ctx.bodyLimit), ctx.req.headers['content-type'], SCALE_KIND)
        return ctx.send(200, writeScale(ctx.engine, ref.resource, namespace, name, scale, { ...(dryRun ? { dryRun } : {}), ...(fieldManager ? { fieldManager } : {}) }))
      }
      if (r.verb === 'patch') {
        const { options, patchType, patch } = await patchRequest(ctx)
        return ctx.send(200, patchScale(ctx.engine, ref.resource, namespace, name, patchType, patch, options))
      }
      throw methodNotAllowed()
    case 'status':
      if (r.verb === 'get') return ctx.send(200, withType(ctx.engine.get(ref.resource, r.namespace, name, ref.group), ref))
      if (r.verb === 'update') return updateStatus(ctx, r, ref)
      if (r.verb === 'patch') return patchStatus(ctx, r, ref)
      throw methodNotAllowed()
    case 'binding':
      if (key !== '/pods') break
      if (r.verb !== 'create') throw methodNotAllowed()
      return bindPod(ctx, namespace, name)
    case 'eviction':
      if (key !== '/pods') break
      if (r.verb !== 'create') throw methodNotAllowed()
      return evict(ctx, namespace, name)
    case 'log':
      if (key !== '/pods') break
      if (r.verb !== 'get') throw methodNotAllowed()
      return serveLogs(ctx.engine, ctx.req, ctx.res, logsRequest(namespace, name, ctx.query))
    case 'exec':
    case 'attach':
      if (key !== '/pods') break
      // Served on the server's upgrade event (remotecommand/upgrade.ts); a plain request is UpgradeAwareHandler's
      // refusal (apimachinery pkg/util/proxy/upgradeaware.go).
      throw badRequest('Upgrade request required')
    case 'portforward':
      if (key !== '/pods') break
      throw badRequest('Podlab does not serve pods/portforward over the Kubernetes API yet')
  }
  throw pathNotFound()
}

/**
 * PUT .../status (the registry's StatusREST.Update): only the status of the sent object is taken, its status
 * strategy keeps the rest as stored. Kinds without a status subresource are 404.
 */
function updateStatus(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  return replaceWith(ctx, r, ref, (object, options) => ctx.engine.updateStatus(object, options))
}

/** PATCH .../status: the patch applied to the stored object, of which only the status is taken. */
async function patchStatus(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  const { options, patchType, patch } = await patchRequest(ctx)
  ctx.send(200, withType(ctx.engine.patchStatus(ref.resource, r.namespace, r.name as string, patchType, patch, options), ref))
}

/** POST pods/NAME/eviction (pkg/registry/core/pod/storage/eviction.go): 201 with a Success Status. */
async function evict(ctx: HandlerContext, namespace: string, name: string): Promise<void> {
  const body = (await decodeRequestObject(await readBody(ctx.req, ctx.bodyLimit), ctx.req.headers['content-type'], EVICTION_KIND)) as {
    metadata?: { name?: string }
    deleteOptions?: Record<string, unknown>
  }
  if (body.metadata?.name !== undefined && body.metadata.name !== name) throw badRequest('name in URL does not match name in Eviction object')
  ctx.engine.evict(namespace, name, deleteOptions(body.deleteOptions ?? {}, new URLSearchParams()))
  ctx.send(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 })
}
