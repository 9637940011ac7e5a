// kubectl's client-side resource mapping against what the server serves (engine.resources() plays discovery):
// from a manifest's apiVersion/kind (cli-runtime pkg/resource/mapper.go infoForData, apimachinery meta
// NoKindMatchError), from a `get` argument (pods | po | pod), and the apiVersion/kind check of kubectl
// pkg/validation/validation.go getObjectKind that runs before mapping.

import type { Engine, ResourceRef } from '../engine'
import { apiVersionOf } from '../engine'

export interface GroupVersionKind {
  group: string
  version: string
  kind: string
}

/** getObjectKind: the GVK of a decoded document, or the validation errors kubectl reports for it. */
export function objectKind(doc: unknown): { gvk: GroupVersionKind } | { errors: string[] } {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { errors: ['invalid object to validate'] }
  const fields = doc as Record<string, unknown>
  const errors: string[] = []
  let group = ''
  let version = ''
  const apiVersion = fields.apiVersion
  if (apiVersion === undefined || apiVersion === null) errors.push('apiVersion not set')
  else if (typeof apiVersion !== 'string') errors.push("apiVersion isn't string type")
  else {
    const gv = parseGroupVersion(apiVersion)
    if ('error' in gv) errors.push(gv.error)
    else ({ group, version } = gv)
  }
  const kind = fields.kind
  if (kind === undefined || kind === null) errors.push('kind not set')
  else if (typeof kind !== 'string') errors.push("kind isn't string type")
  return errors.length > 0 ? { errors } : { gvk: { group, version, kind: kind as string } }
}

/** schema.ParseGroupVersion. */
export function parseGroupVersion(gv: string): { group: string; version: string } | { error: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' }
  const parts = gv.split('/')
  if (parts.length === 1) return { group: '', version: gv }
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! }
  return { error: `unexpected GroupVersion string: ${gv}` }
}

/** RESTMapping(gk, version): the served resource of that kind in that group version (any version when ''). */
export function mappingFor(engine: Engine, gvk: GroupVersionKind): ResourceRef | undefined {
  return engine.resources().find((r) => r.group === gvk.group && (gvk.version === '' || r.version === gvk.version) && r.kind === gvk.kind)
}

/** NoKindMatchError.Error() for one searched version. */
export function noKindMatchMessage(gvk: GroupVersionKind): string {
  const version = apiVersionOf(gvk)
  return `no matches for kind ${JSON.stringify(gvk.kind)} in version ${JSON.stringify(version)}`
}

/**
 * The resource a command-line type names (RESTMapper ResourceFor / KindFor as discovery feeds them): the plural,
 * the singular, a short name or the kind, in any case; `deployments.apps` and `deployments.v1.apps` name the group
 * (and version) too. As schema.ParseResourceArg, two dots or more are first read as resource.version.group, then
 * as resource.group (`events.events.k8s.io`).
 */
export function resourceForArg(engine: Engine, arg: string): ResourceRef | undefined {
  const [name, ...rest] = arg.toLowerCase().split('.')
  const named = (r: ResourceRef) =>
    r.resource === name || r.singular === name || r.kind.toLowerCase() === name || (r.shortNames ?? []).includes(name!)
  const find = (group: string | undefined, version?: string) =>
    engine.resources().find((r) => named(r) && (group === undefined || (r.group === group && (version === undefined || r.version === version))))
  if (rest.length === 0) return find(undefined)
  return (rest.length >= 2 ? find(rest.slice(1).join('.'), rest[0]) : undefined) ?? find(rest.join('.'))
}

/** schema.GroupVersionResource.String(): "/v1, Resource=pods". */
export function gvrString(ref: ResourceRef): string {
  return `${ref.group}/${ref.version}, Resource=${ref.resource}`
}

/** schema.GroupVersionKind.String(): "/v1, Kind=Pod". */
export function gvkString(ref: ResourceRef): string {
  return `${ref.group}/${ref.version}, Kind=${ref.kind}`
}

/** The name printer's `pod/x`, `deployment.apps/hello` (cli-runtime printers/name.go). */
export function kindSlashName(ref: Pick<ResourceRef, 'kind' | 'group'>, name: string): string {
  return ref.group ? `${ref.kind.toLowerCase()}.${ref.group}/${name}` : `${ref.kind.toLowerCase()}/${name}`
}
