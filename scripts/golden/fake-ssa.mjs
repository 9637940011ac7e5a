// The fake API server's answer to a server-side apply (`kubectl apply --server-side`): a PATCH with
// Content-Type application/apply-patch+yaml, answered as the apiserver's applyPatcher answers: 201 with the
// object when none of that name is stored, 200 with the stored object and the applied fields over it otherwise,
// or the Status a case gives for it in `applyErrors` ({"pods/x": Status}: a 409 apply conflict, built by
// Podlab's engine). Requests are recorded as the main server records a PATCH (query, content type, raw body).

const OBJECT = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)\/(?:namespaces\/([^/]+)\/)?([^/]+)\/([^/]+)$/

/** Handles the request when it is an apply patch; returns true when it answered. */
export function handleServerSideApply({ req, path, url, body, state, requests, send }) {
  if (req.method !== 'PATCH' || !(req.headers['content-type'] ?? '').startsWith('application/apply-patch+yaml')) return false
  const m = OBJECT.exec(path)
  if (!m) return false
  const [, namespace, resource, name] = m
  const query = Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'timeout'))
  requests.push({ method: 'PATCH', path, query, body: JSON.parse(body), contentType: req.headers['content-type'], rawBody: body })
  const failure = state.applyErrors?.[`${resource}/${name}`]
  if (failure) return send(failure.code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', ...failure }), true
  const applied = JSON.parse(body)
  const found = (state.objects ?? []).find((o) => o.kind === applied.kind && o.metadata.name === name && (!namespace || (o.metadata.namespace ?? 'default') === namespace))
  if (!found) return send(201, { ...applied, metadata: { uid: 'uid-1', resourceVersion: '106', creationTimestamp: '2025-03-01T12:00:00Z', ...applied.metadata } }), true
  return send(200, { ...found, ...applied, metadata: { ...found.metadata, ...applied.metadata } }), true
}
