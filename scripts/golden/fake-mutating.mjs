// The fake API server's answers for the mutating verbs (kubectl scale, rollout): the `scale` subresource of
// deployments and replicasets (autoscaling/v1 Scale from the stored object: GET, PATCH with a merge patch, PUT with
// its resourceVersion checked), advertised in apps/v1 discovery as the real API server does (kubectl's scaler
// finds the Scale's group-version there), and apps/v1 lists typed as apps/v1 (`DeploymentList`), so kubectl can
// map their items. PATCHes sent by `kubectl patch`, `kubectl set` and `kubectl rollout` (by their fieldManager) are
// applied to the stored object, which the answer and later GETs show (merge and JSON patches as RFC 7386 / 6902
// say; a strategic one as a merge whose lists of named objects merge by name, enough for the cases recorded).
// PUT replaces a stored object (409 when its resourceVersion is not the stored one). Requests are recorded as the
// main server does.

const SCALABLE = { deployments: 'Deployment', replicasets: 'ReplicaSet' }

/** Handles the request when it is one of these; returns true when it answered. */
export function handleMutating({ req, res, path, body, state, requests, send, discovery }) {
  if (path === '/apis/apps/v1') {
    const base = discovery[path]
    const subresources = Object.keys(SCALABLE).map((r) => ({ name: `${r}/scale`, singularName: '', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] }))
    return send(200, { ...base, resources: [...base.resources, ...subresources] }), true
  }
  const list = path.match(/^\/apis\/apps\/v1\/(?:namespaces\/([^/]+)\/)?(deployments|replicasets)$/)
  if (list && req.method === 'GET' && new URL(req.url, 'http://x').searchParams.get('watch') === 'true') {
    // A watch that hears nothing until kubectl hangs up (rollout status stops at its first answer from the list).
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' })
    res.flushHeaders()
    return true
  }
  if (list && req.method === 'GET' && !(req.headers.accept ?? '').includes('as=Table')) {
    const url = new URL(req.url, 'http://x')
    requests.push({ method: 'GET', path, query: Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'timeout')) })
    // Equality selectors only (`a=b,c=d`), as the cases use.
    const fieldName = /^metadata\.name=(.+)$/.exec(url.searchParams.get('fieldSelector') ?? '')?.[1]
    const wanted = (url.searchParams.get('labelSelector') ?? '').split(',').filter(Boolean).map((t) => t.split('='))
    const items = (state.objects ?? []).filter(
      (o) => o.kind === SCALABLE[list[2]] && (!list[1] || (o.metadata.namespace ?? 'default') === list[1]) && wanted.every(([k, v]) => o.metadata.labels?.[k] === v),
    ).filter((o) => !fieldName || o.metadata.name === fieldName)
    return send(200, { kind: `${SCALABLE[list[2]]}List`, apiVersion: 'apps/v1', metadata: { resourceVersion: '105' }, items }), true
  }
  if (req.method === 'PUT' && !path.endsWith('/scale')) return replaceObject({ req, path, body, state, requests, send })
  if (req.method === 'PATCH' && APPLYING_MANAGERS.includes(new URL(req.url, 'http://x').searchParams.get('fieldManager'))) {
    return patchObject({ req, path, body, state, requests, send })
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

/** The field managers whose PATCHes this server applies. */
const APPLYING_MANAGERS = ['kubectl-patch', 'kubectl-set', 'kubectl-rollout']
const KINDS = { pods: 'Pod', deployments: 'Deployment', replicasets: 'ReplicaSet', configmaps: 'ConfigMap', nodes: 'Node' }

function patchObject({ req, path, body, state, requests, send }) {
  const url = new URL(req.url, 'http://x')
  const m = path.match(/^\/(?:api\/v1|apis\/([^/]+)\/v1)\/(?:namespaces\/([^/]+)\/)?([^/]+)\/([^/]+)$/)
  let patch
  try {
    patch = JSON.parse(body)
  } catch {
    patch = undefined
  }
  requests.push({ method: 'PATCH', path, query: Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'timeout')), ...(patch === undefined ? {} : { body: patch }), contentType: req.headers['content-type'], rawBody: body })
  const [, group, namespace, resource, name] = m
  const objects = state.objects ?? []
  const at = objects.findIndex((o) => o.kind === KINDS[resource] && o.metadata.name === name && (!namespace || (o.metadata.namespace ?? 'default') === namespace))
  const status = (code, reason, message, details) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code })
  if (at < 0) return send(404, status(404, 'NotFound', `${group ? `${resource}.${group}` : resource} "${name}" not found`, { name, ...(group ? { group } : {}), kind: resource })), true
  const type = req.headers['content-type']
  // The cases send no body that is not JSON (the API server's decode error is not reproduced here).
  if (patch === undefined) return send(400, status(400, 'BadRequest', 'not JSON')), true
  let patched
  try {
    if (type === 'application/json-patch+json') patched = jsonPatch(objects[at], patch)
    else patched = mergePatch(objects[at], patch, type === 'application/strategic-merge-patch+json')
  } catch {
    return send(422, status(422, 'Invalid', 'the server rejected our request due to an error in our request')), true
  }
  objects[at] = patched
  return send(200, patched), true
}

