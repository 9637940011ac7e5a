// The resource handlers (apiserver pkg/endpoints/handlers: get.go, create.go, update.go, patch.go, delete.go),
// each a call of the Engine face: GET (one object, a list, or a watch), POST, PUT, PATCH, DELETE and
// DELETE of a collection, and the subresources this door serves (scale, status for reading, eviction, log).
// Errors the engine raises are ApiErrors and go out as their Status; the door's own are DoorErrors.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { apiVersionOf, type CreateOptions, type DeleteOptions, type DryRun, type Engine, type PatchType, type ResourceRef } from '../engine'
import type { KubeObject } from '../kube'
import { decodeObjectBody, decodeOptionsBody, decodePatchBody, readBody } from './body'
import { listOf, paginate } from './list'
import { logsRequest, serveLogs } from './logs'
import { mediaTypes, tableVersion } from './negotiate'
import type { ResourceRequest, Verb } from './request-info'
import { patchScale, scaleOf, SCALABLE, writeScale } from './scale'
import { badRequest, deletedStatus, DoorError, methodNotAllowed, notServedYet, pathNotFound, unsupportedMediaType } from './status'
import { includeObjectOf, tableFor } from './table'
import { serveWatch, type WatchLimits } from './watch'

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
const APPLY_PATCH = 'application/apply-patch+yaml'

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

function fieldValidation(query: URLSearchParams): CreateOptions {
  const value = query.get('fieldValidation')
  // Warn is the API server's default when a client sends none (kubectl run sends none).
  if (value === null || value === '') return { fieldValidation: 'Warn' }
  if (value === 'Strict' || value === 'Warn' || value === 'Ignore') return { fieldValidation: value }
  throw badRequest(`fieldValidation parameter unsupported: ${value}; valid values are: Ignore, Warn, Strict`)
}

/**
 * The `dryRun` query parameter (kubectl's --dry-run=server sends `All`), validated as ValidateDryRun does
 * (apimachinery pkg/apis/meta/v1/validation): any other value is the options kind's 422 Invalid.
 */
function dryRunOf(query: URLSearchParams, optionsKind: 'CreateOptions' | 'UpdateOptions' | 'PatchOptions' | 'DeleteOptions'): { dryRun?: DryRun } {
  const values = query.getAll('dryRun')
  if (values.length === 0) return {}
  if (values.every((v) => v === 'All')) return { dryRun: 'All' }
  const message = `Unsupported value: []string{${values.map((v) => JSON.stringify(v)).join(', ')}}: supported values: "All"`
  throw new DoorError(422, 'Invalid', `${optionsKind}.meta.k8s.io "" is invalid: dryRun: ${message}`, {
    group: 'meta.k8s.io',
    kind: optionsKind,
    causes: [{ reason: 'FieldValueNotSupported', message, field: 'dryRun' }],
  })
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
  const raw = decodeObjectBody(data, ctx.req.headers['content-type'], ref.kind) as Partial<KubeObject>
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
  const dryRun = dryRunOf(ctx.query, 'CreateOptions')
  const object = await objectFromBody(ctx, r, ref)
  ctx.send(201, withType(ctx.engine.create(object, { ...fieldValidation(ctx.query), ...dryRun }), ref))
}

async function updateObject(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  const dryRun = dryRunOf(ctx.query, 'UpdateOptions')
  const object = await objectFromBody(ctx, r, ref)
  if (object.metadata.name !== r.name) {
    throw badRequest(`the name of the object (${object.metadata.name ?? ''}) does not match the name on the URL (${r.name ?? ''})`)
  }
  ctx.send(200, withType(ctx.engine.update(object, { ...fieldValidation(ctx.query), ...dryRun }), ref))
}

/** The patch type of a PATCH's Content-Type; 415 for another (server-side apply is said plainly). */
function patchTypeOf(contentType: string | undefined): PatchType {
  const type = mediaTypes(contentType)[0]?.type ?? ''
  if (type === APPLY_PATCH) throw notServedYet('server-side apply (application/apply-patch+yaml)')
  const patchType = PATCH_TYPES[type]
  if (!patchType) throw unsupportedMediaType([...Object.keys(PATCH_TYPES), APPLY_PATCH])
  return patchType
}

