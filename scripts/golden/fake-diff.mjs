// The fake API server's answers to kubectl diff's server-side dry runs (dryRun=All, field manager
// kubectl-client-side-apply), which it sends to get the MERGED
// version of each object: a POST answers the object sent, as it is (nothing stored); a PATCH answers the stored
// object with the patch applied (a strategic one as fake-mutating's merge of named lists, its `$setElementOrder`
// and `$retainKeys` directives dropped), and stores nothing. Requests are recorded as the main server does.

import { mergePatch } from './fake-mutating.mjs'

const KINDS = { pods: 'Pod', deployments: 'Deployment', replicasets: 'ReplicaSet', configmaps: 'ConfigMap', secrets: 'Secret', namespaces: 'Namespace' }
const OBJECT = /^\/(?:api\/v1|apis\/([^/]+)\/v1)\/(?:namespaces\/([^/]+)\/)?([^/]+)(?:\/([^/]+))?$/

/** Handles a dry-run POST or PATCH; returns true when it answered. */
export function handleDryRun({ req, path, url, body, state, requests, send }) {
  // kubectl diff's requests only (its field manager); other verbs' dry runs go to their own handlers.
  if (url.searchParams.get('fieldManager') !== 'kubectl-client-side-apply') return false
  if (url.searchParams.get('dryRun') !== 'All' || (req.method !== 'POST' && req.method !== 'PATCH')) return false
  const m = OBJECT.exec(path)
  if (!m) return false
  const [, group, namespace, resource, name] = m
  const query = Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'timeout'))
  const sent = JSON.parse(body)
  requests.push({ method: req.method, path, query, body: sent, ...(req.method === 'PATCH' ? { contentType: req.headers['content-type'], rawBody: body } : {}) })
  if (req.method === 'POST') return send(201, sent), true
  const found = (state.objects ?? []).find((o) => o.kind === KINDS[resource] && o.metadata.name === name && (o.metadata.namespace ?? 'default') === (namespace ?? 'default'))
  if (!found) {
    const kind = group ? `${resource}.${group}` : resource
    return send(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${kind} "${name}" not found`, reason: 'NotFound', details: { name, ...(group ? { group } : {}), kind: resource }, code: 404 }), true
  }
  return send(200, mergePatch(found, withoutDirectives(sent), req.headers['content-type'] === 'application/strategic-merge-patch+json')), true
}

function withoutDirectives(value) {
  if (Array.isArray(value)) return value.map(withoutDirectives)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('$setElementOrder/') && !k.startsWith('$retainKeys')).map(([k, v]) => [k, withoutDirectives(v)]))
}