/** RFC 7386, or (strategic) with lists of objects that have names merged by name. */
export function mergePatch(target, patch, strategic) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch
  const out = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else if (strategic && Array.isArray(v) && Array.isArray(out[k]) && v.every((e) => e && typeof e === 'object' && 'name' in e)) {
      const merged = out[k].map((e) => {
        const p = v.find((x) => x.name === e.name)
        return p ? mergePatch(e, p, true) : e
      })
      for (const p of v) if (!out[k].some((e) => e.name === p.name)) merged.unshift(p)
      out[k] = merged
    } else out[k] = mergePatch(out[k], v, strategic)
  }
  return out
}

/** RFC 6902 add / replace / remove / test on JSON pointers. */
function jsonPatch(doc, ops) {
  const copy = structuredClone(doc)
  for (const op of ops) {
    const parts = op.path.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
    const last = parts.pop()
    let parent = copy
    for (const p of parts) {
      if (parent === null || typeof parent !== 'object' || !(p in parent)) throw new Error('missing')
      parent = parent[p]
    }
    if (op.op === 'test') {
      if (JSON.stringify(parent[last]) !== JSON.stringify(op.value)) throw new Error('test')
    } else if (op.op === 'remove' || op.op === 'replace') {
      if (!(last in parent)) throw new Error('missing')
      if (op.op === 'remove') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last]
      else parent[last] = op.value
    } else if (op.op === 'add') {
      if (Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, op.value)
      else parent[last] = op.value
    } else throw new Error('op')
  }
  return copy
}

function replaceObject({ req, path, body, state, requests, send }) {
  const url = new URL(req.url, 'http://x')
  const sent = JSON.parse(body)
  requests.push({ method: 'PUT', path, query: Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'timeout')), body: sent })
  const m = path.match(/^\/(?:api\/v1|apis\/([^/]+)\/v1)\/(?:namespaces\/([^/]+)\/)?([^/]+)\/([^/]+)$/)
  const [, group, namespace, resource, name] = m
  const objects = state.objects ?? []
  const at = objects.findIndex((o) => o.kind === KINDS[resource] && o.metadata.name === name && (!namespace || (o.metadata.namespace ?? 'default') === namespace))
  const status = (code, reason, message, details) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code })
  const qualified = group ? `${resource}.${group}` : resource
  if (at < 0) return send(404, status(404, 'NotFound', `${qualified} "${name}" not found`, { name, ...(group ? { group } : {}), kind: resource })), true
  if (sent.metadata?.resourceVersion && sent.metadata.resourceVersion !== objects[at].metadata.resourceVersion) {
    const message = `Operation cannot be fulfilled on ${qualified} "${name}": the object has been modified; please apply your changes to the latest version and try again`
    return send(409, status(409, 'Conflict', message, { name, ...(group ? { group } : {}), kind: resource })), true
  }
  objects[at] = sent
  return send(200, sent), true
}
