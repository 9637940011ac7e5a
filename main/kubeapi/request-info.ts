// What a request asks for, read from its path and method as the API server's RequestInfoFactory reads it
// (staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go): /api/v1 or /apis/GROUP/VERSION, then
// `namespaces/NS` (unless the next part is a namespace subresource: status, finalize), the resource, its name
// and subresource; the verb from the method (GET with no name is list, or watch with ?watch=true).

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection'

export interface ResourceRequest {
  group: string
  version: string
  namespace?: string
  resource: string
  name?: string
  subresource?: string
  verb: Verb
}

/** requestinfo.go's namespaceSubresources: `namespaces/NAME/status` is the namespace's, not a resource `status` in it. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize'])

/** splitPath: the path's non-empty parts (a trailing or doubled slash adds none). */
function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '')
}

/**
 * The resource request at `path`, or undefined when the path is no resource path (discovery, /version, an
 * unknown prefix). `watch` is the query's watch parameter as the API server reads it (`true`, `1`).
 */
export function resourceRequest(method: string, path: string, watch: boolean): ResourceRequest | undefined {
  let parts = splitPath(path)
  let group: string
  let version: string
  if (parts[0] === 'api' && parts.length >= 3) {
    group = ''
    version = parts[1] as string
    parts = parts.slice(2)
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1] as string
    version = parts[2] as string
    parts = parts.slice(3)
  } else {
    return undefined
  }
  let namespace: string | undefined
  // `namespaces/NS` and `namespaces/NS/status|finalize` are the Namespace object NS; `namespaces/NS/pods...` is in it.
  if (parts[0] === 'namespaces' && parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2] as string)) {
    namespace = parts[1]
    parts = parts.slice(2)
  }
  const [resource, name, subresource, ...rest] = parts
  if (resource === undefined || rest.length > 0) return undefined
  const verb = verbOf(method, name !== undefined, watch)
  if (!verb) return undefined
  return {
    group,
    version,
    ...(namespace !== undefined ? { namespace } : {}),
    resource,
    ...(name !== undefined ? { name } : {}),
    ...(subresource !== undefined ? { subresource } : {}),
    verb,
  }
}

function verbOf(method: string, named: boolean, watch: boolean): Verb | undefined {
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (watch) return 'watch'
      return named ? 'get' : 'list'
    case 'POST':
      return 'create'
    case 'PUT':
      return 'update'
    case 'PATCH':
      return 'patch'
    case 'DELETE':
      return named ? 'delete' : 'deletecollection'
  }
  return undefined
}
