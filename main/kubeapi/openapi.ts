// /openapi/v2 and /openapi/v3, as far as kubectl needs them (kubectl-wire.md §7): an empty 200 on /openapi/v2
// (a valid empty protobuf document: apply and create -f then leave validation to the server, which they ask
// for with fieldValidation=Strict, on 1.27-1.33); on /openapi/v3 a root naming each served group version and,
// per group version, a document whose PATCH operations carry the GVK and the fieldValidation parameter, which
// is all kubectl 1.29+ reads before it trusts the server to validate.
//
// The seam: the bundled 1.32 schema comes through the Engine (openAPIV3Root()/openAPIV3(gv), another piece of
// work); a host passes it as an OpenApiSource and this door serves it instead of the small documents below.

import { createHash } from 'node:crypto'
import type { ResourceRef } from '../engine'
import { resourcesIn, type GroupVersion } from './discovery'

/** Where the OpenAPI v3 documents come from. */
export interface OpenApiSource {
  /** The group versions with a document: `api/v1`, `apis/apps/v1`. */
  groupVersions(): string[]
  /** The document of `path` (`api/v1`), or undefined for one not served. */
  document(path: string): unknown
}

/** The Content-Type kubectl accepts for /openapi/v2 (the Accept's `@` breaks Go's media type parser). */
export const OPENAPI_V2_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'

const pathOf = ({ group, version }: GroupVersion): string => (group ? `apis/${group}/${version}` : `api/${version}`)

/** The small documents: every served resource's PATCH, with its GVK and the fieldValidation parameter. */
export function minimalOpenApi(resources: () => readonly ResourceRef[]): OpenApiSource {
  const groupVersions = () => {
    const seen = new Map<string, GroupVersion>()
    for (const r of resources()) seen.set(pathOf(r), { group: r.group, version: r.version })
    return seen
  }
  return {
    groupVersions: () => [...groupVersions().keys()],
    document(path) {
      const gv = groupVersions().get(path)
      if (!gv) return undefined
      const paths: Record<string, unknown> = {}
      for (const r of resourcesIn(resources(), gv)) {
        if (!(r.verbs ?? []).includes('patch')) continue
        const item = r.namespaced ? `/${path}/namespaces/{namespace}/${r.resource}/{name}` : `/${path}/${r.resource}/{name}`
        paths[item] = {
          patch: {
            'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind },
            parameters: [{ name: 'fieldValidation', in: 'query' }],
          },
        }
      }
      return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.5' }, paths }
    },
  }
}

/** A document's hash, as the root's serverRelativeURL carries it (the client caches by it). */
function hashOf(document: unknown): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex').toUpperCase()
}

/** GET /openapi/v3: `{"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."}}}`. */
export function openApiV3Root(source: OpenApiSource): unknown {
  const paths: Record<string, unknown> = {}
  for (const path of source.groupVersions()) {
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hashOf(source.document(path))}` }
  }
  return { paths }
}
