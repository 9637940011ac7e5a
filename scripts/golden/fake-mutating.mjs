// The fake API server's answers for the mutating verbs (kubectl scale, rollout): the `scale` subresource of
// deployments and replicasets (autoscaling/v1 Scale from the stored object: GET, PATCH with a merge patch, PUT with
// its resourceVersion checked), advertised in apps/v1 discovery as the real API server does (kubectl's scaler
// finds the Scale's group-version there), and apps/v1 lists typed as apps/v1 (`DeploymentList`), so kubectl can
// map their items. Requests are recorded as the main server does.

const SCALABLE = { deployments: 'Deployment', replicasets: 'ReplicaSet' }

/** Handles the request when it is one of these; returns true when it answered. */
export function handleMutating({ req, path, body, state, requests, send, discovery }) {
  if (path === '/apis/apps/v1') {
    const base = discovery[path]
    const subresources = Object.keys(SCALABLE).map((r) => ({ name: `${r}/scale`, singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] }))
    return send(200, { ...base, resources: [...base.resources, ...subresources] }), true
  }
  const list = path.match(/^\/apis\/apps\/v1\/(?:namespaces\/([^/]+)\/)?(deployments|replicasets)$/)
  if (list && req.method === 'GET' && !(req.headers.accept ?? '').includes('as=Table')) {
    const url = new URL(req.url, 'http://x')
    requests.push({ method: 'GET', path, query: Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'timeout')) })
    // Equality selectors only (`a=b,c=d`), as the cases use.
    const wanted = (url.searchParams.get('labelSelector') ?? '').split(',').filter(Boolean).map((t) => t.split('='))
    const items = (state.objects ?? []).filter(
      (o) => o.kind === SCALABLE[list[2]] && (!list[1] || (o.metadata.namespace ?? 'default') === list[1]) && wanted.every(([k, v]) => o.metadata.labels?.[k] === v),
    )
    return send(200, { kind: `${SCALABLE[list[2]]}List`, apiVersion: 'apps/v1', metadata: { resourceVersion: '105' }, items }), true
  }
  const m = path.match(/^\/apis\/(apps)\/v1\/namespaces\/([^/]+)\/([^/]+)\/([^/]+)\/scale$/)
  if (!m) return false
  const [, , namespace, resource, name] = m
  const url = new URL(req.url, 'http://x')
  const query = Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'timeout'))
  requests.push({ method: req.method, path, query, ...(body ? { body: JSON.parse(body), contentType: req.headers['content-type'], rawBody: body } : {}) })
  const found = (state.objects ?? []).find((o) => o.kind === SCALABLE[resource] && o.metadata.name === name && (o.metadata.namespace ?? 'default') === namespace)
  if (!found) {
    return send(404, {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${resource}.apps "${name}" not found`, reason: 'NotFound',
      details: { name, group: 'apps', kind: resource }, code: 404,
    }), true
  }
  const scale = {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid: found.metadata.uid, resourceVersion: found.metadata.resourceVersion, creationTimestamp: found.metadata.creationTimestamp },
    spec: { replicas: found.spec?.replicas ?? 1 },
    status: { replicas: found.status?.replicas ?? 0, selector: Object.entries(found.spec?.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') },
  }
  if (req.method === 'GET') return send(200, scale), true
  const sent = JSON.parse(body)
  if (req.method === 'PUT' && sent.metadata?.resourceVersion && sent.metadata.resourceVersion !== scale.metadata.resourceVersion) {
    return send(409, {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Conflict', code: 409,
      message: `Operation cannot be fulfilled on ${resource}.apps "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      details: { name, group: 'apps', kind: resource },
    }), true
  }
  return send(200, { ...scale, spec: { replicas: sent.spec?.replicas ?? scale.spec.replicas } }), true
}
