// The fake API server's answer to `kubectl edit`'s PATCH (its field manager `kubectl-edit`): the case's
// `editErrors["<resource>/<name>"]` Status when it has one (a Status Podlab's own API server gave for that edit, so
// the golden shows kubectl's presentation of Podlab's answer), else the stored object with the patch applied
// (fake-mutating's merge), which later GETs see too. Requests are recorded as the main server records a PATCH.

import { mergePatch } from './fake-mutating.mjs'

const KINDS = { pods: 'Pod', deployments: 'Deployment', replicasets: 'ReplicaSet', configmaps: 'ConfigMap', nodes: 'Node', namespaces: 'Namespace' }

/** Handles the request when it is kubectl edit's PATCH; returns true when it answered. */
export function handleEdit({ req, path, body, state, requests, send }) {
  const url = new URL(req.url, 'http://x')
  if (req.method !== 'PATCH' || url.searchParams.get('fieldManager') !== 'kubectl-edit') return false
  requests.push({ method: 'PATCH', path, query: Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'timeout')), body: JSON.parse(body), contentType: req.headers['content-type'], rawBody: body })
  const m = path.match(/^\/(?:api\/v1|apis\/([^/]+)\/v1)\/(?:namespaces\/([^/]+)\/)?([^/]+)\/([^/]+)(?:\/status)?$/)
  const [, group, namespace, resource, name] = m
  const failure = state.editErrors?.[`${resource}/${name}`]
  if (failure) return send(failure.code, failure), true
  const objects = state.objects ?? []
  const at = objects.findIndex((o) => o.kind === KINDS[resource] && o.metadata.name === name && (!namespace || (o.metadata.namespace ?? 'default') === namespace))
  if (at < 0) {
    const qualified = group ? `${resource}.${group}` : resource
    return send(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${qualified} "${name}" not found`, reason: 'NotFound', details: { name, ...(group ? { group } : {}), kind: resource }, code: 404 }), true
  }
  objects[at] = mergePatch(objects[at], JSON.parse(body), req.headers['content-type'] === 'application/strategic-merge-patch+json')
  return send(200, objects[at]), true
}
