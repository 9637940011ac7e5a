// /openapi/v2 and /openapi/v3, as far as kubectl needs them (kubectl-wire.md §7): an empty 200 on /openapi/v2
// (a valid empty protobuf document: apply and create -f then leave validation to the server, which they ask
// for with fieldValidation=Strict, on 1.27-1.33); on /openapi/v3 the engine's bundled Kubernetes 1.32 documents
// (main/engine/api/openapi: one per group version, with the root naming each by its hash, as kube-openapi's
// handler3.go does). Each PATCH operation carries the GVK and the fieldValidation parameter, which is all kubectl
// 1.29+ reads before it trusts the server to validate; `kubectl explain` reads the schemas.

import type { Engine } from '../engine'

/** Where the OpenAPI v3 documents come from. */
export interface OpenApiSource {
  /** GET /openapi/v3: `{"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."}}}`. */
  root(): unknown
  /** The document of `path` (`api/v1`, `apis/apps/v1`), or undefined for one not served (a 404). */
  document(path: string): unknown
}

/** The Content-Type kubectl accepts for /openapi/v2 (the Accept's `@` breaks Go's media type parser). */
export const OPENAPI_V2_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'

/** The engine's bundled documents (Engine.openAPIV3Root / openAPIV3), served as they are. */
export function engineOpenApi(engine: Pick<Engine, 'openAPIV3Root' | 'openAPIV3'>): OpenApiSource {
  return { root: () => engine.openAPIV3Root(), document: (path) => engine.openAPIV3(path) }
}
