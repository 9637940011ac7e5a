// A throwaway Kubernetes API server for recording what the real kubectl prints. It answers legacy discovery,
// /version (minor 32), an empty OpenAPI v2 (so apply and create -f work, kubectl-wire.md §0.4), Tables for
// `Accept: ...;as=Table`, plain lists and objects otherwise, POST/PATCH with the body echoed back, and DELETE
// of a named object (200 with the object, now carrying deletionTimestamp, or 404). Everything it serves comes
// from one case: { table, tables, objects, createErrors } (`tables` gives a resource its own Table; `table` serves
// every other resource).

import http from 'node:http'
import { describeAnswer } from './fake-describe.mjs'
import { servePodverbs } from './fake-podverbs.mjs'
import { listSelectionError, selected } from './fake-get.mjs'
import { handleMutating } from './fake-mutating.mjs'
import { handleInfo } from './fake-info.mjs'
import { handleExplain } from './fake-explain.mjs'
import { handleEdit } from './fake-edit.mjs'
import { handleDryRun } from './fake-diff.mjs'
import { handleServerSideApply } from './fake-ssa.mjs'

const CORE = [
  { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', shortNames: ['po'], categories: ['all'] },
  { name: 'nodes', singularName: 'node', namespaced: false, kind: 'Node', shortNames: ['no'] },
  { name: 'events', singularName: 'event', namespaced: true, kind: 'Event', shortNames: ['ev'] },
  { name: 'namespaces', singularName: 'namespace', namespaced: false, kind: 'Namespace', shortNames: ['ns'] },
  { name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', shortNames: ['cm'] },
  { name: 'secrets', singularName: 'secret', namespaced: true, kind: 'Secret' },
]
const APPS = [
  { name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', shortNames: ['deploy'], categories: ['all'] },
  { name: 'replicasets', singularName: 'replicaset', namespaced: true, kind: 'ReplicaSet', shortNames: ['rs'], categories: ['all'] },
]
// Jobs are in the `all` category on a real cluster; here they are not, so that `get all` goldens recorded before
// jobs were served stay as they were.
const BATCH = [{ name: 'jobs', singularName: 'job', namespaced: true, kind: 'Job' }]
const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']
const DISCOVERY = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] },
  '/apis': {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [
      { name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } },
      { name: 'batch', versions: [{ groupVersion: 'batch/v1', version: 'v1' }], preferredVersion: { groupVersion: 'batch/v1', version: 'v1' } },
    ],
  },
  '/api/v1': { kind: 'APIResourceList', groupVersion: 'v1', resources: CORE.map((r) => ({ ...r, verbs: VERBS })) },
  '/apis/apps/v1': { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'apps/v1', resources: APPS.map((r) => ({ ...r, verbs: VERBS })) },
  '/apis/batch/v1': { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: 'batch/v1', resources: BATCH.map((r) => ({ ...r, verbs: VERBS })) },
  '/version': { major: '1', minor: '32', gitVersion: 'v1.32.0', gitCommit: '0', gitTreeState: 'clean', buildDate: '2024-12-11T00:00:00Z', goVersion: 'go1.23.3', compiler: 'gc', platform: 'linux/amd64' },
}
const KIND_OF = Object.fromEntries([...CORE, ...APPS, ...BATCH].map((r) => [r.name, r.kind]))

