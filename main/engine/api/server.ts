// The simulated API server's verbs, inside a transaction: decode the body, route it to its registry, and
// answer with the stored object or an ApiError worded as the real API server words it.

import type { KubeObject } from '../../contract'
import type { CreateOptions, DeleteOptions } from '../engine'
import { apiVersionOf, resourceFor, resourceForKind } from '../resources'
import type { World } from '../world'
import { ApiError, notFound } from './errors'
import type { Pod } from './pods/types'
import { createPod, deletePod, updatePod } from './registry/pods'
import { decodeBody } from './strict'

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

/**
 * Decodes a body as the API server does: an unknown kind is refused; a value of the wrong type fails whatever
 * the validation mode; unknown fields fail with fieldValidation=Strict (what kubectl >= 1.27 sends) and are
 * dropped with Warn or Ignore. (Warn's warnings do not cross the Engine interface yet.)
 */
function decode(value: unknown, options: CreateOptions): { object: KubeObject; resource: string } {
  const raw = asObject(structuredClone(value))
  const ref = resourceForKind(raw.apiVersion, raw.kind)
  if (!ref) throw new ApiError('BadRequest', `no kind "${raw.kind}" is registered for version "${raw.apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`)
  const { object } = decodeBody(raw.apiVersion, raw.kind, raw, options.fieldValidation ?? 'Strict')
  return { object: object as KubeObject, resource: ref.resource }
}

export class ApiServer {
  constructor(private readonly world: World) {}

  create(value: unknown, options: CreateOptions = {}): KubeObject {
    const { object, resource } = decode(value, options)
    switch (resource) {
      case 'pods':
        return createPod(this.world, object as Pod)
      default:
        throw new ApiError('BadRequest', `Podlab cannot create ${resource} yet`)
    }
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject {
    const ref = resourceFor(resource)
    if (!ref) throw new ApiError('NotFound', 'the server could not find the requested resource')
    if (!name) throw new ApiError('BadRequest', 'resource name may not be empty')
    const found = this.world.store.get(resource, ref.namespaced ? (namespace ?? 'default') : '', name)
    if (!found) throw notFound(resource, name, ref.group)
    return found
  }

  list(resource: string, namespace?: string): KubeObject[] {
    const ref = resourceFor(resource)
    if (!ref) throw new ApiError('NotFound', 'the server could not find the requested resource')
    return this.world.store.list(resource, ref.namespaced ? namespace : undefined)
  }

  update(value: unknown, options: CreateOptions = {}): KubeObject {
    const { object, resource } = decode(value, options)
    const ref = resourceFor(resource)
    const current = this.get(resource, object.metadata.namespace, object.metadata.name ?? '')
    const sent = object.metadata.resourceVersion
    if (sent !== undefined && sent !== current.metadata.resourceVersion) {
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on ${resource} "${object.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      )
    }
    switch (resource) {
      case 'pods':
        return updatePod(this.world, object as Pod, current as Pod)
      default:
        throw new ApiError('BadRequest', `Podlab cannot update ${ref ? apiVersionOf(ref) : ''} ${resource} yet`)
    }
  }

  delete(resource: string, namespace: string | undefined, name: string, options: DeleteOptions = {}): KubeObject {
    const current = this.get(resource, namespace, name)
    switch (resource) {
      case 'pods':
        return deletePod(this.world, current as Pod, options.gracePeriodSeconds)
      default:
        throw new ApiError('BadRequest', `Podlab cannot delete ${resource} yet`)
    }
  }
}
