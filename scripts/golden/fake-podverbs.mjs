// The fake API server's extension for `kubectl logs|top|cordon|uncordon|drain|taint|exec` goldens
// (main/kubectl/cmd/{logs,top,drain,taint,exec}/testdata). Active only for a case with `podverbs` (a cluster.json
// made by Podlab, see podverbs-objects.mjs): it adds to discovery what those verbs look for (the policy group and
// pods/eviction for drain's CheckEvictionSupport, metrics.k8s.io/v1beta1 for top), and serves pods/log (the
// stored text of a container, or its stored Status), PodMetrics and NodeMetrics lists, pod lists narrowed by
// labelSelector and fieldSelector spec.nodeName (drain's) and node lists by labelSelector, the DaemonSets drain looks up, and pods/eviction (the
// pod goes at once, so drain's wait ends at its first look). Query parameters are recorded by the base server.

/** The case's state: its objects from the cluster file, with `edits` (each { kind, name, namespace?, merge }) merged in. */
export function podverbsState(c, read) {
  const cluster = read(c.podverbs)
  const objects = structuredClone(cluster.objects)
  for (const e of c.edits ?? []) {
    const o = objects.find((x) => x.kind === e.kind && x.metadata.name === e.name && (e.namespace === undefined || x.metadata.namespace === e.namespace))
    if (!o) throw new Error(`edit of a missing object ${e.kind}/${e.name}`)
    deepMerge(o, e.merge)
  }
  return { objects, podverbs: cluster }
}

function deepMerge(target, patch) {
  for (const [k, v] of Object.entries(patch)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && target[k] && typeof target[k] === 'object') deepMerge(target[k], v)
    else target[k] = v
  }
}

const METRICS_GROUP = { name: 'metrics.k8s.io', versions: [{ groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' }], preferredVersion: { groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' } }
const POLICY_GROUP = { name: 'policy', versions: [{ groupVersion: 'policy/v1', version: 'v1' }], preferredVersion: { groupVersion: 'policy/v1', version: 'v1' } }

/**
 * Answers a request this extension serves and returns true; false leaves it to the base server. `base` gives the
 * base server's discovery documents; `send(code, value)` answers JSON; what it serves (not discovery) is recorded
 * in `requests` as the base server records its own.
 */
export function servePodverbs({ state, method, path, url, base, send, res, requests, body, asTable }) {
  const pv = state.podverbs
  if (!pv) return false
  const record = () => {
    const query = Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'timeout' && k !== 'timeoutSeconds'))
    requests.push({ method, path, query, ...(body ? { body: JSON.parse(body) } : {}) })
  }
  if (path === '/apis') return send(200, { ...base['/apis'], groups: [...base['/apis'].groups, POLICY_GROUP, METRICS_GROUP] }), true
  if (path === '/api/v1') {
    const eviction = { name: 'pods/eviction', singularName: '', namespaced: true, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] }
    return send(200, { ...base['/api/v1'], resources: [...base['/api/v1'].resources, eviction] }), true
  }
  if (path === '/apis/policy/v1') return send(200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'policy/v1', resources: [] }), true
  if (path === '/apis/metrics.k8s.io/v1beta1') {
    const resources = [
      { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
      { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
    ]
    return send(200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'metrics.k8s.io/v1beta1', resources }), true
  }
  const selected = (o) => labelsMatch(o.metadata.labels ?? {}, url.searchParams.get('labelSelector') ?? '')

  let m = /^\/apis\/metrics\.k8s\.io\/v1beta1\/(?:namespaces\/([^/]+)\/)?(pods|nodes)(?:\/([^/]+))?$/.exec(path)
  if (m && method === 'GET') {
    record()
    const [, ns, resource, name] = m
    const items = (resource === 'pods' ? pv.podMetrics : pv.nodeMetrics).filter((o) => (!ns || o.metadata.namespace === ns) && selected(o))
    if (name) {
      const found = items.find((o) => o.metadata.name === name)
      const kind = resource === 'pods' ? 'podmetrics' : 'nodemetrics'
      return send(found ? 200 : 404, found ?? status(404, 'NotFound', `${kind}.metrics.k8s.io "${name}" not found`, { name, group: 'metrics.k8s.io', kind: resource })), true
    }
    const kind = resource === 'pods' ? 'PodMetricsList' : 'NodeMetricsList'
    return send(200, { kind, apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items }), true
  }

  m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/.exec(path)
  if (m && method === 'GET') {
    record()
    const key = `${m[1]}/${m[2]}/${url.searchParams.get('container') ?? ''}${url.searchParams.get('previous') === 'true' ? '/previous' : ''}`
    const failure = pv.logErrors[key]
    if (failure) return send(failure.code, status(failure.code, failure.reason, failure.message)), true
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    return res.end(pv.logs[key] ?? ''), true
  }

  m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/eviction$/.exec(path)
  if (m && method === 'POST') {
    record()
    const at = state.objects.findIndex((o) => o.kind === 'Pod' && o.metadata.namespace === m[1] && o.metadata.name === m[2])
    if (at < 0) return send(404, status(404, 'NotFound', `pods "${m[2]}" not found`, { name: m[2], kind: 'pods' })), true
    state.objects.splice(at, 1)
    return send(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 }), true
  }

  m = /^\/apis\/apps\/v1\/namespaces\/([^/]+)\/daemonsets\/([^/]+)$/.exec(path)
  if (m && method === 'GET') {
    record()
    const found = state.objects.find((o) => o.kind === 'DaemonSet' && o.metadata.namespace === m[1] && o.metadata.name === m[2])
    return send(found ? 200 : 404, found ?? status(404, 'NotFound', `daemonsets.apps "${m[2]}" not found`, { name: m[2], group: 'apps', kind: 'daemonsets' })), true
  }

  // Pod and node lists with selectors (the base server ignores them): drain's spec.nodeName, -l.
  m = /^\/api\/v1\/(?:namespaces\/([^/]+)\/)?(pods|nodes)$/.exec(path)
  if (m && method === 'GET' && !asTable) {
    record()
    const kind = m[2] === 'pods' ? 'Pod' : 'Node'
    const node = /^spec\.nodeName=(.*)$/.exec(url.searchParams.get('fieldSelector') ?? '')?.[1]
    const items = state.objects
      .filter((o) => o.kind === kind && (!m[1] || o.metadata.namespace === m[1]) && selected(o) && (node === undefined || o.spec?.nodeName === node))
      .map(({ apiVersion, kind, ...rest }) => rest)
    return send(200, { kind: `${kind}List`, apiVersion: 'v1', metadata: { resourceVersion: '105' }, items }), true
  }
  return false
}

/** A label selector of `k=v`, `k!=v`, `k`, `!k` terms joined by commas (what the goldens use). */
function labelsMatch(labels, selector) {
  if (!selector) return true
  return selector.split(',').every((term) => {
    const ne = /^([^!=]+)!=(.*)$/.exec(term)
    if (ne) return labels[ne[1]] !== ne[2]
    const eq = /^([^=]+)==?(.*)$/.exec(term)
    if (eq) return labels[eq[1]] === eq[2]
    if (term.startsWith('!')) return !(term.slice(1) in labels)
    return term in labels
  })
}

function status(code, reason, message, details) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code }
}