/** Starts the server; `state` = { table?, tables?: { <resource>: Table }, objects?: KubeObject[], createErrors?: { "<resource>/<name>": Status } }. */
export function startFakeApiServer(state, port = 0) {
  const requests = []
  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      const bytes = Buffer.concat(chunks)
      // kubectl's typed clients (the create subcommands) POST protobuf: kept as the object's identity only.
      const protobuf = (req.headers['content-type'] ?? '').startsWith('application/vnd.kubernetes.protobuf')
      const body = protobuf ? JSON.stringify(protobufIdentity(bytes)) : bytes.toString('utf8')
      const url = new URL(req.url, 'http://x')
      const path = url.pathname
      const send = (code, value) => {
        const text = typeof value === 'string' ? value : JSON.stringify(value)
        res.writeHead(code, { 'Content-Type': 'application/json' })
        res.end(text)
      }
      if (handleExplain(res, path, { state, discovery: DISCOVERY })) return
      if (servePodverbs({ state, method: req.method, path, url, base: DISCOVERY, send, res, requests, body, asTable: (req.headers.accept ?? '').includes('as=Table') })) return
      if (handleEdit({ req, path, body, state, requests, send })) return
      if (handleDryRun({ req, path, url, body, state, requests, send })) return
      if (handleServerSideApply({ req, path, url, body, state, requests, send })) return
      if (handleMutating({ req, res, path, body, state, requests, send, discovery: DISCOVERY })) return
      if (handleInfo(req, res, path, body, { requests, state, discovery: DISCOVERY })) return
      if (DISCOVERY[path]) return send(200, DISCOVERY[path])
      if (path === '/openapi/v2') {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' })
        return res.end()
      }
      if (path.startsWith('/openapi/')) return send(404, status(404, 'NotFound', 'the server could not find the requested resource'))

      const route = parse(path)
      if (!route) return send(404, status(404, 'NotFound', 'the server could not find the requested resource'))
      const query = [...url.searchParams.entries()].filter(([k]) => k !== 'timeout' && k !== 'timeoutSeconds')
      // A PATCH keeps its bytes and content type too: Podlab's apply must send the very same patch.
      const wire = req.method === 'PATCH' ? { contentType: req.headers['content-type'], rawBody: body } : protobuf ? { contentType: req.headers['content-type'] } : {}
      requests.push({ method: req.method, path, query: Object.fromEntries(query), ...(body ? { body: JSON.parse(body) } : {}), ...wire })
      const asTable = (req.headers.accept ?? '').includes('as=Table')
      const described = describeAnswer(state, req.method, route, url, asTable)
      if (described) return send(described.code, described.body)
      const matches = (o) =>
        KIND_OF[route.resource] === o.kind && (!route.namespace || (o.metadata.namespace ?? 'default') === route.namespace)

      const table = state.tables?.[route.resource] ?? state.table
      if (req.method === 'GET' && !route.name) {
        const denied = listSelectionError(route.resource, url.searchParams)
        if (denied) return send(400, denied)
        if (asTable && table) return send(200, { ...tableFor(table, route), rows: tableFor(table, route).rows.filter((r) => selected(r.object, url.searchParams)) })
        const items = (state.objects ?? []).filter((o) => matches(o) && selected(o, url.searchParams)).map(({ apiVersion, kind, ...rest }) => rest)
        return send(200, { kind: `${KIND_OF[route.resource]}List`, apiVersion: 'v1', metadata: { resourceVersion: '105' }, items })
      }
      if (req.method === 'GET') {
        const found = (state.objects ?? []).find((o) => matches(o) && o.metadata.name === route.name)
        if (!found) return send(404, notFound(route))
        if (asTable && table) return send(200, tableFor(table, route))
        return send(200, found)
      }
      if (req.method === 'POST') {
        const sent = JSON.parse(body)
        const failure = state.createErrors?.[`${route.resource}/${sent.metadata?.name ?? ''}`]
        if (failure) return send(failure.code, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', ...failure })
        return send(201, { ...sent, metadata: { uid: 'uid-1', resourceVersion: '106', creationTimestamp: '2025-03-01T12:00:00Z', ...sent.metadata } })
      }
      if (req.method === 'PATCH') {
        const found = (state.objects ?? []).find((o) => matches(o) && o.metadata.name === route.name)
        return found ? send(200, found) : send(404, notFound(route))
      }
      if (req.method === 'DELETE' && route.name) {
        // As the API server's graceful delete: the object stays, marked with deletionTimestamp = now + grace
        // (the request's gracePeriodSeconds, else 30), until its grace runs out; with grace 0 it goes at once
        // (so kubectl's --wait finds it gone by its first GET). "now" is the POST handler's 12:00:00.
        const objects = state.objects ?? []
        const at = objects.findIndex((o) => matches(o) && o.metadata.name === route.name)
        if (at < 0) return send(404, notFound(route))
        const options = body ? JSON.parse(body) : {}
        const fromQuery = url.searchParams.get('gracePeriodSeconds')
        const grace = Number(options.gracePeriodSeconds ?? fromQuery ?? objects[at].spec?.terminationGracePeriodSeconds ?? 30)
        if (grace === 0) return send(200, objects.splice(at, 1)[0])
        const deleted = {
          ...objects[at],
          metadata: {
            ...objects[at].metadata,
            deletionTimestamp: new Date(Date.parse('2025-03-01T12:00:00Z') + grace * 1000).toISOString().replace('.000Z', 'Z'),
            deletionGracePeriodSeconds: grace,
          },
        }
        objects[at] = deleted
        return send(200, deleted)
      }
      send(405, status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'))
    })
  })
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({ port: server.address().port, requests, close: () => server.close() }))
  })
}

/**
 * What a protobuf body names (runtime.Unknown after the "k8s\0" magic: 1 typeMeta{1 apiVersion, 2 kind}, 2 raw;
 * raw's field 1 is ObjectMeta{1 name, 3 namespace}): enough to answer and to check which object was sent.
 */
function protobufIdentity(bytes) {
  const fields = (buf) => {
    const out = {}
    let i = 0
    const varint = () => {
      let n = 0
      let shift = 0
      for (;;) {
        const b = buf[i++]
        n += (b & 0x7f) * 2 ** shift
        shift += 7
        if (b < 0x80) return n
      }
    }
    while (i < buf.length) {
      const key = varint()
      const type = key & 7
      if (type === 0) varint()
      else if (type === 2) {
        const len = varint()
        out[key >> 3] ??= buf.subarray(i, i + len)
        i += len
      } else if (type === 5) i += 4
      else if (type === 1) i += 8
      else break
    }
    return out
  }
  const unknown = fields(bytes.subarray(4))
  const typeMeta = fields(unknown[1] ?? Buffer.alloc(0))
  const meta = fields(fields(unknown[2] ?? Buffer.alloc(0))[1] ?? Buffer.alloc(0))
  const str = (b) => (b ? b.toString('utf8') : undefined)
  const metadata = { name: str(meta[1]), ...(meta[3] ? { namespace: str(meta[3]) } : {}) }
  return { apiVersion: str(typeMeta[1]), kind: str(typeMeta[2]), metadata }
}

function parse(path) {
  const m = path.match(/^\/(?:api\/v1|apis\/([^/]+)\/([^/]+))\/(?:namespaces\/([^/]+)\/)?([^/]+)(?:\/([^/]+))?$/)
  if (!m) return null
  return { group: m[1] ?? '', namespace: m[3], resource: m[4], name: m[5] }
}

/** The case's Table, narrowed to the namespace and name the request asked for. */
function tableFor(table, route) {
  const rows = table.rows.filter(
    (r) =>
      (!route.namespace || (r.object?.metadata?.namespace ?? route.namespace) === route.namespace) &&
      (!route.name || r.object?.metadata?.name === route.name),
  )
  return { ...table, rows }
}

function status(code, reason, message, details) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code }
}

function notFound(route) {
  const qualified = route.group ? `${route.resource}.${route.group}` : route.resource
  return status(404, 'NotFound', `${qualified} "${route.name}" not found`, { name: route.name, ...(route.group ? { group: route.group } : {}), kind: route.resource })
}
