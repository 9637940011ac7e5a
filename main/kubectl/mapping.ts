// kubectl's client-side resource mapping against what the server serves (engine.resources() plays discovery):
// from a manifest's apiVersion/kind (cli-runtime pkg/resource/mapper.go infoForData, apimachinery meta
// NoKindMatchError), from a `get` argument (pods | po | pod), and the apiVersion/kind check of kubectl
// pkg/validation/validation.go getObjectKind that runs before mapping.

import type { Engine, ResourceRef } from '../engine/engine'
import { apiVersionOf } from '../engine/resources'

/** Short names the real discovery documents advertise (engine.resources() does not carry them). */
const SHORT_NAMES: Record<string, string[]> = {
  pods: ['po'],
  nodes: ['no'],
  events: ['ev'],
  namespaces: ['ns'],
  deployments: ['deploy'],
  replicasets: ['rs'],
  services: ['svc'],
  configmaps: ['cm'],
  jobs: [],
}

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

/** RESTMapping(gk, version): the served resource of that kind in that group version. */
export function mappingFor(engine: Engine, gvk: GroupVersionKind): ResourceRef | undefined {
  return engine.resources().find((r) => r.group === gvk.group && r.version === gvk.version && r.kind === gvk.kind)
}

/** NoKindMatchError.Error() for one searched version. */
export function noKindMatchMessage(gvk: GroupVersionKind): string {
  // apiVersionOf reads only group and version; a kind that matched nothing has no resource or scope to give it.
  const version = apiVersionOf({ ...gvk, resource: '', namespaced: false })
  return `no matches for kind ${JSON.stringify(gvk.kind)} in version ${JSON.stringify(version)}`
}

/** The resource a `kubectl get` argument names: plural, singular (the kind) or a short name, any case of kind. */
export function resourceForArg(engine: Engine, arg: string): ResourceRef | undefined {
  const name = arg.toLowerCase()
  return engine
    .resources()
    .find((r) => r.resource === name || r.kind.toLowerCase() === name || (SHORT_NAMES[r.resource] ?? []).includes(name))
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