async function patchObject(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  const dryRun = dryRunOf(ctx.query, 'PatchOptions')
  const patchType = patchTypeOf(ctx.req.headers['content-type'])
  const patch = decodePatchBody(await readBody(ctx.req, ctx.bodyLimit), patchType)
  ctx.send(200, withType(ctx.engine.patch(ref.resource, r.namespace, r.name as string, patchType, patch, { ...fieldValidation(ctx.query), ...dryRun }), ref))
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
  const bodyDryRun = Array.isArray(body.dryRun) ? (body.dryRun as unknown[]) : []
  if (bodyDryRun.length > 0) {
    const query = new URLSearchParams(bodyDryRun.map((v): [string, string] => ['dryRun', String(v)]))
    Object.assign(options, dryRunOf(query, 'DeleteOptions'))
  }
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

async function deleteObject(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  const queryDryRun = dryRunOf(ctx.query, 'DeleteOptions')
  const body = decodeOptionsBody(await readBody(ctx.req, ctx.bodyLimit))
  const options = { ...deleteOptions(body, ctx.query), ...queryDryRun }
  const name = r.name as string
  const deleted = withType(ctx.engine.delete(ref.resource, r.namespace, name, options), ref)
  // A dry run leaves the object where it was: gone is whether the delete would have removed it at once.
  const gone = options.dryRun ? !deleted.metadata.deletionTimestamp && !(deleted.metadata.finalizers ?? []).length : isGone(ctx.engine, ref, r.namespace, name)
  if (gone && !RETURNS_DELETED_OBJECT.has(`${ref.group}/${ref.resource}`)) {
    return ctx.send(200, deletedStatus(name, ref.group, ref.resource, deleted.metadata.uid))
  }
  // handlers/delete.go: 202 only for an object that stays while orphanDependents=false asked for a cascade.
  ctx.send(!gone && body.orphanDependents === false ? 202 : 200, deleted)
}

async function deleteCollection(ctx: HandlerContext, r: ResourceRequest, ref: ResourceRef): Promise<void> {
  const queryDryRun = dryRunOf(ctx.query, 'DeleteOptions')
  const options = { ...deleteOptions(decodeOptionsBody(await readBody(ctx.req, ctx.bodyLimit)), ctx.query), ...queryDryRun }
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
        const dryRun = dryRunOf(ctx.query, 'UpdateOptions')
        const scale = decodeObjectBody(await readBody(ctx.req, ctx.bodyLimit), ctx.req.headers['content-type'], 'Scale')
        return ctx.send(200, writeScale(ctx.engine, ref.resource, namespace, name, scale, dryRun))
      }
      if (r.verb === 'patch') {
        const dryRun = dryRunOf(ctx.query, 'PatchOptions')
        const patchType = patchTypeOf(ctx.req.headers['content-type'])
        const patch = decodePatchBody(await readBody(ctx.req, ctx.bodyLimit), patchType)
        return ctx.send(200, patchScale(ctx.engine, ref.resource, namespace, name, patchType, patch, dryRun))
      }
      throw methodNotAllowed()
    case 'status':
      if (r.verb === 'get') return ctx.send(200, withType(ctx.engine.get(ref.resource, r.namespace, name, ref.group), ref))
      if (r.verb === 'update' || r.verb === 'patch') throw notServedYet('writes to the status subresource')
      throw methodNotAllowed()
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
    case 'portforward':
      if (key !== '/pods') break
      throw badRequest(`Podlab does not serve pods/${r.subresource} over the Kubernetes API yet${r.subresource === 'exec' ? '; `podlab kubectl exec` runs commands in its containers' : ''}`)
  }
  throw pathNotFound()
}

/** POST pods/NAME/eviction (pkg/registry/core/pod/storage/eviction.go): 201 with a Success Status. */
async function evict(ctx: HandlerContext, namespace: string, name: string): Promise<void> {
  const body = decodeObjectBody(await readBody(ctx.req, ctx.bodyLimit), ctx.req.headers['content-type'], 'Eviction') as {
    metadata?: { name?: string }
    deleteOptions?: Record<string, unknown>
  }
  if (body.metadata?.name !== undefined && body.metadata.name !== name) throw badRequest('name in URL does not match name in Eviction object')
  ctx.engine.evict(namespace, name, deleteOptions(body.deleteOptions ?? {}, new URLSearchParams()))
  ctx.send(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 })
}
