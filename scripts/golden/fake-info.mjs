// The fake API server's answers for kubectl's information verbs (version, auth can-i, cluster-info): Podlab's
// /version (main/kubectl/cmd/version/server-version.json, the kube-apiserver of kindest/node v1.32.5), an
// authorizer that allows everything (SelfSubjectAccessReview: allowed; SelfSubjectRulesReview: the rules kind's
// kubernetes-admin gets, main/kubectl/cmd/auth/admin-rules.json), and kind's kube-dns Service for cluster-info.
// A case with `services: true` has `services` in discovery. Returns true when it answered.

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const json = (p) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'))

export function handleInfo(req, res, path, body, { requests, state, discovery }) {
  const send = (code, value) => {
    res.writeHead(code, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify(value))
  }
  // cluster-info lists services: discovery names them here only (other suites' goldens predate them).
  if (path === '/api/v1' && state.services) {
    const services = { name: 'services', singularName: 'service', namespaced: true, kind: 'Service', shortNames: ['svc'], categories: ['all'], verbs: discovery['/api/v1'].resources[0].verbs }
    return send(200, { ...discovery['/api/v1'], resources: [...discovery['/api/v1'].resources, services] }), true
  }
  if (path === '/version') return send(200, json('main/kubectl/cmd/version/server-version.json')), true
  const review = /^\/apis\/authorization\.k8s\.io\/v1\/(selfsubjectaccessreviews|selfsubjectrulesreviews)$/.exec(path)
  if (review && req.method === 'POST') {
    const sent = JSON.parse(body)
    requests.push({ method: 'POST', path, query: {}, body: sent })
    const status = review[1] === 'selfsubjectaccessreviews' ? { allowed: true } : { ...json('main/kubectl/cmd/auth/admin-rules.json'), incomplete: false }
    return send(201, { ...sent, metadata: { creationTimestamp: null }, status }), true
  }
  const services = /^\/api\/v1\/namespaces\/([^/]+)\/services$/.exec(path)
  if (services && req.method === 'GET') {
    const url = new URL(req.url, 'http://x')
    requests.push({ method: 'GET', path, query: Object.fromEntries(url.searchParams.entries()) })
    const items = services[1] === 'kube-system' ? [json('main/kubectl/cmd/cluster-info/kube-dns.json')] : []
    return send(200, { kind: 'ServiceList', apiVersion: 'v1', metadata: { resourceVersion: '105' }, items }), true
  }
  return false
}
